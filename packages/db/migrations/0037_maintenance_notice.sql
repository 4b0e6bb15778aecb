ALTER TABLE "specific_conditions" ALTER COLUMN "maintenance_notice_days" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "maintenance_windows" ADD COLUMN "notice" text;--> statement-breakpoint
ALTER TABLE "maintenance_windows" ADD COLUMN "notice_source" text;--> statement-breakpoint
ALTER TABLE "maintenance_windows" ADD COLUMN "notice_document" text;--> statement-breakpoint
ALTER TABLE "maintenance_windows" ADD CONSTRAINT "maintenance_windows_notice_source_ck" CHECK ("maintenance_windows"."notice_source" in ('contract', 'specific-conditions', 'not-stated'));