import { tickets } from "@guichet/db";
import { eq } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../app-context.js";
import { actorOf, type Principal, tenantOf } from "../../auth/principal.js";
import { AppError } from "../../http/errors.js";
import { notFound } from "../../http/not-found.js";
import { negotiateLocale, t } from "../../i18n/index.js";
import { readerOf } from "../../i18n/reader.js";
import { authorize } from "../../policies/authorize.js";
import { deskPolicy } from "../../policies/desk-policy.js";
import type { AttachmentRefusal } from "./attachments.js";
import { type DeskRefusal, httpCodeOf } from "./desk-refusal.js";
import { getTicket, type TicketView } from "./read-tickets.js";
import type { TicketCommand, TimelineAuthor } from "./ticket-store.js";

// What the desk's route files share (routes.ts, routes-moves.ts, routes-attachments.ts): schemas,
// refusals as errors, and acting on one ticket the caller may see.

/** The ticket a route acts on. */
export const ZTicketParams = z.strictObject({ ticketId: z.uuid() });

/** Turns a refusal of the desk into the client's error, in its language, citing the clause. */
export function refusalError(
  request: FastifyRequest,
  refused: DeskRefusal | AttachmentRefusal | { ok: false; reason: string; clause: string },
) {
  const locale = negotiateLocale(request.headers["accept-language"]);
  const clause = "clause" in refused ? refused.clause : undefined;
  const params = { clause: clause ?? "", ...("params" in refused ? refused.params : {}) };
  const reason = refused.reason as DeskRefusal["reason"];
  return new AppError(httpCodeOf(reason), t(locale, `desk.${reason}`, params), {
    reason,
    ...(clause ? { clause } : {}),
  });
}

function authorOf(principal: Principal): TimelineAuthor {
  const provider = principal.organisationKind === "provider" && !principal.acting;
  return { side: provider ? "provider" : "customer", userId: principal.userId, label: principal.displayName };
}

export type TicketRequest = FastifyRequest & { params: { ticketId: string } };

/** The visible ticket, the command of a change, its outcome. */
export interface DeskRoutesKit {
  /** Who may act on this ticket: one column read under the tenant; another tenant's ticket is a 404. */
  allowedOn(
    request: TicketRequest,
    allowed: typeof deskPolicy.view,
  ): Promise<{ principal: Principal; side: "provider" | "customer" }>;
  /** The ticket as the caller's side sees it, after a change or for reading. */
  viewOf(request: TicketRequest): Promise<TicketView>;
  commandFor(request: TicketRequest, principal: Principal): TicketCommand;
  outcome<T>(
    request: FastifyRequest,
    result: ({ ok: true } & T) | DeskRefusal | AttachmentRefusal | undefined,
  ): { ok: true } & T;
}

export function deskRoutesKit(context: AppContext): DeskRoutesKit {
  const { db } = context.database;
  const { contract } = context;

  const sideOf = (principal: Principal) =>
    authorOf(principal).side === "provider" ? "provider" : "customer";

  async function allowedOn(request: TicketRequest, allowed: typeof deskPolicy.view) {
    const principal = authorize(request, (p) => deskPolicy.view(p, tenantOf(p)));
    const [ticket] = await db
      .select({ organisationId: tickets.organisationId })
      .from(tickets)
      .where(eq(tickets.id, request.params.ticketId));
    if (!ticket || !allowed(principal, ticket.organisationId)) throw notFound(request, "ticket");
    return { principal, side: sideOf(principal) } as const;
  }

  async function viewOf(request: TicketRequest): Promise<TicketView> {
    const { principal } = await allowedOn(request, deskPolicy.view);
    const view = await getTicket(
      db,
      contract,
      request.params.ticketId,
      sideOf(principal),
      context.clock(),
      readerOf(request.headers["accept-language"], contract),
    );
    if (!view) throw notFound(request, "ticket");
    return view;
  }

  const commandFor = (request: TicketRequest, principal: Principal): TicketCommand => ({
    db,
    context,
    ticketId: request.params.ticketId,
    author: authorOf(principal),
    actor: actorOf(principal, request),
    now: context.clock(),
  });

  const outcome = <T>(
    request: FastifyRequest,
    result: ({ ok: true } & T) | DeskRefusal | AttachmentRefusal | undefined,
  ) => {
    if (!result) throw notFound(request, "ticket");
    if (!result.ok) throw refusalError(request, result);
    return result;
  };
  return { allowedOn, viewOf, commandFor, outcome };
}
