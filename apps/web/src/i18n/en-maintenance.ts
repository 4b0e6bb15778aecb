import type { frMaintenance } from "./fr-maintenance";

/** Scheduled maintenance and portal outages in English: exactly the French keys. */
export const enMaintenance: typeof frMaintenance = {
  title: "Maintenance and availability",
  intro:
    "Scheduled maintenance of the services, announced to the customers who hold them, and outages of the portal.",
  notInContract:
    "This portal's contract provides no announced scheduled maintenance: only portal outages are declared here.",
  customerTitle: "Scheduled maintenance",
  customerIntro:
    "Announced maintenance of the services your organisation holds, under way or to come. Scheduled maintenance is not an incident.",
  parisTime: "Paris time",
  inParisTime: "{{period}} (Paris time)",
  expectedText: "Expected interruption: {{duration}}",
  announcedAt: "Announced on {{date}}",
  states: { upcoming: "Upcoming", in_progress: "Under way", over: "Over", cancelled: "Cancelled" },
  told_one: "{{count}} person told by e-mail",
  told_other: "{{count}} people told by e-mail",
  customers_one: "{{count}} customer",
  customers_other: "{{count}} customers",
  announce: {
    heading: "Announce a maintenance",
    intro:
      "Customers holding the service are told by e-mail and on the portal. The contract's notice applies: an announcement made too late is refused.",
    service: "Service",
    chooseService: "Choose a service",
    title: "Title",
    description: "Description",
    descriptionHint: "What will be interrupted, and what customers should plan for",
    startsAt: "Start",
    endsAt: "End at the latest",
    expectedMinutes: "Expected interruption (minutes)",
    expectedHint: "How long the service will be down, within the period",
    submit: "Announce the maintenance",
    done: "Maintenance announced: {{told}}, at {{customers}}.",
    earliest: "Move the start to {{date}}",
  },
  list: {
    heading: "Announced maintenance",
    intro: "Under way or to come, the soonest first.",
    empty: "No maintenance under way or to come.",
    cancel: "Cancel…",
    cancelLabel: 'Cancel the maintenance "{{title}}"',
  },
  cancel: {
    title: 'Cancel the maintenance "{{title}}"',
    intro: "Customers holding the service are told of the cancellation, with its reason.",
    reasonHint: "Sent to the customers with the cancellation",
    confirm: "Cancel the maintenance",
    keep: "Keep it",
    done: 'Maintenance "{{title}}" cancelled: {{told}}, at {{customers}}.',
  },
  notice: {
    heading_one: "Scheduled maintenance",
    heading_other: "Scheduled maintenance",
    item: "{{service}} — {{title}}: {{period}} (Paris time), expected interruption {{duration}}.",
    link: "See the maintenance details",
  },
  outage: {
    heading: "Portal outage",
    intro:
      "While the portal is declared unavailable, customers may write by e-mail instead of using the portal.",
    infoOnly: "The contract ties no channel to a portal outage: declaring one is information only.",
    none: "No outage declared: the portal is available.",
    current: "Portal declared unavailable since {{date}}.",
    until: "Planned end: {{date}}.",
    reason: "Reason: {{reason}}",
    declareHeading: "Declare the portal unavailable",
    reasonLabel: "Reason",
    reasonHint: "What keeps customers from using the portal",
    endsAt: "Planned end (optional)",
    endsHint: "Paris time. Without a planned end, until you end it.",
    declare: "Declare the outage",
    end: "End the outage",
    ended: "The portal is available again.",
  },
};
