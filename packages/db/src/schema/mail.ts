import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Durable outbox: a message is written in the same transaction as the change it announces,
 * then delivered by the mail worker (retried with backoff, at most once in effect thanks to its
 * Message-ID and the `sending` claim). Without SMTP_URL messages stay here for the back office.
 */
export const outbox = pgTable(
  "outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The customer organisation concerned, for tenant isolation; null for provider-internal mail. */
    organisationId: uuid("organisation_id"),
    /** What kind of message, e.g. "invitation", "password_reset" (its template id). */
    kind: text("kind").notNull(),
    /** The ticket a desk mail is about, so a reply's In-Reply-To finds it (MCR-SUP-03, DSN-SUP-03). */
    ticketId: uuid("ticket_id"),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    /** RFC 5322 Message-ID, fixed at creation so a retried send is recognisably the same message. */
    messageId: text("message_id").notNull().unique(),
    headers: jsonb("headers").$type<Record<string, string>>().notNull(),
    status: text("status", { enum: ["pending", "sending", "sent", "failed"] })
      .notNull()
      .default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull(),
    claimedUntil: timestamp("claimed_until", { withTimezone: true }),
    lastError: text("last_error"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("outbox_due_idx").on(t.status, t.nextAttemptAt),
    // The desk's refusals by the mail they answer, so a mail received again is not refused twice.
    index("outbox_refusal_reply_idx")
      .on(sql`(${t.headers}->>'In-Reply-To')`)
      .where(sql`${t.kind} = 'ticket_refused'`),
  ],
);
