ALTER TABLE "security_audits" ADD COLUMN "plan_rejected_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "security_audits" ADD COLUMN "plan_rejected_by" uuid;--> statement-breakpoint
ALTER TABLE "security_audits" ADD COLUMN "plan_rejection_reason" text;--> statement-breakpoint
ALTER TABLE "security_audits" ADD COLUMN "rejected_plan" text;--> statement-breakpoint
ALTER TABLE "security_audits" ADD CONSTRAINT "security_audits_plan_rejected_by_users_id_fk" FOREIGN KEY ("plan_rejected_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;