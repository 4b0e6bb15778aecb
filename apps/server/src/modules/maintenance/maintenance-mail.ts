import { type Db, organisations, subscriptions, users } from "@guichet/db";
import { heldDuring, localDateIn } from "@guichet/domain";
import { and, arrayOverlaps, asc, eq, inArray } from "drizzle-orm";
import type { AppContext } from "../../app-context.js";
import { formatMinutes } from "../../i18n/format-duration.js";
import { catalogueFor } from "../../i18n/reader.js";
import { timeZoneOf } from "../accounts/issue-link.js";
import { deploymentMail } from "../mail/deployment-mail.js";
import { enqueueMail } from "../mail/enqueue-mail.js";
import { type MaintenanceWindow, serviceName } from "./present-maintenance.js";

/**
 * Who is told of a maintenance: the people with an active identifier in a customer organisation
 * holding the service, who deal with it day to day (administrators, named contacts, users).
 * Billing readers are left out: their role is invoices. A suspended organisation is told too,
 * since the maintenance concerns it once its access is back.
 */
export const AUDIENCE_ROLES = ["customer_admin", "named_contact", "user"];

/**
 * The organisations concerned hold the service on some day from today to the window's end
 * (heldDuring): one whose subscription starts during the maintenance must hear of it too.
 */
async function peopleConcerned(db: Db, window: MaintenanceWindow, now: Date, timeZone: string) {
  const held = await db
    .select({
      organisationId: subscriptions.organisationId,
      startsOn: subscriptions.startsOn,
      endsOn: subscriptions.endsOn,
    })
    .from(subscriptions)
    .where(eq(subscriptions.catalogueItemId, window.catalogueItemId));
  const from = localDateIn(now, timeZone);
  const to = localDateIn(window.endsAt, timeZone);
  const holders = [...new Set(held.filter((s) => heldDuring(s, from, to)).map((s) => s.organisationId))];
  if (holders.length === 0) return [];
  return db
    .select({
      organisationId: users.organisationId,
      organisationName: organisations.name,
      email: users.email,
      firstName: users.firstName,
      locale: users.locale,
    })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(
      and(
        inArray(users.organisationId, holders),
        eq(organisations.kind, "customer"),
        eq(users.status, "active"),
        arrayOverlaps(users.roles, AUDIENCE_ROLES),
      ),
    )
    .orderBy(asc(organisations.name), asc(users.email));
}

export type MaintenanceNews =
  | { kind: "maintenance_announced" }
  | { kind: "maintenance_cancelled"; reason: string };

/**
 * Writes one mail per person concerned, in the caller's transaction and each reader's language,
 * when the contract announces maintenance by e-mail (ticketWorkflow.maintenance.channels).
 * Returns how many people and organisations were told.
 */
export async function tellPeopleConcerned(
  tx: Db,
  context: Pick<AppContext, "contract" | "config">,
  window: MaintenanceWindow,
  news: MaintenanceNews,
  now: Date,
): Promise<{ people: number; organisations: number }> {
  const maintenance = context.contract.ticketWorkflow.maintenance;
  if (!maintenance?.channels.includes("email")) return { people: 0, organisations: 0 };
  const timeZone = timeZoneOf(context.contract);
  const people = await peopleConcerned(tx, window, now, timeZone);
  for (const person of people) {
    const announced = {
      firstName: person.firstName,
      organisationName: person.organisationName,
      service: serviceName(context.contract, window.catalogueItemId, person.locale),
      title: window.title,
      startsAt: window.startsAt,
      endsAt: window.endsAt,
    };
    const mail = {
      ...deploymentMail(context, now),
      organisationId: person.organisationId,
      to: person.email,
      locale: person.locale,
      clause: maintenance.clause,
    };
    if (news.kind === "maintenance_announced") {
      const expectedDuration = formatMinutes(
        window.expectedMinutes,
        catalogueFor(person.locale, context.contract),
      );
      await enqueueMail(tx, {
        ...mail,
        kind: news.kind,
        params: { ...announced, description: window.description, expectedDuration },
      });
    } else {
      await enqueueMail(tx, { ...mail, kind: news.kind, params: { ...announced, reason: news.reason } });
    }
  }
  return { people: people.length, organisations: new Set(people.map((p) => p.organisationId)).size };
}
