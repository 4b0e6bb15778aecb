-- The SLA warning sweep read every open ticket and its timeline each minute; it now reads those
-- whose sla_warn_at has come. Tickets already open are looked at once by the next sweep, which
-- sets their instant.
ALTER TABLE "tickets" ADD COLUMN "sla_warn_at" timestamp with time zone;
--> statement-breakpoint
UPDATE "tickets" SET "sla_warn_at" = "created_at" WHERE "status" IN ('new', 'in_progress') AND "sla_applies";
