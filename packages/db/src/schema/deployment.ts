import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Which contract this database was created for: one database serves one deployment. */
export const deployment = pgTable("deployment", {
  id: text("id").primaryKey().default("this"),
  contractId: text("contract_id").notNull(),
  demoSeededAt: timestamp("demo_seeded_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
