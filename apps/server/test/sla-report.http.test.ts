import { databaseKindsUnderTest } from "@guichet/db/testing";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { act, openTicketAs } from "./helpers/desk.js";
import { createOrganisation, createUser, type TestUser } from "./helpers/factories.js";
import { premiumDesk } from "./helpers/premium-desk.js";
import { signInAs } from "./helpers/session.js";
import { createTestApp, type TestApp } from "./helpers/test-app.js";

const postgresUrl = inject("postgresUrl");

describe.each(databaseKindsUnderTest(postgresUrl))("MCR monthly SLA report on %s", (kind) => {
  let t: TestApp;
  let now = new Date("2026-10-31T22:30:00Z"); // Saturday 31 October, 23:30 in Paris
  let agent: TestUser;
  let premiumId: string;
  let premiumAdmin: TestUser;
  let premiumContact: TestUser;
  let otherAdmin: TestUser;
  const at = (iso: string) => {
    now = new Date(iso);
  };
  const get = async (user: TestUser, url: string, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: "GET",
      url,
      headers: { ...(await signInAs(t.app, user, now)).headers, ...headers },
    });

  /** Opens a ticket as the Premium administrator now, and has the agent answer it `minutes` later. */
  async function ticketAnsweredAfter(
    priority: "P1" | "P2" | "P3",
    minutes: number | null,
    category = "incident",
  ) {
    const opened = await openTicketAs(t.app, await signInAs(t.app, premiumAdmin, now), {
      category,
      priority,
    });
    expect(opened.statusCode, opened.body).toBe(201);
    if (minutes === null) return;
    at(new Date(now.getTime() + minutes * 60_000).toISOString());
    const answer = await act(t.app, await signInAs(t.app, agent, now), opened.json().id, "messages", {
      body: "Nous prenons en charge votre demande.",
    });
    expect(answer.statusCode, answer.body).toBe(201);
  }

  beforeAll(async () => {
    t = await createTestApp(kind, postgresUrl, "multicloud-ready", { clock: () => now });
    const { db } = t.database;
    ({ agent, premiumId, premiumAdmin } = await premiumDesk(db));
    premiumContact = await createUser(db, premiumId, ["named_contact"]);
    const other = await createOrganisation(db, "customer", [{ item: "support-premium", from: "2026-01-01" }]);
    otherAdmin = await createUser(db, other.id, ["customer_admin"]);

    // October in Paris: one P1 answered after 5 minutes, 23:30 on the 31st.
    await ticketAnsweredAfter("P1", 5);
    // November in Paris from 23:00 UTC: Premium P1 (target 30 min, 24x7) answered after 10, 20, 40 minutes.
    at("2026-10-31T23:30:00Z");
    await ticketAnsweredAfter("P1", 10);
    at("2026-11-03T14:00:00Z");
    await ticketAnsweredAfter("P1", 20);
    at("2026-11-10T02:00:00Z");
    await ticketAnsweredAfter("P1", 40);
    // A P3 (target 8 h) answered after 90 and a half minutes: a fraction to write with a decimal comma.
    at("2026-11-12T09:00:00Z");
    await ticketAnsweredAfter("P3", 90.5);
    // A billing question has no SLA (MCR-SUP-08); a P2 (target 1 h) is still unanswered at report time.
    at("2026-11-20T09:00:00Z");
    await ticketAnsweredAfter("P3", null, "billing");
    at("2026-11-30T22:00:00Z"); // Monday 30 November, 23:00 in Paris
    await ticketAnsweredAfter("P2", null);
    at("2026-11-30T22:10:00Z");
  });
  afterAll(async () => {
    await t?.close();
  });

  it("computes a month per priority by hand: P1 after 10, 20, 40 min → 2 met, 1 breached, median 20, p90 40, mean 23.3 within 30 min (MCR-SUP-06)", async () => {
    const response = await get(premiumAdmin, "/api/desk/reports/sla?month=2026-11");
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json();
    expect(report).toMatchObject({
      organisationId: premiumId,
      month: "2026-11",
      from: "2026-10-31T23:00:00.000Z",
      to: "2026-11-30T23:00:00.000Z",
      timeZone: "Europe/Paris",
      percentile: "nearest-rank",
    });
    const [p1, p2, p3] = report.priorities;
    expect(p1).toEqual({
      priority: "P1",
      counted: 3,
      met: 2,
      breached: 1,
      running: 0,
      answered: 3,
      medianMinutes: 20,
      p90Minutes: 40,
      excluded: { maintenance: 0, outOfScope: 0, slaNotApplicable: 0, noTarget: 0 },
    });
    expect(p2).toMatchObject({ counted: 1, running: 1, answered: 0, medianMinutes: null, p90Minutes: null });
    expect(p3).toMatchObject({ counted: 1, met: 1, medianMinutes: 90.5, excluded: { slaNotApplicable: 1 } });
    // MCR-SUP-06 "Temps de réponse moyen initial": a mean per plan and priority, met or not on the mean
    // (issue 14). P1: (10 + 20 + 40) / 3 = 23.3 min against 30 min, met although one ticket was late;
    // the P2 still within its target has no time yet.
    expect(report.meanResponse).toEqual([
      {
        plan: "premium",
        planName: { fr: "Premium", en: "Premium" },
        priority: "P1",
        measured: 3,
        meanMinutes: 23.3,
        target: { text: "30m", fr: "< 30 min", en: "< 30 min" },
        targetMinutes: 30,
        met: true,
      },
      {
        plan: "premium",
        planName: { fr: "Premium", en: "Premium" },
        priority: "P2",
        measured: 0,
        meanMinutes: null,
        target: { text: "1h", fr: "< 1 h", en: "< 1 h" },
        targetMinutes: null,
        met: null,
      },
      {
        plan: "premium",
        planName: { fr: "Premium", en: "Premium" },
        priority: "P3",
        measured: 1,
        meanMinutes: 90.5,
        target: { text: "8h", fr: "< 8 h", en: "< 8 h" },
        targetMinutes: 480,
        met: true,
      },
    ]);
    expect(report.total).toMatchObject({
      counted: 5,
      met: 3,
      breached: 1,
      running: 1,
      answered: 4,
      medianMinutes: 20,
      p90Minutes: 90.5,
      excluded: { maintenance: 0, outOfScope: 0, slaNotApplicable: 1, noTarget: 0 },
    });
  });

  it("cuts months at midnight in Paris: the ticket of Saturday 31 October 23:30 is October's", async () => {
    const october = (
      await get(agent, `/api/desk/reports/sla?organisationId=${premiumId}&month=2026-10`)
    ).json();
    expect(october.total).toMatchObject({ counted: 1, met: 1, medianMinutes: 5 });
  });

  it("gives the provider any customer's report, and a customer's administrator only its own", async () => {
    const asAgent = await get(agent, `/api/desk/reports/sla?organisationId=${premiumId}&month=2026-11`);
    expect(asAgent.json().total.counted).toBe(5);
    const otherCustomer = await get(
      otherAdmin,
      `/api/desk/reports/sla?organisationId=${premiumId}&month=2026-11`,
    );
    expect(otherCustomer.statusCode).toBe(403);
    const notAdmin = await get(premiumContact, "/api/desk/reports/sla?month=2026-11");
    expect(notAdmin.statusCode).toBe(403);
    const own = await get(otherAdmin, "/api/desk/reports/sla?month=2026-11");
    expect(own.json()).toMatchObject({ total: { counted: 0 } });
    const unknown = await get(
      agent,
      "/api/desk/reports/sla?organisationId=00000000-0000-4000-8000-000000000000",
    );
    expect(unknown.statusCode).toBe(404);
    const unnamed = await get(agent, "/api/desk/reports/sla?month=2026-11");
    expect(unnamed.statusCode).toBe(400);
    expect(unnamed.json().message).toBe("Indiquez l'organisation cliente du rapport (organisationId).");
  });

  it("writes the month as CSV for French spreadsheets: headers in French, semicolons, decimal comma", async () => {
    const response = await get(premiumAdmin, "/api/desk/reports/sla?month=2026-11&format=csv");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(response.headers["content-disposition"]).toBe('attachment; filename="sla-2026-11.csv"');
    expect(response.body.startsWith("\uFEFF")).toBe(true);
    const [header, p1, p2, p3, total] = response.body.slice(1).trimEnd().split("\r\n");
    expect(header).toBe(
      "Mois;Organisation;Priorité;Demandes comptées;Délai respecté;Délai dépassé;En cours;Prises en charge;" +
        "Médiane (minutes ouvrées);90e centile (minutes ouvrées);Exclues : maintenance programmée;" +
        "Exclues : hors périmètre;Exclues : sans engagement de délai;Exclues : pas d'objectif pour l'offre;" +
        "Offre;Temps de réponse moyen initial (minutes ouvrées);Objectif MTTI;Moyenne dans l'objectif",
    );
    const organisation = (await get(premiumAdmin, "/api/desk/reports/sla?month=2026-11")).json()
      .organisationName;
    // MCR-SUP-06: the P1 mean, (10 + 20 + 40) / 3 = 23.3 min, is within 30 min though one ticket was late.
    expect(p1).toBe(`2026-11;${organisation};P1;3;2;1;0;3;20;40;0;0;0;0;Premium;23,3;< 30 min;Oui`);
    expect(p2).toBe(`2026-11;${organisation};P2;1;0;0;1;0;;;0;0;0;0;Premium;;< 1 h;`);
    expect(p3).toBe(`2026-11;${organisation};P3;1;1;0;0;1;90,5;90,5;0;0;1;0;Premium;90,5;< 8 h;Oui`);
    expect(total).toBe(`2026-11;${organisation};Toutes priorités;5;3;1;1;4;20;90,5;0;0;1;0;;;;`);
  });

  it("writes the CSV in the language of `lang` over Accept-Language: the portal's link gives its own", async () => {
    const url = `/api/desk/reports/sla/monthly?organisationId=${premiumId}&from=2026-11&to=2026-11&format=csv`;
    const english = await get(agent, `${url}&lang=en`, { "accept-language": "fr-FR,fr;q=0.9" });
    expect(english.statusCode, english.body).toBe(200);
    const [header, , , p3] = english.body.trimEnd().split("\r\n");
    expect(header).toMatch(/^\uFEFFMonth,Organisation,Priority,Tickets counted,/);
    expect(p3).toMatch(/,P3,1,1,0,0,1,90\.5,90\.5,0,0,1,0,Premium,90\.5,< 8 h,Yes$/);
    const french = await get(agent, `${url}&lang=fr`, { "accept-language": "en-GB,en;q=0.9" });
    expect(french.body).toMatch(/^\uFEFFMois;Organisation;Priorité;Demandes comptées;/);
    // Refusals follow it too; a language the portal does not have is refused.
    const staffUnnamed = await get(agent, "/api/desk/reports/sla?month=2026-11&lang=en", {
      "accept-language": "fr",
    });
    expect(staffUnnamed.json().message).toBe(
      "Say which customer organisation the report is about (organisationId).",
    );
    expect((await get(agent, `${url}&lang=de`)).statusCode).toBe(400);
  });

  it("gives a series of months for a chart, as JSON or as CSV by Accept, and refuses a period too long", async () => {
    const series = await get(
      agent,
      `/api/desk/reports/sla/monthly?organisationId=${premiumId}&from=2026-10&to=2026-12`,
    );
    expect(series.statusCode, series.body).toBe(200);
    expect(series.json()).toMatchObject({ from: "2026-10", to: "2026-12" });
    expect(
      series
        .json()
        .months.map((m: { month: string; total: { counted: number } }) => [m.month, m.total.counted]),
    ).toEqual([
      ["2026-10", 1],
      ["2026-11", 5],
      ["2026-12", 0],
    ]);
    const lastYear = (await get(premiumAdmin, "/api/desk/reports/sla/monthly")).json();
    expect(lastYear).toMatchObject({ from: "2025-12", to: "2026-11" });
    expect(lastYear.months).toHaveLength(12);

    const csv = await get(
      agent,
      `/api/desk/reports/sla/monthly?organisationId=${premiumId}&from=2026-10&to=2026-11`,
      {
        accept: "text/csv",
        "accept-language": "en",
      },
    );
    expect(csv.headers["content-type"]).toBe("text/csv; charset=utf-8");
    const lines = csv.body.trimEnd().split("\r\n");
    expect(lines).toHaveLength(1 + 2 * 4);
    expect(lines[0]).toMatch(/^\uFEFFMonth,Organisation,Priority,Tickets counted,/);
    expect(lines[7]).toMatch(/,P3,1,1,0,0,1,90\.5,90\.5,0,0,1,0,Premium,90\.5,< 8 h,Yes$/);

    const tooLong = await get(
      agent,
      `/api/desk/reports/sla/monthly?organisationId=${premiumId}&from=2024-01&to=2026-11`,
    );
    expect(tooLong.statusCode).toBe(400);
    const reversed = await get(
      agent,
      `/api/desk/reports/sla/monthly?organisationId=${premiumId}&from=2026-11&to=2026-10`,
    );
    expect(reversed.statusCode).toBe(400);
  });
});
