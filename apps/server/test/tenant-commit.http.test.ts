import { organisations, scopedDatabase } from "@guichet/db";
import { createTestDatabase, databaseKindsUnderTest } from "@guichet/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { buildApp } from "../src/app.js";
import type { AppContext } from "../src/app-context.js";
import { readConfig } from "../src/config.js";
import { loadContract } from "../src/contract/load-contract.js";
import { bindDeployment } from "../src/runtime/bind-deployment.js";
import { createOrganisation, createUser } from "./helpers/factories.js";
import { signInAs } from "./helpers/session.js";

const postgresUrl = inject("postgresUrl");

// A handler that sends its answer before its last write must not let the client see the state
// before the commit, nor keep what a failure rolled back.
describe.each(databaseKindsUnderTest(postgresUrl))("answers after the tenant transaction on %s", (kind) => {
  const now = new Date("2026-11-23T09:00:00Z");
  let close: () => Promise<void>;
  let rename: (name: string, fail?: boolean) => Promise<{ status: number; seen: string | undefined }>;

  beforeAll(async () => {
    const contract = loadContract("multicloud-ready");
    const database = await createTestDatabase(kind, postgresUrl);
    await bindDeployment(database.db, contract.id);
    const app = await buildApp({
      config: readConfig({}),
      contract,
      database,
      clock: () => now,
    } satisfies AppContext);
    const customer = await createOrganisation(database.db, "customer");
    const admin = await createUser(database.db, customer.id, ["customer_admin"]);
    // Registered like any module's route: it sends first, then writes (and may fail after).
    app.post("/api/test/rename", async (request, reply) => {
      const { name, fail } = request.body as { name: string; fail: boolean };
      reply.code(201).send({ name });
      await new Promise((resolve) => setTimeout(resolve, 30));
      await scopedDatabase(database)
        .db.update(organisations)
        .set({ name })
        .where(eq(organisations.id, customer.id));
      if (fail) throw new Error("failed after the write");
      return reply;
    });
    await app.ready();
    const session = await signInAs(app, admin, now);
    rename = async (name, fail = false) => {
      const response = await app.inject({
        method: "POST",
        url: "/api/test/rename",
        headers: session.headers,
        payload: { name, fail },
      });
      const [row] = await database.db.select().from(organisations).where(eq(organisations.id, customer.id));
      return { status: response.statusCode, seen: row?.name };
    };
    close = async () => {
      await app.close();
      await database.close();
    };
  });
  afterAll(() => close?.());

  it("holds the answer until the write is committed", async () => {
    expect(await rename("Renommée")).toEqual({ status: 201, seen: "Renommée" });
  });

  it("answers the error, not the held answer, when the handler fails after sending, and keeps nothing", async () => {
    expect(await rename("Perdue", true)).toEqual({ status: 500, seen: "Renommée" });
  });
});
