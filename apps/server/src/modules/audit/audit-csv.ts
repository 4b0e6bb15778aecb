import { csvDocument } from "../../http/csv.js";
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

export function auditToCsv(entries: AuditEntry[]): string {
  return csvDocument(
    COLUMNS,
    entries.map((entry) => COLUMNS.map((column) => entry[column])),
  );
}
