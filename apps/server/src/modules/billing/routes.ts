import { randomUUID } from "node:crypto";
import { createWriteStream, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import multipart from "@fastify/multipart";
import { localDateIn } from "@guichet/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app-context.js";
import { principalOf } from "../../auth/plugin.js";
import { actorOf, tenantOf } from "../../auth/principal.js";
import { AppError } from "../../http/errors.js";
import { ZMonth } from "../../http/input-schemas.js";
import { negotiateLocale, t } from "../../i18n/index.js";
import { authorize } from "../../policies/authorize.js";
import { billingPolicy } from "../../policies/billing-policy.js";
import { timeZoneOf } from "../accounts/issue-link.js";
import { costsRoot } from "./cost-paths.js";
import { vendorNames, ZVendorNames } from "./cost-vendors.js";
import { describeFocusRefusal } from "./describe-refusal.js";
import { type CostFile, importCosts } from "./import-costs.js";
import { listUnmatchedAccounts } from "./list-unmatched-accounts.js";
import { presentSimulation, ZSimulation } from "./present-simulation.js";
import { rethrowMissingRate } from "./rate-error.js";
import { simulateCustomerMonth } from "./simulate-month.js";
import { FocusRefusedError } from "./stage-focus-file.js";

/** A cost export of a month can be large; beyond this, use `guichet costs import`. */
const MAX_UPLOAD_BYTES = 2 * 1024 ** 3;

const ZImportSummary = z.object({
  batchId: z.uuid(),
  lineCount: z.number().int(),
  unmatchedAccounts: z.number().int(),
  units: z.array(
    z.object({
      vendor: z.string(),
      vendorName: z.string(),
      billingAccountId: z.string(),
      billingPeriod: z.string(),
      lineCount: z.number().int(),
      outcome: z.enum(["imported", "replaced", "unchanged"]),
    }),
  ),
});

const ZUnmatchedAccount = z.object({
  vendor: z.string(),
  billingAccountId: z.string(),
  subAccountId: z.string(),
  currency: z.string(),
  billedCost: z.string(),
  lineCount: z.number().int(),
  firstDay: z.string(),
  lastDay: z.string(),
});

/** Cloud consumption: FOCUS imports and the accounts that match no customer (MCR-BIL-01). */
export function billingRoutes(context: AppContext): FastifyPluginAsyncZod {
  const { db } = context.database;
  return async (app) => {
    await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 20, fields: 0 } });

    app.post(
      "/api/billing/cost-imports",
      {
        schema: {
          tags: ["billing"],
          summary:
            "Import FinOps FOCUS files (multipart/form-data, one or more `files`: CSV, gzip'd CSV or Parquet) as one import, all or nothing; " +
            "the same file again changes nothing, a restated file replaces its (vendor, billing account, period) — provider admin or billing",
          consumes: ["multipart/form-data"],
          response: { 201: ZImportSummary },
        },
      },
      async (request, reply) => {
        const principal = authorize(request, billingPolicy.importCosts);
        const locale = negotiateLocale(request.headers["accept-language"]);
        if (!request.isMultipart())
          throw new AppError("unsupported_media_type", t(locale, "billing.no_files"));
        const uploads = join(costsRoot(context), ".uploads", randomUUID());
        mkdirSync(uploads, { recursive: true });
        try {
          const files: CostFile[] = [];
          for await (const part of request.files()) {
            const path = join(uploads, String(files.length));
            await pipeline(part.file, createWriteStream(path));
            if (part.file.truncated)
              throw new AppError(
                "payload_too_large",
                t(locale, "error.payload_too_large", { limit: MAX_UPLOAD_BYTES }),
              );
            files.push({ path, name: part.filename });
          }
          if (files.length === 0) throw new AppError("validation_failed", t(locale, "billing.no_files"));
          const summary = await importCosts(
            context,
            db,
            files,
            actorOf(principal, request),
            context.clock(),
          ).catch((error) => {
            if (error instanceof FocusRefusedError)
              throw new AppError("import_refused", describeFocusRefusal(error.refusal, locale), {
                ...error.refusal,
              });
            throw error;
          });
          return reply.code(201).send(summary);
        } finally {
          rmSync(uploads, { recursive: true, force: true });
        }
      },
    );

    app.get(
      "/api/billing/simulation",
      {
        schema: {
          tags: ["billing"],
          summary:
            "Simulation of a month's invoice (MCR-BIL-04): month to date per vendor and service in the contract's currency as the invoice bills it (vendors' taxes left out, their usage credits apart: MCR-BIL-03), the support fee it implies (MCR-BIL-02), " +
            "and a run-rate forecast to the month's end (recurring consumption to date / days elapsed × days in the month; one-time purchases, credits and adjustments once). `month` defaults to the current one; " +
            "a customer reads its own (`organisationId` defaults to it) — customer administrator or billing reader, provider billing staff",
          querystring: z.strictObject({
            organisationId: z.uuid().optional(),
            month: ZMonth.optional(),
          }),
          response: { 200: ZSimulation },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        const organisationId = request.query.organisationId ?? tenantOf(principal);
        authorize(request, (p) => billingPolicy.viewCosts(p, organisationId));
        const locale = negotiateLocale(request.headers["accept-language"]);
        const month =
          request.query.month ?? localDateIn(context.clock(), timeZoneOf(context.contract)).slice(0, 7);
        try {
          const { simulation, plan, rates } = await simulateCustomerMonth(
            db,
            context.contract,
            organisationId,
            month,
          );
          const names = await vendorNames(db);
          return presentSimulation(simulation, plan, rates, names, context.contract, locale);
        } catch (error) {
          rethrowMissingRate(error, locale);
        }
      },
    );

    app.get(
      "/api/billing/unmatched-accounts",
      {
        schema: {
          tags: ["billing"],
          summary:
            "Vendor accounts whose cost lines match no customer: kept, billed to no one, until the account is recorded on a customer — provider admin, billing or account manager",
          response: {
            200: z.object({ items: z.array(ZUnmatchedAccount), vendorNames: ZVendorNames }),
          },
        },
      },
      async (request) => {
        authorize(request, billingPolicy.viewUnmatchedAccounts);
        return { items: await listUnmatchedAccounts(db), vendorNames: await vendorNames(db) };
      },
    );
  };
}
