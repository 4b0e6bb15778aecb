import { organisations } from "@guichet/db";
import { eq } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app-context.js";
import { ZInstant, ZText } from "../../http/input-schemas.js";
import { notFound } from "../../http/not-found.js";
import { negotiateLocale } from "../../i18n/index.js";
import { auditPolicy } from "../../policies/audit-policy.js";
import { authorize } from "../../policies/authorize.js";
import { auditToCsv } from "./audit-csv.js";
import { describeAuditEntry } from "./describe-entry.js";
import { exportChain } from "./export-chain.js";
import { type AuditQuery, searchAudit } from "./search-audit.js";
import { ZAuditEntry, ZChainExport } from "./verify-export.js";

/** An entry as the search answers it: the record, and what it means in the reader's words. */
const ZAuditEntryView = ZAuditEntry.extend({
  summary: z.string(),
  details: z.array(z.object({ label: z.string(), value: z.string() })),
}).meta({ id: "AuditEntry" });

const ZAuditQuery = z.strictObject({
  userId: z.uuid().optional(),
  email: z.email().optional(),
  organisationId: z.uuid().optional(),
  action: ZText.max(100).optional(),
  from: ZInstant.optional(),
  to: ZInstant.optional(),
  beforeSeq: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

function toQuery(q: z.infer<typeof ZAuditQuery>): AuditQuery {
  return { ...q, from: q.from ? new Date(q.from) : undefined, to: q.to ? new Date(q.to) : undefined };
}

/** The audit trail, for the provider's security officer (DSN-SEC-01). */
export function auditRoutes(context: AppContext): FastifyPluginAsyncZod {
  const { db } = context.database;
  return async (app) => {
    app.get(
      "/api/audit",
      {
        schema: {
          tags: ["audit"],
          summary: "Search the audit trail by person, identifier, organisation, action and period",
          querystring: ZAuditQuery,
          response: { 200: z.array(ZAuditEntryView) },
        },
      },
      async (request) => {
        authorize(request, auditPolicy.search);
        const entries = await searchAudit(db, toQuery(request.query));
        const locale = negotiateLocale(request.headers["accept-language"]);
        return entries.map(({ hash: _hash, prevHash: _prev, ...entry }) => ({
          ...entry,
          ...describeAuditEntry(locale, entry),
          at: entry.at.toISOString(),
        }));
      },
    );

    app.get(
      "/api/audit/export.csv",
      {
        schema: {
          tags: ["audit"],
          summary: "The same search as CSV (up to 1000 entries a page)",
          querystring: ZAuditQuery,
          // Errors are JSON (ApiError): the CSV type is declared for the success body only.
          response: {
            200: {
              description: "One line per entry, after a header line",
              content: { "text/csv": { schema: z.string() } },
            },
          },
        },
      },
      async (request, reply) => {
        authorize(request, auditPolicy.search);
        const entries = await searchAudit(db, toQuery(request.query));
        return reply
          .type("text/csv; charset=utf-8")
          .header("content-disposition", 'attachment; filename="audit.csv"')
          .send(auditToCsv(entries));
      },
    );

    app.get(
      "/api/organisations/:organisationId/audit-chain",
      {
        schema: {
          tags: ["audit"],
          summary:
            "One organisation's audit hash chain with the anchors that cover it, to verify offline (guichet audit verify --file)",
          params: z.strictObject({ organisationId: z.uuid() }),
          response: { 200: ZChainExport },
        },
      },
      async (request, reply) => {
        const { organisationId } = request.params;
        authorize(request, (p) => auditPolicy.exportChain(p, organisationId));
        const [organisation] = await db
          .select({ id: organisations.id })
          .from(organisations)
          .where(eq(organisations.id, organisationId));
        if (!organisation) throw notFound(request, "organisation");
        const exported = await exportChain(db, organisationId, context.clock());
        // Returned, not sent: the handler's tenant transaction ends before the answer leaves.
        reply.header(
          "content-disposition",
          `attachment; filename="audit-chain-${organisationId}-${exported.exportedAt.slice(0, 10)}.json"`,
        );
        return exported;
      },
    );
  };
}
