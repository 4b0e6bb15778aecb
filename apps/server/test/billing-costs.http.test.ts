import { readFileSync, rmSync } from "node:fs";
import { auditLog, costImports } from "@guichet/db";
import { databaseKindsUnderTest } from "@guichet/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { FOCUS_SAMPLE } from "../src/modules/billing/focus-files.test-helper.js";
import { billingTestApp } from "./helpers/billing.js";
import { createOrganisation, createUser, type TestUser } from "./helpers/factories.js";
import { signInAs } from "./helpers/session.js";
import type { TestApp } from "./helpers/test-app.js";

const postgresUrl = inject("postgresUrl");
const now = new Date("2026-10-15T09:00:00Z");

function upload(...files: Array<[name: string, content: string | Buffer]>): FormData {
  const form = new FormData();
  for (const [name, content] of files) form.append("files", new Blob([content]), name);
  return form;
}

describe.each(databaseKindsUnderTest(postgresUrl))("FOCUS import by API on %s (MCR-BIL-01)", (kind) => {
  let t: TestApp;
  let dataDir: string;
  let billing: TestUser;
  let agent: TestUser;
  let customerAdmin: TestUser;
  let providerId: string;
  const post = async (user: TestUser, form: FormData) =>
    t.app.inject({
      method: "POST",
      url: "/api/billing/cost-imports",
      headers: (await signInAs(t.app, user, now)).headers,
      payload: form,
    });
  const unmatched = async (user: TestUser) =>
    t.app.inject({
      method: "GET",
      url: "/api/billing/unmatched-accounts",
      headers: (await signInAs(t.app, user, now)).headers,
    });

  beforeAll(async () => {
    ({ t, dataDir, billing, providerId } = await billingTestApp(kind, postgresUrl, now));
    const { db } = t.database;
    agent = await createUser(db, providerId, ["support_agent"], { totp: true });
    const customer = await createOrganisation(db, "customer", [
      { item: "support-standard", from: "2026-01-01" },
    ]);
    customerAdmin = await createUser(db, customer.id, ["customer_admin"]);
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("lets billing staff import the FinOps sample, audited, and list the accounts that match no customer", async () => {
    const sample = readFileSync(FOCUS_SAMPLE);
    const response = await post(billing, upload(["focus_sample_1.0.csv", sample]));
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      lineCount: 1000,
      units: expect.arrayContaining([
        expect.objectContaining({ vendor: "aws", lineCount: 942, outcome: "imported" }),
      ]),
    });
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "billing.costs_imported"));
    expect(entry?.targetId).toBe(response.json().batchId);
    const again = await post(billing, upload(["focus_sample_1.0.csv", sample]));
    expect(again.json().units.map((u: { outcome: string }) => u.outcome)).toEqual([
      "unchanged",
      "unchanged",
      "unchanged",
      "unchanged",
    ]);
    const list = await unmatched(billing);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.reduce((n: number, a: { lineCount: number }) => n + a.lineCount, 0)).toBe(1000);
  });

  it("refuses a broken file with 422 naming the file, row and column, in the caller's language, keeping nothing", async () => {
    const before = (await t.database.db.select().from(costImports)).length;
    const lines = readFileSync(FOCUS_SAMPLE, "utf8").split("\n");
    lines[12] = (lines[12] as string).replace('"Usage"', '"Usage fees"');
    const response = await post(
      billing,
      upload(["ok.csv", readFileSync(FOCUS_SAMPLE)], ["septembre.csv", lines.join("\n")]),
    );
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({
      code: "import_refused",
      message: expect.stringMatching(
        /^septembre\.csv : ligne 12, colonne ChargeCategory : n'est pas l'une des valeurs Usage, Purchase, Tax, Credit, Adjustment \(valeur « Usage fees »\)/,
      ),
      details: { file: "septembre.csv", row: 12, column: "ChargeCategory", value: "Usage fees" },
    });
    expect((await t.database.db.select().from(costImports)).length).toBe(before);
  });

  it("keeps imports and unmatched accounts to the provider's billing staff", async () => {
    expect((await post(agent, upload(["a.csv", "x"]))).statusCode).toBe(403);
    expect((await post(customerAdmin, upload(["a.csv", "x"]))).statusCode).toBe(403);
    expect((await unmatched(customerAdmin)).statusCode).toBe(403);
    const empty = await t.app.inject({
      method: "POST",
      url: "/api/billing/cost-imports",
      headers: (await signInAs(t.app, billing, now)).headers,
      payload: new FormData(),
    });
    expect(empty.statusCode).toBeLessThan(500);
  });
});
