import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Which contract this database was created for: one database serves one deployment. */
export const deployment = pgTable("deployment", {
  id: text("id").primaryKey().default("this"),
  contractId: text("contract_id").notNull(),
  demoSeededAt: timestamp("demo_seeded_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Who does the work that must happen once per deployment (sweeps, polling the desk's mailbox)
 * when several server processes share one PostgreSQL: the process holding an unexpired lease.
 * A holder renews it well before it expires; a dead holder's lease runs out and another takes it.
 */
export const workLeases = pgTable("work_leases", {
  name: text("name").primaryKey(),
  holder: text("holder").notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
});
