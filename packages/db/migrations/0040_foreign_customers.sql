ALTER TABLE "customer_details" ALTER COLUMN "siren" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "customer_details" ADD COLUMN "registration_number" text;--> statement-breakpoint
ALTER TABLE "customer_details" ADD COLUMN "vies_status" text;--> statement-breakpoint
ALTER TABLE "customer_details" ADD COLUMN "vies_checked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "customer_details" ADD CONSTRAINT "customer_details_siren_in_france_ck" CHECK ("customer_details"."siren" is not null or "customer_details"."billing_country" not in ('FR', 'MC'));--> statement-breakpoint
-- Numbers recorded before issue 17 were never put to VIES: say so rather than leave it unsaid.
UPDATE "customer_details" SET "vies_status" = 'not_checked' WHERE "vat_number" IS NOT NULL;