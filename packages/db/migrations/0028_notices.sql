CREATE TABLE "change_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"change_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"direction" text NOT NULL,
	"clause" text NOT NULL,
	"channels" text[] NOT NULL,
	"earliest_allowed" date NOT NULL,
	"signature_required" boolean NOT NULL,
	"harmful_termination" boolean NOT NULL,
	"price_keys" text[] NOT NULL,
	"letter_pdf" "bytea",
	"letter_sha256" text,
	"made_available_at" timestamp with time zone NOT NULL,
	"mailed" integer NOT NULL,
	"read_at" timestamp with time zone,
	"read_by" uuid,
	"signed_at" timestamp with time zone,
	"signed_by" uuid,
	CONSTRAINT "change_notices_letter_ck" CHECK (("change_notices"."letter_pdf" is null) = ("change_notices"."letter_sha256" is null))
);
--> statement-breakpoint
CREATE TABLE "contract_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"announced_on" date NOT NULL,
	"effective_from" date NOT NULL,
	"earliest_allowed" date NOT NULL,
	"clause" text NOT NULL,
	"prices" jsonb NOT NULL,
	"idempotency_key" text NOT NULL,
	"announced_at" timestamp with time zone NOT NULL,
	"announced_by" uuid
);
--> statement-breakpoint
CREATE TABLE "price_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"change_id" uuid NOT NULL,
	"price_key" text NOT NULL,
	"effective_from" date NOT NULL,
	"percent" text,
	"monthly_minimum" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "change_notices" ADD CONSTRAINT "change_notices_change_id_contract_changes_id_fk" FOREIGN KEY ("change_id") REFERENCES "public"."contract_changes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_notices" ADD CONSTRAINT "change_notices_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_notices" ADD CONSTRAINT "change_notices_read_by_users_id_fk" FOREIGN KEY ("read_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_notices" ADD CONSTRAINT "change_notices_signed_by_users_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_changes" ADD CONSTRAINT "contract_changes_announced_by_users_id_fk" FOREIGN KEY ("announced_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_revisions" ADD CONSTRAINT "price_revisions_change_id_contract_changes_id_fk" FOREIGN KEY ("change_id") REFERENCES "public"."contract_changes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "change_notices_change_organisation_key" ON "change_notices" USING btree ("change_id","organisation_id");--> statement-breakpoint
CREATE INDEX "change_notices_organisation_idx" ON "change_notices" USING btree ("organisation_id","made_available_at");--> statement-breakpoint
CREATE UNIQUE INDEX "contract_changes_idempotency_key" ON "contract_changes" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "contract_changes_effective_idx" ON "contract_changes" USING btree ("effective_from");--> statement-breakpoint
CREATE UNIQUE INDEX "price_revisions_key_from_key" ON "price_revisions" USING btree ("price_key","effective_from");