import type { IncomingHttpHeaders } from "node:http";
import { z } from "zod";
import { type Locale, negotiateLocale } from "./index.js";

/**
 * `?lang=fr|en`, for the querystring of a route a plain link downloads (CSV): the browser's
 * Accept-Language is its own language, not necessarily the one chosen in the portal, so the
 * link says which.
 */
export const ZLangQuery = { lang: z.enum(["fr", "en"]).optional() };

/** The reader's language: `lang` in the query when given, else Accept-Language, else French. */
export function requestLocale(request: { query: unknown; headers: IncomingHttpHeaders }): Locale {
  const lang = (request.query as { lang?: unknown } | undefined)?.lang;
  return lang === "fr" || lang === "en" ? lang : negotiateLocale(request.headers["accept-language"]);
}
