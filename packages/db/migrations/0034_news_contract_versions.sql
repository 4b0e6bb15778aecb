CREATE TABLE "contract_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" text NOT NULL,
	"version" text NOT NULL,
	"edition" text,
	"sha256" text NOT NULL,
	"document" jsonb NOT NULL,
	"changes" jsonb NOT NULL,
	"effective_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "news_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"category" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"catalogue_item_id" text,
	"available_on" date,
	"clause" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"published_by" uuid
);
--> statement-breakpoint
CREATE TABLE "news_reads" (
	"news_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"read_at" timestamp with time zone NOT NULL,
	CONSTRAINT "news_reads_news_id_user_id_pk" PRIMARY KEY("news_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "news_recipients" (
	"news_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"mailed" integer NOT NULL,
	"made_available_at" timestamp with time zone NOT NULL,
	CONSTRAINT "news_recipients_news_id_organisation_id_pk" PRIMARY KEY("news_id","organisation_id")
);
--> statement-breakpoint
ALTER TABLE "subscription_periods" ADD COLUMN "contract_version_id" uuid;--> statement-breakpoint
ALTER TABLE "ticket_events" ADD COLUMN "contract_version_id" uuid;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "contract_version_id" uuid;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "contract_version_id" uuid;--> statement-breakpoint
ALTER TABLE "change_notices" ADD COLUMN "reminders" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "change_notices" ADD COLUMN "last_reminded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "contract_version_id" uuid;--> statement-breakpoint
ALTER TABLE "news_items" ADD CONSTRAINT "news_items_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_reads" ADD CONSTRAINT "news_reads_news_id_news_items_id_fk" FOREIGN KEY ("news_id") REFERENCES "public"."news_items"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_reads" ADD CONSTRAINT "news_reads_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_reads" ADD CONSTRAINT "news_reads_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_recipients" ADD CONSTRAINT "news_recipients_news_id_news_items_id_fk" FOREIGN KEY ("news_id") REFERENCES "public"."news_items"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_recipients" ADD CONSTRAINT "news_recipients_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contract_versions_effective_idx" ON "contract_versions" USING btree ("effective_at");--> statement-breakpoint
CREATE UNIQUE INDEX "news_items_idempotency_key" ON "news_items" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "news_items_published_idx" ON "news_items" USING btree ("published_at");--> statement-breakpoint
CREATE INDEX "news_recipients_organisation_idx" ON "news_recipients" USING btree ("organisation_id","made_available_at");