DROP INDEX "tickets_queue_idx";--> statement-breakpoint
CREATE INDEX "tickets_resolved_due_idx" ON "tickets" USING btree ("sla_due_at") WHERE "tickets"."status" = 'resolved';