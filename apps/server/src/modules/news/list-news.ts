import {
  type Db,
  type NewsItem,
  newsItems,
  newsReads,
  newsRecipients,
  organisations,
  users,
} from "@guichet/db";
import { and, asc, desc, eq } from "drizzle-orm";

/** A news item as a customer's person sees it: when it was made available and whether she read it. */
export interface CustomerNews {
  item: NewsItem;
  madeAvailableAt: Date;
  readAt: Date | null;
}

/** The news a customer received, latest first, with the reader's own read receipt. */
export async function listCustomerNews(
  db: Db,
  organisationId: string,
  userId: string,
): Promise<CustomerNews[]> {
  const rows = await db
    .select({ item: newsItems, madeAvailableAt: newsRecipients.madeAvailableAt, readAt: newsReads.readAt })
    .from(newsRecipients)
    .innerJoin(newsItems, eq(newsItems.id, newsRecipients.newsId))
    .leftJoin(newsReads, and(eq(newsReads.newsId, newsItems.id), eq(newsReads.userId, userId)))
    .where(eq(newsRecipients.organisationId, organisationId))
    .orderBy(desc(newsRecipients.madeAvailableAt), desc(newsItems.id));
  return rows;
}

/** A news item as staff follow it: each customer reached, its mails, and who read it, when. */
export interface StaffNews {
  item: NewsItem;
  recipients: {
    organisationId: string;
    organisationName: string;
    mailed: number;
    reads: { name: string; email: string; readAt: Date }[];
  }[];
}

/** Every news item, latest first, with its read receipts (staff only: under row-level security as the provider). */
export async function listStaffNews(db: Db): Promise<StaffNews[]> {
  const items = await db.select().from(newsItems).orderBy(desc(newsItems.publishedAt), desc(newsItems.id));
  const recipients = await db
    .select({
      newsId: newsRecipients.newsId,
      organisationId: newsRecipients.organisationId,
      organisationName: organisations.name,
      mailed: newsRecipients.mailed,
    })
    .from(newsRecipients)
    .innerJoin(organisations, eq(organisations.id, newsRecipients.organisationId))
    .orderBy(asc(organisations.name));
  const reads = await db
    .select({
      newsId: newsReads.newsId,
      organisationId: newsReads.organisationId,
      firstName: users.firstName,
      lastName: users.lastName,
      email: users.email,
      readAt: newsReads.readAt,
    })
    .from(newsReads)
    .innerJoin(users, eq(users.id, newsReads.userId))
    .orderBy(asc(newsReads.readAt));
  return items.map((item) => ({
    item,
    recipients: recipients
      .filter((r) => r.newsId === item.id)
      .map((r) => ({
        organisationId: r.organisationId,
        organisationName: r.organisationName,
        mailed: r.mailed,
        reads: reads
          .filter((read) => read.newsId === item.id && read.organisationId === r.organisationId)
          .map((read) => ({
            name: `${read.firstName} ${read.lastName}`.trim(),
            email: read.email,
            readAt: read.readAt,
          })),
      })),
  }));
}
