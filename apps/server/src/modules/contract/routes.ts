import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../../app-context.js";
import { publishedDeskAddressOf } from "../desk/mail-receiver.js";
import { presentContract, ZContractSummary } from "./present-contract.js";

/** The contract this deployment runs, as customers may read it (public, read-only). */
export function contractRoutes(context: AppContext): FastifyPluginAsyncZod {
  const summary = presentContract(context.contract, publishedDeskAddressOf(context));
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
