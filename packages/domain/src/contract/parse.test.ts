import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ContractError, loadContractText, parseContract } from "./index.js";

/**
 * What an operator sees when a contract file is wrong (GEN-01): one line per problem, naming
 * the file, the key's path and what was expected. Each case breaks a copy of a shipped file.
 */

const FILE = "contracts/multicloud-ready.yaml";
const MCR = readFileSync(new URL("../../../../contracts/multicloud-ready.yaml", import.meta.url), "utf8");

/** The shipped MCR text with one piece replaced; fails the test if the piece is not there. */
function broken(from: string, to: string): string {
  expect(MCR, `the shipped file no longer contains ${JSON.stringify(from)}`).toContain(from);
  return MCR.replace(from, to);
}

function errorsOf(text: string, file = FILE): string[] {
  const result = parseContract(text, file);
  if (result.ok) throw new Error("expected the contract to be refused");
  return result.errors;
}

const PREMIUM_P1 = "P1: { target: 30m, calendar: always }";

describe("parseContract", () => {
  it("refuses a wrong SLA target with the exact path and the expected forms", () => {
    expect(errorsOf(broken(PREMIUM_P1, "P1: { target: 30 minutes, calendar: always }"))).toEqual([
      `${FILE}: supportPlans.premium.sla.initialResponse.P1.target: expected a duration such as "30m", "2h", "12 business hours" or "1 business day", "next business day opening", "end of next business day", "best effort" or "none"`,
    ]);
  });

  it("names an unknown key and the keys allowed there", () => {
    expect(errorsOf(broken(PREMIUM_P1, "P1: { target: 30m, calendar: always, colour: red }"))).toEqual([
      `${FILE}: supportPlans.premium.sla.initialResponse.P1.colour: unknown key "colour" (allowed: target, calendar, escalation)`,
    ]);
  });

  it("gives one line per unknown key, at the top level too", () => {
    const errors = errorsOf(`titel: x\nvendor: y\n${MCR}`);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(
      /^contracts\/multicloud-ready\.yaml: titel: unknown key "titel" \(allowed: id, version, title, /,
    );
    expect(errors[1]).toMatch(/: vendor: unknown key "vendor" \(allowed: /);
  });

  it("says 'required' for a missing key", () => {
    expect(errorsOf(broken("  referencePrefix: MCR", "  # no prefix"))).toEqual([
      `${FILE}: ticketWorkflow.referencePrefix: required`,
    ]);
  });

  it("says what type was expected and what was found", () => {
    expect(errorsOf(broken("    rank: 3 #", '    rank: "abc" #'))).toEqual([
      `${FILE}: supportPlans.premium.rank: expected a number, got "abc"`,
    ]);
    expect(errorsOf(broken("    rank: 3 #", "    rank: 2.5 #"))).toEqual([
      `${FILE}: supportPlans.premium.rank: expected a whole number, got 2.5`,
    ]);
    expect(errorsOf(broken('version: "1.0.0"', "version: 1.0"))).toEqual([
      `${FILE}: version: expected a string, got 1`,
    ]);
  });

  it("asks every plan for a target per priority of the contract, and refuses a priority it does not list (MCR-SUP-05)", () => {
    const errors = errorsOf(broken(PREMIUM_P1, "P4: { target: 30m, calendar: always }"));
    expect(errors).toEqual([
      `${FILE}: supportPlans.premium.sla.initialResponse.P1: required: a target for each priority (P1, P2, P3)`,
      `${FILE}: supportPlans.premium.sla.initialResponse.P4: unknown priority "P4" (defined in priorities.levels: P1, P2, P3)`,
    ]);
    expect(errorsOf(broken("  default: P3", "  default: P5"))).toEqual([
      `${FILE}: priorities.default: unknown priority "P5" (defined in priorities.levels: P1, P2, P3)`,
    ]);
  });

  it("refuses a calendar that is not defined, listing those that are", () => {
    expect(errorsOf(broken(PREMIUM_P1, "P1: { target: 30m, calendar: 24x7 }"))).toEqual([
      `${FILE}: supportPlans.premium.sla.initialResponse.P1.calendar: unknown calendar "24x7" (defined in calendars: business-hours, always)`,
    ]);
  });

  it("checks the other cross-references: plans, prices, duplicate ids", () => {
    expect(errorsOf(broken("      plan: premium # MCR-SUP-01", "      plan: platinum"))).toEqual([
      `${FILE}: catalogue.items[6].plan: unknown support plan "platinum" (defined: basic, standard, business, premium)`,
    ]);
    expect(errorsOf(broken("    fee: support-premium", "    fee: support-gold"))[0]).toMatch(
      /^contracts\/multicloud-ready\.yaml: supportPlans\.premium\.fee: unknown price "support-gold" \(defined in prices: support-basic, /,
    );
    expect(errorsOf(broken("    - id: gcp", "    - id: aws"))).toEqual([
      `${FILE}: catalogue.items[2].id: catalogue item id "aws" is used twice`,
    ]);
  });

  it("reports a malformed reference once, as malformed, not also as undefined", () => {
    expect(errorsOf(broken("      plan: premium # MCR-SUP-01", "      plan: Premium"))).toEqual([
      `${FILE}: catalogue.items[6].plan: expected a lower-case id such as "business-hours", got "Premium"`,
    ]);
  });

  it("refuses a price or commitment repeated on a support-plan item (its plan sets it)", () => {
    const text = broken(
      "      plan: premium # MCR-SUP-01",
      "      plan: premium\n      price: support-premium",
    );
    expect(errorsOf(text)).toEqual([
      `${FILE}: catalogue.items[6].price: not allowed on a "support-plan" item: it is set by its plan (supportPlans.premium)`,
    ]);
  });

  it("requires auto-close when tickets close on confirmation or by themselves (MCR-SUP-10)", () => {
    const text = MCR.replace(/^ {2}autoClose:\n(?: {4}.*\n)+/m, "");
    expect(text).not.toContain("autoClose:");
    expect(errorsOf(text)).toEqual([
      `${FILE}: sla.autoClose: required when ticketWorkflow.closing.mode is "confirmation-or-auto-close"`,
    ]);
  });

  it("refuses money and percentages that are not exact text", () => {
    expect(errorsOf(broken("    monthlyMinimum: 899 EUR", "    monthlyMinimum: 899"))).toEqual([
      `${FILE}: prices.support-premium.monthlyMinimum: expected an amount such as "69 EUR" or "12.50 EUR", got 899`,
    ]);
    expect(errorsOf(broken('    percent: "12.5"', "    percent: 12.5"))).toEqual([
      `${FILE}: prices.support-premium.percent: expected a percentage between "0" and "100" written as quoted text such as "12.5", got 12.5`,
    ]);
    expect(errorsOf(broken("    monthlyMinimum: 899 EUR", "    monthlyMinimum: 899 USD"))).toEqual([
      `${FILE}: prices.support-premium.monthlyMinimum: amount in USD, but the contract's currency is EUR`,
    ]);
  });

  it("lists the accepted values of an enumeration", () => {
    expect(errorsOf(broken("    kind: quote", "    kind: devis"))).toEqual([
      `${FILE}: prices.reversibility.kind: expected one of "percent-of-invoice", "vendor-price-list", "fixed", "free", "quote", "specific-conditions", "not-stated", got "devis"`,
    ]);
    expect(errorsOf(broken("      limit: 5 #", "      limit: lots #"))).toEqual([
      `${FILE}: supportPlans.business.namedContacts.limit: expected a whole number or "unlimited", got "lots"`,
    ]);
  });

  it("refuses a badly written duration with the forms it accepts", () => {
    expect(errorsOf(broken("    period: 30 days", "    period: a month"))).toEqual([
      `${FILE}: notices.priceIncrease.period: expected a duration such as "30 days" or "3 months", or "none", "specific-conditions" or "general-conditions", got "a month"`,
    ]);
  });

  it("reports YAML syntax errors as file:line:column", () => {
    expect(errorsOf("id: x\nid: y\n", "bad.yaml")).toEqual([
      "bad.yaml:2:1: invalid YAML: Map keys must be unique",
    ]);
    const [line] = errorsOf(broken(PREMIUM_P1, "P1: { target: 30m, calendar: always"));
    expect(line).toMatch(/^contracts\/multicloud-ready\.yaml:\d+:\d+: invalid YAML: /);
  });

  it("refuses a document that is not a mapping", () => {
    expect(errorsOf("", "empty.yaml")).toEqual([
      "empty.yaml: (top level): expected a mapping (key: value), got an empty value",
    ]);
    expect(errorsOf("- a\n", "list.yaml")).toEqual([
      "list.yaml: (top level): expected a mapping (key: value), got a list",
    ]);
  });

  it("gives the line of each problem in the structured issues", () => {
    const result = parseContract(
      broken(PREMIUM_P1, "P1: { target: 30m, calendar: always, colour: red }"),
      FILE,
    );
    if (result.ok) throw new Error("expected a refusal");
    const line = MCR.split("\n").findIndex((l) => l.includes(PREMIUM_P1)) + 1;
    expect(result.issues[0]).toMatchObject({
      file: FILE,
      path: "supportPlans.premium.sla.initialResponse.P1.colour",
      line,
    });
  });
});

describe("loadContractText", () => {
  it("returns the contract when valid", () => {
    expect(loadContractText(MCR, FILE).id).toBe("multicloud-ready");
  });

  it("throws a ContractError carrying every line", () => {
    const text = broken(PREMIUM_P1, "P1: { target: soon, calendar: nowhere }");
    try {
      loadContractText(text, FILE);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ContractError);
      const lines = (error as ContractError).lines;
      // The shape is checked first: the calendar name is only checked once every value has the right form.
      expect(lines).toEqual([
        `${FILE}: supportPlans.premium.sla.initialResponse.P1.target: expected a duration such as "30m", "2h", "12 business hours" or "1 business day", "next business day opening", "end of next business day", "best effort" or "none"`,
      ]);
      expect((error as Error).message).toBe(lines.join("\n"));
    }
  });
});
