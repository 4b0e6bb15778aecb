import { type Db, outbox } from "@guichet/db";
import { and, desc, eq, lt, or, type SQL } from "drizzle-orm";
import { z } from "zod";

export const ZOutboxStatus = z.enum(outbox.status.enumValues);
export type TOutboxStatus = z.infer<typeof ZOutboxStatus>;

/** Where a page ends: the last message shown, newest first. */
export interface OutboxCursor {
  createdAt: Date;
  id: string;
}

export function encodeOutboxCursor(cursor: OutboxCursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAt.toISOString(), cursor.id])).toString("base64url");
}

const ZCursorContent = z.tuple([z.iso.datetime(), z.uuid()]);

/** For a route's query schema: the opaque `cursor` string a previous page returned. */
export const ZOutboxCursor = z.string().transform((text, ctx): OutboxCursor => {
  let content: unknown;
  try {
    content = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    content = undefined;
  }
  const parsed = ZCursorContent.safeParse(content);
  if (!parsed.success) {
    ctx.addIssue({ code: "custom", message: "expected a cursor returned by a previous page" });
    return z.NEVER;
  }
  return { createdAt: new Date(parsed.data[0]), id: parsed.data[1] };
});

export interface ListOutboxQuery {
  status?: TOutboxStatus;
  organisationId?: string;
  /** 1 to 100; 50 by default. */
  limit?: number;
  cursor?: OutboxCursor;
}

/**
 * A message as the back office shows it. The body is included on purpose: without SMTP_URL
 * this is where an invitation link is read, so only provider administrators may list it.
 */
export interface OutboxMessageView {
  id: string;
  organisationId: string | null;
  kind: string;
  to: string;
  subject: string;
  text: string;
  messageId: string;
  status: TOutboxStatus;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  sentAt: Date | null;
  createdAt: Date;
}

export interface OutboxPage {
  items: OutboxMessageView[];
  /** Pass it back as `cursor` for the next page; null on the last one. */
  nextCursor: string | null;
}

/** The outbox, newest first, optionally one status or one organisation, a page at a time. */
export async function listOutbox(db: Db, query: ListOutboxQuery = {}): Promise<OutboxPage> {
  const limit = Math.min(Math.max(Math.trunc(query.limit ?? 50), 1), 100);
  const conditions: SQL[] = [];
  if (query.status) conditions.push(eq(outbox.status, query.status));
  if (query.organisationId) conditions.push(eq(outbox.organisationId, query.organisationId));
  if (query.cursor) {
    const { createdAt, id } = query.cursor;
    const older = or(
      lt(outbox.createdAt, createdAt),
      and(eq(outbox.createdAt, createdAt), lt(outbox.id, id)),
    );
    if (older) conditions.push(older);
  }
  const rows = await db
    .select({
      id: outbox.id,
      organisationId: outbox.organisationId,
      kind: outbox.kind,
      to: outbox.toAddress,
      subject: outbox.subject,
      text: outbox.textBody,
      messageId: outbox.messageId,
      status: outbox.status,
      attempts: outbox.attempts,
      nextAttemptAt: outbox.nextAttemptAt,
      lastError: outbox.lastError,
      sentAt: outbox.sentAt,
      createdAt: outbox.createdAt,
    })
    .from(outbox)
    .where(and(...conditions))
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(limit + 1);
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeOutboxCursor(last) : null };
}
