import { type Database, type Db, scopedDatabase } from "@guichet/db";
import { sql } from "drizzle-orm";
import { pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { authorize } from "../../apps/server/src/policies/authorize.js";
import { deskPolicy } from "../../apps/server/src/policies/desk-policy.js";

/**
 * The desk benchmark's baseline: a route in the same server, authenticated like POST /api/tickets,
 * that inserts one row into a table of the same database.
 */

/** The baseline's table: bench only, under the same tenant policy as the desk's tables. */
const benchBaseline = pgTable("bench_baseline", {
  id: uuid("id").primaryKey().defaultRandom(),
  organisationId: uuid("organisation_id").notNull(),
  userId: uuid("user_id").notNull(),
  title: text("title").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
});

export async function createBaselineTable(db: Db): Promise<void> {
  await db.execute(sql`create table bench_baseline (
    id uuid primary key default gen_random_uuid(),
    organisation_id uuid not null references organisations(id),
    user_id uuid not null references users(id),
    title text not null,
    created_at timestamptz not null)`);
  await db.execute(sql`select guichet_isolate_tenants('bench_baseline')`);
}

/**
 * The baseline route: authenticated like POST /api/tickets (session, CSRF, policy, a body of the
 * same shape validated by zod, the request's tenant transaction), then one insert.
 */
export function baselineRoute(database: Database): FastifyPluginAsyncZod {
  const { db } = scopedDatabase(database);
  return async (app) => {
    app.post(
      "/api/bench/baseline",
      {
        schema: {
          body: z.strictObject({
            category: z.string().trim().min(1).max(64),
            priority: z.string().nullable().default(null),
            title: z.string().trim().min(1).max(200),
            description: z.string().trim().min(1).max(20_000),
          }),
        },
      },
      async (request, reply) => {
        const principal = authorize(request, deskPolicy.open);
        const [row] = await db
          .insert(benchBaseline)
          .values({
            organisationId: principal.organisationId,
            userId: principal.userId,
            title: request.body.title,
            createdAt: new Date(),
          })
          .returning({ id: benchBaseline.id });
        return reply.code(201).send(row);
      },
    );
  };
}
