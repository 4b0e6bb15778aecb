import { auditLog, outbox } from "@guichet/db";
import { databaseKindsUnderTest } from "@guichet/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { sweepRemediationPlans } from "../src/modules/security/sweep-remediation-plans.js";
import { createOrganisation, createUser, type TestUser } from "./helpers/factories.js";
import { signInAs } from "./helpers/session.js";
import { createTestApp, type TestApp } from "./helpers/test-app.js";

const postgresUrl = inject("postgresUrl");

// The security annex of DSN (annex 2 §4, §5; issue 18): security contacts kept current and
// incidents both ways (DSN-SEC-04), audits and their remediation plan due in 10 calendar days
// (DSN-SEC-05), a suspension linked to its incident (DSN-SEC-02).
describe.each(databaseKindsUnderTest(postgresUrl))(
  "the security annex on %s (DSN-SEC-02, -04, -05)",
  (kind) => {
    let t: TestApp;
    // Friday 4 December 2026, 16:00 in Paris.
    let now = new Date("2026-12-04T15:00:00Z");
    let officer: TestUser;
    let admin: TestUser;
    let user: TestUser;
    let otherAdmin: TestUser;
    let operatorId = "";
    let otherId = "";
    const sessions = new Map<string, Record<string, string>>();

    async function send(person: TestUser, method: "GET" | "POST", url: string, payload?: object) {
      const key = `${person.id}@${now.toISOString()}`;
      let headers = sessions.get(key);
      if (!headers) {
        headers = (await signInAs(t.app, person, now)).headers;
        sessions.set(key, headers);
      }
      return t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
    }
    const mails = (to: string) =>
      t.database.db.select().from(outbox).where(eq(outbox.toAddress, to)).orderBy(outbox.createdAt);
    const audited = (action: string) =>
      t.database.db.select().from(auditLog).where(eq(auditLog.action, action));

    beforeAll(async () => {
      t = await createTestApp(kind, postgresUrl, "deux-sevres-eservices", { clock: () => now });
      const { db } = t.database;
      const provider = await createOrganisation(db, "provider");
      officer = await createUser(db, provider.id, ["security_officer"], { totp: true });
      operatorId = (await createOrganisation(db, "customer", [{ item: "e-soutien", from: "2026-01-01" }])).id;
      admin = await createUser(db, operatorId, ["customer_admin"]);
      user = await createUser(db, operatorId, ["user"]);
      otherId = (await createOrganisation(db, "customer")).id;
      otherAdmin = await createUser(db, otherId, ["customer_admin"]);
    });
    afterAll(async () => {
      await t?.close();
    });

    it("keeps one security contact per operator, by its administrator, told to the provider and confirmed current (DSN-SEC-04)", async () => {
      const contact = {
        name: "SOC Fibre Poitou",
        email: "soc@fibre-poitou.example",
        phone: "05 49 00 00 01",
      };
      expect(
        (await send(user, "POST", `/api/organisations/${operatorId}/security-contact`, contact)).statusCode,
      ).toBe(403);
      expect(
        (await send(otherAdmin, "POST", `/api/organisations/${operatorId}/security-contact`, contact))
          .statusCode,
      ).toBe(403);
      const saved = await send(admin, "POST", `/api/organisations/${operatorId}/security-contact`, contact);
      expect(saved.statusCode).toBe(200);
      expect(saved.json()).toMatchObject({ ...contact, side: "operator", confirmedAt: now.toISOString() });
      // No provider contact yet: the change (annex 2 §7 "informera par écrit") reaches its security officers.
      const told = await mails(officer.email);
      expect(told.map((m) => m.kind)).toEqual(["security_contact_changed"]);
      expect(told[0]?.textBody).toContain("soc@fibre-poitou.example");

      now = new Date("2026-12-04T16:00:00Z");
      const confirmed = await send(
        admin,
        "POST",
        `/api/organisations/${operatorId}/security-contact/confirmation`,
      );
      expect(confirmed.json().confirmedAt).toBe(now.toISOString());
      expect(await mails(officer.email)).toHaveLength(1);

      const provider = await send(officer, "POST", "/api/security/contacts/provider", {
        name: "CERT Deux-Sèvres Numérique",
        email: "cert@deux-sevres-numerique.example",
      });
      expect(provider.statusCode).toBe(200);
      const seen = (await send(admin, "GET", "/api/security/contacts")).json();
      expect(seen.provider.contact).toMatchObject({
        email: "cert@deux-sevres-numerique.example",
        phone: null,
      });
      expect(seen.operators).toEqual([expect.objectContaining({ organisationId: operatorId })]);
      expect(seen.clause).toBe("DSN-SEC-04");
      const all = (await send(officer, "GET", "/api/security/contacts")).json();
      expect(all.operators.map((o: { organisationId: string }) => o.organisationId).sort()).toEqual(
        [operatorId, otherId].sort(),
      );
      expect(
        all.operators.find((o: { organisationId: string }) => o.organisationId === otherId).contact,
      ).toBeNull();
    });

    let incidentId = "";
    it("notifies an incident both ways through the form, mailed at once to the other side's contact, once per key (DSN-SEC-04)", async () => {
      const body = {
        kind: "malicious-activity",
        serious: true,
        title: "Intrusion sur le poste d'un intervenant",
        description: "Un poste ayant accès au Point d'accès est compromis.",
        detectedAt: "2026-12-04T14:30:00Z",
        idempotencyKey: "incident-clic-0001",
      };
      const declared = await send(user, "POST", "/api/security/incidents", body);
      expect(declared.statusCode).toBe(201);
      const incident = declared.json();
      incidentId = incident.id;
      expect(incident).toMatchObject({
        direction: "operator-to-provider",
        organisationId: operatorId,
        notifiedTo: ["cert@deux-sevres-numerique.example"],
        suspendedAccess: false,
      });
      const [mail] = await mails("cert@deux-sevres-numerique.example");
      expect(mail?.subject).toContain(incident.reference);
      expect(mail?.textBody).toContain("malveillance");
      expect(mail?.textBody).toContain("(DSN-SEC-04)");
      expect(await audited("security_incident.declared")).toHaveLength(1);
      // A double click: the same incident, no second mail.
      const again = await send(user, "POST", "/api/security/incidents", body);
      expect([again.statusCode, again.json().id]).toEqual([200, incidentId]);
      expect(await mails("cert@deux-sevres-numerique.example")).toHaveLength(1);

      const notified = await send(officer, "POST", `/api/organisations/${operatorId}/security-incidents`, {
        ...body,
        kind: "vulnerability",
        serious: false,
        title: "Vulnérabilité du VPN d'accès",
        idempotencyKey: undefined,
      });
      expect(notified.statusCode).toBe(201);
      expect(notified.json().notifiedTo).toEqual(["soc@fibre-poitou.example"]);
      expect((await mails("soc@fibre-poitou.example")).map((m) => m.kind)).toEqual(["security_incident"]);
      // The other operator sees neither, and cannot notify in the provider's name.
      expect((await send(otherAdmin, "GET", "/api/security/incidents")).json()).toEqual([]);
      expect(
        (await send(otherAdmin, "POST", `/api/organisations/${operatorId}/security-incidents`, body))
          .statusCode,
      ).toBe(403);
      expect((await send(officer, "GET", "/api/security/incidents")).json()).toHaveLength(2);
      expect((await send(admin, "GET", "/api/security/incidents")).json()).toHaveLength(2);
    });

    it("links a suspension for a serious incident to its record, never to another operator's (DSN-SEC-02)", async () => {
      const elsewhere = await send(officer, "POST", `/api/organisations/${otherId}/suspension`, {
        reason: "Intrusion",
        incidentId,
      });
      expect(elsewhere.statusCode).toBe(422);
      expect(elsewhere.json().details).toMatchObject({ clause: "DSN-SEC-02", field: "incidentId" });
      const suspended = await send(officer, "POST", `/api/organisations/${operatorId}/suspension`, {
        reason: "Intrusion en cours, accès coupé sans préavis",
        incidentId,
      });
      expect(suspended.statusCode).toBe(204);
      expect(
        (await send(officer, "GET", `/api/organisations/${operatorId}`)).json().suspensionIncidentId,
      ).toBe(incidentId);
      const listed = (await send(officer, "GET", "/api/security/incidents")).json();
      expect(listed.find((i: { id: string }) => i.id === incidentId).suspendedAccess).toBe(true);
      const [entry] = await audited("organisation.suspend");
      expect(entry?.data).toMatchObject({ incidentId, clause: "DSN-SEC-02" });
      await send(officer, "POST", `/api/organisations/${operatorId}/suspension/lift`, {
        reason: "Incident résolu",
      });
      expect(
        (await send(officer, "GET", `/api/organisations/${operatorId}`)).json().suspensionIncidentId,
      ).toBeNull();
    });

    it("records an audit: the plan due 10 calendar days after the notification, reminded, then overdue once (DSN-SEC-05)", async () => {
      now = new Date("2026-12-04T15:00:00Z");
      const recorded = await send(officer, "POST", `/api/organisations/${operatorId}/security-audits`, {
        scope: "Point d'accès et postes des intervenants",
        auditor: "Orange",
        reportOn: "2026-12-01",
        findings: "Pas d'anti-virus sur deux postes ; pas de verrouillage de session.",
        nonConformity: true,
      });
      expect(recorded.statusCode).toBe(201);
      // Notified Friday 4 December: 10 calendar days, the day itself not counted, weekends included.
      expect(recorded.json()).toMatchObject({
        planDueOn: "2026-12-14",
        planDueAt: "2026-12-14T23:00:00.000Z",
        clause: "DSN-SEC-05",
        state: "due",
      });
      const notice = (await mails("soc@fibre-poitou.example")).filter(
        (m) => m.kind === "security_audit_notified",
      );
      expect(notice[0]?.textBody).toContain("au plus tard le 14/12/2026");

      // Three days before the deadline: one reminder, however often the sweep runs.
      expect(await sweepRemediationPlans(t.context, new Date("2026-12-11T22:00:00Z"))).toEqual({
        reminded: 0,
        overdue: 0,
      });
      expect(await sweepRemediationPlans(t.context, new Date("2026-12-11T23:00:00Z"))).toEqual({
        reminded: 1,
        overdue: 0,
      });
      expect(await sweepRemediationPlans(t.context, new Date("2026-12-12T09:00:00Z"))).toEqual({
        reminded: 0,
        overdue: 0,
      });
      // Monday 14 December, 23:59 in Paris: still due. Midnight: overdue, told to both sides once.
      expect(await sweepRemediationPlans(t.context, new Date("2026-12-14T22:59:00Z"))).toEqual({
        reminded: 0,
        overdue: 0,
      });
      expect(await sweepRemediationPlans(t.context, new Date("2026-12-14T23:00:00Z"))).toEqual({
        reminded: 0,
        overdue: 1,
      });
      expect(await sweepRemediationPlans(t.context, new Date("2026-12-15T08:00:00Z"))).toEqual({
        reminded: 0,
        overdue: 0,
      });
      const operatorKinds = (await mails("soc@fibre-poitou.example")).map((m) => m.kind);
      expect(operatorKinds.filter((k) => k.startsWith("remediation_plan"))).toEqual([
        "remediation_plan_reminder",
        "remediation_plan_overdue",
      ]);
      expect((await mails("cert@deux-sevres-numerique.example")).map((m) => m.kind)).toContain(
        "remediation_plan_overdue",
      );

      now = new Date("2026-12-15T09:00:00Z");
      const [overdue] = (await send(officer, "GET", "/api/security/audits")).json();
      expect(overdue.state).toBe("overdue");
    });

    it("takes the plan once from the operator's administrator; a second filing is refused with the clause (DSN-SEC-05)", async () => {
      const [audit] = (await send(admin, "GET", "/api/security/audits")).json();
      const plan = {
        plan: "Anti-virus déployé sous 15 jours ; verrouillage de session après 10 minutes sous 7 jours.",
      };
      expect(
        (await send(user, "POST", `/api/security/audits/${audit.id}/remediation-plan`, plan)).statusCode,
      ).toBe(403);
      expect(
        (await send(otherAdmin, "POST", `/api/security/audits/${audit.id}/remediation-plan`, plan))
          .statusCode,
      ).toBe(404);
      const approveEarly = await send(
        officer,
        "POST",
        `/api/security/audits/${audit.id}/remediation-plan/approval`,
      );
      expect(approveEarly.statusCode).toBe(409);
      const filed = await send(admin, "POST", `/api/security/audits/${audit.id}/remediation-plan`, plan);
      expect(filed.statusCode).toBe(200);
      expect(filed.json()).toMatchObject({ state: "filed", plan: plan.plan, planFiledAt: now.toISOString() });
      const twice = await send(admin, "POST", `/api/security/audits/${audit.id}/remediation-plan`, {
        plan: "Un autre plan, déposé par erreur une seconde fois.",
      });
      expect(twice.statusCode).toBe(409);
      expect(twice.json().details).toMatchObject({ reason: "plan_already_filed", clause: "DSN-SEC-05" });
      const [kept] = (await send(officer, "GET", "/api/security/audits")).json();
      expect(kept.plan).toBe(plan.plan);
      expect(await audited("security_audit.plan_filed")).toEqual([
        expect.objectContaining({ data: expect.objectContaining({ late: true, clause: "DSN-SEC-05" }) }),
      ]);
      expect((await mails("cert@deux-sevres-numerique.example")).map((m) => m.kind)).toContain(
        "remediation_plan_filed",
      );

      // The provider refuses the plan with its reason: the operator is told at once and owes a
      // revised plan within 10 days again, counted from the refusal (the contract file's reading).
      const rejection = `/api/security/audits/${audit.id}/remediation-plan/rejection`;
      const reason = { reason: "Délai de 15 jours pour l'anti-virus déraisonnable : 5 jours au plus." };
      expect((await send(admin, "POST", rejection, reason)).statusCode).toBe(403);
      const rejected = await send(officer, "POST", rejection, reason);
      expect(rejected.statusCode, rejected.body).toBe(200);
      expect(rejected.json()).toMatchObject({
        state: "due",
        plan: null,
        rejectedPlan: plan.plan,
        planRejectionReason: reason.reason,
        planRejectedAt: now.toISOString(),
        // Refused Tuesday 15 December: due by the end of Friday 25 December, Paris time.
        planDueOn: "2026-12-25",
        overdueNotifiedAt: null,
      });
      const told = (await mails("soc@fibre-poitou.example")).filter(
        (m) => m.kind === "remediation_plan_rejected",
      );
      expect(told).toHaveLength(1);
      expect(told[0]?.textBody).toContain(reason.reason);
      expect(told[0]?.textBody).toContain("25/12/2026");
      expect(await audited("security_audit.plan_rejected")).toEqual([
        expect.objectContaining({
          data: expect.objectContaining({ reason: reason.reason, plan: plan.plan, planDueOn: "2026-12-25" }),
        }),
      ]);
      const again = await send(officer, "POST", rejection, reason);
      expect(again.statusCode).toBe(409);
      expect(again.json().details).toMatchObject({ reason: "plan_nothing_to_refuse", clause: "DSN-SEC-05" });
      const revised = await send(admin, "POST", `/api/security/audits/${audit.id}/remediation-plan`, {
        plan: "Anti-virus déployé sous 5 jours ; verrouillage de session après 10 minutes sous 7 jours.",
      });
      expect(revised.json()).toMatchObject({ state: "filed", rejectedPlan: plan.plan });

      const approved = await send(
        officer,
        "POST",
        `/api/security/audits/${audit.id}/remediation-plan/approval`,
      );
      expect(approved.json().state).toBe("approved");
      const afterApproval = await send(officer, "POST", rejection, reason);
      expect(afterApproval.json().details).toMatchObject({ reason: "plan_already_approved" });
      // An audit without a non-conformity owes no plan.
      const clean = await send(officer, "POST", `/api/organisations/${operatorId}/security-audits`, {
        scope: "Journalisation",
        auditor: "Orange",
        reportOn: "2026-12-10",
        findings: "Conforme.",
        nonConformity: false,
      });
      expect(clean.json()).toMatchObject({ state: "not-required", planDueOn: null });
      const none = await send(
        admin,
        "POST",
        `/api/security/audits/${clean.json().id}/remediation-plan`,
        plan,
      );
      expect([none.statusCode, none.json().details.reason]).toEqual([422, "plan_not_required"]);
      expect(
        await t.database.db
          .select()
          .from(auditLog)
          .where(
            and(eq(auditLog.action, "security_audit.recorded"), eq(auditLog.organisationId, operatorId)),
          ),
      ).toHaveLength(2);
    });
  },
);
