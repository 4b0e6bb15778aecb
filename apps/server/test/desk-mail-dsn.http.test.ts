import { portalOutages, tickets } from "@guichet/db";
import { databaseKindsUnderTest } from "@guichet/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { act, openTicketAs } from "./helpers/desk.js";
import { createOrganisation, createUser, type TestUser } from "./helpers/factories.js";
import { mailDesk } from "./helpers/mail-desk.js";
import { signInAs } from "./helpers/session.js";

const postgresUrl = inject("postgresUrl");

describe.each(databaseKindsUnderTest(postgresUrl))("DSN e-soutien by e-mail on %s", (kind) => {
  const desk = mailDesk("deux-sevres-eservices", kind, postgresUrl);
  let operator: TestUser;
  let agent: TestUser;
  let operatorId: string;

  beforeAll(async () => {
    await desk.start();
    const { db } = desk.world.t.database;
    const provider = await createOrganisation(db, "provider");
    agent = await createUser(db, provider.id, ["support_agent"], { totp: true });
    operatorId = (await createOrganisation(db, "customer", [{ item: "e-sav", from: "2026-01-01" }])).id;
    operator = await createUser(db, operatorId, ["user"]);
  });
  afterAll(() => desk.stop());

  it("runs a signalisation: acknowledgement, information requested by e-mail, answered by e-mail, resolution report (DSN-SUP-02..05)", async () => {
    const session = await signInAs(desk.world.t.app, operator, desk.clock());
    const opened = await desk.world.t.app.inject({
      method: "POST",
      url: "/api/tickets",
      headers: session.headers,
      payload: {
        category: "incident",
        catalogueItemId: "e-sav",
        title: "Ticket SAV bloqué",
        description: "Le ticket 4411 ne progresse plus.",
      },
    });
    expect(opened.statusCode).toBe(201);
    const ticket = opened.json();
    const [ack] = await desk.deliver();
    expect(ack?.parsed.subject).toBe(`[${ticket.reference}] Signalisation enregistrée : Ticket SAV bloqué`);
    // e-soutien's word for a ticket, from the contract (DSN-SUP-01).
    expect(ack?.parsed.text).toContain(
      `Votre signalisation est enregistrée sous la référence ${ticket.reference}`,
    );
    expect(ack?.parsed.text).toContain("(DSN-SUP-02)");

    const support = await signInAs(desk.world.t.app, agent, desk.clock());
    const held = await act(desk.world.t.app, support, ticket.id, "status", {
      action: "hold",
      message: "Merci d'indiquer la référence de la ligne.",
    });
    expect(held.json()).toMatchObject({ status: "on_hold", holdReason: "info_requested" });
    const [question] = await desk.deliver();
    expect(question?.parsed.text).toContain("Merci d'indiquer la référence de la ligne.");
    expect(question?.parsed.text).toContain("(DSN-SUP-03)");

    const answer = await desk.send(operator.email, {
      subject: `RE: ${question?.parsed.subject}`,
      inReplyTo: question?.parsed.messageId,
      text: "Ligne FTTH 0123456789.\n\n-- \nOpérateur Fibre",
    });
    expect(answer).toMatchObject({ outcome: "joined", ticketId: ticket.id });
    const resumed = await desk.world.t.app.inject({
      method: "GET",
      url: `/api/tickets/${ticket.id}`,
      headers: support.headers,
    });
    expect(resumed.json().status).toBe("in_progress");
    expect(resumed.json().timeline.at(-2)).toMatchObject({
      body: "Ligne FTTH 0123456789.",
      channel: "email",
    });

    const resolved = await act(desk.world.t.app, support, ticket.id, "status", {
      action: "resolve",
      message: "Port réinitialisé, ticket SAV débloqué.",
    });
    expect(resolved.json().status).toBe("closed");
    const [report] = await desk.deliver();
    expect(report?.parsed.subject).toBe(
      `[${ticket.reference}] Compte-rendu de résolution : Ticket SAV bloqué`,
    );
    expect(report?.parsed.text).toContain("Port réinitialisé, ticket SAV débloqué.");
    expect(report?.parsed.text).toContain("(DSN-SUP-05)");
  });

  it("asks for information at the address the operator gave on depositing, and takes its answer from there (DSN-SUP-03, DSN annex 3 §1a)", async () => {
    const { app } = desk.world.t;
    const session = await signInAs(app, operator, desk.clock());
    const contact = "noc-astreinte@operateur-fibre.example";
    const opened = await openTicketAs(app, session, {
      category: "incident",
      catalogueItemId: "e-sav",
      title: "Coupure collecte",
      description: "Plus de synchro sur le PM 79-042.",
      contactEmail: contact,
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const ticket = opened.json();
    const support = await signInAs(app, agent, desk.clock());
    const seen = await app.inject({
      method: "GET",
      url: `/api/tickets/${ticket.id}`,
      headers: support.headers,
    });
    expect(seen.json().contactEmail).toBe(contact);
    // The acknowledgement goes to the operator's account (DSN-SUP-02); the question to the address given.
    const [ack] = await desk.deliver();
    expect(ack?.envelopeTo).toEqual([operator.email]);
    await act(app, support, ticket.id, "status", { action: "hold", message: "Quel est le numéro du PM ?" });
    const [question] = await desk.deliver();
    expect(question?.envelopeTo).toEqual([contact]);
    expect(question?.parsed.text).toContain("(DSN-SUP-03)");
    // "L'Opérateur doit répondre ... par retour de mail": from that address, though no account's.
    const answer = await desk.send(contact, {
      subject: `RE: ${question?.parsed.subject}`,
      inReplyTo: question?.parsed.messageId,
      text: "PM 79-042, baie 3.",
    });
    expect(answer).toMatchObject({ outcome: "joined", ticketId: ticket.id });
    const resumed = await app.inject({
      method: "GET",
      url: `/api/tickets/${ticket.id}`,
      headers: support.headers,
    });
    expect(resumed.json().status).toBe("in_progress");
    expect(resumed.json().timeline.at(-2)).toMatchObject({ body: "PM 79-042, baie 3.", channel: "email" });
    // The address answers its own ticket only: a new mail from it is an unknown sender's.
    expect(await desk.send(contact, { subject: "Autre sujet", text: "Bonjour" })).toMatchObject({
      outcome: "refused",
      reason: "unknown_sender",
    });
    const [refusal] = await desk.deliver();
    expect(refusal?.envelopeTo).toEqual([contact]);
  });

  it("refuses an e-service the operator does not hold, and e-mail while e-soutien is up (DSN-SUP-01, DSN-SUP-08)", async () => {
    const session = await signInAs(desk.world.t.app, operator, desk.clock());
    const refused = await desk.world.t.app.inject({
      method: "POST",
      url: "/api/tickets",
      headers: session.headers,
      payload: { category: "incident", catalogueItemId: "tao", title: "TAO", description: "Ne répond pas" },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().details).toEqual({ reason: "item_not_subscribed", clause: "DSN-SUP-01" });
    const byMail = await desk.send(operator.email, {
      subject: "[OP-1] e-SAV en panne",
      text: "Service : e-sav",
    });
    expect(byMail).toEqual({ outcome: "refused", reason: "channel_closed" });
    const [answer] = await desk.deliver();
    expect(answer?.parsed.text).toContain("(DSN-SUP-08)");
  });

  it("takes a plain subject as the title of a signalisation by e-mail while e-soutien is down (DSN-SUP-08)", async () => {
    const { db } = desk.world.t.database;
    await db.insert(portalOutages).values({
      startsAt: new Date("2026-11-23T08:00:00Z"),
      reason: "panne e-soutien",
      declaredByUserId: agent.id,
    });
    const byMail = await desk.send(operator.email, {
      subject: "Tickets e-SAV non transmis",
      text: "Service : e-sav\nDepuis 9 h, aucun ticket ne part.",
    });
    await db.delete(portalOutages);
    if (byMail?.outcome !== "opened") throw new Error(JSON.stringify(byMail));
    const [ticket] = await db
      .select({ title: tickets.title, customerReference: tickets.customerReference })
      .from(tickets)
      .where(eq(tickets.id, byMail.ticketId));
    expect(ticket).toEqual({ title: "Tickets e-SAV non transmis", customerReference: null });
    const [ack] = await desk.deliver();
    expect(ack?.parsed.subject).toBe(
      `[${byMail.reference}] Signalisation enregistrée : Tickets e-SAV non transmis`,
    );
  });
});
