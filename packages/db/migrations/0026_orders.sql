CREATE TABLE "order_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"catalogue_item_id" text NOT NULL,
	"status" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"ordered_by_user_id" uuid NOT NULL,
	"ordered_at" timestamp with time zone NOT NULL,
	"support_plan" text,
	"tenancy" text,
	"vendor_terms_title" text,
	"vendor_terms_url" text,
	"vendor_terms_version" text,
	"vendor_terms_accepted_by_user_id" uuid,
	"vendor_terms_accepted_at" timestamp with time zone,
	"signature_kind" text,
	"signer_name" text,
	"signer_role" text,
	"signer_user_id" uuid,
	"signer_ip" text,
	"signed_at" timestamp with time zone,
	"received_at" timestamp with time zone,
	"invoicing_from" date,
	"identifiers_due_at" timestamp with time zone,
	"identifiers_sent_at" timestamp with time zone,
	"identifiers_warned_at" timestamp with time zone,
	"provider_signed_at" timestamp with time zone,
	"contract_effective_at" timestamp with time zone,
	"activation_on" date,
	"decided_by_user_id" uuid,
	"decided_at" timestamp with time zone,
	"refusal_reason" text,
	"subscription_id" uuid
);
--> statement-breakpoint
CREATE TABLE "quota_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"quota_id" uuid NOT NULL,
	"requested_maximum" integer NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"requested_by_user_id" uuid NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"decided_by_user_id" uuid,
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	CONSTRAINT "quota_requests_maximum_ck" CHECK ("quota_requests"."requested_maximum" >= 0)
);
--> statement-breakpoint
CREATE TABLE "resource_quotas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"catalogue_item_id" text NOT NULL,
	"resource" text NOT NULL,
	"maximum" integer NOT NULL,
	"set_by_user_id" uuid,
	"set_at" timestamp with time zone NOT NULL,
	CONSTRAINT "resource_quotas_maximum_ck" CHECK ("resource_quotas"."maximum" >= 0)
);
--> statement-breakpoint
CREATE TABLE "vendor_accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"catalogue_item_id" text NOT NULL,
	"vendor_account_id" text NOT NULL,
	"billing_account_id" text,
	"console_url" text NOT NULL,
	"order_id" uuid,
	"subscription_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"created_by_user_id" uuid
);
--> statement-breakpoint
CREATE TABLE "wholesale_contracts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"title" text NOT NULL,
	"reference" text NOT NULL,
	"allows_items" text[] NOT NULL,
	"signed_on" date NOT NULL,
	"ends_on" date,
	"recorded_by_user_id" uuid,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "invoicing_from" date;--> statement-breakpoint
ALTER TABLE "order_documents" ADD CONSTRAINT "order_documents_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_documents" ADD CONSTRAINT "order_documents_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_ordered_by_user_id_users_id_fk" FOREIGN KEY ("ordered_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_vendor_terms_accepted_by_user_id_users_id_fk" FOREIGN KEY ("vendor_terms_accepted_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_signer_user_id_users_id_fk" FOREIGN KEY ("signer_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_subscription_id_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."subscriptions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quota_requests" ADD CONSTRAINT "quota_requests_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quota_requests" ADD CONSTRAINT "quota_requests_quota_id_resource_quotas_id_fk" FOREIGN KEY ("quota_id") REFERENCES "public"."resource_quotas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quota_requests" ADD CONSTRAINT "quota_requests_requested_by_user_id_users_id_fk" FOREIGN KEY ("requested_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quota_requests" ADD CONSTRAINT "quota_requests_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_quotas" ADD CONSTRAINT "resource_quotas_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_quotas" ADD CONSTRAINT "resource_quotas_set_by_user_id_users_id_fk" FOREIGN KEY ("set_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_accounts" ADD CONSTRAINT "vendor_accounts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_accounts" ADD CONSTRAINT "vendor_accounts_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_accounts" ADD CONSTRAINT "vendor_accounts_subscription_id_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."subscriptions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_accounts" ADD CONSTRAINT "vendor_accounts_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wholesale_contracts" ADD CONSTRAINT "wholesale_contracts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wholesale_contracts" ADD CONSTRAINT "wholesale_contracts_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "order_documents_order_kind_key" ON "order_documents" USING btree ("order_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_idempotency_key" ON "orders" USING btree ("organisation_id","idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_reference_key" ON "orders" USING btree ("organisation_id","reference");--> statement-breakpoint
CREATE INDEX "orders_organisation_idx" ON "orders" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "orders_identifiers_due_idx" ON "orders" USING btree ("identifiers_due_at") WHERE "orders"."identifiers_sent_at" is null and "orders"."identifiers_due_at" is not null;--> statement-breakpoint
CREATE INDEX "quota_requests_organisation_idx" ON "quota_requests" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "resource_quotas_key" ON "resource_quotas" USING btree ("organisation_id","catalogue_item_id","resource");--> statement-breakpoint
CREATE UNIQUE INDEX "vendor_accounts_vendor_account_key" ON "vendor_accounts" USING btree ("catalogue_item_id","vendor_account_id");--> statement-breakpoint
CREATE INDEX "vendor_accounts_organisation_idx" ON "vendor_accounts" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "vendor_accounts_billing_idx" ON "vendor_accounts" USING btree ("billing_account_id");--> statement-breakpoint
CREATE INDEX "wholesale_contracts_organisation_idx" ON "wholesale_contracts" USING btree ("organisation_id");