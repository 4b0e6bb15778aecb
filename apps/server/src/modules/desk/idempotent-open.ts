import { createHash } from "node:crypto";
import { atomically, type Db, idempotencyKeys } from "@guichet/db";
import type { IntakeRefusal } from "@guichet/domain";
import { and, eq } from "drizzle-orm";
import type { AppContext } from "../../app-context.js";
import type { AuditActor } from "../audit/record-audit.js";
import { type DeskRefusal, refusal } from "./desk-refusal.js";
import { type OpenedTicket, type OpenTicketInput, openTicket } from "./open-ticket.js";

/** The ticket opened now (with what was written), or the one a replayed key opened before. */
type Opened =
  | { ok: true; ticketId: string; replayed: false; opened: OpenedTicket }
  | { ok: true; ticketId: string; replayed: true };

/**
 * Opens a ticket once per `Idempotency-Key`: a client that retries after a lost answer gets the
 * ticket it already opened, not a second one; the same key with another request is refused.
 * The key is stored in the ticket's transaction, so a failed opening leaves no key behind, and a
 * race lost to a concurrent request with the same key (IdempotencyRace) undoes this opening with
 * the request's transaction.
 */
export async function openWithIdempotency(
  db: Db,
  context: Pick<AppContext, "contract" | "config">,
  input: OpenTicketInput,
  key: string | null,
  actor: AuditActor,
  now: Date,
): Promise<Opened | IntakeRefusal | DeskRefusal> {
  if (!key) {
    const opened = await openTicket(db, context, input, actor, now);
    return opened.ok
      ? { ok: true, ticketId: opened.ticketId, replayed: false, opened: opened.opened }
      : opened;
  }
  const requestHash = createHash("sha256")
    .update(
      JSON.stringify([
        input.category,
        input.catalogueItemId,
        input.priority,
        input.title,
        input.description,
        input.customerReference,
      ]),
    )
    .digest("hex");
  const owner = and(
    eq(idempotencyKeys.organisationId, input.organisationId),
    eq(idempotencyKeys.userId, input.requester.userId),
    eq(idempotencyKeys.key, key),
  );
  return atomically(db, async (tx) => {
    const [seen] = await tx.select().from(idempotencyKeys).where(owner);
    if (seen) {
      return seen.requestHash === requestHash
        ? { ok: true as const, ticketId: seen.ticketId, replayed: true as const }
        : refusal("idempotency_mismatch");
    }
    const opened = await openTicket(tx, context, input, actor, now);
    if (!opened.ok) return opened;
    const stored = await tx
      .insert(idempotencyKeys)
      .values({
        organisationId: input.organisationId,
        userId: input.requester.userId,
        key,
        requestHash,
        ticketId: opened.ticketId,
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning();
    // A concurrent request with the same key won the race: undo this opening, it answers for both.
    if (stored.length === 0) throw new IdempotencyRace();
    return { ok: true as const, ticketId: opened.ticketId, replayed: false as const, opened: opened.opened };
  });
}

export class IdempotencyRace extends Error {
  constructor() {
    super("a concurrent request with the same Idempotency-Key opened the ticket");
  }
}
