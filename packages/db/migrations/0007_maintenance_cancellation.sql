ALTER TABLE "maintenance_windows" ADD COLUMN "cancelled_by_label" text;--> statement-breakpoint
ALTER TABLE "maintenance_windows" ADD COLUMN "cancellation_reason" text;