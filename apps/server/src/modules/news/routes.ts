import { randomUUID } from "node:crypto";
import { NEWS_CATEGORY_KINDS } from "@guichet/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app-context.js";
import { actorOf, tenantOf } from "../../auth/principal.js";
import { ZErrorBody } from "../../http/error-body.js";
import { AppError } from "../../http/errors.js";
import { ZDate, ZText, ZWritten } from "../../http/input-schemas.js";
import { notFound } from "../../http/not-found.js";
import { negotiateLocale, t } from "../../i18n/index.js";
import { authorize } from "../../policies/authorize.js";
import { newsPolicy } from "../../policies/news-policy.js";
import { listCustomerNews, listStaffNews } from "./list-news.js";
import { publishNews } from "./publish-news.js";
import { readNews } from "./read-news.js";

const ZCategory = z.enum(NEWS_CATEGORY_KINDS).meta({ id: "NewsCategory" });
const ZNewsBody = z.strictObject({
  category: ZCategory,
  title: ZWritten(200),
  body: ZWritten(5_000),
  /** Absent or null: every customer; else the catalogue item whose holders receive it. */
  catalogueItemId: ZText.min(1).max(100).nullable().default(null),
  /** For "availability": the date the portal or the e-service becomes available. */
  availableOn: ZDate.nullable().default(null),
  idempotencyKey: ZWritten(200).min(8).optional(),
});
const ZNewsItem = z
  .object({
    id: z.string(),
    category: ZCategory,
    title: z.string(),
    body: z.string(),
    catalogueItemId: z.string().nullable(),
    /** The service's name in the reader's language; null: every customer. */
    serviceName: z.string().nullable(),
    availableOn: z.string().nullable(),
    clause: z.string(),
    publishedAt: z.string(),
  })
  .meta({ id: "NewsItem" });
const ZReceivedNews = ZNewsItem.extend({ readAt: z.string().nullable() }).meta({ id: "ReceivedNews" });
const ZStaffNews = ZNewsItem.extend({
  recipients: z.array(
    z.object({
      organisationId: z.string(),
      organisationName: z.string(),
      mailed: z.number(),
      reads: z.array(z.object({ name: z.string(), email: z.string(), readAt: z.string() })),
    }),
  ),
}).meta({ id: "StaffNews" });
const ZPublished = z.object({
  item: ZNewsItem,
  recipients: z.number(),
  mailed: z.number(),
  replayed: z.boolean(),
});

/** The news page (issue 18: DSN-POR-01, MCR 8.2.4): staff publish and follow receipts; customers read. */
export function newsRoutes(context: AppContext): FastifyPluginAsyncZod {
  const { db } = context.database;
  const { contract } = context;
  const present = (
    item: { id: string; category: z.infer<typeof ZCategory>; title: string; body: string } & {
      catalogueItemId: string | null;
      availableOn: string | null;
      clause: string;
      publishedAt: Date;
    },
    locale: "fr" | "en",
  ): z.infer<typeof ZNewsItem> => {
    const service = contract.catalogue.items.find((i) => i.id === item.catalogueItemId);
    return {
      id: item.id,
      category: item.category,
      title: item.title,
      body: item.body,
      catalogueItemId: item.catalogueItemId,
      serviceName: service ? service.name[locale] : null,
      availableOn: item.availableOn,
      clause: item.clause,
      publishedAt: item.publishedAt.toISOString(),
    };
  };

  return async (app) => {
    app.post(
      "/api/news",
      {
        schema: {
          tags: ["news"],
          summary:
            "Publish a news item (DSN-POR-01) for every customer or the holders of a service; an incident the provider detected is mailed to the named contacts (MCR 8.2.4). " +
            "Refused when it reaches nobody; the same idempotency key (body or Idempotency-Key header) returns the first publication — provider admin, account manager or support agent",
          body: ZNewsBody,
          response: { 201: ZPublished, 200: ZPublished, 422: ZErrorBody },
        },
      },
      async (request, reply) => {
        const principal = authorize(request, newsPolicy.publish);
        const locale = negotiateLocale(request.headers["accept-language"]);
        const { idempotencyKey, ...body } = request.body;
        const header = request.headers["idempotency-key"];
        const result = await publishNews(
          db,
          context,
          {
            ...body,
            idempotencyKey:
              (typeof header === "string" ? header : undefined) ?? idempotencyKey ?? randomUUID(),
          },
          { userId: principal.userId, actor: actorOf(principal, request) },
          context.clock(),
        );
        if (!result.ok) {
          const field =
            result.reason === "no_recipient" || result.reason === "unknown_item"
              ? "catalogueItemId"
              : "availableOn";
          throw new AppError(
            result.reason === "unknown_item" ? "validation_failed" : "contract_rule",
            t(locale, `news.${result.reason}`, { clause: result.clause ?? "" }),
            { reason: result.reason, field, ...(result.clause ? { clause: result.clause } : {}) },
          );
        }
        reply.code(result.replayed ? 200 : 201);
        return {
          item: present(result.item, locale),
          recipients: result.recipients,
          mailed: result.mailed,
          replayed: result.replayed,
        };
      },
    );

    app.get(
      "/api/news",
      {
        schema: {
          tags: ["news"],
          summary:
            "Every news item published, latest first, with each customer reached, its mails and its read receipts (who read, when) — provider staff",
          response: { 200: z.object({ items: z.array(ZStaffNews) }) },
        },
      },
      async (request) => {
        authorize(request, newsPolicy.viewAll);
        const locale = negotiateLocale(request.headers["accept-language"]);
        const listed = await listStaffNews(db);
        return {
          items: listed.map(({ item, recipients }) => ({
            ...present(item, locale),
            recipients: recipients.map((r) => ({
              ...r,
              reads: r.reads.map((read) => ({ ...read, readAt: read.readAt.toISOString() })),
            })),
          })),
        };
      },
    );

    app.get(
      "/api/news/received",
      {
        schema: {
          tags: ["news"],
          summary: "The news the organisation received, latest first, with the reader's own read receipt",
          response: { 200: z.object({ items: z.array(ZReceivedNews) }) },
        },
      },
      async (request) => {
        const principal = authorize(request, (p) => newsPolicy.viewReceived(p, tenantOf(p)));
        const locale = negotiateLocale(request.headers["accept-language"]);
        const listed = await listCustomerNews(db, tenantOf(principal), principal.userId);
        return {
          items: listed.map(({ item, readAt }) => ({
            ...present(item, locale),
            readAt: readAt === null ? null : readAt.toISOString(),
          })),
        };
      },
    );

    app.post(
      "/api/news/:newsId/read",
      {
        schema: {
          tags: ["news"],
          summary: "Mark a news item read: the read receipt staff see (the first reading is kept)",
          params: z.strictObject({ newsId: z.uuid() }),
          response: { 200: z.object({ readAt: z.string() }).meta({ id: "NewsRead" }) },
        },
      },
      async (request) => {
        const principal = authorize(request, (p) => newsPolicy.read(p, tenantOf(p)));
        const read = await readNews(
          db,
          { ...actorOf(principal, request), userId: principal.userId },
          { organisationId: tenantOf(principal), newsId: request.params.newsId },
          context.clock(),
        );
        if (read === "not_found") throw notFound(request, "news_item");
        return { readAt: read.readAt.toISOString() };
      },
    );
  };
}
