import type { z } from "zod";
import { SLA_METRIC_IDS } from "../sla/policy-schema.js";
import type { Money } from "./money.js";
import { labelsWithout } from "./primitives.js";
import type { ContractShape } from "./schema.js";

/**
 * The second pass over a contract whose shape is valid: every name used is defined, and
 * facts stated in two places cannot disagree. Each problem is reported at the key that
 * holds the wrong name, with the names that would have been accepted.
 */

type Path = (string | number)[];

function known(names: Iterable<string>): string {
  const list = [...names];
  return list.length ? list.join(", ") : "none defined";
}

export function checkCrossReferences(contract: ContractShape, ctx: z.RefinementCtx): void {
  const report = (path: Path, message: string) => ctx.addIssue({ code: "custom", path, message });

  const calendars = Object.keys(contract.calendars);
  const plans = Object.keys(contract.supportPlans);
  const prices = Object.keys(contract.prices);
  const categories = Object.keys(contract.ticketWorkflow.categories);
  const items = contract.catalogue.items.map((item) => item.id);
  const priorities = Object.keys(contract.priorities.levels);

  const calendar = (path: Path, name: string) => {
    if (!(name in contract.calendars))
      report(path, `unknown calendar "${name}" (defined in calendars: ${known(calendars)})`);
  };
  const price = (path: Path, id: string) => {
    if (!(id in contract.prices)) report(path, `unknown price "${id}" (defined in prices: ${known(prices)})`);
  };
  const money = (path: Path, amount: Money | undefined) => {
    // A provider may bill in several currencies (issue 23): its `currency` and its `currencies`.
    const billed = [contract.currency, ...(contract.currencies ?? [])];
    if (amount && !billed.includes(amount.currency)) {
      report(
        path,
        billed.length > 1
          ? `amount in ${amount.currency}, but the contract bills in ${billed.join(", ")}`
          : `amount in ${amount.currency}, but the contract's currency is ${contract.currency}`,
      );
    }
  };

  // Calendars.
  if (contract.sla.autoClose) calendar(["sla", "autoClose", "calendar"], contract.sla.autoClose.calendar);
  const sent = contract.identifierPolicy.identifiersSentWithin;
  if (sent) calendar(["identifierPolicy", "identifiersSentWithin", "calendar"], sent.calendar);

  // Languages: the contract's locale first (issue 23).
  if (contract.languages && contract.languages[0] !== contract.locale) {
    report(["languages", 0], `the contract's locale "${contract.locale}" comes first`);
  }
  if (!contract.ticketWorkflow.vocabulary.written.includes(contract.locale)) {
    report(
      ["ticketWorkflow", "vocabulary"],
      `expected the words of the contract's locale "${contract.locale}"`,
    );
  }
  for (const path of labelsWithout(contract, contract.locale)) {
    report(path, `expected a text in the contract's locale "${contract.locale}"`);
  }

  // Priorities.
  if (!priorities.includes(contract.priorities.default)) {
    report(
      ["priorities", "default"],
      `unknown priority "${contract.priorities.default}" (defined in priorities.levels: ${known(priorities)})`,
    );
  }

  // Support plans.
  if (!(contract.defaultSupportPlan in contract.supportPlans)) {
    report(
      ["defaultSupportPlan"],
      `unknown support plan "${contract.defaultSupportPlan}" (defined: ${known(plans)})`,
    );
  }
  const ranks = new Map<number, string>();
  for (const [id, plan] of Object.entries(contract.supportPlans)) {
    const at = ["supportPlans", id];
    const other = ranks.get(plan.rank);
    if (other) report([...at, "rank"], `rank ${plan.rank} is already the rank of plan "${other}"`);
    ranks.set(plan.rank, id);

    for (const metric of SLA_METRIC_IDS) {
      const targets = plan.sla[metric]?.targets;
      if (!targets) continue;
      // A target for each of the contract's priorities, and for nothing else (MCR-SUP-05/06).
      for (const priority of priorities) {
        const target = targets[priority];
        if (target) calendar([...at, "sla", metric, priority, "calendar"], target.calendar);
        else
          report(
            [...at, "sla", metric, priority],
            `required: a target for each priority (${known(priorities)})`,
          );
      }
      for (const key of Object.keys(targets)) {
        if (!priorities.includes(key))
          report(
            [...at, "sla", metric, key],
            `unknown priority "${key}" (defined in priorities.levels: ${known(priorities)})`,
          );
      }
    }

    plan.channels.phone?.priorities.forEach((priority, i) => {
      if (!priorities.includes(priority))
        report(
          [...at, "channels", "phone", "priorities", i],
          `unknown priority "${priority}" (defined in priorities.levels: ${known(priorities)})`,
        );
    });

    price([...at, "fee"], plan.fee);
    const fee = contract.prices[plan.fee];
    // An offer may state no price for a plan ("on quote", or nothing at all: issue 23).
    if (fee && !["percent-of-invoice", "fixed", "free", "quote", "not-stated"].includes(fee.kind)) {
      report(
        [...at, "fee"],
        `a plan's fee must be a "percent-of-invoice", "fixed", "free", "quote" or "not-stated" price; "${plan.fee}" is "${fee.kind}"`,
      );
    }

    plan.scope.categories.forEach((category, i) => {
      if (!(category in contract.ticketWorkflow.categories)) {
        report(
          [...at, "scope", "categories", i],
          `unknown ticket category "${category}" (defined in ticketWorkflow.categories: ${known(categories)})`,
        );
      }
    });
    plan.scope.catalogueItems?.forEach((item, i) => {
      if (!items.includes(item)) {
        report(
          [...at, "scope", "catalogueItems", i],
          `unknown catalogue item "${item}" (defined: ${known(items)})`,
        );
      }
    });
  }

  // Catalogue.
  const seen = new Set<string>();
  contract.catalogue.items.forEach((item, i) => {
    const at = ["catalogue", "items", i];
    if (seen.has(item.id)) report([...at, "id"], `catalogue item id "${item.id}" is used twice`);
    seen.add(item.id);
    if (item.plan !== undefined && !(item.plan in contract.supportPlans)) {
      report([...at, "plan"], `unknown support plan "${item.plan}" (defined: ${known(plans)})`);
    }
    if (item.kind === "support-plan") {
      if (item.plan === undefined) report([...at, "plan"], 'required for an item of kind "support-plan"');
      for (const key of ["price", "minimumCommitment", "terminationNotice"] as const) {
        if (item[key] !== undefined) {
          report(
            [...at, key],
            `not allowed on a "support-plan" item: it is set by its plan (supportPlans.${item.plan ?? "…"})`,
          );
        }
      }
    } else {
      for (const key of ["price", "minimumCommitment", "terminationNotice"] as const) {
        if (item[key] === undefined) report([...at, key], "required");
      }
    }
    if (item.price !== undefined) price([...at, "price"], item.price);
  });

  // Prices.
  for (const [id, p] of Object.entries(contract.prices)) {
    if (p.kind === "percent-of-invoice") money(["prices", id, "monthlyMinimum"], p.monthlyMinimum);
    if (p.kind === "fixed") money(["prices", id, "amount"], p.amount);
  }
  if (contract.liability) {
    money(["liability", "perIncident"], contract.liability.perIncident);
    money(["liability", "perCalendarYear"], contract.liability.perCalendarYear);
  }
  if (contract.commitments.reversibility) {
    price(["commitments", "reversibility", "price"], contract.commitments.reversibility.price);
  }

  // Ticket workflow.
  const workflow = contract.ticketWorkflow;
  if (workflow.closing.mode === "confirmation-or-auto-close" && !contract.sla.autoClose) {
    report(["sla", "autoClose"], 'required when ticketWorkflow.closing.mode is "confirmation-or-auto-close"');
  }
  const defined = Object.keys(workflow.statuses);
  contract.sla.clockPolicy.pauseStatuses.forEach((status, i) => {
    if (!(status in workflow.statuses) || workflow.statuses[status] === undefined) {
      report(
        ["sla", "clockPolicy", "pauseStatuses", i],
        `status "${status}" is not defined in ticketWorkflow.statuses (defined: ${known(defined)})`,
      );
    }
  });
  const rights = contract.identifierPolicy.rights;
  if (rights && !rights.roles.includes("customer_admin")) {
    report(
      ["identifierPolicy", "rights", "roles"],
      "must include customer_admin: someone administers each customer",
    );
  }
  const hasNamedContacts = Object.values(contract.supportPlans).some((plan) => plan.namedContacts);
  if (rights?.roles.includes("named_contact") && !hasNamedContacts) {
    report(
      ["identifierPolicy", "rights", "roles", rights.roles.indexOf("named_contact")],
      "named_contact needs a support plan with namedContacts",
    );
  }
  if (workflow.priorityDispute && !workflow.statuses.on_hold) {
    report(
      ["ticketWorkflow", "statuses", "on_hold"],
      "required: ticketWorkflow.priorityDispute puts tickets on hold",
    );
  }
}
