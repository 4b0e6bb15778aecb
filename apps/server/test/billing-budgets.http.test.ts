import { rmSync } from "node:fs";
import { auditLog, euroRates, outbox, vendorAccounts } from "@guichet/db";
import { databaseKindsUnderTest } from "@guichet/db/testing";
import { and, asc, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { withDuckDb } from "../src/modules/billing/duckdb.js";
import { FOCUS_SAMPLE, writeFromSample } from "../src/modules/billing/focus-files.test-helper.js";
import { billingTestApp, importSample } from "./helpers/billing.js";
import { createOrganisation, createUser, type TestUser } from "./helpers/factories.js";
import { signInAs } from "./helpers/session.js";
import type { TestApp } from "./helpers/test-app.js";

const postgresUrl = inject("postgresUrl");
const now = new Date("2024-09-20T09:00:00Z");
const ACCOUNT = "11353890204";
// The customer is the only one with an account of this billing account: all its lines are the customer's.
const BILLING_ACCOUNT = "1234567890123";

/** The billing account's month in euro cents at 1.1 USD per euro, from the sample itself. */
async function monthInCents(dir: string): Promise<number> {
  return withDuckDb(dir, async (c) => {
    const r = await c.runAndReadAll(
      `SELECT CAST(sum(CAST(BilledCost AS DECIMAL(38,18))) AS DOUBLE) AS usd
         FROM read_csv('${FOCUS_SAMPLE}', header = true, all_varchar = true, nullstr = 'NULL')
        WHERE BillingAccountId = '${BILLING_ACCOUNT}'`,
    );
    return Math.round((Number(r.getRowObjectsJson()[0]?.usd) / 1.1) * 100);
  });
}

describe.each(databaseKindsUnderTest(postgresUrl))(
  "budgets and alerts (MCR 6.1.2, MCR-BIL-04) on %s",
  (kind) => {
    let t: TestApp;
    let dataDir: string;
    let billing: TestUser;
    let admin: TestUser;
    let reader: TestUser;
    let stranger: TestUser;
    let customerId: string;
    let spentCents: number;
    const as = async (user: TestUser, method: "GET" | "POST" | "DELETE", url: string, payload?: unknown) =>
      t.app.inject({
        method,
        url,
        headers: (await signInAs(t.app, user, now)).headers,
        ...(payload ? { payload: payload as Record<string, unknown> } : {}),
      });
    const alertMails = () =>
      t.database.db
        .select()
        .from(outbox)
        .where(and(eq(outbox.organisationId, customerId), like(outbox.kind, "budget_alert%")))
        .orderBy(asc(outbox.subject), asc(outbox.toAddress));

    beforeAll(async () => {
      ({ t, dataDir, billing } = await billingTestApp(kind, postgresUrl, now));
      const { db } = t.database;
      const customer = await createOrganisation(db, "customer", [
        { item: "support-business", from: "2024-01-01" },
      ]);
      customerId = customer.id;
      admin = await createUser(db, customer.id, ["customer_admin"]);
      reader = await createUser(db, customer.id, ["billing_reader"]);
      const other = await createOrganisation(db, "customer");
      stranger = await createUser(db, other.id, ["customer_admin"]);
      await db.insert(vendorAccounts).values({
        organisationId: customer.id,
        catalogueItemId: "aws",
        vendorAccountId: ACCOUNT,
        billingAccountId: BILLING_ACCOUNT,
        consoleUrl: "https://console.aws.amazon.com/",
        createdAt: now,
      });
      await db
        .insert(euroRates)
        .values({ day: "2024-08-30", currency: "USD", unitsPerEuro: "1.1", importedAt: now });
      spentCents = await monthInCents(dataDir);
    });
    afterAll(async () => {
      await t?.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it("the customer's administrator sets budgets naming its own people; others may not", async () => {
      // The whole account's budget: the month will spend 82 % of it (the sample's amounts are
      // small: the margin covers the simulation's rounding per vendor and service).
      const amount = (spentCents / 0.82 / 100).toFixed(2);
      const whole = await as(admin, "POST", "/api/budgets", {
        vendor: null,
        amount,
        thresholds: [100, 50, 80],
        recipientUserIds: [admin.id, reader.id],
      });
      expect(whole.statusCode, whole.body).toBe(201);
      expect(whole.json()).toMatchObject({ created: true, alertsSent: [] });
      // A vendor's budget the month will exceed, warning the administrator only.
      const aws = await as(admin, "POST", "/api/budgets", {
        vendor: "aws",
        amount: "10",
        thresholds: [100],
        recipientUserIds: [admin.id],
      });
      expect(aws.statusCode).toBe(201);
      const again = await as(admin, "POST", "/api/budgets", {
        vendor: "aws",
        amount: "10.00",
        thresholds: [100],
        recipientUserIds: [admin.id],
      });
      expect(again.statusCode).toBe(200); // the same scope: replaced, not a second budget

      const refusals = [
        await as(admin, "POST", "/api/budgets", {
          vendor: null,
          amount: "100",
          thresholds: [50],
          recipientUserIds: [stranger.id],
        }),
        await as(admin, "POST", "/api/budgets", {
          vendor: null,
          amount: "0",
          thresholds: [50],
          recipientUserIds: [admin.id],
        }),
        await as(reader, "POST", "/api/budgets", {
          vendor: null,
          amount: "100",
          thresholds: [50],
          recipientUserIds: [reader.id],
        }),
        await as(billing, "POST", "/api/budgets", {
          vendor: null,
          amount: "100",
          thresholds: [50],
          recipientUserIds: [admin.id],
        }),
        await as(stranger, "GET", `/api/budgets?organisationId=${customerId}`),
        await as(stranger, "DELETE", `/api/budgets/${aws.json().budgetId}`),
      ];
      expect(refusals.map((r) => r.statusCode)).toEqual([400, 400, 403, 403, 403, 404]);
      const listed = await as(reader, "GET", "/api/budgets");
      expect(listed.json().items).toHaveLength(2);
      expect(
        listed
          .json()
          .people.map((p: { id: string }) => p.id)
          .sort(),
      ).toEqual([admin.id, reader.id].sort());
    });

    it("an import that reaches thresholds mails the people named, once per threshold and month, audited", async () => {
      const imported = await importSample(t, billing, now);
      expect(imported.statusCode, imported.body).toBe(201);
      const mails = await alertMails();
      // Whole account: 50 % and 80 % reached, by the month to date and by the forecast (the month is
      // complete, so they are equal), to both people; AWS (the name its file gives the slug "aws"): 100 % both ways, to the administrator.
      expect(mails.map((m) => [m.kind, m.toAddress, m.subject])).toEqual(
        expect.arrayContaining([
          [
            "budget_alert_actual",
            admin.email,
            expect.stringContaining("l'ensemble du compte de septembre 2024 : 50 % atteints"),
          ],
          ["budget_alert_actual", reader.email, expect.stringContaining(": 80 % atteints")],
          ["budget_alert_forecast", reader.email, expect.stringContaining("la prévision dépasse 80 %")],
          ["budget_alert_actual", admin.email, "Budget AWS de septembre 2024 : 100 % atteints"],
        ]),
      );
      expect(mails).toHaveLength(2 * 2 * 2 + 2);
      expect(
        mails.some((m) => m.subject.includes("l'ensemble du compte") && m.subject.includes("100 %")),
      ).toBe(false);
      const whole = mails.find((m) => m.kind === "budget_alert_actual" && m.subject.includes("80 %"));
      expect(whole?.textBody).toContain(`soit 80 % du budget mensuel de`);
      const audited = await t.database.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.action, "billing.budget_alert_sent"));
      expect(audited).toHaveLength(6);

      // The same file again, then a restated file for the period: nothing is sent twice.
      await importSample(t, billing, now);
      const restated = await writeFromSample(
        dataDir,
        "restated.csv",
        "SELECT * REPLACE (CAST(CAST(BilledCost AS DECIMAL(38,10)) * 1.1 AS VARCHAR) AS BilledCost) FROM sample",
      );
      const form = new FormData();
      form.append(
        "files",
        new Blob([await import("node:fs").then((fs) => fs.readFileSync(restated))]),
        "restated.csv",
      );
      const second = await t.app.inject({
        method: "POST",
        url: "/api/billing/cost-imports",
        headers: (await signInAs(t.app, billing, now)).headers,
        payload: form,
      });
      expect(second.statusCode, second.body).toBe(201);
      // 82 % × 1.1 = 90 %: no new threshold, so no new mail.
      expect(await alertMails()).toHaveLength(mails.length);
      const listed = (await as(admin, "GET", "/api/budgets")).json();
      const wholeBudget = listed.items.find((b: { vendor: string | null }) => b.vendor === null);
      expect(
        wholeBudget.alerts
          .map((a: { threshold: number; basis: string }) => `${a.threshold}/${a.basis}`)
          .sort(),
      ).toEqual(["50/actual", "50/forecast", "80/actual", "80/forecast"]);
      expect(Number(wholeBudget.actual)).toBeGreaterThan(Number(wholeBudget.amount) * 0.85);
    });

    it("lowering a budget below the month to date warns at once; removing it is audited", async () => {
      const listed = (await as(admin, "GET", "/api/budgets")).json();
      const whole = listed.items.find((b: { vendor: string | null }) => b.vendor === null);
      const lowered = await as(admin, "POST", "/api/budgets", {
        vendor: null,
        amount: whole.amount,
        thresholds: [50, 80, 85],
        recipientUserIds: [admin.id],
      });
      expect(lowered.json().alertsSent).toEqual([
        { threshold: 85, basis: "actual", recipients: 1 },
        { threshold: 85, basis: "forecast", recipients: 1 },
      ]);
      expect((await as(admin, "DELETE", `/api/budgets/${whole.id}`)).statusCode).toBe(204);
      const [entry] = await t.database.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.action, "billing.budget_deleted"));
      expect(entry).toMatchObject({ organisationId: customerId, targetId: whole.id });
    });
  },
);
