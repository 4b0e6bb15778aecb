import { parseCsv } from "./csv-parse.js";
import {
  type CustomerField,
  type CustomerProblem,
  type CustomerRecord,
  checkCustomerRecord,
} from "./customer-record.js";

/**
 * The CSV a provider brings its existing customers in (issue 16): one customer per line, a header
 * line naming the columns below in any order. Optional columns may be left out.
 */
export const CUSTOMER_CSV_COLUMNS: readonly { column: string; field: CustomerField; required: boolean }[] = [
  { column: "raison_sociale", field: "legalName", required: true },
  // Required on the lines of customers established in France (checkCustomerRecord), not as a column.
  { column: "siren", field: "siren", required: false },
  { column: "siret", field: "siret", required: false },
  { column: "numero_immatriculation", field: "registrationNumber", required: false },
  { column: "tva_intracommunautaire", field: "vatNumber", required: false },
  { column: "adresse_facturation", field: "billingAddress", required: true },
  { column: "code_postal", field: "billingPostalCode", required: true },
  { column: "ville", field: "billingCity", required: true },
  { column: "pays", field: "billingCountry", required: false },
  { column: "email_facturation", field: "billingEmail", required: true },
  { column: "admin_email", field: "administrator.email", required: true },
  { column: "admin_prenom", field: "administrator.firstName", required: true },
  { column: "admin_nom", field: "administrator.lastName", required: true },
  { column: "admin_langue", field: "administrator.locale", required: false },
];

/** The column a field is read from, for reports. */
export function csvColumnOf(field: CustomerField): string {
  return CUSTOMER_CSV_COLUMNS.find((c) => c.field === field)?.column ?? field;
}

/** One refused line of an import: which line, which column, what it held, what would do. */
export interface CsvLineProblem extends Omit<CustomerProblem, "field"> {
  line: number;
  column: string;
  field: CustomerField | "header";
}

/** At most this many customers per import: one request, one transaction. */
export const CUSTOMER_CSV_MAX_LINES = 2000;

/**
 * Reads and checks every line. Problems found in the file itself (a missing column, a field
 * refused, the same SIREN or administrator twice) are all reported, not only the first; the
 * caller adds what only the database knows and imports nothing unless there is no problem.
 */
export function readCustomerCsv(text: string): {
  records: { line: number; record: CustomerRecord }[];
  problems: CsvLineProblem[];
} {
  const { rows } = parseCsv(text);
  const problems: CsvLineProblem[] = [];
  const [header, ...lines] = rows;
  if (!header) {
    return {
      records: [],
      problems: [
        {
          line: 1,
          column: "",
          field: "header",
          reason: "required",
          value: "",
          expected: `a header line: ${CUSTOMER_CSV_COLUMNS.map((c) => c.column).join(";")}`,
        },
      ],
    };
  }
  const names = header.cells.map((cell) => cell.trim().toLowerCase());
  const index = new Map<string, number>();
  names.forEach((name, i) => {
    index.set(name, i);
  });
  for (const column of CUSTOMER_CSV_COLUMNS) {
    if (column.required && !index.has(column.column)) {
      problems.push({
        line: header.line,
        column: column.column,
        field: "header",
        reason: "required",
        value: "",
        expected: `a column named ${column.column}`,
      });
    }
  }
  for (const [i, name] of names.entries()) {
    if (!CUSTOMER_CSV_COLUMNS.some((c) => c.column === name)) {
      problems.push({
        line: header.line,
        column: header.cells[i] ?? "",
        field: "header",
        reason: "format",
        value: header.cells[i] ?? "",
        expected: `one of ${CUSTOMER_CSV_COLUMNS.map((c) => c.column).join(", ")}`,
      });
    }
  }
  if (problems.length > 0) return { records: [], problems };
  if (lines.length > CUSTOMER_CSV_MAX_LINES) {
    return {
      records: [],
      problems: [
        {
          line: lines[CUSTOMER_CSV_MAX_LINES]?.line ?? 0,
          column: "",
          field: "header",
          reason: "format",
          value: String(lines.length),
          expected: `at most ${CUSTOMER_CSV_MAX_LINES} lines per import`,
        },
      ],
    };
  }
  const records: { line: number; record: CustomerRecord }[] = [];
  const seen = new Map<string, number>();
  for (const row of lines) {
    const cell = (column: string) => {
      const at = index.get(column);
      return at === undefined ? "" : (row.cells[at] ?? "").trim();
    };
    const locale = cell("admin_langue").toLowerCase() || "fr";
    const checked = checkCustomerRecord({
      legalName: cell("raison_sociale"),
      siren: cell("siren"),
      siret: cell("siret"),
      registrationNumber: cell("numero_immatriculation"),
      vatNumber: cell("tva_intracommunautaire"),
      billingAddress: cell("adresse_facturation"),
      billingPostalCode: cell("code_postal"),
      billingCity: cell("ville"),
      billingCountry: cell("pays"),
      billingEmail: cell("email_facturation"),
      administrator: {
        email: cell("admin_email"),
        firstName: cell("admin_prenom"),
        lastName: cell("admin_nom"),
        locale: locale as "fr" | "en",
      },
    });
    if (!checked.ok) {
      for (const problem of checked.problems)
        problems.push({ ...problem, line: row.line, column: csvColumnOf(problem.field) });
      continue;
    }
    const { record } = checked;
    let duplicate = false;
    for (const [field, key] of [
      ["siren", record.siren ? `siren:${record.siren}` : undefined],
      ["administrator.email", `email:${record.administrator.email}`],
    ] as const) {
      if (!key) continue;
      const first = seen.get(key);
      if (first !== undefined) {
        duplicate = true;
        problems.push({
          line: row.line,
          column: csvColumnOf(field),
          field,
          reason: "duplicate",
          value: key.split(":")[1] as string,
          expected: `a value not already on line ${first}`,
        });
      } else seen.set(key, row.line);
    }
    if (!duplicate) records.push({ line: row.line, record });
  }
  return { records, problems };
}
