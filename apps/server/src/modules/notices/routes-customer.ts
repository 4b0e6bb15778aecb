import { changeNotices } from "@guichet/db";
import { and, eq } from "drizzle-orm";
import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app-context.js";
import { actorOf, tenantOf } from "../../auth/principal.js";
import { AppError } from "../../http/errors.js";
import { notFound } from "../../http/not-found.js";
import { negotiateLocale, t } from "../../i18n/index.js";
import { authorize } from "../../policies/authorize.js";
import { noticePolicy } from "../../policies/notice-policy.js";
import { recordAudit } from "../audit/record-audit.js";
import { presentDecision, refusedDecision } from "../subscriptions/present-decision.js";
import { ZTerminationRecorded } from "../subscriptions/schemas.js";
import { changeRefusalError } from "./change-refusal-error.js";
import { readNotice } from "./read-notice.js";
import { signNotice } from "./sign-notice.js";
import { terminateOnChange } from "./terminate-on-change.js";

const ZNoticeParams = z.strictObject({ noticeId: z.uuid() });
const ZAcknowledged = z
  .object({ readAt: z.string().nullable(), signedAt: z.string().nullable() })
  .meta({ id: "NoticeAcknowledged" });
const iso = (d: Date | null) => (d === null ? null : d.toISOString());

/** A customer's side of its notices (issue 18): letter, read receipt, signature, termination on a harmful change. */
export function noticeCustomerRoutes(context: AppContext): FastifyPluginAsyncZod {
  const { db } = context.database;
  const { contract } = context;

  return async (app) => {
    app.get(
      "/api/notices/:noticeId/letter",
      {
        schema: {
          tags: ["notices"],
          summary: 'The notice\'s letter ("par écrit"), as made available: a PDF; the download is audited',
          params: ZNoticeParams,
          response: {
            200: {
              description: "PDF letter",
              content: { "application/pdf": { schema: z.string().meta({ format: "binary" }) } },
            },
          },
        },
      },
      async (request, reply) => {
        const principal = authorize(request, (p) => noticePolicy.viewNotices(p, tenantOf(p)));
        const organisationId = tenantOf(principal);
        const [row] = await db
          .select({ pdf: changeNotices.letterPdf, sha256: changeNotices.letterSha256 })
          .from(changeNotices)
          .where(
            and(
              eq(changeNotices.id, request.params.noticeId),
              eq(changeNotices.organisationId, organisationId),
            ),
          );
        if (!row?.pdf) throw notFound(request, "notice");
        await recordAudit(
          db,
          actorOf(principal, request),
          {
            action: "change_notice.letter_downloaded",
            organisationId,
            targetType: "change_notice",
            targetId: request.params.noticeId,
            data: { sha256: row.sha256 },
          },
          context.clock(),
        );
        const bytesReply: FastifyReply = reply;
        return bytesReply
          .header("content-type", "application/pdf")
          .header(
            "content-disposition",
            `attachment; filename="avis-${request.params.noticeId.slice(0, 8)}.pdf"`,
          )
          .send(Buffer.from(row.pdf));
      },
    );

    app.post(
      "/api/notices/:noticeId/read",
      {
        schema: {
          tags: ["notices"],
          summary: "Mark a notice read: the read receipt the provider sees (the first reading is kept)",
          params: ZNoticeParams,
          response: { 200: ZAcknowledged },
        },
      },
      async (request) => {
        const principal = authorize(request, (p) => noticePolicy.read(p, tenantOf(p)));
        const read = await readNotice(
          db,
          { ...actorOf(principal, request), userId: principal.userId },
          { organisationId: tenantOf(principal), noticeId: request.params.noticeId },
          context.clock(),
        );
        if (read === "not_found") throw notFound(request, "notice");
        return { readAt: iso(read.readAt), signedAt: iso(read.signedAt) };
      },
    );

    app.post(
      "/api/notices/:noticeId/signature",
      {
        schema: {
          tags: ["notices"],
          summary:
            "Sign a new version for the organisation (DSN 10.1, DSN-BIL-02: the general conditions and the security annex change only by a version both parties sign) — its administrator; signing again changes nothing",
          params: ZNoticeParams,
          response: { 200: ZAcknowledged },
        },
      },
      async (request) => {
        const locale = negotiateLocale(request.headers["accept-language"]);
        const clause =
          contract.notices.generalConditionsChange?.clause ?? contract.notices.securityAnnexChange?.clause;
        // Refused with the clause rather than a bare 403: the signature binds the organisation.
        const principal = authorize(request, (p) => noticePolicy.viewNotices(p, tenantOf(p)));
        if (!noticePolicy.sign(principal, tenantOf(principal)))
          throw new AppError("forbidden", t(locale, "notice.signature_right", { clause: clause ?? "" }), {
            ...(clause ? { clause } : {}),
          });
        const signed = await signNotice(
          db,
          { ...actorOf(principal, request), userId: principal.userId },
          { organisationId: tenantOf(principal), noticeId: request.params.noticeId },
          context.clock(),
        );
        if (signed === "not_found") throw notFound(request, "notice");
        if (!signed.ok) throw changeRefusalError(request, signed);
        return { readAt: iso(signed.notice.readAt), signedAt: iso(signed.notice.signedAt) };
      },
    );

    app.post(
      "/api/notices/:noticeId/termination",
      {
        schema: {
          tags: ["notices"],
          summary:
            "Terminate an e-service a harmful change concerns, without penalty, effective on the change's date (DSN 10.2, DSN-BIL-02), until that date — the customer's administrator; asking again returns the first termination",
          params: ZNoticeParams,
          body: z.strictObject({ subscriptionId: z.uuid() }),
          response: { 201: ZTerminationRecorded, 200: ZTerminationRecorded },
        },
      },
      async (request, reply) => {
        const principal = authorize(request, (p) => noticePolicy.terminate(p, tenantOf(p)));
        const result = await terminateOnChange(
          db,
          contract,
          actorOf(principal, request),
          {
            organisationId: tenantOf(principal),
            noticeId: request.params.noticeId,
            subscriptionId: request.body.subscriptionId,
          },
          context.clock(),
        );
        if (result === "not_found") throw notFound(request, "notice");
        if (!result.ok) {
          if ("decision" in result) throw refusedDecision(request, contract, result.decision);
          throw changeRefusalError(request, result);
        }
        reply.code(result.replayed ? 200 : 201);
        return {
          ...presentDecision(request, contract, result.decision),
          terminationId: result.terminationId,
          tasks: 0,
        };
      },
    );
  };
}
