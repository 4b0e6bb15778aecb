import type { AuditEntry } from "./search-audit.js";

const COLUMNS = [
  "seq",
  "at",
  "actorLabel",
  "actorUserId",
  "actorOrganisationId",
  "organisationId",
  "grantId",
  "via",
  "apiTokenId",
  "action",
  "targetType",
  "targetId",
  "outcome",
  "ip",
  "userAgent",
  "requestId",
  "data",
  "hash",
] as const;

/** RFC 4180 quoting; a leading =, +, - or @ is neutralised so a spreadsheet never runs it as a formula. */
function cell(value: unknown): string {
  let text =
    value === null || value === undefined
      ? ""
      : value instanceof Date
        ? value.toISOString()
        : typeof value === "object"
          ? JSON.stringify(value)
          : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function auditToCsv(entries: AuditEntry[]): string {
  const lines = [COLUMNS.join(",")];
  for (const entry of entries) lines.push(COLUMNS.map((column) => cell(entry[column])).join(","));
  return `${lines.join("\r\n")}\r\n`;
}
