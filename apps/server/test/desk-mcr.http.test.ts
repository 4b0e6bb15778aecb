import { users } from "@guichet/db";
import { databaseKindsUnderTest } from "@guichet/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { sweepAutoClose } from "../src/modules/desk/desk-sweeps.js";
import { act, mailsAbout, makeNamedContact, openTicketAs } from "./helpers/desk.js";
import { createOrganisation, createUser, type TestUser } from "./helpers/factories.js";
import { type SignedIn, signInAs } from "./helpers/session.js";
import { createTestApp, type TestApp } from "./helpers/test-app.js";

const postgresUrl = inject("postgresUrl");

describe.each(databaseKindsUnderTest(postgresUrl))("MCR service desk on %s", (kind) => {
  let t: TestApp;
  let now = new Date("2026-11-23T09:00:00Z"); // Monday 10:00 in Paris
  let agent: TestUser;
  let premiumId: string;
  let premiumAdmin: TestUser;
  let premiumUser: TestUser;
  let standardContact: TestUser;
  let basicUser: TestUser;
  let otherAdmin: TestUser;
  const minutes = (n: number) => {
    now = new Date(now.getTime() + n * 60_000);
  };
  const signIn = (user: TestUser): Promise<SignedIn> => signInAs(t.app, user, now);

  beforeAll(async () => {
    t = await createTestApp(kind, postgresUrl, "multicloud-ready", { clock: () => now });
    const { db } = t.database;
    const provider = await createOrganisation(db, "provider");
    agent = await createUser(db, provider.id, ["support_agent"], { totp: true });
    premiumId = (await createOrganisation(db, "customer", [{ item: "support-premium", from: "2026-01-01" }]))
      .id;
    premiumAdmin = await createUser(db, premiumId, ["customer_admin"]);
    await makeNamedContact(db, premiumId, premiumAdmin.id);
    premiumUser = await createUser(db, premiumId, ["user"]);
    const standardId = (
      await createOrganisation(db, "customer", [{ item: "support-standard", from: "2026-01-01" }])
    ).id;
    standardContact = await createUser(db, standardId, ["named_contact"]);
    await makeNamedContact(db, standardId, standardContact.id);
    const basicId = (await createOrganisation(db, "customer")).id;
    basicUser = await createUser(db, basicId, ["user"]);
    otherAdmin = await createUser(db, standardId, ["customer_admin"]);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("runs a Premium P1 from opening to closing by itself 5 business days after resolution, across Christmas (MCR-SUP-06, MCR-SUP-10)", async () => {
    now = new Date("2026-12-24T09:00:00Z"); // Thursday 24 Dec, 10:00 in Paris
    const customer = await signIn(premiumAdmin);
    const opened = await openTicketAs(t.app, customer, {
      category: "incident",
      priority: "P1",
      customerReference: "INC-778",
    });
    expect(opened.statusCode).toBe(201);
    const ticket = opened.json();
    expect(ticket.reference).toMatch(/^MCR-2026-\d{5}$/);
    expect(ticket.status).toBe("new");
    const [mtti] = ticket.sla;
    expect(mtti).toMatchObject({
      metric: "initialResponse",
      state: "running",
      dueAt: "2026-12-24T09:30:00.000Z",
    });
    expect(mtti.explanation).toContain("MCR-SUP-06");
    const [ack] = await mailsAbout(t.database.db, ticket.id);
    expect(ack?.kind).toBe("ticket_acknowledged");
    expect(ack?.subject).toBe(`[${ticket.reference}] Demande enregistrée : Console inaccessible`);
    expect(ack?.toAddress).toBe(premiumAdmin.email);
    expect(ack?.textBody).toContain(`/demandes/${ticket.id}`); // the portal's page of the request

    minutes(20);
    const support = await signIn(agent);
    const answered = await act(t.app, support, ticket.id, "messages", {
      body: "Nous regardons, redémarrage en cours.",
    });
    expect(answered.statusCode).toBe(201);
    expect(answered.json().status).toBe("in_progress");
    expect(answered.json().sla[0]).toMatchObject({ state: "met", elapsedMinutes: 20 });

    minutes(40);
    const resolved = await act(t.app, await signIn(agent), ticket.id, "status", {
      action: "resolve",
      message: "Service rétabli.",
    });
    expect(resolved.statusCode).toBe(200);
    expect(resolved.json().status).toBe("resolved");
    // Thursday 24 Dec 11:00 Paris + 5 business days: 25 Dec and 1 Jan are holidays, so Monday 4 Jan 11:00.
    const autoClose = resolved.json().sla.find((c: { metric: string }) => c.metric === "autoClose");
    expect(autoClose).toMatchObject({
      state: "running",
      dueAt: "2027-01-04T10:00:00.000Z",
      clause: "MCR-SUP-10",
    });
    expect(resolved.json().actions).toEqual(["close", "reopen"]);
    // An hour later the customer's first session has expired (30 idle minutes): signed in again.
    const customerLater = await signIn(premiumAdmin);
    const customerView = await t.app.inject({
      method: "GET",
      url: `/api/tickets/${ticket.id}`,
      headers: customerLater.headers,
    });
    expect(customerView.json(), customerView.body).toMatchObject({ actions: ["confirm", "reopen"] });
    const resolvedMail = (await mailsAbout(t.database.db, ticket.id)).find(
      (m) => m.kind === "ticket_resolved",
    );
    expect(resolvedMail?.textBody).toContain("lundi 4 janvier 2027 à 11:00");

    expect(await sweepAutoClose(t.context, new Date("2027-01-04T09:59:00Z"))).toEqual({ closed: 0 });
    expect(await sweepAutoClose(t.context, new Date("2027-01-04T10:00:00Z"))).toEqual({ closed: 1 });
    expect(await sweepAutoClose(t.context, new Date("2027-01-04T10:05:00Z"))).toEqual({ closed: 0 });
    now = new Date("2027-01-04T10:05:00Z");
    const closed = await t.app.inject({
      method: "GET",
      url: `/api/tickets/${ticket.id}`,
      headers: (await signIn(premiumAdmin)).headers,
    });
    expect(closed.json(), closed.body).toMatchObject({ status: "closed" });
    const closing = (await mailsAbout(t.database.db, ticket.id)).find((m) => m.kind === "ticket_closed");
    expect(closing?.kind).toBe("ticket_closed");
    expect(closing?.textBody).toContain("(MCR-SUP-10)");
  });

  it("refuses a ticket from someone who is not a named contact, citing MCR-SUP-04, and writes nothing", async () => {
    const session = await signIn(premiumUser);
    const refused = await openTicketAs(t.app, session, { category: "incident" });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({
      code: "contract_rule",
      details: { reason: "not_named_contact", clause: "MCR-SUP-04" },
    });
    expect(refused.json().message).toBe("Seuls les contacts nommés peuvent ouvrir une demande (MCR-SUP-04).");
    const list = await t.app.inject({ method: "GET", url: "/api/tickets", headers: session.headers });
    expect(list.json().total).toBe(1);
    // A contact address serves requests for information by e-mail (DSN-SUP-03), which MCR's contract
    // does not mail: refused rather than kept for nothing.
    const withContact = await openTicketAs(t.app, await signIn(premiumAdmin), {
      category: "incident",
      contactEmail: "astreinte@client.example",
    });
    expect(withContact.statusCode).toBe(422);
    expect(withContact.json().details).toEqual({ field: "contactEmail" });
    const after = await t.app.inject({ method: "GET", url: "/api/tickets", headers: session.headers });
    expect(after.json().total).toBe(1);
  });

  it("opens a Basic customer's billing question without SLA, and closes its incident at once with the reason (MCR-SUP-08, MCR-SUP-11)", async () => {
    const session = await signIn(basicUser);
    const billing = await openTicketAs(t.app, session, { category: "billing", title: "Facture de novembre" });
    expect(billing.statusCode).toBe(201);
    expect(billing.json()).toMatchObject({ status: "new", slaApplies: false, sla: [] });
    const incident = await openTicketAs(t.app, session, { category: "incident" });
    expect(incident.statusCode).toBe(201);
    expect(incident.json()).toMatchObject({ status: "closed", outOfScopeReason: "outside-plan" });
    const mail = (await mailsAbout(t.database.db, incident.json().id)).find(
      (m) => m.kind === "ticket_closed",
    );
    expect(mail?.textBody).toContain("Demande hors du périmètre de l'offre de support souscrite.");
    expect(mail?.textBody).toContain("(MCR-SUP-11)");
  });

  it("numbers tickets without gaps, and honours an Idempotency-Key", async () => {
    const session = await signIn(standardContact);
    const headers = { "idempotency-key": "erp-4411" };
    const first = await openTicketAs(
      t.app,
      session,
      { category: "request", title: "Ouverture de compte" },
      headers,
    );
    expect(first.statusCode).toBe(201);
    const again = await openTicketAs(
      t.app,
      session,
      { category: "request", title: "Ouverture de compte" },
      headers,
    );
    expect(again.statusCode).toBe(200);
    expect(again.headers["idempotent-replayed"]).toBe("true");
    expect(again.json().id).toBe(first.json().id);
    const other = await openTicketAs(t.app, session, { category: "request", title: "Autre chose" }, headers);
    expect(other.statusCode).toBe(409);
    const next = await openTicketAs(t.app, session, { category: "request", title: "Suivante" });
    const number = (r: string) => Number(r.split("-")[2]);
    expect(number(next.json().reference)).toBe(number(first.json().reference) + 1);
  });

  it("hides a ticket from another customer: 404 to read or write, nothing changed", async () => {
    const owner = await signIn(premiumAdmin);
    const ticket = (await openTicketAs(t.app, owner, { category: "incident", priority: "P3" })).json();
    const stranger = await signIn(otherAdmin);
    const read = await t.app.inject({
      method: "GET",
      url: `/api/tickets/${ticket.id}`,
      headers: stranger.headers,
    });
    expect(read.statusCode).toBe(404);
    const write = await act(t.app, stranger, ticket.id, "messages", { body: "Bonjour" });
    expect(write.statusCode).toBe(404);
    const close = await act(t.app, stranger, ticket.id, "status", { action: "confirm" });
    expect(close.statusCode).toBe(404);
    const list = (
      await t.app.inject({ method: "GET", url: "/api/tickets", headers: stranger.headers })
    ).json();
    expect(list.items.map((i: { id: string }) => i.id)).not.toContain(ticket.id);
    const mine = await t.app.inject({
      method: "GET",
      url: `/api/tickets/${ticket.id}`,
      headers: owner.headers,
    });
    expect(mine.json().timeline).toHaveLength(1);
  });

  it("settles a priority dispute: support proposes, the ticket waits, the customer justifies, support decides (MCR-SUP-12)", async () => {
    const customer = await signIn(premiumAdmin);
    const support = await signIn(agent);
    const ticket = (await openTicketAs(t.app, customer, { category: "incident", priority: "P1" })).json();
    const proposed = await act(t.app, support, ticket.id, "priority", {
      priority: "P3",
      reason: "Un contournement existe.",
      mode: "propose",
    });
    expect(proposed.json()).toMatchObject({
      status: "on_hold",
      holdReason: "priority_dispute",
      priority: "P1",
    });
    expect(proposed.json().sla[0].state).toBe("paused");
    const mail = (await mailsAbout(t.database.db, ticket.id)).find((m) => m.kind === "ticket_info_requested");
    expect(mail?.textBody).toContain("de P1 à P3");
    await act(t.app, customer, ticket.id, "messages", { body: "Toute la production est arrêtée." });
    const waiting = await t.app.inject({
      method: "GET",
      url: `/api/tickets/${ticket.id}`,
      headers: support.headers,
    });
    expect(waiting.json().status).toBe("on_hold");
    const decided = await act(t.app, support, ticket.id, "priority", {
      priority: "P2",
      reason: "Impact majeur confirmé.",
    });
    expect(decided.json()).toMatchObject({ status: "in_progress", priority: "P2", holdReason: null });
    const types = decided.json().timeline.map((e: { type: string }) => e.type);
    expect(types).toEqual([
      "created",
      "priority_proposed",
      "status_changed",
      "message",
      "priority_changed",
      "status_changed",
    ]);
  });

  it("logs a call only on a ticket whose plan and priority have a phone line (MCR-SUP-03)", async () => {
    const support = await signIn(agent);
    const premium = (
      await openTicketAs(t.app, await signIn(premiumAdmin), { category: "incident", priority: "P2" })
    ).json();
    const logged = await act(t.app, support, premium.id, "calls", {
      summary: "Appel du client, diagnostic réseau.",
    });
    expect(logged.statusCode).toBe(201);
    expect(logged.json().sla[0].state).toBe("met");
    const standard = (
      await openTicketAs(t.app, await signIn(standardContact), { category: "incident", priority: "P1" })
    ).json();
    const refused = await act(t.app, support, standard.id, "calls", { summary: "Appel" });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().details).toMatchObject({ reason: "channel_closed", clause: "MCR-SUP-03" });
  });

  it("keeps internal notes from the customer, and refuses moves the workflow forbids", async () => {
    const customer = await signIn(premiumAdmin);
    const support = await signIn(agent);
    const ticket = (await openTicketAs(t.app, customer, { category: "request", priority: "P3" })).json();
    await act(t.app, support, ticket.id, "messages", {
      body: "Client sensible, voir contrat.",
      visibility: "internal",
    });
    const seen = await t.app.inject({
      method: "GET",
      url: `/api/tickets/${ticket.id}`,
      headers: customer.headers,
    });
    expect(seen.json().timeline.map((e: { type: string }) => e.type)).toEqual(["created"]);
    expect(seen.json().status).toBe("new");
    const note = await act(t.app, customer, ticket.id, "messages", { body: "x", visibility: "internal" });
    expect(note.statusCode).toBe(403);
    const resolve = await act(t.app, customer, ticket.id, "status", { action: "resolve", message: "fini" });
    expect(resolve.statusCode).toBe(409);
    expect(resolve.json().details.reason).toBe("transition_forbidden");
    const queue = await t.app.inject({
      method: "GET",
      url: "/api/tickets?open=true",
      headers: customer.headers,
    });
    expect(queue.statusCode).toBe(200);
    const priority = await act(t.app, customer, ticket.id, "priority", { priority: "P1", reason: "urgent" });
    expect(priority.statusCode).toBe(403);
  });

  it("keeps files with a message, serves them only as downloads to those who may see them, and refuses disguised executables whole", async () => {
    const customer = await signIn(premiumAdmin);
    const ticket = (await openTicketAs(t.app, customer, { category: "incident", priority: "P3" })).json();
    const png = Buffer.concat([Buffer.from("\x89PNG\r\n\x1a\n", "latin1"), Buffer.alloc(64, 7)]);
    const form = new FormData();
    form.append("body", "Capture et journal");
    form.append("files", new Blob([png], { type: "image/png" }), "capture écran.png");
    form.append("files", new Blob(["erreur 503 à 09:02"], { type: "text/plain" }), "journal.txt");
    const sent = await t.app.inject({
      method: "POST",
      url: `/api/tickets/${ticket.id}/attachments`,
      headers: customer.headers,
      payload: form,
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const message = sent.json().timeline.at(-1);
    expect(message.body).toBe("Capture et journal");
    expect(message.attachments.map((a: { fileName: string }) => a.fileName)).toEqual([
      "capture écran.png",
      "journal.txt",
    ]);

    const download = await t.app.inject({
      method: "GET",
      url: `/api/tickets/${ticket.id}/attachments/${message.attachments[0].id}`,
      headers: customer.headers,
    });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(png)).toBe(true);
    expect(download.headers["content-type"]).toBe("image/png");
    expect(download.headers["content-disposition"]).toMatch(/^attachment; /);
    expect(download.headers["x-content-type-options"]).toBe("nosniff");
    const stranger = await signIn(otherAdmin);
    const stolen = await t.app.inject({
      method: "GET",
      url: `/api/tickets/${ticket.id}/attachments/${message.attachments[0].id}`,
      headers: stranger.headers,
    });
    expect(stolen.statusCode).toBe(404);

    const disguised = new FormData();
    disguised.append("files", new Blob(["ok"], { type: "text/plain" }), "notes.txt");
    disguised.append(
      "files",
      new Blob([Buffer.from("MZ\x90\x00 this is a program", "latin1")]),
      "facture.pdf",
    );
    const refused = await t.app.inject({
      method: "POST",
      url: `/api/tickets/${ticket.id}/attachments`,
      headers: customer.headers,
      payload: disguised,
    });
    expect(refused.json()).toMatchObject({
      code: "validation_failed",
      details: { reason: "attachment_content" },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toContain("facture.pdf");
    const after = await t.app.inject({
      method: "GET",
      url: `/api/tickets/${ticket.id}`,
      headers: customer.headers,
    });
    expect(after.json().timeline).toHaveLength(2);

    const support = await signIn(agent);
    const note = new FormData();
    note.append("visibility", "internal");
    note.append("files", new Blob(["analyse interne"], { type: "text/plain" }), "analyse.txt");
    const internal = await t.app.inject({
      method: "POST",
      url: `/api/tickets/${ticket.id}/attachments`,
      headers: support.headers,
      payload: note,
    });
    const hidden = internal.json().timeline.at(-1).attachments[0].id;
    const peek = await t.app.inject({
      method: "GET",
      url: `/api/tickets/${ticket.id}/attachments/${hidden}`,
      headers: customer.headers,
    });
    expect(peek.statusCode).toBe(404);
  });
  it("mails the customer, in their language, when support takes the ticket, resumes it after On hold and when it is reopened (MCR-SUP-10, MCR 8.4)", async () => {
    now = new Date("2026-11-24T09:00:00Z");
    await t.database.db.update(users).set({ locale: "en" }).where(eq(users.id, premiumAdmin.id));
    const opened = await openTicketAs(t.app, await signIn(premiumAdmin), {
      category: "incident",
      priority: "P2",
    });
    const ticket = opened.json();
    const kinds = async () => (await mailsAbout(t.database.db, ticket.id)).map((m) => m.kind).reverse();
    minutes(1);
    const support = await signIn(agent);
    expect(
      (await act(t.app, support, ticket.id, "status", { action: "take", message: null })).statusCode,
    ).toBe(200);
    const [taken] = await mailsAbout(t.database.db, ticket.id);
    expect(taken).toMatchObject({ kind: "ticket_taken", toAddress: premiumAdmin.email });
    expect(taken?.subject).toBe(`[${ticket.reference}] Request taken in hand: Console inaccessible`);
    expect(taken?.textBody).toContain('its status is now "In progress" (MCR-SUP-10)');
    minutes(1);
    await act(t.app, support, ticket.id, "status", { action: "hold", message: "Quelle région ?" });
    minutes(1);
    await act(t.app, support, ticket.id, "status", { action: "resume", message: "Nous reprenons." });
    minutes(1);
    await act(t.app, support, ticket.id, "status", { action: "resolve", message: "Corrigé." });
    minutes(1);
    const reopened = await act(t.app, await signIn(premiumAdmin), ticket.id, "status", {
      action: "reopen",
      message: "Toujours en panne.",
    });
    expect(reopened.statusCode).toBe(200);
    expect(await kinds()).toEqual([
      "ticket_acknowledged",
      "ticket_taken",
      "ticket_info_requested",
      "ticket_resumed",
      "ticket_resolved",
      "ticket_reopened",
    ]);
    const [reopenMail] = await mailsAbout(t.database.db, ticket.id);
    expect(reopenMail?.textBody).toContain("Toujours en panne.");
    await t.database.db.update(users).set({ locale: "fr" }).where(eq(users.id, premiumAdmin.id));
  });
});
