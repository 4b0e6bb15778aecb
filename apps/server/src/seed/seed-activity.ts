import type { Db } from "@guichet/db";
import { type Contract, localDateIn, type Priority } from "@guichet/domain";
import { DateTime } from "luxon";
import type { Config } from "../config.js";
import { timeZoneOf } from "../modules/accounts/issue-link.js";
import type { AuditActor } from "../modules/audit/record-audit.js";
import { changeStatus } from "../modules/desk/change-status.js";
import { openTicket } from "../modules/desk/open-ticket.js";
import { postMessage } from "../modules/desk/post-message.js";
import { changePriority } from "../modules/desk/support-moves.js";
import type { TicketCommand, TimelineAuthor } from "../modules/desk/ticket-store.js";
import { announceMaintenance } from "../modules/maintenance/announce-maintenance.js";
import { publishNews } from "../modules/news/publish-news.js";
import { DEMO_ACTIVITY, type DemoStep, type DemoTicket } from "./demo-activity.js";
import { DEMO_DATA, type DemoData, type DemoPerson } from "./demo-data.js";

/**
 * A demo person acting as herself, as a signed-in session would: her audit actor names her
 * ("Nadia Perrin <it@biolab-nantes.demo>").
 */
export function demoActor(
  data: DemoData,
  accounts: ReadonlyMap<string, { userId: string; organisationId: string }>,
  email: string,
): { person: DemoPerson; actor: AuditActor & { userId: string; organisationId: string } } {
  const account = accounts.get(email);
  const person = data.people.find((p) => p.email === email);
  if (!account || !person) throw new Error(`demo data: no demo person ${email}`);
  const label = `${person.firstName} ${person.lastName} <${email}>`;
  return { person, actor: { ...account, label, via: "session" } };
}

/** A demo person as the use cases see her: on the timeline and in the audit trail, by name. */
interface Person {
  userId: string;
  organisationId: string;
  roles: string[];
  author: TimelineAuthor;
  actor: AuditActor;
}

/**
 * Replays the deployment's demo activity (demo-activity.ts, issue 13) through the product's own use
 * cases, every action at its own instant before `now`, all in time order: openings (decideIntake,
 * the SLA clocks of MCR-SUP-06, references in opening order), messages, moves, a priority dispute
 * (MCR-SUP-12), information asked for (DSN-SUP-03), resolutions (MCR-SUP-10, DSN-SUP-05),
 * maintenance (DSN-SUP-07) and news, each with its mails and audit entries naming the person.
 * Throws on any refusal: the seed's transaction then writes nothing.
 */
export async function seedDemoActivity(
  tx: Db,
  context: { contract: Contract; config: Config },
  accounts: ReadonlyMap<string, { userId: string; organisationId: string }>,
  now: Date,
): Promise<void> {
  const { contract } = context;
  const activity = DEMO_ACTIVITY[contract.id];
  const data = DEMO_DATA[contract.id];
  if (!activity || !data) return;
  const personOf = (email: string): Person => {
    const { person, actor } = demoActor(data, accounts, email);
    const side = person.organisation === data.provider.slug ? "provider" : "customer";
    return {
      userId: actor.userId,
      organisationId: actor.organisationId,
      roles: person.roles,
      author: { side, userId: actor.userId, label: `${person.firstName} ${person.lastName}` },
      actor,
    };
  };
  const agent = personOf(activity.agent);
  const at = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * 60_000);
  const zone = timeZoneOf(contract);

  // Every action with its instant, run oldest first so each audit chain and timeline reads in order.
  const actions: { minutesAgo: number; run: () => Promise<void> }[] = [];
  for (const ticket of activity.tickets) {
    const requester = personOf(ticket.by);
    const opened = { id: "" };
    actions.push({
      minutesAgo: ticket.minutesAgo,
      run: async () => {
        opened.id = await open(tx, context, ticket, requester, at(ticket.minutesAgo));
      },
    });
    for (const step of ticket.steps) {
      actions.push({
        minutesAgo: step.minutesAgo,
        run: () => applyStep(step, { tx, context, opened, requester, agent, now: at(step.minutesAgo) }),
      });
    }
  }
  const today = localDateIn(now, zone);
  for (const window of activity.maintenance) {
    actions.push({
      minutesAgo: window.announcedMinutesAgo,
      run: async () => {
        const startsAt = DateTime.fromISO(`${today}T${window.at}`, { zone }).plus({
          days: window.startsInDays,
        });
        const announced = await announceMaintenance(
          tx,
          context,
          {
            catalogueItemId: window.item,
            title: window.title,
            description: window.description,
            startsAt: startsAt.toJSDate(),
            endsAt: startsAt.plus({ hours: window.hours }).toJSDate(),
            expectedMinutes: window.expectedMinutes,
          },
          { userId: agent.userId, actor: agent.actor },
          at(window.announcedMinutesAgo),
        );
        if (!announced.ok) throw new Error(`demo maintenance "${window.title}": ${announced.reason}`);
      },
    });
  }
  for (const news of activity.news) {
    actions.push({
      minutesAgo: news.minutesAgo,
      run: async () => {
        const published = await publishNews(
          tx,
          context,
          {
            category: news.category,
            title: news.title,
            body: news.body,
            catalogueItemId: news.item,
            availableOn: null,
            idempotencyKey: `demo-news-${news.minutesAgo}`,
          },
          { userId: agent.userId, actor: agent.actor },
          at(news.minutesAgo),
        );
        if (!published.ok) throw new Error(`demo news "${news.title}": ${published.reason}`);
      },
    });
  }
  // A stable sort: a ticket's steps keep their order when two share an instant.
  for (const action of actions.sort((a, b) => b.minutesAgo - a.minutesAgo)) await action.run();
}

async function open(
  tx: Db,
  context: { contract: Contract; config: Config },
  ticket: DemoTicket,
  requester: Person,
  now: Date,
): Promise<string> {
  const opened = await openTicket(
    tx,
    context,
    {
      organisationId: requester.organisationId,
      requester: { userId: requester.userId, label: requester.author.label, roles: requester.roles },
      channel: "portal",
      category: ticket.category,
      catalogueItemId: ticket.item,
      priority: ticket.priority as Priority | null,
      title: ticket.title,
      description: ticket.description,
      customerReference: null,
    },
    requester.actor,
    now,
  );
  if (!opened.ok) throw new Error(`demo ticket "${ticket.title}": ${opened.reason} (${opened.clause})`);
  return opened.ticketId;
}

interface StepContext {
  tx: Db;
  context: { contract: Contract; config: Config };
  opened: { id: string };
  requester: Person;
  agent: Person;
  now: Date;
}

async function applyStep(step: DemoStep, { tx, context, opened, requester, agent, now }: StepContext) {
  const by =
    "from" in step && step.from === "requester"
      ? requester
      : "status" in step && step.status === "confirm"
        ? requester
        : agent;
  const command: TicketCommand = {
    db: tx,
    context,
    ticketId: opened.id,
    author: by.author,
    actor: by.actor,
    now,
  };
  const done =
    "reply" in step
      ? await postMessage(command, { body: step.reply, visibility: "public", channel: "portal" })
      : "propose" in step
        ? await changePriority(command, {
            priority: step.propose as Priority,
            reason: step.reason,
            mode: "propose",
          })
        : await changeStatus(command, {
            action: step.status,
            message: step.message ?? null,
            channel: "portal",
          });
  if (!done?.ok) throw new Error(`demo step on ticket ${opened.id}: ${JSON.stringify(done)}`);
}
