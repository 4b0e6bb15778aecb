CREATE TABLE "customer_details" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"siren" text NOT NULL,
	"siret" text,
	"vat_number" text,
	"billing_address" text NOT NULL,
	"billing_postal_code" text NOT NULL,
	"billing_city" text NOT NULL,
	"billing_country" text DEFAULT 'FR' NOT NULL,
	"billing_email" text NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "specific_conditions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"catalogue_item_id" text NOT NULL,
	"effective_from" date NOT NULL,
	"document_title" text NOT NULL,
	"document_version" text NOT NULL,
	"monthly_price_cents" integer NOT NULL,
	"minimum_months" integer NOT NULL,
	"termination_notice_months" integer NOT NULL,
	"maintenance_notice_days" integer NOT NULL,
	"demo" boolean DEFAULT false NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "specific_conditions_values_ck" CHECK ("specific_conditions"."monthly_price_cents" >= 0 and "specific_conditions"."minimum_months" >= 0 and "specific_conditions"."termination_notice_months" >= 0 and "specific_conditions"."maintenance_notice_days" >= 0)
);
--> statement-breakpoint
ALTER TABLE "customer_details" ADD CONSTRAINT "customer_details_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_details" ADD CONSTRAINT "customer_details_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "specific_conditions" ADD CONSTRAINT "specific_conditions_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "customer_details_siren_key" ON "customer_details" USING btree ("siren");--> statement-breakpoint
CREATE UNIQUE INDEX "specific_conditions_item_from_key" ON "specific_conditions" USING btree ("catalogue_item_id","effective_from");