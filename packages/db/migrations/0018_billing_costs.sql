CREATE TABLE "cost_daily" (
	"import_id" uuid NOT NULL,
	"organisation_id" uuid,
	"day" date NOT NULL,
	"billing_period" text NOT NULL,
	"vendor" text NOT NULL,
	"billing_account_id" text NOT NULL,
	"sub_account_id" text DEFAULT '' NOT NULL,
	"service" text NOT NULL,
	"region" text DEFAULT '' NOT NULL,
	"charge_category" text NOT NULL,
	"charge_frequency" text NOT NULL,
	"currency" text NOT NULL,
	"billed_cost" numeric NOT NULL,
	"list_cost" numeric NOT NULL,
	"effective_cost" numeric NOT NULL,
	"line_count" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cost_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"batch_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"file_sha256" text NOT NULL,
	"vendor" text NOT NULL,
	"vendor_name" text NOT NULL,
	"billing_account_id" text NOT NULL,
	"billing_period" text NOT NULL,
	"parquet_path" text NOT NULL,
	"line_count" integer NOT NULL,
	"status" text NOT NULL,
	"replaced_by_id" uuid,
	"imported_by_user_id" uuid,
	"imported_at" timestamp with time zone NOT NULL,
	CONSTRAINT "cost_imports_period_ck" CHECK ("cost_imports"."billing_period" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$')
);
--> statement-breakpoint
CREATE TABLE "euro_rates" (
	"day" date NOT NULL,
	"currency" text NOT NULL,
	"units_per_euro" numeric NOT NULL,
	"imported_at" timestamp with time zone NOT NULL,
	CONSTRAINT "euro_rates_day_currency_pk" PRIMARY KEY("day","currency"),
	CONSTRAINT "euro_rates_positive_ck" CHECK ("euro_rates"."units_per_euro" > 0)
);
--> statement-breakpoint
ALTER TABLE "cost_daily" ADD CONSTRAINT "cost_daily_import_id_cost_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."cost_imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cost_daily" ADD CONSTRAINT "cost_daily_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cost_imports" ADD CONSTRAINT "cost_imports_imported_by_user_id_users_id_fk" FOREIGN KEY ("imported_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cost_daily_organisation_day_idx" ON "cost_daily" USING btree ("organisation_id","day");--> statement-breakpoint
CREATE INDEX "cost_daily_import_idx" ON "cost_daily" USING btree ("import_id");--> statement-breakpoint
CREATE INDEX "cost_daily_account_idx" ON "cost_daily" USING btree ("vendor","billing_account_id","sub_account_id");--> statement-breakpoint
CREATE INDEX "cost_imports_unit_in_force_idx" ON "cost_imports" USING btree ("vendor","billing_account_id","billing_period") WHERE "cost_imports"."status" = 'in_force';