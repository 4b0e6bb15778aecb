CREATE TABLE "client_certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"owner_user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"fingerprint256" text NOT NULL,
	"subject" text,
	"not_after" timestamp with time zone,
	"roles" text[] NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "security_audits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"scope" text NOT NULL,
	"auditor" text NOT NULL,
	"report_on" date NOT NULL,
	"findings" text NOT NULL,
	"non_conformity" boolean NOT NULL,
	"notified_at" timestamp with time zone NOT NULL,
	"plan_due_on" date,
	"plan_due_at" timestamp with time zone,
	"clause" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"idempotency_key" text NOT NULL,
	"plan" text,
	"plan_filed_at" timestamp with time zone,
	"plan_filed_by" uuid,
	"plan_approved_at" timestamp with time zone,
	"plan_approved_by" uuid,
	"reminded_at" timestamp with time zone,
	"overdue_notified_at" timestamp with time zone,
	CONSTRAINT "security_audits_due_ck" CHECK ("security_audits"."non_conformity" = ("security_audits"."plan_due_at" is not null)),
	CONSTRAINT "security_audits_plan_ck" CHECK (("security_audits"."plan" is null) = ("security_audits"."plan_filed_at" is null))
);
--> statement-breakpoint
CREATE TABLE "security_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"side" text NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"phone" text,
	"confirmed_at" timestamp with time zone NOT NULL,
	"confirmed_by" uuid,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "security_incidents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"direction" text NOT NULL,
	"kind" text NOT NULL,
	"serious" boolean NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"detected_at" timestamp with time zone NOT NULL,
	"declared_at" timestamp with time zone NOT NULL,
	"declared_by" uuid NOT NULL,
	"notified_to" text[] NOT NULL,
	"idempotency_key" text NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" uuid
);
--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "suspension_incident_id" uuid;--> statement-breakpoint
ALTER TABLE "client_certificates" ADD CONSTRAINT "client_certificates_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_certificates" ADD CONSTRAINT "client_certificates_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_certificates" ADD CONSTRAINT "client_certificates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "security_audits" ADD CONSTRAINT "security_audits_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "security_audits" ADD CONSTRAINT "security_audits_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "security_audits" ADD CONSTRAINT "security_audits_plan_filed_by_users_id_fk" FOREIGN KEY ("plan_filed_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "security_audits" ADD CONSTRAINT "security_audits_plan_approved_by_users_id_fk" FOREIGN KEY ("plan_approved_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "security_contacts" ADD CONSTRAINT "security_contacts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "security_contacts" ADD CONSTRAINT "security_contacts_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "security_incidents" ADD CONSTRAINT "security_incidents_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "security_incidents" ADD CONSTRAINT "security_incidents_declared_by_users_id_fk" FOREIGN KEY ("declared_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "security_incidents" ADD CONSTRAINT "security_incidents_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "client_certificates_fingerprint_key" ON "client_certificates" USING btree ("fingerprint256") WHERE "client_certificates"."revoked_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "security_audits_idempotency_key" ON "security_audits" USING btree ("organisation_id","idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "security_audits_reference_key" ON "security_audits" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "security_audits_plan_due_idx" ON "security_audits" USING btree ("plan_due_at") WHERE "security_audits"."plan_filed_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "security_contacts_organisation_key" ON "security_contacts" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "security_incidents_idempotency_key" ON "security_incidents" USING btree ("organisation_id","idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "security_incidents_reference_key" ON "security_incidents" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "security_incidents_organisation_idx" ON "security_incidents" USING btree ("organisation_id","declared_at");