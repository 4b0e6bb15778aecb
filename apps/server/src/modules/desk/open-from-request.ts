import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../app-context.js";
import { actorOf } from "../../auth/principal.js";
import { ZPriority } from "../../http/api-schemas.js";
import { AppError } from "../../http/errors.js";
import { ZWritten } from "../../http/input-schemas.js";
import { notFound } from "../../http/not-found.js";
import { t } from "../../i18n/index.js";
import { readerOf } from "../../i18n/reader.js";
import { authorize } from "../../policies/authorize.js";
import { deskPolicy } from "../../policies/desk-policy.js";
import type { IncomingFile } from "./attachments.js";
import { IdempotencyRace, openWithIdempotency } from "./idempotent-open.js";
import { getTicket, presentTicket } from "./read-tickets.js";
import { refusalError } from "./routes-kit.js";

/** What a customer writes to open a ticket: JSON of POST /api/tickets, or the `ticket` field of a form with files. */
export const ZOpenTicketBody = z.strictObject({
  category: ZWritten(64),
  catalogueItemId: ZWritten(64).nullable().default(null),
  priority: ZPriority.nullable().default(null),
  title: ZWritten(200),
  description: ZWritten(20_000),
  customerReference: ZWritten(100).nullable().default(null),
  /**
   * Where the provider asks for more information about this request (DSN-SUP-03, DSN annex 3 §1a),
   * where the contract mails such requests; null: the requester's account address.
   */
  contactEmail: z.email().max(254).nullable().default(null),
});

/**
 * Opens a ticket for the caller, its files (already validated) on the first message, and answers
 * its view: 201, or 200 with `idempotent-replayed` for a key that already opened one.
 */
export async function openFromRequest(
  context: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  body: z.infer<typeof ZOpenTicketBody>,
  files: readonly IncomingFile[],
) {
  const { db } = context.database;
  const { contract } = context;
  const principal = authorize(request, deskPolicy.open);
  // A contact address serves the requests for information the contract mails (DSN-SUP-03); where it
  // mails none, an address given would never be used: refused rather than kept for nothing.
  const infoRequested = contract.ticketWorkflow.emailNotifications.infoRequested;
  if (body.contactEmail && !infoRequested)
    throw new AppError(
      "contract_rule",
      t(readerOf(request.headers["accept-language"], contract).locale, "desk.contact_email_not_offered"),
      { field: "contactEmail" },
    );
  const now = context.clock();
  const key = request.headers["idempotency-key"];
  const opened = await openWithIdempotency(
    db,
    context,
    {
      ...body,
      organisationId: principal.organisationId,
      requester: { userId: principal.userId, label: principal.displayName, roles: principal.roles },
      channel: principal.via === "session" ? "portal" : "api",
      files,
    },
    typeof key === "string" ? key : null,
    actorOf(principal, request),
    now,
  ).catch((error: unknown) => {
    if (!(error instanceof IdempotencyRace)) throw error;
    return { ok: false as const, reason: "idempotency_mismatch" as const };
  });
  if (!opened.ok) throw refusalError(request, opened);
  const reader = readerOf(request.headers["accept-language"], contract);
  // A replay, or files to list: read back what the opening's transaction wrote.
  if (opened.replayed || files.length > 0) {
    const view = await getTicket(db, contract, opened.ticketId, "customer", now, reader);
    if (!view) throw notFound(request, "ticket");
    if (opened.replayed) return reply.code(200).header("idempotent-replayed", "true").send(view);
    return reply.code(201).send(view);
  }
  // Answered from what was written: the opening's transaction already holds it all.
  const { ticket, timeline, organisationName, sla } = opened.opened;
  const names = new Map([
    [ticket.organisationId, organisationName],
    [ticket.requesterUserId, principal.displayName],
  ]);
  const view = presentTicket(contract, { ticket, timeline, names, files: [], sla }, "customer", now, reader);
  return reply.code(201).send(view);
}
