import { runInTenant, tickets } from "@guichet/db";
import { PRIORITIES, TICKET_ACTIONS } from "@guichet/domain";
import { eq } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app-context.js";
import { actorOf, type Principal, tenantOf } from "../../auth/principal.js";
import { tenantScopeOf } from "../../auth/tenant-scope.js";
import { AppError } from "../../http/errors.js";
import { notFound } from "../../http/not-found.js";
import { negotiateLocale, t } from "../../i18n/index.js";
import { authorize } from "../../policies/authorize.js";
import { deskPolicy, isDeskStaff } from "../../policies/desk-policy.js";
import type { AttachmentRefusal } from "./attachments.js";
import { changeStatus } from "./change-status.js";
import { deskForm } from "./desk-form.js";
import { type DeskRefusal, httpCodeOf } from "./desk-refusal.js";
import { IdempotencyRace, openWithIdempotency } from "./idempotent-open.js";
import { postMessage } from "./post-message.js";
import { getTicket, listTickets, presentTicket, type TicketFilter, type TicketView } from "./read-tickets.js";
import { attachmentRoutes } from "./routes-attachments.js";
import { assignTicket, changePriority, logCall } from "./support-moves.js";
import { createPageCache, ticketsChanged } from "./ticket-pages.js";
import type { TicketCommand, TimelineAuthor } from "./ticket-store.js";

const ZTicketParams = z.strictObject({ ticketId: z.uuid() });
const JSON_TYPE = "application/json; charset=utf-8";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const ZText = (max: number) => z.string().trim().min(1).max(max);
const ZStatus = z.enum(["new", "in_progress", "on_hold", "resolved", "closed"]);

const ZListQuery = z.strictObject({
  status: z
    .string()
    .transform((s) => s.split(",").filter(Boolean))
    .pipe(z.array(ZStatus))
    .optional(),
  open: z.enum(["true", "false"]).optional(),
  organisationId: z.uuid().optional(),
  assignee: z.union([z.uuid(), z.literal("none"), z.literal("me")]).optional(),
  q: z.string().max(200).optional(),
  order: z.enum(["urgency", "recent"]).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

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

type TicketRequest = FastifyRequest & { params: { ticketId: string } };
type ListRequest = FastifyRequest<{ Querystring: z.infer<typeof ZListQuery> }>;

/** What the desk's route files share: the visible ticket, the command of a change, its outcome. */
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

/** The service desk's routes: customers' requests and the provider's queue and workspace. */
export function deskRoutes(context: AppContext): FastifyPluginAsyncZod {
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
    const locale = negotiateLocale(request.headers["accept-language"]);
    const view = await getTicket(
      db,
      contract,
      request.params.ticketId,
      sideOf(principal),
      context.clock(),
      locale,
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
  const kit: DeskRoutesKit = { allowedOn, viewOf, commandFor, outcome };

  const pages = createPageCache();
  /** The list a reader asks for, within what it may see, and the key of its page. */
  function listingOf(request: ListRequest) {
    const principal = authorize(request, (p) => deskPolicy.view(p, tenantOf(p)));
    const staff = isDeskStaff(principal);
    const query = request.query;
    const assignee = query.assignee === "me" ? principal.userId : query.assignee;
    const filter: TicketFilter = {
      organisationId: staff
        ? query.organisationId
        : (principal.acting?.organisationId ?? principal.organisationId),
      status: query.status,
      open: query.open === undefined ? undefined : query.open === "true",
      assigneeUserId: staff ? assignee : undefined,
      q: query.q,
      order: query.order ?? (staff ? "urgency" : "recent"),
      limit: query.limit,
      offset: query.offset,
    };
    const scope = tenantScopeOf(principal);
    return { filter, scope, key: JSON.stringify([scope, staff, filter]) };
  }

  return async (app) => {
    // Pages of tickets are stale once a change to them has committed (held replies are sent after).
    app.addHook("onSend", async (request, reply) => {
      if (!SAFE_METHODS.has(request.method) && reply.statusCode < 400) ticketsChanged();
    });
    await app.register(attachmentRoutes(context, kit));

    app.get(
      "/api/desk/form",
      {
        schema: {
          tags: ["desk"],
          summary: "What the signed-in customer may open: plan, categories, services, the priority matrix",
        },
      },
      async (request) => {
        const principal = authorize(request, deskPolicy.open);
        const locale = negotiateLocale(request.headers["accept-language"]);
        return deskForm(db, contract, principal, context.clock(), locale);
      },
    );

    app.get(
      "/api/tickets",
      {
        schema: {
          tags: ["desk"],
          summary:
            "Tickets with their SLA now: the customer's own, or the provider's queue (most urgent first)",
          querystring: ZListQuery,
        },
        // A page computed in this second for the same reader is sent as it was, before any
        // transaction is opened (ticket-pages.ts).
        preHandler: async (request: ListRequest, reply) => {
          const { filter, key, scope } = listingOf(request);
          const now = context.clock();
          // A refresh runs beside the requests, in a tenant transaction of its own.
          const refresh = () =>
            runInTenant(context.database, scope, async () =>
              JSON.stringify(await listTickets(db, contract, filter, now)),
            ).catch((error: unknown) => {
              request.log.error({ err: error }, "refreshing a page of tickets failed");
              throw error;
            });
          const kept = pages.serve(key, now, refresh);
          // Being computed by another request: wait for it; if that fails, compute it here.
          const page = kept === undefined ? undefined : await Promise.resolve(kept).catch(() => undefined);
          if (page !== undefined) return reply.type(JSON_TYPE).send(page);
        },
      },
      async (request, reply) => {
        const { filter, key } = listingOf(request);
        const now = context.clock();
        const page = await pages.compute(key, now, async () =>
          JSON.stringify(await listTickets(db, contract, filter, now)),
        );
        return reply.type(JSON_TYPE).send(page);
      },
    );

    app.post(
      "/api/tickets",
      {
        schema: {
          tags: ["desk"],
          summary:
            "Open a ticket (named contacts, MCR-SUP-04; subscribed e-services, DSN-SUP-01); Idempotency-Key honoured",
          headers: z.object({ "idempotency-key": z.string().trim().min(1).max(200).optional() }),
          body: z.strictObject({
            category: ZText(64),
            catalogueItemId: z.string().trim().min(1).max(64).nullable().default(null),
            priority: z.enum(PRIORITIES).nullable().default(null),
            title: ZText(200),
            description: ZText(20_000),
            customerReference: z.string().trim().min(1).max(100).nullable().default(null),
          }),
        },
      },
      async (request, reply) => {
        const principal = authorize(request, deskPolicy.open);
        const now = context.clock();
        const opened = await openWithIdempotency(
          db,
          context,
          {
            ...request.body,
            organisationId: principal.organisationId,
            requester: { userId: principal.userId, label: principal.displayName, roles: principal.roles },
            channel: principal.via === "api_token" ? "api" : "portal",
          },
          request.headers["idempotency-key"] ?? null,
          actorOf(principal, request),
          now,
        ).catch((error: unknown) => {
          if (!(error instanceof IdempotencyRace)) throw error;
          return { ok: false as const, reason: "idempotency_mismatch" as const };
        });
        if (!opened.ok) throw refusalError(request, opened);
        const locale = negotiateLocale(request.headers["accept-language"]);
        if (opened.replayed) {
          const view = await getTicket(db, contract, opened.ticketId, "customer", now, locale);
          return reply.code(200).header("idempotent-replayed", "true").send(view);
        }
        // Answered from what was written: the opening's transaction already holds it all.
        const { ticket, timeline, organisationName, sla } = opened.opened;
        const names = new Map([
          [ticket.organisationId, organisationName],
          [ticket.requesterUserId, principal.displayName],
        ]);
        const view = presentTicket(
          contract,
          { ticket, timeline, names, files: [], sla },
          "customer",
          now,
          locale,
        );
        return reply.code(201).send(view);
      },
    );

    app.get(
      "/api/tickets/:ticketId",
      {
        schema: {
          tags: ["desk"],
          summary: "A ticket, its timeline, its SLA clocks explained, the actions open now",
          params: ZTicketParams,
        },
      },
      async (request) => viewOf(request),
    );

    app.post(
      "/api/tickets/:ticketId/messages",
      {
        schema: {
          tags: ["desk"],
          summary: "Reply on a ticket (DSN-SUP-04 return on open ticket); support may write internal notes",
          params: ZTicketParams,
          body: z.strictObject({
            body: ZText(20_000),
            visibility: z.enum(["public", "internal"]).default("public"),
          }),
        },
      },
      async (request, reply) => {
        const { principal } = await allowedOn(request, deskPolicy.takePart);
        const result = await postMessage(commandFor(request, principal), {
          ...request.body,
          channel: principal.via === "api_token" ? "api" : "portal",
        });
        outcome(request, result);
        return reply.code(201).send(await viewOf(request));
      },
    );

    app.post(
      "/api/tickets/:ticketId/status",
      {
        schema: {
          tags: ["desk"],
          summary:
            "Take, hold (ask for information), resume, resolve, close, confirm or reopen (MCR-SUP-10, DSN-SUP-03, DSN-SUP-05)",
          params: ZTicketParams,
          body: z.strictObject({
            action: z.enum(TICKET_ACTIONS),
            message: z.string().trim().max(20_000).nullable().default(null),
            outOfScopeReason: z.string().max(64).nullable().default(null),
          }),
        },
      },
      async (request) => {
        const { principal } = await allowedOn(request, deskPolicy.takePart);
        const result = await changeStatus(commandFor(request, principal), {
          ...request.body,
          channel: "portal",
        });
        outcome(request, result);
        return await viewOf(request);
      },
    );

    app.post(
      "/api/tickets/:ticketId/priority",
      {
        schema: {
          tags: ["desk"],
          summary: "Support sets a priority, or proposes one and waits for the customer (MCR-SUP-12)",
          params: ZTicketParams,
          body: z.strictObject({
            priority: z.enum(PRIORITIES),
            reason: ZText(2_000),
            mode: z.enum(["set", "propose"]).default("set"),
          }),
        },
      },
      async (request) => {
        const principal = authorize(request, deskPolicy.work);
        const result = await changePriority(commandFor(request, principal), request.body);
        outcome(request, result);
        return await viewOf(request);
      },
    );

    app.post(
      "/api/tickets/:ticketId/assignee",
      {
        schema: {
          tags: ["desk"],
          summary: "Assign the ticket to a member of the provider's staff, or to nobody",
          params: ZTicketParams,
          body: z.strictObject({ userId: z.uuid().nullable() }),
        },
      },
      async (request) => {
        const principal = authorize(request, deskPolicy.work);
        const result = await assignTicket(
          commandFor(request, principal),
          request.body.userId,
          principal.organisationId,
        );
        outcome(request, result);
        return await viewOf(request);
      },
    );

    app.post(
      "/api/tickets/:ticketId/calls",
      {
        schema: {
          tags: ["desk"],
          summary: "Log a phone call on the ticket (Business and Premium, P1/P2, MCR-SUP-03)",
          params: ZTicketParams,
          body: z.strictObject({ summary: ZText(20_000) }),
        },
      },
      async (request, reply) => {
        const principal = authorize(request, deskPolicy.work);
        const result = await logCall(commandFor(request, principal), request.body.summary);
        outcome(request, result);
        return reply.code(201).send(await viewOf(request));
      },
    );
  };
}
