import { randomUUID } from "node:crypto";
import { conditionsInForce, decimalOf, localDateIn } from "@guichet/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app-context.js";
import { actorOf } from "../../auth/principal.js";
import { ZErrorBody } from "../../http/error-body.js";
import { AppError } from "../../http/errors.js";
import { ZDate, ZText, ZWritten } from "../../http/input-schemas.js";
import { negotiateLocale, t } from "../../i18n/index.js";
import { authorize } from "../../policies/authorize.js";
import { customerPolicy } from "../../policies/customer-policy.js";
import { timeZoneOf } from "../accounts/issue-link.js";
import { changeRefusalError } from "../notices/change-refusal-error.js";
import type { ChangeRefusal } from "../notices/plan-change.js";
import { presentChange, ZContractChange } from "../notices/present-change.js";
import { recordSpecificConditions } from "./record-specific-conditions.js";
import { listSpecificConditions } from "./specific-conditions.js";

const ZConditionsView = z.object({
  catalogueItemId: z.string(),
  effectiveFrom: z.string(),
  documentTitle: z.string(),
  documentVersion: z.string(),
  monthlyPriceCents: z.number(),
  /** The same amount as decimal text ("150.00"), as the commitments rules take it. */
  monthlyPrice: z.string(),
  /** The price's currency: the contract's (issue 17). */
  currency: z.string(),
  minimumMonths: z.number(),
  terminationNoticeMonths: z.number(),
  /** Null: this version states no maintenance notice (DSN-SUP-07): none is applied, and said so. */
  maintenanceNoticeDays: z.number().nullable(),
  changeNoticeMonths: z.number().nullable(),
  demo: z.boolean(),
  inForce: z.boolean(),
});
const ZNewConditions = z.strictObject({
  catalogueItemId: ZText.min(1).max(100),
  effectiveFrom: ZDate,
  documentTitle: ZWritten(200),
  documentVersion: ZWritten(100),
  monthlyPriceCents: z.number().int().min(0).max(100_000_000),
  minimumMonths: z.number().int().min(0).max(120),
  terminationNoticeMonths: z.number().int().min(0).max(36),
  /** Null: the conditions state no maintenance notice (DSN art. 14); Guichet then invents none. */
  maintenanceNoticeDays: z.number().int().min(0).max(365).nullable(),
  /** The notice before a change of these conditions takes effect (DSN 10.2); null: they define none. */
  changeNoticeMonths: z.number().int().min(0).max(36).nullable().default(null),
  /** The same key again returns the first recording of a version that went through the notice. */
  idempotencyKey: ZWritten(200).min(8).optional(),
});
const ZConditionsRecorded = z
  .object({
    /** The change announced with notice (DSN 10.2), or null when recorded directly (first values, nobody holds it). */
    noticed: z
      .object({ change: ZContractChange, notices: z.number(), mailed: z.number(), replayed: z.boolean() })
      .nullable(),
  })
  .meta({ id: "ConditionsRecorded" });

const isChangeRefusal = (outcome: { reason: string }): outcome is ChangeRefusal =>
  outcome.reason.startsWith("notice.");

/** Specific conditions (Conditions Spécifiques): every version, and recording a new one (issue 16). */
export function catalogueRoutes(context: AppContext): FastifyPluginAsyncZod {
  const { db } = context.database;
  const timeZone = timeZoneOf(context.contract);
  return async (app) => {
    app.get(
      "/api/specific-conditions",
      {
        schema: {
          tags: ["catalogue"],
          summary:
            "Every version of the catalogue items' specific conditions (price, minimum commitment, notices), the one in force on a date marked",
          querystring: z.strictObject({ at: ZDate.optional() }),
          response: { 200: z.array(ZConditionsView) },
        },
      },
      async (request) => {
        authorize(request, customerPolicy.readConditions);
        const at = request.query.at ?? localDateIn(context.clock(), timeZone);
        const versions = await listSpecificConditions(db);
        return versions.map((version) => ({
          ...version,
          changeNoticeMonths: version.changeNoticeMonths ?? null,
          monthlyPrice: decimalOf(version.monthlyPriceCents),
          currency: context.contract.currency,
          inForce: conditionsInForce(versions, version.catalogueItemId, at) === version,
        }));
      },
    );

    app.post(
      "/api/specific-conditions",
      {
        schema: {
          tags: ["catalogue"],
          summary:
            "Record a version of an item's specific conditions from a date; earlier versions stay. First values, or a version no operator holds, apply directly; " +
            "replacing a version in force for operators goes through the notice (DSN 10.2, DSN-BIL-01, DSN-BIL-02): a date inside it is refused with its clause, each holder is notified",
          body: ZNewConditions,
          response: { 201: ZConditionsRecorded, 200: ZConditionsRecorded, 409: ZErrorBody, 422: ZErrorBody },
        },
      },
      async (request, reply) => {
        const principal = authorize(request, customerPolicy.recordConditions);
        const locale = negotiateLocale(request.headers["accept-language"]);
        const header = request.headers["idempotency-key"];
        const outcome = await recordSpecificConditions(
          context,
          { ...actorOf(principal, request), userId: principal.userId },
          {
            ...request.body,
            idempotencyKey:
              (typeof header === "string" ? header : undefined) ??
              request.body.idempotencyKey ??
              randomUUID(),
          },
          locale,
          context.clock(),
        );
        if (!outcome.ok && isChangeRefusal(outcome)) throw changeRefusalError(request, outcome);
        if (!outcome.ok) {
          const params = { item: request.body.catalogueItemId, date: request.body.effectiveFrom };
          throw new AppError(
            outcome.reason === "exists" ? "conflict" : "contract_rule",
            t(locale, `conditions.${outcome.reason}`, params),
            { field: outcome.reason === "exists" ? "effectiveFrom" : "catalogueItemId" },
          );
        }
        const noticed = outcome.noticed;
        reply.code(noticed?.replayed ? 200 : 201);
        return {
          noticed: noticed && {
            change: presentChange(noticed.change, locale, context.contract.currency),
            notices: noticed.notices,
            mailed: noticed.mailed,
            replayed: noticed.replayed,
          },
        };
      },
    );
  };
}
