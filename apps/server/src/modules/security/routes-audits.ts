import { randomUUID } from "node:crypto";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app-context.js";
import { actorOf, tenantOf } from "../../auth/principal.js";
import { AppError } from "../../http/errors.js";
import { ZDate, ZText, ZWritten } from "../../http/input-schemas.js";
import { notFound } from "../../http/not-found.js";
import { negotiateLocale, t } from "../../i18n/index.js";
import { authorize } from "../../policies/authorize.js";
import { securityPolicy } from "../../policies/security-policy.js";
import { ZOrganisationParams } from "../organisations/routes.js";
import { approveRemediationPlan } from "./approve-remediation-plan.js";
import { fileRemediationPlan } from "./file-remediation-plan.js";
import { listSecurityAudits } from "./list-security-audits.js";
import { presentAudit, ZSecurityAudit } from "./present-security.js";
import { recordSecurityAudit } from "./record-security-audit.js";
import { rejectRemediationPlan } from "./reject-remediation-plan.js";
import { securityAnnexOf } from "./security-annex.js";

const ZAuditParams = z.strictObject({ auditId: z.uuid() });

/** Audits of an operator's resources and their remediation plans (DSN-SEC-05, annex 2 §5). */
export function securityAuditRoutes(context: AppContext): FastifyPluginAsyncZod {
  const { db } = context.database;

  async function presented(auditId: string) {
    const [listed] = await listSecurityAudits(db, { auditId });
    return listed ? presentAudit(listed, context.clock()) : undefined;
  }

  return async (app) => {
    app.get(
      "/api/security/audits",
      {
        schema: {
          tags: ["security"],
          summary:
            "Audits with their remediation plan's due date and state (due, overdue, filed, approved): all for the provider's security staff, its own for an operator (DSN-SEC-05)",
          response: { 200: z.array(ZSecurityAudit) },
        },
      },
      async (request) => {
        const principal = authorize(request, (p) => securityPolicy.view(p, tenantOf(p)));
        securityAnnexOf(request, context);
        const filter = securityPolicy.viewAll(principal) ? {} : { organisationId: tenantOf(principal) };
        const now = context.clock();
        return (await listSecurityAudits(db, filter)).map((audit) => presentAudit(audit, now));
      },
    );

    app.post(
      "/api/organisations/:organisationId/security-audits",
      {
        schema: {
          tags: ["security"],
          summary:
            "Record an audit of an operator's resources with its scope and report; a non-conformity is notified at once and the remediation plan falls due within the contract's delay (DSN-SEC-05) — security staff",
          params: ZOrganisationParams,
          body: z.strictObject({
            scope: ZText.trim().min(3).max(500),
            auditor: ZText.trim().min(2).max(200),
            reportOn: ZDate,
            findings: ZWritten(10_000).min(3),
            nonConformity: z.boolean(),
            idempotencyKey: ZWritten(200).min(8).optional(),
          }),
          response: { 201: ZSecurityAudit, 200: ZSecurityAudit },
        },
      },
      async (request, reply) => {
        const principal = authorize(request, securityPolicy.recordAudit);
        securityAnnexOf(request, context);
        const { idempotencyKey, ...body } = request.body;
        const result = await recordSecurityAudit(
          db,
          context,
          { ...actorOf(principal, request), userId: principal.userId },
          {
            ...body,
            organisationId: request.params.organisationId,
            idempotencyKey: idempotencyKey ?? randomUUID(),
          },
          context.clock(),
        );
        if (result === "not_found") throw notFound(request, "organisation");
        if (result === "no_clause")
          throw new AppError(
            "contract_rule",
            t(negotiateLocale(request.headers["accept-language"]), "security.no_remediation_clause"),
          );
        const audit = await presented(result.audit.id);
        if (!audit) throw notFound(request, "security_audit");
        reply.code(result.replayed ? 200 : 201);
        return audit;
      },
    );

    app.post(
      "/api/security/audits/:auditId/remediation-plan",
      {
        schema: {
          tags: ["security"],
          summary:
            "File the remediation plan of an audit's non-conformity: the measures and their deadlines (DSN-SEC-05, annex 2 §5); once — a second filing is refused with the clause — the operator's administrator",
          params: ZAuditParams,
          body: z.strictObject({ plan: ZWritten(20_000).min(10) }),
          response: { 200: ZSecurityAudit },
        },
      },
      async (request) => {
        const principal = authorize(request, (p) => securityPolicy.fileRemediationPlan(p, tenantOf(p)));
        securityAnnexOf(request, context);
        const result = await fileRemediationPlan(
          db,
          context,
          { ...actorOf(principal, request), userId: principal.userId },
          { organisationId: tenantOf(principal), auditId: request.params.auditId, plan: request.body.plan },
          context.clock(),
        );
        if (result === "not_found") throw notFound(request, "security_audit");
        if ("refused" in result) {
          const locale = negotiateLocale(request.headers["accept-language"]);
          const { reference, clause } = result.audit;
          throw new AppError(
            result.refused === "plan_already_filed" ? "conflict" : "contract_rule",
            t(locale, `security.${result.refused}`, { reference, clause }),
            { reason: result.refused, clause },
          );
        }
        const audit = await presented(result.audit.id);
        if (!audit) throw notFound(request, "security_audit");
        return audit;
      },
    );

    app.post(
      "/api/security/audits/:auditId/remediation-plan/approval",
      {
        schema: {
          tags: ["security"],
          summary:
            'Approve a filed remediation plan (DSN-SEC-05, annex 2 §5 "après approbation du plan"); approving again changes nothing — security staff',
          params: ZAuditParams,
          response: { 200: ZSecurityAudit },
        },
      },
      async (request) => {
        const principal = authorize(request, securityPolicy.approveRemediationPlan);
        securityAnnexOf(request, context);
        const result = await approveRemediationPlan(
          db,
          { ...actorOf(principal, request), userId: principal.userId },
          { auditId: request.params.auditId },
          context.clock(),
        );
        if (result === "not_found") throw notFound(request, "security_audit");
        if ("refused" in result) {
          const { reference, clause } = result.audit;
          throw new AppError(
            "conflict",
            t(negotiateLocale(request.headers["accept-language"]), "security.plan_not_filed", {
              reference,
              clause,
            }),
            { reason: result.refused, clause },
          );
        }
        const audit = await presented(result.audit.id);
        if (!audit) throw notFound(request, "security_audit");
        return audit;
      },
    );

    app.post(
      "/api/security/audits/:auditId/remediation-plan/rejection",
      {
        schema: {
          tags: ["security"],
          summary:
            "Refuse a filed remediation plan with its reason (DSN-SEC-05, annex 2 §5: only an approved plan binds): the operator is mailed and owes a revised plan within the delay again, counted from the refusal; refusing again, or after approval, is refused — security staff",
          params: ZAuditParams,
          body: z.strictObject({ reason: ZWritten(4000).min(3) }),
          response: { 200: ZSecurityAudit },
        },
      },
      async (request) => {
        const principal = authorize(request, securityPolicy.rejectRemediationPlan);
        securityAnnexOf(request, context);
        const result = await rejectRemediationPlan(
          db,
          context,
          { ...actorOf(principal, request), userId: principal.userId },
          { auditId: request.params.auditId, reason: request.body.reason },
          context.clock(),
        );
        if (result === "not_found" || result === "no_clause") throw notFound(request, "security_audit");
        if ("refused" in result) {
          const { reference, clause } = result.audit;
          const key = result.refused === "plan_approved" ? "plan_already_approved" : "plan_nothing_to_refuse";
          throw new AppError(
            "conflict",
            t(negotiateLocale(request.headers["accept-language"]), `security.${key}`, { reference, clause }),
            { reason: key, clause },
          );
        }
        const audit = await presented(result.audit.id);
        if (!audit) throw notFound(request, "security_audit");
        return audit;
      },
    );
  };
}
