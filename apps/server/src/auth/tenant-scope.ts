import { type Database, runInTenant, type TenantScope } from "@guichet/db";
import type { FastifyInstance, RouteHandlerMethod } from "fastify";
import type { Principal } from "./principal.js";

/** The rows a principal's requests may touch: all for provider staff, else one organisation's. */
export function tenantScopeOf(principal: Principal): TenantScope {
  if (principal.acting) return principal.acting.organisationId;
  return principal.organisationKind === "provider" ? "*" : principal.organisationId;
}

/**
 * Runs every authenticated route's handler inside its tenant's transaction (row-level security,
 * migration 0003), so the database itself refuses another tenant's rows whatever a handler asks.
 * Must be installed before the routes are registered.
 */
export function scopeHandlersToTenant(app: FastifyInstance, root: Database): void {
  app.addHook("onRoute", (route) => {
    const handler = route.handler as RouteHandlerMethod;
    route.handler = function scopedHandler(request, reply) {
      const principal = request.principal;
      if (!principal) return handler.call(this, request, reply);
      return runInTenant(root, tenantScopeOf(principal), async () => handler.call(this, request, reply));
    } as RouteHandlerMethod;
  });
}
