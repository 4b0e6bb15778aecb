import { z } from "zod";

/** The body of every error answer (error-handler.ts), for routes to declare in their responses. */
export const ZErrorBody = z.object({
  code: z.string(),
  message: z.string(),
  details: z.record(z.string(), z.unknown()),
});
