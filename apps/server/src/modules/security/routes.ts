import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../../app-context.js";
import { securityAuditRoutes } from "./routes-audits.js";
import { clientCertificateRoutes } from "./routes-certificates.js";
import { securityContactRoutes } from "./routes-contacts.js";
import { securityIncidentRoutes } from "./routes-incidents.js";

/** The security annex's routes (DSN annex 2, art. 11; issue 18). */
export function securityRoutes(context: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(securityContactRoutes(context));
    await app.register(securityIncidentRoutes(context));
    await app.register(securityAuditRoutes(context));
    await app.register(clientCertificateRoutes(context));
  };
}
