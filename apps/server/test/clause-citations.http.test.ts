import { databaseKindsUnderTest } from "@guichet/db/testing";
import type { Contract } from "@guichet/domain";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { makeNamedContact, openTicketAs } from "./helpers/desk.js";
import { createOrganisation, createUser, type TestUser } from "./helpers/factories.js";
import { hostileRequests, type Known, type Operation, operationsOf } from "./helpers/hostile-requests.js";
import { signInAs } from "./helpers/session.js";
import { createTestApp, type TestApp } from "./helpers/test-app.js";
import { FOURTH_CONTRACT, THIRD_CONTRACT } from "./helpers/third-contract.js";

// Issue 23, GEN-02: every rule the server applies cites the clause its contract gives for it, never
// another provider's. For four contracts (the two shipped, the third and the fourth of the test
// suite), every route of the OpenAPI document is walked as a customer and as provider staff with
// requests made from its own schemas (valid ones and ones with one hostile part, so refusals of
// every kind come back), the ticket's SLA explanations are read in both languages, and every clause
// id any answer cites must be one of its contract's ("deployment-rule" where it has none).

const postgresUrl = inject("postgresUrl");
const RUNS = Number(process.env.CITATION_RUNS ?? 3);
/** The same requests on every run (CITATION_SEED to try others). */
const SEED = Number(process.env.CITATION_SEED ?? 23);
const CLAUSE = /\b([A-Z]{2,4}(?:-[A-Z]{2,4})?-\d{2})\b/g;
/** What the document describes (summaries cite requirement ids of both shipped contracts). */
const NOT_ANSWERS = ["/api/openapi.json", "/api/docs"];

function clausesIn(text: string): Set<string> {
  return new Set([...text.matchAll(CLAUSE)].map((match) => match[1] as string));
}

/** The top plan, the catalogue item that gives it, and what opening a ticket under it needs. */
function topPlanOf(contract: Contract) {
  const [planKey, plan] =
    Object.entries(contract.supportPlans).sort(([, a], [, b]) => b.rank - a.rank)[0] ?? [];
  if (!planKey || !plan) throw new Error("no plan");
  const item = contract.catalogue.items.find((i) => i.kind === "support-plan" && i.plan === planKey);
  const service = plan.scope.subscribedItemsOnly
    ? contract.catalogue.items.find(
        (i) =>
          i.kind !== "support-plan" &&
          i.kind !== "option" &&
          (!plan.scope.catalogueItems || plan.scope.catalogueItems.includes(i.id)),
      )
    : undefined;
  const category =
    plan.scope.categories.find((c) => contract.ticketWorkflow.categories[c]?.slaApplies) ??
    plan.scope.categories[0];
  return { plan, item, service, category };
}

const CONTRACTS = [
  ["multicloud-ready", "multicloud-ready"],
  ["deux-sevres-eservices", "deux-sevres-eservices"],
  ["boreal-cloud", THIRD_CONTRACT],
  ["alpen-cloud", FOURTH_CONTRACT],
] as const;

describe.each(databaseKindsUnderTest(postgresUrl))("clauses cited on %s", (kind) => {
  describe.each(CONTRACTS)("under %s", (_name, contractFile) => {
    let t: TestApp;
    let nowMs = Date.parse("2026-11-24T09:00:00Z");
    let own: Set<string>;
    let operations: Operation[];
    let components: Record<string, Record<string, unknown>>;
    const callers = {} as Record<"customer" | "staff", { user: TestUser; known: Known }>;
    let ticketId = "";

    beforeAll(async () => {
      // The walk's clients come from 10.23.x.x through the deployment's TLS proxy (DSN's httpsOnly, DSN-SEC-03).
      t = await createTestApp(kind, postgresUrl, contractFile, {
        clock: () => new Date(nowMs),
        env: { TRUST_PROXY: "10.23.0.0/16" },
      });
      const { contract } = t.context;
      own = clausesIn(JSON.stringify(contract));
      const { db } = t.database;
      const provider = await createOrganisation(db, "provider");
      const staff = await createUser(db, provider.id, ["admin", "support_agent", "account_manager"], {
        totp: true,
      });
      const { plan, item, service, category } = topPlanOf(contract);
      const from = "2026-01-01";
      const held = [
        ...(item ? [{ item: item.id, from }] : []),
        ...(service ? [{ item: service.id, from }] : []),
      ];
      const customer = await createOrganisation(db, "customer", held);
      const admin = await createUser(db, customer.id, ["customer_admin"], { canInvite: true });
      const other = await createUser(db, customer.id, ["user"]);
      if (plan.namedContacts) await makeNamedContact(db, customer.id, admin.id);
      const session = await signInAs(t.app, admin, new Date(nowMs));
      const opened = await openTicketAs(t.app, session, {
        category,
        priority: Object.keys(contract.priorities.levels)[0],
        ...(service ? { catalogueItemId: service.id } : {}),
      });
      expect(opened.statusCode, opened.body).toBe(201);
      ticketId = opened.json().id;
      const ids = { organisationId: customer.id, ticketId, userId: other.id, email: other.email };
      callers.customer = { user: admin, known: { ids } };
      callers.staff = { user: staff, known: { ids } };
      const document = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
      operations = operationsOf(document).filter(
        (op) => !NOT_ANSWERS.some((path) => op.path.startsWith(path)),
      );
      components = document.components.schemas;
    }, 120_000);
    afterAll(async () => {
      await t?.close();
    });

    it("cites only its own clauses in every refusal and explanation", { timeout: 600_000 }, async () => {
      const foreign = new Map<string, string>();
      let answers = 0;
      const note = (where: string, body: string) => {
        answers++;
        // GEN-nn are the requirement catalogue's own ids, which every contract references.
        for (const clause of clausesIn(body))
          if (!own.has(clause) && !clause.startsWith("GEN-")) foreign.set(clause, where);
      };
      for (const role of ["customer", "staff"] as const) {
        const caller = callers[role];
        let session: Awaited<ReturnType<typeof signInAs>> | undefined;
        for (const operation of operations) {
          const requests = fc.sample(hostileRequests(operation, components, caller.known), {
            numRuns: RUNS,
            seed: SEED,
          });
          for (const request of requests) {
            if (!session) {
              nowMs += 31_000;
              session = await signInAs(t.app, caller.user, new Date(nowMs));
            }
            const response = await t.app.inject({
              method: request.method as "GET",
              url: request.url,
              headers: { ...session.headers, ...request.headers, "x-forwarded-proto": "https" },
              remoteAddress: `10.23.${answers % 250}.${(answers >> 8) % 250}`,
              ...(request.payload === undefined ? {} : { payload: request.payload }),
            });
            if (response.statusCode === 401 || request.url.startsWith("/api/auth/sign-out"))
              session = undefined;
            // Texts people read (JSON, CSV, HTML): a backup's or a PDF's bytes cite nothing.
            if (/json|text/.test(String(response.headers["content-type"] ?? "")))
              note(`${role} ${response.statusCode} ${operation.method} ${operation.path}`, response.body);
          }
        }
        // The ticket's SLA explanations, in both languages of the portal.
        nowMs += 31_000;
        session ??= await signInAs(t.app, caller.user, new Date(nowMs));
        for (const language of ["fr", "en"]) {
          const ticket = await t.app.inject({
            method: "GET",
            url: `/api/tickets/${ticketId}`,
            headers: { ...session.headers, "accept-language": language },
          });
          if (ticket.statusCode === 200) expect(ticket.json().sla.length).toBeGreaterThan(0);
          note(`${role} explanations (${language})`, ticket.body);
        }
      }
      expect([...foreign].map(([clause, where]) => `${clause} in ${where}`)).toEqual([]);
      expect(answers).toBeGreaterThan(operations.length * RUNS);
    });
  });
});
