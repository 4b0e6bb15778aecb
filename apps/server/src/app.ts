import { scopedDatabase } from "@guichet/db";
import { labelIn } from "@guichet/domain";
import Fastify, { type FastifyInstance, type FastifyServerOptions, LogController } from "fastify";
import { serializerCompiler } from "fastify-type-provider-zod";
import type { AppContext } from "./app-context.js";
import { registerAuth } from "./auth/plugin.js";
import { scopeHandlersToTenant } from "./auth/tenant-scope.js";
import { installErrorHandling } from "./http/error-handler.js";
import { registerHttpsOnly } from "./http/https-only.js";
import { registerOpenApi } from "./http/openapi.js";
import { requestIdFor } from "./http/request-id.js";
import { registerSecurityHeaders } from "./http/security-headers.js";
import { validatorCompiler } from "./http/validator.js";
import { registerWeb } from "./http/web.js";
import { readingRequest, readRequestIn } from "./i18n/index.js";
import { readerOf, withContractFallback } from "./i18n/reader.js";
import { accessRoutes } from "./modules/accounts/routes-access.js";
import { authRoutes } from "./modules/accounts/routes-auth.js";
import { staffRoutes } from "./modules/accounts/routes-staff.js";
import { userRoutes } from "./modules/accounts/routes-users.js";
import { auditRoutes } from "./modules/audit/routes.js";
import { billingRoutes } from "./modules/billing/routes.js";
import { budgetRoutes } from "./modules/billing/routes-budgets.js";
import { costRoutes } from "./modules/billing/routes-costs.js";
import { browserReportRoutes } from "./modules/browser-reports/routes.js";
import { catalogueRoutes } from "./modules/catalogue/routes.js";
import { presentContract } from "./modules/contract/present-contract.js";
import { contractRoutes } from "./modules/contract/routes.js";
import { customerRoutes } from "./modules/customers/routes.js";
import { publishedDeskAddressOf } from "./modules/desk/mail-receiver.js";
import { deskRoutes } from "./modules/desk/routes.js";
import { deskReportRoutes } from "./modules/desk-report/routes.js";
import { documentRoutes } from "./modules/documents/routes.js";
import { instrumentRequests, registerMetrics } from "./modules/health/metrics.js";
import { healthRoutes } from "./modules/health/routes.js";
import { invoiceRoutes } from "./modules/invoices/routes.js";
import { outboxRoutes } from "./modules/mail/routes.js";
import { maintenanceRoutes } from "./modules/maintenance/routes.js";
import { newsRoutes } from "./modules/news/routes.js";
import { noticeRoutes } from "./modules/notices/routes.js";
import { operationsRoutes } from "./modules/operations/routes.js";
import { orderRoutes } from "./modules/orders/routes.js";
import { orderDecisionRoutes } from "./modules/orders/routes-decisions.js";
import { quotaRoutes } from "./modules/orders/routes-quotas.js";
import { organisationRoutes } from "./modules/organisations/routes.js";
import { securityRoutes } from "./modules/security/routes.js";
import { commitmentRoutes } from "./modules/subscriptions/routes.js";
import { terminationRoutes } from "./modules/subscriptions/routes-terminations.js";

/** Request bodies above this are refused with 413 (attachments will get their own limit). */
export const BODY_LIMIT = 1024 * 1024;

export interface BuildAppOptions {
  /** A pino logger; none in tests. */
  logger?: FastifyServerOptions["loggerInstance"];
  /** A log line per request (default); `/health` probes are logged only when they fail. */
  logRequests?: boolean;
  /**
   * Serve HTTPS: the server's certificate and key (PEM). Clients may then present a client
   * certificate, checked against the registered ones (DSN-SEC-03): the handshake asks for one and
   * accepts any, as registration pins each by its fingerprint rather than by a CA.
   */
  https?: { cert: Buffer; key: Buffer };
  /** Extra routes, registered after the product's own (tests use this for fixtures). */
  extraRoutes?: (app: FastifyInstance) => Promise<void>;
}

/** A load balancer's probe: every few seconds, a log line only when it fails (its handler says why). */
function isHealthProbe(url: string): boolean {
  return url === "/health" || url.startsWith("/health/");
}

/** Builds the HTTP application; does not listen. */
export async function buildApp(context: AppContext, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  // A hop count as the function Fastify makes of one at run time (its types omit numbers).
  const trusted = context.config.TRUST_PROXY;
  const trustProxy: FastifyServerOptions["trustProxy"] =
    typeof trusted === "number" ? (_address: string, hop: number) => hop < trusted : (trusted ?? false);
  const app = Fastify({
    ...(options.https ? { https: { ...options.https, requestCert: true, rejectUnauthorized: false } } : {}),
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    logController: new LogController({
      disableRequestLogging: (request) => options.logRequests === false || isHealthProbe(request.url),
    }),
    bodyLimit: BODY_LIMIT,
    genReqId: requestIdFor,
    // request.ip is the client's, read from X-Forwarded-For only when sent by a trusted proxy.
    trustProxy,
    // Unknown body fields are refused by the strict zod schemas, not silently dropped.
    ajv: { customOptions: { removeAdditional: false } },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  instrumentRequests(app);
  app.addHook("onSend", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });
  // The contract's languages and their fallback for every message (issue 23, GEN-01).
  // The handlers answer in the complete catalogue the header now names; `t` reads the reader's
  // partial ones first (German), from where the request arrives and again once its body is read.
  app.addHook("onRequest", (request, _reply, done) => {
    const acceptLanguage = request.headers["accept-language"];
    const completed = withContractFallback(acceptLanguage, context.contract);
    if (completed !== undefined) request.headers["accept-language"] = completed;
    readRequestIn(request, readerOf(acceptLanguage, context.contract).catalogues, done);
  });
  app.addHook("preValidation", (request, _reply, done) => readingRequest(request, done));
  // Plain HTTP refused before anything reads a credential, where the contract says httpsOnly (DSN-SEC-03).
  registerHttpsOnly(app, context.contract, context.config);
  // Before any route: each route takes its security-header policy as it is declared.
  await registerSecurityHeaders(app, context.config);
  const contractSummary = presentContract(context.contract, publishedDeskAddressOf(context));
  installErrorHandling(app, BODY_LIMIT, await registerWeb(app, { contract: contractSummary }));
  await registerOpenApi(app, labelIn(context.contract.provider.portalName, context.contract.locale));
  // Modules see the database through the request's tenant transaction once authenticated.
  const root = context.database;
  context = { ...context, database: scopedDatabase(root) };
  await registerAuth(app, context);
  scopeHandlersToTenant(app, root);
  // A new route declares its answers (schema.response) and names its shapes (.meta({ id })), then
  // `npm run api:generate` gives the portal its types: ARCHITECTURE.md, "Adding a route".
  await app.register(healthRoutes(context, root));
  registerMetrics(app, context, root);
  await app.register(operationsRoutes(context, root));
  await app.register(browserReportRoutes());
  await app.register(contractRoutes(contractSummary));
  await app.register(authRoutes(context));
  await app.register(organisationRoutes(context));
  await app.register(userRoutes(context));
  await app.register(staffRoutes(context));
  await app.register(accessRoutes(context));
  await app.register(auditRoutes(context));
  await app.register(outboxRoutes(context));
  await app.register(deskRoutes(context));
  await app.register(deskReportRoutes(context));
  await app.register(maintenanceRoutes(context));
  await app.register(billingRoutes(context));
  await app.register(costRoutes(context));
  await app.register(budgetRoutes(context));
  await app.register(invoiceRoutes(context));
  await app.register(commitmentRoutes(context));
  await app.register(terminationRoutes(context));
  await app.register(customerRoutes(context));
  await app.register(catalogueRoutes(context));
  await app.register(orderRoutes(context));
  await app.register(orderDecisionRoutes(context));
  await app.register(documentRoutes(context));
  await app.register(quotaRoutes(context));
  await app.register(noticeRoutes(context));
  await app.register(securityRoutes(context));
  await app.register(newsRoutes(context));
  if (options.extraRoutes) await options.extraRoutes(app);
  return app;
}
