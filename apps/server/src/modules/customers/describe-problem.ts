import { type CsvLineProblem, type CustomerProblem, EU_VAT_FORMATS } from "@guichet/domain";
import { type Locale, type MessageKey, t } from "../../i18n/index.js";

const HINTS: Partial<Record<string, MessageKey>> = {
  siren: "customer.hint.siren",
  siret: "customer.hint.siret",
  registrationNumber: "customer.hint.registrationNumber",
  vatNumber: "customer.hint.vatNumber",
  billingPostalCode: "customer.hint.billingPostalCode",
  billingCountry: "customer.hint.billingCountry",
  billingEmail: "customer.hint.email",
  "administrator.email": "customer.hint.email",
  "administrator.locale": "customer.hint.locale",
  header: "customer.hint.header",
};

/** One refused field as a sentence in the reader's language: the field, what it held, how to fix it. */
export function describeProblem(locale: Locale, problem: CustomerProblem | CsvLineProblem): string {
  const field = t(locale, `customer.field.${problem.field}` as MessageKey);
  const hintKey = HINTS[problem.field];
  const example = "example" in problem ? problem.example : undefined;
  const params = {
    field,
    value: problem.value,
    expected: problem.expected,
    hint: hintKey ? t(locale, hintKey) : "",
  };
  // A VAT number outside France (issue 17): the customer's state's shape, by example.
  if (problem.field === "vatNumber" && example && !example.startsWith("FR")) {
    const abroad = !Object.values(EU_VAT_FORMATS).some((f) => f.example === example);
    params.hint = t(locale, abroad ? "customer.hint.vatNumberAbroad" : "customer.hint.vatNumberOf", {
      example,
    });
  }
  if (problem.field === "siren" && problem.reason === "required")
    return t(locale, "customer.problem.siren_required", params);
  switch (problem.reason) {
    case "key":
      return t(
        locale,
        problem.field === "vatNumber" ? "customer.problem.vat_key" : "customer.problem.key",
        params,
      );
    case "taken":
      return t(
        locale,
        problem.field === "siren" ? "customer.problem.taken_siren" : "customer.problem.taken_email",
        params,
      );
    default:
      return t(locale, `customer.problem.${problem.reason}`, params);
  }
}

/** A refused CSV line: which line, which column, and the sentence above. */
export function describeLineProblem(locale: Locale, problem: CsvLineProblem): string {
  return t(locale, "customer.problem.line", {
    line: problem.line,
    column: problem.column || "-",
    problem: describeProblem(locale, problem),
  });
}
