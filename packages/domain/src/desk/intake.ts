import type { Contract } from "../contract/index.js";
import { orDeploymentRule } from "../contract/rules.js";
import type { Priority } from "../sla/policy-schema.js";

/** Where a ticket or a message came from (MCR-SUP-03, DSN-SUP-01..08). */
export const TICKET_CHANNELS = ["portal", "api", "email", "phone"] as const;
export type TicketChannel = (typeof TICKET_CHANNELS)[number];

/** Why the desk refuses to open a ticket; each refusal names its clause (GEN-02). */
export type IntakeRefusalReason =
  | "channel_closed"
  | "not_named_contact"
  | "sender_not_allowed"
  | "unknown_category"
  | "unknown_priority"
  | "category_out_of_scope"
  | "item_not_covered"
  | "item_not_subscribed"
  | "service_required"
  | "phone_needs_ticket";

export interface IntakeRefusal {
  ok: false;
  reason: IntakeRefusalReason;
  clause: string;
}

/**
 * Accepted: the ticket is opened. With `closeAsOutOfScope`, it is opened and closed at once with
 * that reason (MCR-SUP-11: "closed automatically, with the reason").
 */
export interface IntakeAcceptance {
  ok: true;
  slaApplies: boolean;
  closeAsOutOfScope?: { reason: string; clause: string };
}

export type IntakeDecision = IntakeAcceptance | IntakeRefusal;

export interface IntakeRequest {
  planKey: string;
  channel: TicketChannel;
  category: string;
  /** The catalogue item the ticket is about, if any. */
  catalogueItemId: string | null;
  /** Catalogue items the customer holds today. */
  subscribedItems: ReadonlySet<string>;
  requester: {
    isNamedContact: boolean;
    isCustomerAdmin: boolean;
  };
  /** The provider has declared the portal (or e-soutien) unavailable (MCR-SUP-03, DSN-SUP-08). */
  portalDeclaredUnavailable: boolean;
  /** The priority the requester gives; null or absent: the contract's default (MCR-SUP-05). */
  priority?: Priority | null;
}

/** A priority id is one of the contract's levels (MCR-SUP-05); no code knows how many there are. */
export function isContractPriority(contract: Contract, priority: string): boolean {
  return Object.hasOwn(contract.priorities.levels, priority);
}

const refuse = (reason: IntakeRefusalReason, clause: string): IntakeRefusal => ({
  ok: false,
  reason,
  clause,
});

/** Whether e-mail opens tickets for this plan right now (MCR-SUP-03, DSN-SUP-08). */
export function emailOpensTickets(
  contract: Contract,
  planKey: string,
  portalDeclaredUnavailable: boolean,
): boolean {
  const accept = contract.supportPlans[planKey]?.channels.email?.accept;
  return accept === "always" || (accept === "when-portal-unavailable" && portalDeclaredUnavailable);
}

/**
 * May this person open this ticket through this channel, under the customer's plan? The order of
 * the checks is the order a person fixes them in: channel, who, what.
 */
export function decideIntake(contract: Contract, request: IntakeRequest): IntakeDecision {
  const plan = contract.supportPlans[request.planKey];
  if (!plan) throw new Error(`unknown support plan "${request.planKey}"`);
  const { channels, scope } = plan;

  if (request.channel === "phone" && channels.phone?.requiresExistingTicket !== false) {
    return refuse("phone_needs_ticket", channels.phone?.clause ?? channels.clause);
  }
  if ((request.channel === "portal" || request.channel === "api") && !channels.portal) {
    return refuse("channel_closed", channels.clause);
  }
  if (request.channel === "email") {
    if (!emailOpensTickets(contract, request.planKey, request.portalDeclaredUnavailable)) {
      return refuse("channel_closed", channels.email?.clause ?? channels.clause);
    }
    if (channels.email?.senderMustBe === "account-administrator" && !request.requester.isCustomerAdmin) {
      return refuse("sender_not_allowed", channels.email.clause);
    }
  }
  if (plan.namedContacts && !request.requester.isNamedContact) {
    return refuse("not_named_contact", plan.namedContacts.clause);
  }

  const category = contract.ticketWorkflow.categories[request.category];
  if (!category) return refuse("unknown_category", scope.clause);
  if (request.priority != null && !isContractPriority(contract, request.priority)) {
    return refuse("unknown_priority", contract.priorities.clause);
  }

  if (request.catalogueItemId !== null) {
    if (scope.catalogueItems && !scope.catalogueItems.includes(request.catalogueItemId)) {
      return outOfScope(contract, "not-covered", scope.clause, "item_not_covered");
    }
    if (scope.subscribedItemsOnly && !request.subscribedItems.has(request.catalogueItemId)) {
      return outOfScope(contract, "not-subscribed", scope.clause, "item_not_subscribed");
    }
  } else if (scope.subscribedItemsOnly) {
    return refuse("service_required", scope.clause);
  }

  if (!scope.categories.includes(request.category)) {
    return outOfScope(contract, "outside-plan", scope.clause, "category_out_of_scope");
  }
  return { ok: true, slaApplies: category.slaApplies };
}

/**
 * Out of scope: closed at once with its reason where the contract says so (MCR-SUP-11), refused at
 * deposit otherwise (DSN-SUP-01). A reason the contract does not list is refused.
 */
function outOfScope(
  contract: Contract,
  reasonKey: string,
  scopeClause: string,
  refusal: IntakeRefusalReason,
): IntakeDecision {
  const rule = contract.ticketWorkflow.outOfScope;
  if (rule?.action === "close-with-reason" && Object.hasOwn(rule.reasons, reasonKey)) {
    return { ok: true, slaApplies: false, closeAsOutOfScope: { reason: reasonKey, clause: rule.clause } };
  }
  return refuse(refusal, scopeClause);
}

/** A phone call may be logged on an existing ticket for plans and priorities with a phone line (MCR-SUP-03). */
export function phoneCallAllowed(
  contract: Contract,
  planKey: string,
  priority: Priority,
): { ok: true } | IntakeRefusal {
  const phone = contract.supportPlans[planKey]?.channels.phone;
  if (!phone)
    return refuse("channel_closed", orDeploymentRule(contract.supportPlans[planKey]?.channels.clause));
  if (!phone.priorities.includes(priority)) return refuse("channel_closed", phone.clause);
  return { ok: true };
}
