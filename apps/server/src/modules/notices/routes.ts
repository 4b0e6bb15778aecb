import { randomUUID } from "node:crypto";
import { CHANGE_KINDS, localDateIn } from "@guichet/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app-context.js";
import { actorOf, tenantOf } from "../../auth/principal.js";
import { ZDate, ZWritten } from "../../http/input-schemas.js";
import { negotiateLocale } from "../../i18n/index.js";
import { authorize } from "../../policies/authorize.js";
import { noticePolicy } from "../../policies/notice-policy.js";
import { timeZoneOf } from "../accounts/issue-link.js";
import { announceChange } from "./announce-change.js";
import { changeOptions } from "./change-options.js";
import { changeRefusalError } from "./change-refusal-error.js";
import { listChanges } from "./list-changes.js";
import { listNotices } from "./list-notices.js";
import { planChange } from "./plan-change.js";
import {
  presentChange,
  presentListedChange,
  presentNotice,
  ZChangeKind,
  ZChangeListed,
  ZContractChange,
  ZNoticeView,
} from "./present-change.js";
import { movesWords } from "./price-words.js";
import { noticeCustomerRoutes } from "./routes-customer.js";

const AMOUNT = /^\d{1,9}(\.\d{1,2})?$/;
const ZPriceInput = z.strictObject({
  /** A support plan's fee (the contract's `prices` key) or an e-service (its catalogue id). */
  priceKey: ZWritten(64),
  percent: z
    .string()
    .regex(/^\d{1,3}(\.\d{1,2})?$/, { message: 'expected a percentage such as "8.5"' })
    .optional(),
  monthlyMinimum: z
    .string()
    .regex(AMOUNT, { message: "expected an amount such as 79.00" })
    .nullable()
    .optional(),
  monthlyPrice: z.string().regex(AMOUNT, { message: "expected an amount such as 180.00" }).optional(),
});
const ZChangeBody = z.strictObject({
  // Specific conditions change with their values, through POST /api/specific-conditions.
  kind: ZChangeKind.exclude(["specific-conditions"]),
  title: ZWritten(200),
  body: ZWritten(5_000),
  effectiveFrom: ZDate,
  prices: z.array(ZPriceInput).max(20).default([]),
});

const ZPreview = z
  .object({
    earliest: z.string(),
    clause: z.string(),
    prices: z.string(),
    recipients: z.array(
      z.object({
        organisationId: z.string(),
        organisationName: z.string(),
        direction: z.enum(["increase", "decrease", "unchanged"]),
        clause: z.string(),
        earliest: z.string(),
        channels: z.array(z.string()),
        signature: z.boolean(),
        harmfulTermination: z.boolean(),
      }),
    ),
  })
  .meta({ id: "ChangePreview" });

const ZOptions = z
  .object({
    today: z.string(),
    /** The contract's currency: the prices' amounts are in it (issue 17). */
    currency: z.string(),
    kinds: z.array(
      z.object({
        kind: z.enum(CHANGE_KINDS).exclude(["specific-conditions"]),
        clause: z.string(),
        channels: z.array(z.string()),
        signature: z.boolean(),
        earliest: z.object({ increase: z.string().nullable(), decrease: z.string().nullable() }),
      }),
    ),
    prices: z.array(
      z.object({
        priceKey: z.string(),
        target: z.enum(["support", "e-service"]),
        label: z.string(),
        current: z.object({
          monthlyCents: z.number().int().optional(),
          basisPoints: z.number().int().optional(),
          minimumCents: z.number().int().nullable().optional(),
        }),
      }),
    ),
  })
  .meta({ id: "ChangeOptions" });

/**
 * Changes with notice (issue 18: MCR-BIL-05, DSN-BIL-01, DSN-BIL-02): the provider previews and
 * announces; each customer reads its notices, downloads its letter, signs, terminates on a harmful
 * change (routes-customer.ts).
 */
export function noticeRoutes(context: AppContext): FastifyPluginAsyncZod {
  const { db } = context.database;
  const { contract } = context;
  const today = () => localDateIn(context.clock(), timeZoneOf(contract));
  const standingDay = () => ({ today: today(), timeZone: timeZoneOf(contract) });

  return async (app) => {
    await app.register(noticeCustomerRoutes(context));

    app.get(
      "/api/contract-changes/options",
      {
        schema: {
          tags: ["notices"],
          summary:
            "What may be announced today: each kind of change the contract provides for, with its clause, channels and earliest dates, and the revisable prices with their current terms",
          response: { 200: ZOptions },
        },
      },
      async (request) => {
        authorize(request, noticePolicy.announce);
        const options = await changeOptions(db, contract, today());
        return { ...options, kinds: options.kinds.map((k) => ({ ...k, channels: [...k.channels] })) };
      },
    );

    app.get(
      "/api/contract-changes",
      {
        schema: {
          tags: ["notices"],
          summary:
            "The changes announced, latest first, with each recipient's notice: made available, mailed, read, signed (who has not signed shows as such)",
          response: { 200: z.object({ items: z.array(ZChangeListed) }) },
        },
      },
      async (request) => {
        authorize(request, noticePolicy.viewChanges);
        const locale = negotiateLocale(request.headers["accept-language"]);
        return {
          items: (await listChanges(db)).map((c) =>
            presentListedChange(c, locale, contract.currency, standingDay()),
          ),
        };
      },
    );

    app.post(
      "/api/contract-changes/preview",
      {
        schema: {
          tags: ["notices"],
          summary:
            "What a change would do if announced today: the earliest date the contract allows and each customer concerned with its direction and clause; refused as the announcement would be. Writes nothing",
          body: ZChangeBody,
          response: { 200: ZPreview },
        },
      },
      async (request) => {
        authorize(request, noticePolicy.announce);
        const locale = negotiateLocale(request.headers["accept-language"]);
        const planned = await planChange(db, contract, request.body, today());
        if (!planned.ok) throw changeRefusalError(request, planned);
        return {
          earliest: planned.earliest,
          clause: planned.clause,
          prices: movesWords(planned.moves, locale, contract.currency),
          recipients: planned.recipients.map((r) => ({
            organisationId: r.organisationId,
            organisationName: r.name,
            direction: r.direction,
            clause: r.clause,
            earliest: r.earliest,
            channels: [...r.channels],
            signature: r.signature,
            harmfulTermination: r.harmfulTermination,
          })),
        };
      },
    );

    app.post(
      "/api/contract-changes",
      {
        schema: {
          tags: ["notices"],
          summary:
            "Announce a change with notice (MCR-BIL-05, DSN-BIL-01, DSN-BIL-02): a date inside a recipient's notice is refused with its clause; " +
            "otherwise each affected customer's notice, letter and e-mails are written with the change, and new prices apply from its date. " +
            "The same idempotency key (body or Idempotency-Key header) returns the first announcement — provider admin or account manager",
          body: ZChangeBody.extend({ idempotencyKey: ZWritten(200).min(8).optional() }),
          response: {
            201: z.object({
              change: ZContractChange,
              notices: z.number(),
              mailed: z.number(),
              replayed: z.boolean(),
            }),
            200: z.object({
              change: ZContractChange,
              notices: z.number(),
              mailed: z.number(),
              replayed: z.boolean(),
            }),
          },
        },
      },
      async (request, reply) => {
        const principal = authorize(request, noticePolicy.announce);
        const locale = negotiateLocale(request.headers["accept-language"]);
        const { idempotencyKey, ...body } = request.body;
        const header = request.headers["idempotency-key"];
        const result = await announceChange(
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
        if (!result.ok) throw changeRefusalError(request, result);
        reply.code(result.replayed ? 200 : 201);
        return {
          change: presentChange(result.change, locale, contract.currency),
          notices: result.notices,
          mailed: result.mailed,
          replayed: result.replayed,
        };
      },
    );

    app.get(
      "/api/notices",
      {
        schema: {
          tags: ["notices"],
          summary:
            "The organisation's notices of changes, latest first: the durable copy in the portal, the letter when written, the signature awaited, the right to terminate on a harmful change",
          response: { 200: z.object({ items: z.array(ZNoticeView) }) },
        },
      },
      async (request) => {
        const principal = authorize(request, (p) => noticePolicy.viewNotices(p, tenantOf(p)));
        const locale = negotiateLocale(request.headers["accept-language"]);
        const views = await listNotices(db, contract, tenantOf(principal), today());
        return { items: views.map((v) => presentNotice(v, locale, contract.currency, standingDay())) };
      },
    );
  };
}
