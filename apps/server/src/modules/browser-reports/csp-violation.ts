import { z } from "zod";

const text = z.string().max(4096).optional();
const position = z.number().int().nonnegative().optional();

/**
 * The two shapes browsers send. Not strict objects, unlike every other route: the formats are
 * the browsers', and gain fields from one version to the next; refusing a report for a field
 * it does not know would lose it. Unknown fields are dropped.
 */
const ZLegacyReport = z.object({
  "csp-report": z.object({
    "document-uri": text,
    "blocked-uri": text,
    "effective-directive": text,
    "violated-directive": text,
    disposition: text,
    "source-file": text,
    "line-number": position,
    "column-number": position,
    "script-sample": text,
  }),
});
const ZReportingApiReports = z
  .array(
    z.object({
      type: z.string().max(100),
      body: z
        .object({
          documentURL: text,
          blockedURL: text,
          effectiveDirective: text,
          disposition: text,
          sourceFile: text,
          lineNumber: position,
          columnNumber: position,
          sample: text,
        })
        .optional(),
    }),
  )
  .max(100);
export const ZCspReport = z.union([ZLegacyReport, ZReportingApiReports]);

/** One violation as it is logged, whichever format the browser sent it in. */
export interface CspViolation {
  document?: string;
  blocked?: string;
  directive?: string;
  disposition?: string;
  source?: string;
  line?: number;
  column?: number;
  sample?: string;
}

/**
 * An address as it may be logged: no query string or fragment, which can carry secrets (the
 * token of an invitation or password link is in the page's address).
 */
export function withoutSecrets(address: string | undefined): string | undefined {
  if (address === undefined) return undefined;
  return address.replace(/[?#].*$/s, "");
}

/** The violations of a report body (a legacy `report-uri` report or a Reporting API batch). */
export function violationsOf(report: z.infer<typeof ZCspReport>): CspViolation[] {
  if (!Array.isArray(report)) {
    const r = report["csp-report"];
    return [
      {
        document: withoutSecrets(r["document-uri"]),
        blocked: withoutSecrets(r["blocked-uri"]),
        directive: r["effective-directive"] ?? r["violated-directive"],
        disposition: r.disposition,
        source: withoutSecrets(r["source-file"]),
        line: r["line-number"],
        column: r["column-number"],
        sample: r["script-sample"],
      },
    ];
  }
  return report.flatMap((entry) => {
    const b = entry.body;
    if (entry.type !== "csp-violation" || !b) return [];
    return [
      {
        document: withoutSecrets(b.documentURL),
        blocked: withoutSecrets(b.blockedURL),
        directive: b.effectiveDirective,
        disposition: b.disposition,
        source: withoutSecrets(b.sourceFile),
        line: b.lineNumber,
        column: b.columnNumber,
        sample: b.sample,
      },
    ];
  });
}
