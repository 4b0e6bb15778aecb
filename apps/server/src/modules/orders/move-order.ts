import { type Db, type Order, orders, users } from "@guichet/db";
import { and, eq, inArray } from "drizzle-orm";
import type { OrderRefusal } from "./order-refusal.js";

type Status = Order["status"];

/**
 * Moves an order forward only from the statuses given, in one conditional UPDATE: of two staff
 * accepting at once, one updates the row, the other finds it moved and is told by whom and when
 * (issue 16: "one wins, the other gets a clear refusal"). Nothing else is written by the loser.
 */
export async function moveOrder(
  db: Db,
  orderId: string,
  from: readonly Status[],
  set: Partial<typeof orders.$inferInsert> & { status: Status },
): Promise<{ ok: true; order: Order } | ({ ok: false } & OrderRefusal)> {
  const [moved] = await db
    .update(orders)
    .set(set)
    .where(and(eq(orders.id, orderId), inArray(orders.status, [...from])))
    .returning();
  if (moved) return { ok: true, order: moved };
  const [current] = await db
    .select({ order: orders, firstName: users.firstName, lastName: users.lastName })
    .from(orders)
    .leftJoin(users, eq(users.id, orders.decidedByUserId))
    .where(eq(orders.id, orderId));
  if (!current) return { ok: false, reason: "not_found" };
  const { order } = current;
  return {
    ok: false,
    reason: "wrong_status",
    reference: order.reference,
    status: order.status,
    by: current.firstName ? `${current.firstName} ${current.lastName}` : "—",
    at: (order.decidedAt ?? order.receivedAt ?? order.orderedAt).toISOString(),
  };
}
