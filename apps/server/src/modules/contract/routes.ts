import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { type ContractSummary, ZContractSummary } from "./present-contract.js";

/**
 * The contract this deployment runs, as customers may read it (public, read-only): the summary
 * buildApp makes once, which the portal's page also carries (registerWeb).
 */
export function contractRoutes(summary: ContractSummary): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/contract",
      {
        config: { public: true },
        schema: {
          tags: ["contract"],
          summary:
            "The contract this deployment runs: plans and their channels, SLA targets, calendars, priorities, ticket statuses, catalogue",
          response: { 200: ZContractSummary },
        },
      },
      async () => summary,
    );
  };
}
