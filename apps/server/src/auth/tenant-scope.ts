import { type Database, runInTenant, type TenantScope } from "@guichet/db";
import type { FastifyInstance, FastifyReply, RouteHandlerMethod } from "fastify";
import type { Principal } from "./principal.js";

/** The rows a principal's requests may touch: all for provider staff, else one organisation's. */
export function tenantScopeOf(principal: Principal): TenantScope {
  if (principal.acting) return principal.acting.organisationId;
  return principal.organisationKind === "provider" ? "*" : principal.organisationId;
}

/**
 * Runs every authenticated route's handler inside its tenant's transaction (row-level security,
 * migration 0003), so the database itself refuses another tenant's rows whatever a handler asks.
 * A handler that sends its reply itself (`reply.code(201).send(...)`) would answer before the
 * commit, and the client's next request could miss what it just did: its send is held until the
 * transaction has ended, and dropped with it when it rolls back (the error is answered instead).
 * Must be installed before the routes are registered.
 */
export function scopeHandlersToTenant(app: FastifyInstance, root: Database): void {
  app.addHook("onRoute", (route) => {
    const handler = route.handler as RouteHandlerMethod;
    route.handler = async function scopedHandler(request, reply) {
      const principal = request.principal;
      if (!principal) return handler.call(this, request, reply);
      // A Fastify reply is awaitable and settles once sent: while its send is held, it is made a
      // plain object, so a handler returning `reply.send(...)` finishes and the transaction ends.
      const held = holdReply(reply);
      let result: unknown;
      try {
        result = await runInTenant(root, tenantScopeOf(principal), async () =>
          handler.call(this, request, reply),
        );
      } finally {
        held.release();
      }
      if (!held.sent) return result;
      reply.send(held.sent.payload);
      return reply;
    } as RouteHandlerMethod;
  });
}

/** Holds `reply.send` (and the reply's awaitability) until `release`, remembering what was sent. */
function holdReply(reply: FastifyReply) {
  const overrides = reply as unknown as Record<string, unknown>;
  const held: { sent?: { payload: unknown }; release(): void } = {
    release() {
      delete overrides.send;
      delete overrides.then;
    },
  };
  overrides.send = (payload?: unknown) => {
    held.sent = { payload };
    return reply;
  };
  // biome-ignore lint/suspicious/noThenProperty: hiding the reply's own `then` is the point here.
  Object.defineProperty(reply, "then", { value: undefined, configurable: true, writable: true });
  return held;
}
