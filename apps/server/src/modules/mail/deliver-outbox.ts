import { type Db, outbox } from "@guichet/db";
import { and, eq, gte, inArray, lt, lte, or, sql } from "drizzle-orm";
import type { MailTransport } from "./smtp-transport.js";

/**
 * How long a worker holds the messages it claimed. Past it, a worker that died mid-send is
 * presumed dead and the message is sent again, with the same Message-ID. It must exceed the
 * transport's send deadline (SEND_DEADLINE_MS, checked by a test), since a batch is sent in
 * parallel and so ends within one send's deadline.
 */
export const CLAIM_MS = 5 * 60_000;
/** Tries per message, crashes included; then it is `failed` and left to the back office. */
export const MAX_ATTEMPTS = 10;
const FIRST_RETRY_MS = 60_000;
const LONGEST_RETRY_MS = 60 * 60_000;
const DEFAULT_BATCH = 10;

/** Wait after the n-th failed try: 1 min, 2, 4 … capped at 1 h. */
export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), LONGEST_RETRY_MS);
}

export interface DeliveryReport {
  /** Messages this run took (due, or abandoned mid-send by a dead worker). */
  claimed: number;
  sent: number;
  /** Refused or unreachable, tried again later. */
  retrying: number;
  /** Given up on: the last try failed, or a worker died during it. */
  failed: number;
}

/**
 * Sends the mail that is due, once in effect. Rows are claimed in one statement (`sending`
 * until `now + CLAIM_MS`, SKIP LOCKED so concurrent workers take different rows), then sent in
 * parallel with their fixed Message-ID. A sent row is marked sent; a failed one goes back to
 * pending after a growing delay, or to failed after MAX_ATTEMPTS. `attempts` counts tries
 * when they start, so a message that kills its worker also runs out of tries.
 *
 * If the process dies between the server's acceptance and the `sent` mark, the message is sent
 * again after the claim: the same Message-ID lets mail clients and servers recognise it.
 */
export async function deliverDueMail(
  db: Db,
  transport: MailTransport,
  now: Date,
  options: { batch?: number } = {},
): Promise<DeliveryReport> {
  const abandoned = await db
    .update(outbox)
    .set({
      status: "failed",
      claimedUntil: null,
      lastError: sql`coalesce(${outbox.lastError} || '; ', '') || 'worker stopped during the last try'`,
    })
    .where(
      and(eq(outbox.status, "sending"), lt(outbox.claimedUntil, now), gte(outbox.attempts, MAX_ATTEMPTS)),
    )
    .returning({ id: outbox.id });

  const claimedUntil = new Date(now.getTime() + CLAIM_MS);
  const due = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(
      or(
        and(eq(outbox.status, "pending"), lte(outbox.nextAttemptAt, now)),
        and(eq(outbox.status, "sending"), lt(outbox.claimedUntil, now), lt(outbox.attempts, MAX_ATTEMPTS)),
      ),
    )
    .orderBy(outbox.nextAttemptAt)
    .limit(options.batch ?? DEFAULT_BATCH)
    .for("update", { skipLocked: true });
  const claimed = await db
    .update(outbox)
    .set({ status: "sending", claimedUntil, attempts: sql`${outbox.attempts} + 1` })
    .where(inArray(outbox.id, due))
    .returning();

  const settled = await Promise.allSettled(
    claimed.map(async (row) => {
      try {
        await transport.send({
          to: row.toAddress,
          subject: row.subject,
          text: row.textBody,
          messageId: row.messageId,
          date: row.createdAt,
          headers: row.headers,
        });
      } catch (error) {
        const failed = row.attempts >= MAX_ATTEMPTS;
        // Only while our claim holds: a row taken over by another worker is no longer ours to mark.
        await db
          .update(outbox)
          .set({
            status: failed ? "failed" : "pending",
            nextAttemptAt: new Date(now.getTime() + retryDelayMs(row.attempts)),
            claimedUntil: null,
            lastError: describeError(error),
          })
          .where(
            and(eq(outbox.id, row.id), eq(outbox.status, "sending"), eq(outbox.claimedUntil, claimedUntil)),
          );
        return failed ? "failed" : "retrying";
      }
      // The server took it: that is true whoever holds the claim now.
      await db
        .update(outbox)
        .set({ status: "sent", sentAt: now, claimedUntil: null })
        .where(eq(outbox.id, row.id));
      return "sent";
    }),
  );
  // A database error while marking: the others are marked, this row is sent again after its claim.
  const errors = settled.flatMap((s) => (s.status === "rejected" ? [s.reason] : []));
  if (errors.length > 0) throw new AggregateError(errors, "outbox: could not record the outcome of a send");
  const outcomes = settled.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
  return {
    claimed: claimed.length,
    sent: outcomes.filter((o) => o === "sent").length,
    retrying: outcomes.filter((o) => o === "retrying").length,
    failed: outcomes.filter((o) => o === "failed").length + abandoned.length,
  };
}

/** What the back office shows of a failure: the SMTP reply or the network error, short. */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error).slice(0, 500);
  const code = (error as { code?: unknown }).code;
  const text =
    typeof code === "string" && !error.message.includes(code) ? `${code}: ${error.message}` : error.message;
  return text.slice(0, 500);
}
