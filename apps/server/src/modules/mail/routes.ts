import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app-context.js";
import { auditPolicy } from "../../policies/audit-policy.js";
import { authorize } from "../../policies/authorize.js";
import { listOutbox, ZOutboxCursor, ZOutboxStatus } from "./list-outbox.js";

const ZMessage = z
  .object({
    id: z.string(),
    organisationId: z.string().nullable(),
    kind: z.string(),
    to: z.string(),
    subject: z.string(),
    text: z.string(),
    messageId: z.string(),
    status: ZOutboxStatus,
    attempts: z.number(),
    nextAttemptAt: z.string(),
    lastError: z.string().nullable(),
    sentAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "OutboxMessage" });

/** The outbox in the back office: without SMTP_URL, this is where the demo's mail is read. */
export function outboxRoutes(context: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/outbox",
      {
        schema: {
          tags: ["mail"],
          summary: "Outgoing mail, newest first (provider administrators and security officer)",
          querystring: z.strictObject({
            status: ZOutboxStatus.optional(),
            organisationId: z.uuid().optional(),
            limit: z.coerce.number().int().min(1).max(100).default(50),
            cursor: ZOutboxCursor.optional(),
          }),
          response: { 200: z.object({ items: z.array(ZMessage), nextCursor: z.string().nullable() }) },
        },
      },
      async (request) => {
        authorize(request, auditPolicy.viewOutbox);
        const page = await listOutbox(context.database.db, request.query);
        return {
          nextCursor: page.nextCursor,
          items: page.items.map((m) => ({
            ...m,
            nextAttemptAt: m.nextAttemptAt.toISOString(),
            sentAt: m.sentAt?.toISOString() ?? null,
            createdAt: m.createdAt.toISOString(),
          })),
        };
      },
    );
  };
}
