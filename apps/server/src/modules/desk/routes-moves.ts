import { TICKET_ACTIONS } from "@guichet/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ZPriority } from "../../http/api-schemas.js";
import { ZText, ZWritten } from "../../http/input-schemas.js";
import { authorize } from "../../policies/authorize.js";
import { deskPolicy, isDeskStaff } from "../../policies/desk-policy.js";
import { changeStatus } from "./change-status.js";
import { ZTicketView } from "./desk-schemas.js";
import { escalateTicket } from "./escalate-ticket.js";
import { postMessage } from "./post-message.js";
import { type DeskRoutesKit, ZTicketParams } from "./routes-kit.js";
import { assignTicket, changePriority, logCall } from "./support-moves.js";

/**
 * What happens on an open ticket: replies and notes, status changes, priority, assignment, calls.
 * Each answers with the ticket as the caller now sees it.
 */
export function ticketMoveRoutes({
  allowedOn,
  viewOf,
  commandFor,
  outcome,
}: DeskRoutesKit): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      "/api/tickets/:ticketId/messages",
      {
        schema: {
          tags: ["desk"],
          summary: "Reply on a ticket (DSN-SUP-04 return on open ticket); support may write internal notes",
          params: ZTicketParams,
          body: z.strictObject({
            body: ZWritten(20_000),
            visibility: z.enum(["public", "internal"]).default("public"),
          }),
          response: { 201: ZTicketView },
        },
      },
      async (request, reply) => {
        const { principal } = await allowedOn(request, deskPolicy.takePart);
        const result = await postMessage(commandFor(request, principal), {
          ...request.body,
          channel: principal.via === "session" ? "portal" : "api",
        });
        outcome(request, result);
        return reply.code(201).send(await viewOf(request));
      },
    );

    app.post(
      "/api/tickets/:ticketId/status",
      {
        schema: {
          tags: ["desk"],
          summary:
            "Take, hold (ask for information), resume, resolve, close, confirm or reopen (MCR-SUP-10, DSN-SUP-03, DSN-SUP-05)",
          params: ZTicketParams,
          body: z.strictObject({
            action: z.enum(TICKET_ACTIONS),
            message: ZText.trim().max(20_000).nullable().default(null),
            outOfScopeReason: ZText.max(64).nullable().default(null),
          }),
          response: { 200: ZTicketView },
        },
      },
      async (request) => {
        const { principal } = await allowedOn(request, deskPolicy.takePart);
        const result = await changeStatus(commandFor(request, principal), {
          ...request.body,
          channel: "portal",
        });
        outcome(request, result);
        return await viewOf(request);
      },
    );

    app.post(
      "/api/tickets/:ticketId/priority",
      {
        schema: {
          tags: ["desk"],
          summary: "Support sets a priority, or proposes one and waits for the customer (MCR-SUP-12)",
          params: ZTicketParams,
          body: z.strictObject({
            priority: ZPriority,
            reason: ZWritten(2_000),
            mode: z.enum(["set", "propose"]).default("set"),
          }),
          response: { 200: ZTicketView },
        },
      },
      async (request) => {
        const principal = authorize(request, deskPolicy.work);
        const result = await changePriority(commandFor(request, principal), request.body);
        outcome(request, result);
        return await viewOf(request);
      },
    );

    app.post(
      "/api/tickets/:ticketId/assignee",
      {
        schema: {
          tags: ["desk"],
          summary: "Assign the ticket to a member of the provider's staff, or to nobody",
          params: ZTicketParams,
          body: z.strictObject({ userId: z.uuid().nullable() }),
          response: { 200: ZTicketView },
        },
      },
      async (request) => {
        const principal = authorize(request, deskPolicy.work);
        const result = await assignTicket(
          commandFor(request, principal),
          request.body.userId,
          principal.organisationId,
        );
        outcome(request, result);
        return await viewOf(request);
      },
    );

    app.post(
      "/api/tickets/:ticketId/calls",
      {
        schema: {
          tags: ["desk"],
          summary: "Log a phone call on the ticket (Business and Premium, P1/P2, MCR-SUP-03)",
          params: ZTicketParams,
          body: z.strictObject({ summary: ZWritten(20_000) }),
          response: { 201: ZTicketView },
        },
      },
      async (request, reply) => {
        const principal = authorize(request, deskPolicy.work);
        const result = await logCall(commandFor(request, principal), request.body.summary);
        outcome(request, result);
        return reply.code(201).send(await viewOf(request));
      },
    );

    app.post(
      "/api/tickets/:ticketId/escalations",
      {
        schema: {
          tags: ["desk"],
          summary:
            "Escalate a ticket whose target requires it (issue 23): the customer by the portal; support records one made by phone or e-mail",
          params: ZTicketParams,
          body: z.strictObject({ channel: z.enum(["portal", "phone", "email"]).default("portal") }),
          response: { 201: ZTicketView },
        },
      },
      async (request, reply) => {
        const { principal } = await allowedOn(request, deskPolicy.takePart);
        const staff = isDeskStaff(principal);
        // A customer escalates by the portal (or its API); only support records another channel.
        const channel = staff ? request.body.channel : "portal";
        const via = staff
          ? channel === "portal"
            ? "portal"
            : channel
          : principal.via === "session"
            ? "portal"
            : "api";
        const result = await escalateTicket(commandFor(request, principal), channel, via);
        outcome(request, result);
        return reply.code(201).send(await viewOf(request));
      },
    );
  };
}
