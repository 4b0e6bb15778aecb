import { type Db, type NewsItem, newsItems, newsRecipients } from "@guichet/db";
import { decideNews, formatCivilDate, localDateIn, type NewsCategory } from "@guichet/domain";
import { eq, sql } from "drizzle-orm";
import type { AppContext } from "../../app-context.js";
import { timeZoneOf } from "../accounts/issue-link.js";
import { type AuditActor, recordAudit } from "../audit/record-audit.js";
import { deploymentMail } from "../mail/deployment-mail.js";
import { enqueueMail } from "../mail/enqueue-mail.js";
import { incidentMailPeople, newsAudience } from "./news-audience.js";

export interface NewsInput {
  category: NewsCategory;
  title: string;
  body: string;
  catalogueItemId: string | null;
  availableOn: string | null;
  idempotencyKey: string;
}

export type PublishResult =
  | { ok: true; item: NewsItem; recipients: number; mailed: number; replayed: boolean }
  | {
      ok: false;
      reason: "no_recipient" | "availability_needs_date" | "date_only_for_availability" | "unknown_item";
      clause?: string;
    };

/**
 * Publishes a news item (issue 18: DSN-POR-01, MCR 8.2.4): in one transaction, the item, each
 * customer it reaches (every customer or the service's holders), and for an incident the
 * provider detected the mails to the people the contract names (the named contacts, MCR 8.2.4)
 * through the outbox, with the audit entries. Refused when it reaches nobody; the same
 * idempotency key again returns the first publication.
 */
export async function publishNews(
  db: Db,
  context: Pick<AppContext, "contract" | "config">,
  input: NewsInput,
  publisher: { userId: string; actor: AuditActor },
  now: Date,
): Promise<PublishResult> {
  const { contract } = context;
  if (input.catalogueItemId !== null && !contract.catalogue.items.some((i) => i.id === input.catalogueItemId))
    return { ok: false, reason: "unknown_item" };
  const today = localDateIn(now, timeZoneOf(contract));
  return db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('guichet:news'))`);
    const [replay] = await tx
      .select()
      .from(newsItems)
      .where(eq(newsItems.idempotencyKey, input.idempotencyKey));
    if (replay) {
      const sent = await tx
        .select({ mailed: newsRecipients.mailed })
        .from(newsRecipients)
        .where(eq(newsRecipients.newsId, replay.id));
      const mailed = sent.reduce((sum, r) => sum + r.mailed, 0);
      return { ok: true as const, item: replay, recipients: sent.length, mailed, replayed: true };
    }
    const audience = await newsAudience(tx, input.catalogueItemId, today);
    const decision = decideNews(contract, {
      category: input.category,
      availableOn: input.availableOn,
      recipients: audience.length,
    });
    if (!decision.ok)
      return {
        ok: false as const,
        reason: decision.reason.replaceAll("-", "_") as Exclude<PublishResult, { ok: true }>["reason"],
        clause: decision.clause,
      };
    const [item] = await tx
      .insert(newsItems)
      .values({
        category: input.category,
        title: input.title,
        body: input.body,
        catalogueItemId: input.catalogueItemId,
        availableOn: input.availableOn,
        clause: decision.clause,
        idempotencyKey: input.idempotencyKey,
        publishedAt: now,
        publishedBy: publisher.userId,
      })
      .returning();
    if (!item) throw new Error("publishNews: insert returned nothing");
    let mailed = 0;
    for (const recipient of audience) {
      const people = decision.mailTo
        ? await incidentMailPeople(tx, recipient.organisationId, decision.mailTo)
        : [];
      await tx.insert(newsRecipients).values({
        newsId: item.id,
        organisationId: recipient.organisationId,
        mailed: people.length,
        madeAvailableAt: now,
      });
      for (const person of people) {
        await enqueueMail(tx, {
          ...deploymentMail(context, now),
          organisationId: recipient.organisationId,
          to: person.email,
          locale: person.locale,
          clause: decision.clause,
          kind: "news_incident",
          params: {
            firstName: person.firstName,
            organisationName: recipient.name,
            title: item.title,
            publishedOn: formatCivilDate(today, person.locale),
            body: item.body,
          },
        });
      }
      mailed += people.length;
    }
    await recordAudit(
      tx,
      publisher.actor,
      {
        action: "news.published",
        targetType: "news_item",
        targetId: item.id,
        data: {
          category: item.category,
          title: item.title,
          catalogueItemId: item.catalogueItemId,
          availableOn: item.availableOn,
          clause: item.clause,
          recipients: audience.length,
          mailed,
        },
      },
      now,
    );
    return { ok: true as const, item, recipients: audience.length, mailed, replayed: false };
  });
}
