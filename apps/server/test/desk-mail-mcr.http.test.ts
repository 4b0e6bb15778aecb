import { portalOutages, tickets } from "@guichet/db";
import { databaseKindsUnderTest } from "@guichet/db/testing";
import { eq } from "drizzle-orm";
import { createTransport } from "nodemailer";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { deskAddressOf } from "../src/modules/desk/mail-receiver.js";
import { act, makeNamedContact, openTicketAs, premiumNamedContact } from "./helpers/desk.js";
import { createOrganisation, createUser, type TestUser } from "./helpers/factories.js";
import { DESK, mailDesk } from "./helpers/mail-desk.js";
import { signInAs } from "./helpers/session.js";

const postgresUrl = inject("postgresUrl");

describe.each(databaseKindsUnderTest(postgresUrl))("MCR desk by e-mail on %s", (kind) => {
  const desk = mailDesk("multicloud-ready", kind, postgresUrl);
  let admin: TestUser;
  let standardAdmin: TestUser;
  let agent: TestUser;

  beforeAll(async () => {
    await desk.start();
    const { db } = desk.world.t.database;
    const provider = await createOrganisation(db, "provider");
    agent = await createUser(db, provider.id, ["support_agent"], { totp: true });
    ({ contact: admin } = await premiumNamedContact(db));
    const standard = await createOrganisation(db, "customer", [
      { item: "support-standard", from: "2026-01-01" },
    ]);
    standardAdmin = await createUser(db, standard.id, ["customer_admin"]);
    await makeNamedContact(db, standard.id, standardAdmin.id);
  });
  afterAll(() => desk.stop());

  it("opens a Premium P1 from an e-mail, acknowledges it threaded, and takes the customer's reply on the ticket (MCR-SUP-03, MCR-SUP-09)", async () => {
    const outcome = await desk.send(admin.email, {
      subject: "[INC-2231] Plus d'accès à la console AWS",
      text: "Priorité : P1\nService : aws\n\nPlus personne ne peut se connecter depuis 9 h.",
      attachments: [{ filename: "erreurs.log", content: "09:01 AccessDenied\n09:02 AccessDenied" }],
    });
    expect(outcome).toMatchObject({ outcome: "opened" });
    if (outcome?.outcome !== "opened") return;
    const [ticket] = await desk.world.t.database.db
      .select()
      .from(tickets)
      .where(eq(tickets.id, outcome.ticketId));
    expect(ticket).toMatchObject({
      channel: "email",
      priority: "P1",
      catalogueItemId: "aws",
      customerReference: "INC-2231",
    });
    expect(ticket?.title).toBe("Plus d'accès à la console AWS");

    const [ack] = await desk.deliver();
    expect(ack?.parsed.subject).toBe(
      `[${outcome.reference}] Demande enregistrée : Plus d'accès à la console AWS`,
    );
    expect(ack?.parsed.inReplyTo).toBe(ticket?.threadMessageId);
    expect(ack?.parsed.replyTo?.text).toBe(deskAddressOf(desk.world.t.context));
    expect(ack?.parsed.headers.get("auto-submitted")).toBe("auto-generated");

    desk.setNow("2026-11-23T09:20:00Z");
    const support = await signInAs(desk.world.t.app, agent, desk.clock());
    const answered = await act(desk.world.t.app, support, outcome.ticketId, "messages", {
      body: "Incident AWS en cours, nous revenons vers vous.",
    });
    expect(answered.json().sla[0]).toMatchObject({
      metric: "initialResponse",
      state: "met",
      elapsedMinutes: 20,
    });
    const [reply] = await desk.deliver();
    expect(reply?.parsed.text).toContain("Incident AWS en cours");

    // The customer answers the agent's mail from a mail client: quoted history stays out.
    const joined = await desk.send(admin.email, {
      subject: `RE: ${reply?.parsed.subject}`,
      inReplyTo: reply?.parsed.messageId,
      text: `Merci, c'est revenu.\n\nLe lun. 23 nov. 2026 à 10:20, Support <${DESK}> a écrit :\n> Incident AWS en cours, nous revenons vers vous.`,
    });
    expect(joined).toMatchObject({ outcome: "joined", ticketId: outcome.ticketId });
    const view = await desk.world.t.app.inject({
      method: "GET",
      url: `/api/tickets/${outcome.ticketId}`,
      headers: support.headers,
    });
    expect(view.json().timeline[0].attachments).toMatchObject([
      { fileName: "erreurs.log", contentType: "text/plain" },
    ]);
    const last = view.json().timeline.at(-1);
    expect(last).toMatchObject({
      type: "message",
      side: "customer",
      channel: "email",
      body: "Merci, c'est revenu.",
    });
  });

  it("refuses a Standard customer's new e-mail ticket with the clause even while the portal is declared down, and takes its reply to a portal ticket (MCR-SUP-03, MCR 8.2.1 eMail N/A)", async () => {
    const refused = await desk.send(standardAdmin.email, { subject: "[X-1] Question", text: "Bonjour" });
    expect(refused).toEqual({ outcome: "refused", reason: "channel_closed" });
    const [answer] = await desk.deliver();
    expect(answer?.envelopeTo).toEqual([standardAdmin.email]);
    expect(answer?.parsed.text).toContain(
      "Ce canal n'ouvre pas de demande pour votre offre de support (MCR-SUP-03).",
    );

    await desk.world.t.database.db.insert(portalOutages).values({
      startsAt: new Date("2026-11-23T08:00:00Z"),
      reason: "maintenance",
      declaredByUserId: agent.id,
    });
    const whileDown = await desk.send(standardAdmin.email, {
      subject: "[X-2] Portail inaccessible",
      text: "Catégorie : demande",
    });
    expect(whileDown).toEqual({ outcome: "refused", reason: "channel_closed" });
    const [second] = await desk.deliver();
    expect(second?.parsed.text).toContain("(MCR-SUP-03)");
    await desk.world.t.database.db.delete(portalOutages);

    // A reply to a ticket opened in the portal is follow-up on that ticket (MCR 8.3.2), not a new access.
    const session = await signInAs(desk.world.t.app, standardAdmin, desk.clock());
    const portalTicket = await openTicketAs(desk.world.t.app, session, {
      category: "request",
      catalogueItemId: "aws",
    });
    expect(portalTicket.statusCode).toBe(201);
    const { id, reference } = portalTicket.json();
    await desk.deliver();
    const joined = await desk.send(standardAdmin.email, {
      subject: `RE: [${reference}] Console inaccessible`,
      text: "Voici les journaux demandés.",
    });
    expect(joined).toMatchObject({ outcome: "joined", ticketId: id });
  });

  it("never answers bounces or auto-replies, and tells strangers and forged references what to do", async () => {
    await desk.deliver(); // what earlier tests left in the outbox
    const vacation = await desk.send(admin.email, {
      subject: "Absence du bureau",
      text: "Je suis absent.",
      headers: { "Auto-Submitted": "auto-replied" },
    });
    expect(vacation).toEqual({ outcome: "dropped", reason: "automatic" });
    const stranger = await desk.send("inconnu@example.org", { subject: "[A] Bonjour", text: "Aidez-moi" });
    expect(stranger).toEqual({ outcome: "refused", reason: "unknown_sender" });
    const forged = await desk.send(standardAdmin.email, {
      subject: "RE: [MCR-2026-00001] Console",
      text: "Et alors ?",
    });
    expect(forged).toEqual({ outcome: "refused", reason: "not_your_ticket" });
    const answers = await desk.deliver();
    expect(answers.map((a) => a.envelopeTo[0]).sort()).toEqual(
      ["inconnu@example.org", standardAdmin.email].sort(),
    );
    const toForger = answers.find((a) => a.envelopeTo[0] === standardAdmin.email);
    expect(toForger?.parsed.text).toContain("La référence citée ne correspond à aucune de vos demandes.");
  });

  it("keeps one message when the same mail arrives twice", async () => {
    const first = await desk.send(admin.email, { subject: "[INC-9] Stockage plein", text: "Priorité : P3" });
    if (first?.outcome !== "opened") throw new Error(JSON.stringify(first));
    const transport = createTransport({
      host: "127.0.0.1",
      port: desk.world.receiver.port,
      secure: false,
      ignoreTLS: true,
    });
    const mail = {
      from: admin.email,
      to: DESK,
      subject: `RE: [${first.reference}]`,
      text: "Complément",
      messageId: "<dup-1@client.example.fr>",
    };
    await transport.sendMail(mail);
    await transport.sendMail(mail);
    transport.close();
    expect(desk.world.outcomes.slice(-2)).toEqual([
      { outcome: "joined", ticketId: first.ticketId, duplicate: false },
      { outcome: "joined", ticketId: first.ticketId, duplicate: true },
    ]);
  });

  it("opens one ticket and sends one answer when a new mail or a refused one is handed over twice", async () => {
    await desk.deliver(); // what earlier tests left in the outbox
    const newTicket = {
      subject: "[INC-12] Sauvegarde en échec",
      text: "Priorité : P2",
      headers: { "Message-ID": "<again-1@client.example.fr>" },
    };
    const first = await desk.send(admin.email, newTicket);
    if (first?.outcome !== "opened") throw new Error(JSON.stringify(first));
    // As a mailbox poller does after a crash before it flagged the mail seen.
    expect(await desk.send(admin.email, newTicket)).toEqual({
      outcome: "joined",
      ticketId: first.ticketId,
      duplicate: true,
    });
    const refusedMail = {
      subject: "[X-3] Question",
      text: "Bonjour",
      headers: { "Message-ID": "<again-2@client.example.fr>" },
    };
    expect(await desk.send(standardAdmin.email, refusedMail)).toEqual({
      outcome: "refused",
      reason: "channel_closed",
    });
    expect(await desk.send(standardAdmin.email, refusedMail)).toEqual({
      outcome: "refused",
      reason: "duplicate",
    });
    const answers = await desk.deliver();
    expect(answers.map((a) => a.envelopeTo[0]).sort()).toEqual([admin.email, standardAdmin.email].sort());
    const list = await desk.world.t.database.db
      .select({ id: tickets.id })
      .from(tickets)
      .where(eq(tickets.customerReference, "INC-12"));
    expect(list).toHaveLength(1);
  });
});
