import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app-context.js";
import { actorOf, tenantOf } from "../../auth/principal.js";
import { ZInstant, ZWritten } from "../../http/input-schemas.js";
import { notFound } from "../../http/not-found.js";
import { negotiateLocale } from "../../i18n/index.js";
import { authorize } from "../../policies/authorize.js";
import { maintenancePolicy, seesAllMaintenance } from "../../policies/maintenance-policy.js";
import { timeZoneOf } from "../accounts/issue-link.js";
import { announceMaintenance } from "./announce-maintenance.js";
import { cancelMaintenance } from "./cancel-maintenance.js";
import { listMaintenance } from "./list-maintenance.js";
import { listMaintenanceHistory } from "./list-maintenance-history.js";
import { presentMaintenance, ZMaintenanceListed, ZMaintenanceView } from "./present-maintenance.js";
import { refusalError } from "./refusal.js";
import { outageRoutes } from "./routes-outages.js";

const ZTold = z.object({ people: z.number(), organisations: z.number() });
const ZChange = z.object({ maintenance: ZMaintenanceView, told: ZTold }).meta({ id: "MaintenanceChange" });
const ZListQuery = z
  .strictObject({
    /** "current": under way or to come (the default); "past": ended or cancelled. */
    period: z.enum(["current", "past"]).default("current"),
    /** The `next` of the previous page. */
    before: z.uuid().optional(),
    limit: z.coerce.number().int().min(1).max(100).optional(),
  })
  // What is current is a short list, given whole; only the history is read a page at a time.
  .refine((q) => q.period === "past" || (q.before === undefined && q.limit === undefined), {
    error: "before and limit page through period=past only",
    path: ["period"],
  });

/** Scheduled maintenance (DSN-SUP-07), and portal outages (routes-outages.ts). */
export function maintenanceRoutes(context: AppContext): FastifyPluginAsyncZod {
  const { db } = context.database;
  const { contract } = context;
  const timeZone = timeZoneOf(contract);

  return async (app) => {
    await app.register(outageRoutes(context));

    app.get(
      "/api/maintenance",
      {
        schema: {
          tags: ["maintenance"],
          summary:
            "Maintenance under way or to come (DSN-SUP-07): all of it for the provider, a customer's services for a customer. " +
            "`period=past`: ended and cancelled announcements instead, latest start first, `limit` at a time (20 by default, 100 at most), " +
            "the next page `before` the id given as `next`; the provider's staff also read who cancelled and why",
          querystring: ZListQuery,
          response: { 200: z.object({ items: z.array(ZMaintenanceListed), next: z.string().nullable() }) },
        },
      },
      async (request) => {
        const principal = authorize(request, maintenancePolicy.view);
        const locale = negotiateLocale(request.headers["accept-language"]);
        const viewer = { organisationId: seesAllMaintenance(principal) ? null : tenantOf(principal) };
        const { period, before, limit } = request.query;
        const now = context.clock();
        if (period === "past")
          return listMaintenanceHistory(db, contract, viewer, { before, limit: limit ?? 20 }, now, locale);
        return { items: await listMaintenance(db, contract, viewer, now, locale), next: null };
      },
    );

    app.post(
      "/api/maintenance",
      {
        schema: {
          tags: ["maintenance"],
          summary:
            "Announce a maintenance of a service with the contract's notice; customers holding it are told (DSN-SUP-07) — provider admin or support agent",
          body: z.strictObject({
            catalogueItemId: ZWritten(64),
            title: ZWritten(200),
            description: ZWritten(5_000),
            startsAt: ZInstant,
            endsAt: ZInstant,
            /** How long the service is expected to be interrupted within the window. */
            expectedMinutes: z
              .number()
              .int()
              .min(1)
              .max(60 * 24 * 31),
          }),
          response: { 201: ZChange },
        },
      },
      async (request, reply) => {
        const principal = authorize(request, maintenancePolicy.announce);
        const now = context.clock();
        const { startsAt, endsAt, ...rest } = request.body;
        const result = await announceMaintenance(
          db,
          context,
          { ...rest, startsAt: new Date(startsAt), endsAt: new Date(endsAt) },
          { userId: principal.userId, actor: actorOf(principal, request) },
          now,
        );
        if (!result.ok) throw refusalError(request, result, timeZone);
        const locale = negotiateLocale(request.headers["accept-language"]);
        // Returned rather than sent: the tenant transaction must end before the answer leaves.
        reply.code(201);
        return { maintenance: presentMaintenance(contract, result.window, now, locale), told: result.told };
      },
    );

    app.post(
      "/api/maintenance/:maintenanceId/cancel",
      {
        schema: {
          tags: ["maintenance"],
          summary:
            "Cancel an announced maintenance that has not ended; customers holding the service are told (DSN-SUP-07) — provider admin or support agent",
          params: z.strictObject({ maintenanceId: z.uuid() }),
          body: z.strictObject({ reason: ZWritten(2_000) }),
          response: { 200: ZChange },
        },
      },
      async (request) => {
        const principal = authorize(request, maintenancePolicy.cancel);
        const now = context.clock();
        const result = await cancelMaintenance(
          db,
          context,
          request.params.maintenanceId,
          request.body.reason,
          actorOf(principal, request),
          now,
        );
        if (!result) throw notFound(request, "maintenance");
        if (!result.ok) throw refusalError(request, result, timeZone);
        const locale = negotiateLocale(request.headers["accept-language"]);
        return { maintenance: presentMaintenance(contract, result.window, now, locale), told: result.told };
      },
    );
  };
}
