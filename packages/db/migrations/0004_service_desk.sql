CREATE TABLE "idempotency_keys" (
	"organisation_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"ticket_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "idempotency_keys_organisation_id_user_id_key_pk" PRIMARY KEY("organisation_id","user_id","key")
);
--> statement-breakpoint
CREATE TABLE "maintenance_windows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"catalogue_item_id" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"expected_minutes" integer NOT NULL,
	"announced_at" timestamp with time zone NOT NULL,
	"announced_by_user_id" uuid NOT NULL,
	"cancelled_at" timestamp with time zone,
	CONSTRAINT "maintenance_windows_period_ck" CHECK ("maintenance_windows"."ends_at" > "maintenance_windows"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "portal_outages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone,
	"reason" text NOT NULL,
	"declared_by_user_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sla_warnings" (
	"ticket_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"metric" text NOT NULL,
	"threshold" integer NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sla_warnings_ticket_id_metric_threshold_pk" PRIMARY KEY("ticket_id","metric","threshold")
);
--> statement-breakpoint
CREATE TABLE "ticket_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ticket_id" uuid NOT NULL,
	"event_seq" integer NOT NULL,
	"organisation_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ticket_counters" (
	"prefix" text NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "ticket_counters_prefix_year_pk" PRIMARY KEY("prefix","year")
);
--> statement-breakpoint
CREATE TABLE "ticket_events" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"ticket_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"type" text NOT NULL,
	"side" text NOT NULL,
	"actor_user_id" uuid,
	"actor_label" text NOT NULL,
	"channel" text,
	"visibility" text NOT NULL,
	"body" text,
	"data" jsonb NOT NULL,
	"message_id" text
);
--> statement-breakpoint
CREATE TABLE "tickets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"category" text NOT NULL,
	"subscription_id" uuid,
	"catalogue_item_id" text,
	"priority" text NOT NULL,
	"status" text NOT NULL,
	"hold_reason" text,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"customer_reference" text,
	"requester_user_id" uuid NOT NULL,
	"assignee_user_id" uuid,
	"channel" text NOT NULL,
	"plan_key" text NOT NULL,
	"sla_applies" boolean NOT NULL,
	"maintenance_id" uuid,
	"out_of_scope_reason" text,
	"thread_message_id" text NOT NULL,
	"sla_due_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "ticket_id" uuid;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_warnings" ADD CONSTRAINT "sla_warnings_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_attachments" ADD CONSTRAINT "ticket_attachments_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_events" ADD CONSTRAINT "ticket_events_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_subscription_id_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."subscriptions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_requester_user_id_users_id_fk" FOREIGN KEY ("requester_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_assignee_user_id_users_id_fk" FOREIGN KEY ("assignee_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "maintenance_windows_item_idx" ON "maintenance_windows" USING btree ("catalogue_item_id","starts_at");--> statement-breakpoint
CREATE INDEX "ticket_attachments_ticket_idx" ON "ticket_attachments" USING btree ("ticket_id");--> statement-breakpoint
CREATE INDEX "ticket_events_ticket_idx" ON "ticket_events" USING btree ("ticket_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "ticket_events_message_key" ON "ticket_events" USING btree ("ticket_id","message_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tickets_reference_key" ON "tickets" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "tickets_organisation_idx" ON "tickets" USING btree ("organisation_id","status");--> statement-breakpoint
CREATE INDEX "tickets_queue_idx" ON "tickets" USING btree ("status","sla_due_at");--> statement-breakpoint
-- Tenant isolation for the desk's tables (as in 0003). Counters and maintenance windows are the
-- provider's, shared by every tenant; portal outages are public knowledge.
SELECT guichet_isolate_tenants(keyed) FROM unnest(ARRAY['tickets', 'ticket_events', 'ticket_attachments',
  'idempotency_keys', 'sla_warnings']) AS keyed;
--> statement-breakpoint
-- Customers read announcements; only the provider's staff write them.
ALTER TABLE maintenance_windows ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY everyone_reads ON maintenance_windows FOR SELECT USING (true);
--> statement-breakpoint
CREATE POLICY provider_writes ON maintenance_windows USING (current_setting('guichet.tenant', true) = '*') WITH CHECK (current_setting('guichet.tenant', true) = '*');
--> statement-breakpoint
ALTER TABLE portal_outages ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY everyone_reads ON portal_outages FOR SELECT USING (true);
--> statement-breakpoint
CREATE POLICY provider_writes ON portal_outages USING (current_setting('guichet.tenant', true) = '*') WITH CHECK (current_setting('guichet.tenant', true) = '*');
