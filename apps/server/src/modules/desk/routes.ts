import { runInTenant } from "@guichet/db";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app-context.js";
import { tenantOf } from "../../auth/principal.js";
import { tenantScopeOf } from "../../auth/tenant-scope.js";
import { ZTicketStatus } from "../../http/api-schemas.js";
import { ZText } from "../../http/input-schemas.js";
import { readerOf } from "../../i18n/reader.js";
import { authorize } from "../../policies/authorize.js";
import { deskPolicy, isDeskStaff } from "../../policies/desk-policy.js";
import { deskForm } from "./desk-form.js";
import { ZDeskForm, ZTicketPage, ZTicketView } from "./desk-schemas.js";
import { openFromRequest, ZOpenTicketBody } from "./open-from-request.js";
import { listTickets, type TicketFilter } from "./read-tickets.js";
import { attachmentRoutes } from "./routes-attachments.js";
import { deskRoutesKit, ZTicketParams } from "./routes-kit.js";
import { ticketMoveRoutes } from "./routes-moves.js";
import { createPageCache, ticketsChanged } from "./ticket-pages.js";

const JSON_TYPE = "application/json; charset=utf-8";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

const ZListQuery = z.strictObject({
  status: z
    .string()
    .transform((s) => s.split(",").filter(Boolean))
    .pipe(z.array(ZTicketStatus))
    .optional(),
  open: z.enum(["true", "false"]).optional(),
  organisationId: z.uuid().optional(),
  assignee: z.union([z.uuid(), z.literal("none"), z.literal("me")]).optional(),
  q: ZText.max(200).optional(),
  order: z.enum(["urgency", "recent"]).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

/**
 * A page of tickets is kept as its JSON text (ticket-pages.ts) and sent as is: Fastify does not
 * serialize a string again. Its shape is ZTicketPage, declared on the route for the document.
 */
function sendPage(reply: FastifyReply, page: string) {
  return reply.type(JSON_TYPE).send(page);
}

type ListRequest = FastifyRequest<{ Querystring: z.infer<typeof ZListQuery> }>;

/** The service desk's routes: customers' requests and the provider's queue and workspace. */
export function deskRoutes(context: AppContext): FastifyPluginAsyncZod {
  const { db } = context.database;
  const { contract } = context;

  const kit = deskRoutesKit(context);

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
    await app.register(ticketMoveRoutes(kit));

    app.get(
      "/api/desk/form",
      {
        schema: {
          tags: ["desk"],
          summary: "What the signed-in customer may open: plan, categories, services, the priority matrix",
          response: { 200: ZDeskForm },
        },
      },
      async (request) => {
        const principal = authorize(request, deskPolicy.open);
        const reader = readerOf(request.headers["accept-language"], contract);
        return deskForm(db, contract, principal, context.clock(), reader);
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
          // Sent as the page's JSON text, kept for the second (ticket-pages.ts): not serialized again.
          response: { 200: ZTicketPage },
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
          if (page !== undefined) return sendPage(reply, page);
        },
      },
      async (request, reply) => {
        const { filter, key } = listingOf(request);
        const now = context.clock();
        const page = await pages.compute(key, now, async () =>
          JSON.stringify(await listTickets(db, contract, filter, now)),
        );
        return sendPage(reply, page);
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
          body: ZOpenTicketBody,
          // 200: the ticket an Idempotency-Key already opened (`idempotent-replayed: true`).
          response: { 201: ZTicketView, 200: ZTicketView },
        },
      },
      async (request, reply) => openFromRequest(context, request, reply, request.body, []),
    );

    app.get(
      "/api/tickets/:ticketId",
      {
        schema: {
          tags: ["desk"],
          summary: "A ticket, its timeline, its SLA clocks explained, the actions open now",
          params: ZTicketParams,
          response: { 200: ZTicketView },
        },
      },
      async (request) => kit.viewOf(request),
    );
  };
}
