import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app-context.js";
import { actorOf } from "../../auth/principal.js";
import { ZNoContent } from "../../http/api-schemas.js";
import { AppError } from "../../http/errors.js";
import { ZText } from "../../http/input-schemas.js";
import { notFound } from "../../http/not-found.js";
import { negotiateLocale, t } from "../../i18n/index.js";
import { authorize } from "../../policies/authorize.js";
import { commitmentPolicy } from "../../policies/commitment-policy.js";
import {
  completeStaffTask,
  quoteAccountTransfer,
  requestAccountTransfer,
  transferClause,
} from "./account-transfers.js";
import { presentDecision, refusedDecision } from "./present-decision.js";
import { recordTermination } from "./record-termination.js";
import { ZOrganisationParams, ZTerminationBody, ZTerminationRecorded } from "./schemas.js";
import { setVendorStatus, vendorClause } from "./set-vendor-status.js";

/**
 * Terminations recorded by staff (DSN-ORD-04, MCR-ORD-02), a vendor's suspension or refusal
 * (MCR-ACC-06), account transfers (MCR-ORD-03) and the staff tasks they leave.
 */
export function terminationRoutes(context: AppContext): FastifyPluginAsyncZod {
  const { db } = context.database;
  const { contract } = context;
  return async (app) => {
    app.post(
      "/api/organisations/:organisationId/terminations",
      {
        schema: {
          tags: ["subscriptions"],
          summary:
            "Record a termination from the letter's reception date: effective date and fees due, with their clauses (DSN-ORD-04, MCR-ORD-02)",
          params: ZOrganisationParams,
          body: ZTerminationBody,
          response: { 201: ZTerminationRecorded },
        },
      },
      async (request, reply) => {
        const { organisationId } = request.params;
        const principal = authorize(request, commitmentPolicy.terminate);
        const locale = negotiateLocale(request.headers["accept-language"]);
        const result = await recordTermination(
          db,
          contract,
          actorOf(principal, request),
          { organisationId, ...request.body },
          context.clock(),
        );
        if (!result.ok) {
          if ("decision" in result) throw refusedDecision(request, contract, result.decision);
          if (result.reason === "subscription_not_found")
            throw new AppError("conflict", t(locale, "commitments.subscription_not_found"), {
              field: "subscriptionId",
            });
          throw new AppError("conflict", t(locale, "commitments.already_terminated"), { field: "scope" });
        }
        return reply.code(201).send({
          ...presentDecision(request, contract, result.decision),
          terminationId: result.terminationId,
          tasks: result.tasks,
        });
      },
    );

    app.post(
      "/api/organisations/:organisationId/subscriptions/:subscriptionId/vendor-status",
      {
        schema: {
          tags: ["subscriptions"],
          summary: `A cloud vendor suspends, gives back or refuses access: that vendor's service only (${vendorClause(contract)})`,
          params: ZOrganisationParams.extend({ subscriptionId: z.uuid() }),
          body: z.strictObject({
            action: z.enum(["suspend", "resume", "terminate"]),
            reason: ZText.trim().min(3).max(1000),
          }),
          response: { 204: ZNoContent },
        },
      },
      async (request, reply) => {
        const { organisationId, subscriptionId } = request.params;
        const principal = authorize(request, commitmentPolicy.vendorStatus);
        const locale = negotiateLocale(request.headers["accept-language"]);
        const outcome = await setVendorStatus(
          db,
          contract,
          actorOf(principal, request),
          { organisationId, subscriptionId, ...request.body },
          context.clock(),
        );
        if (outcome === "not_found") throw notFound(request, "subscription");
        if (outcome === "not_a_vendor")
          throw new AppError(
            "contract_rule",
            t(locale, "commitments.not_a_vendor", { clause: vendorClause(contract) }),
            { clause: vendorClause(contract), field: "subscriptionId" },
          );
        if (outcome === "unchanged")
          throw new AppError("conflict", t(locale, "commitments.vendor_unchanged"), { field: "action" });
        return reply.code(204).send(null);
      },
    );

    app.post(
      "/api/organisations/:organisationId/transfer-requests",
      {
        schema: {
          tags: ["subscriptions"],
          summary: `Ask for the cloud accounts to be transferred on termination, answered with a quote (${transferClause(contract)})`,
          params: ZOrganisationParams,
          body: z.strictObject({ recipient: ZText.trim().min(2).max(300) }),
          response: { 201: z.object({ id: z.string() }) },
        },
      },
      async (request, reply) => {
        const { organisationId } = request.params;
        const principal = authorize(request, (p) => commitmentPolicy.requestTransfer(p, organisationId));
        const result = await requestAccountTransfer(
          db,
          contract,
          actorOf(principal, request),
          { organisationId, recipient: request.body.recipient },
          context.clock(),
        );
        if (!result.ok) {
          const locale = negotiateLocale(request.headers["accept-language"]);
          throw new AppError(
            "contract_rule",
            t(locale, "commitments.transfer_needs_termination", { clause: transferClause(contract) }),
            { clause: transferClause(contract) },
          );
        }
        return reply.code(201).send({ id: result.id });
      },
    );

    app.post(
      "/api/organisations/:organisationId/transfer-requests/:requestId/quote",
      {
        schema: {
          tags: ["subscriptions"],
          summary: `Answer a transfer request with a quote (${transferClause(contract)})`,
          params: ZOrganisationParams.extend({ requestId: z.uuid() }),
          body: z.strictObject({
            amount: z
              .string()
              .regex(/^\d{1,9}(\.\d{1,2})?$/, { message: "expected an amount such as 1500.00" }),
            text: ZText.trim().min(3).max(4000),
          }),
          response: { 204: ZNoContent },
        },
      },
      async (request, reply) => {
        const { organisationId, requestId } = request.params;
        const principal = authorize(request, commitmentPolicy.quoteTransfer);
        const [units, decimals = ""] = request.body.amount.split(".");
        const quoteCents = Number(units) * 100 + Number(decimals.padEnd(2, "0"));
        const outcome = await quoteAccountTransfer(
          db,
          contract,
          actorOf(principal, request),
          { organisationId, requestId, quoteCents, quoteText: request.body.text },
          context.clock(),
        );
        if (outcome === "not_found") throw notFound(request, "transfer_request");
        if (outcome === "already_answered") {
          const locale = negotiateLocale(request.headers["accept-language"]);
          throw new AppError("conflict", t(locale, "commitments.transfer_answered"), { field: "requestId" });
        }
        return reply.code(204).send(null);
      },
    );

    app.post(
      "/api/organisations/:organisationId/staff-tasks/:taskId/done",
      {
        schema: {
          tags: ["subscriptions"],
          summary: "Mark a staff task done (MCR-ORD-02: the vendor was notified)",
          params: ZOrganisationParams.extend({ taskId: z.uuid() }),
          response: { 204: ZNoContent },
        },
      },
      async (request, reply) => {
        const { organisationId, taskId } = request.params;
        const principal = authorize(request, commitmentPolicy.completeTask);
        const outcome = await completeStaffTask(
          db,
          actorOf(principal, request),
          { organisationId, taskId },
          context.clock(),
        );
        if (outcome === "not_found") throw notFound(request, "staff_task");
        return reply.code(204).send(null);
      },
    );
  };
}
