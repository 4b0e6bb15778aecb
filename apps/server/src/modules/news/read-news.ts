import { type Db, newsReads, newsRecipients } from "@guichet/db";
import { and, eq } from "drizzle-orm";
import { type AuditActor, recordAudit } from "../audit/record-audit.js";

/**
 * A customer's person marks a news item read (the read receipt staff see, DSN-POR-01): the first
 * reading is kept and audited; a second changes nothing. Only news her organisation received.
 */
export async function readNews(
  db: Db,
  actor: AuditActor & { userId: string },
  input: { organisationId: string; newsId: string },
  now: Date,
): Promise<{ readAt: Date } | "not_found"> {
  const [received] = await db
    .select({ newsId: newsRecipients.newsId })
    .from(newsRecipients)
    .where(
      and(eq(newsRecipients.newsId, input.newsId), eq(newsRecipients.organisationId, input.organisationId)),
    );
  if (!received) return "not_found";
  const [read] = await db
    .insert(newsReads)
    .values({ newsId: input.newsId, organisationId: input.organisationId, userId: actor.userId, readAt: now })
    .onConflictDoNothing()
    .returning({ readAt: newsReads.readAt });
  if (read) {
    await recordAudit(
      db,
      actor,
      {
        action: "news.read",
        organisationId: input.organisationId,
        targetType: "news_item",
        targetId: input.newsId,
        data: {},
      },
      now,
    );
    return read;
  }
  const [first] = await db
    .select({ readAt: newsReads.readAt })
    .from(newsReads)
    .where(and(eq(newsReads.newsId, input.newsId), eq(newsReads.userId, actor.userId)));
  return first ?? "not_found";
}
