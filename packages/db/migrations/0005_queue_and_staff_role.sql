CREATE INDEX "tickets_open_urgency_idx" ON "tickets" USING btree ("sla_due_at","created_at") WHERE "tickets"."status" in ('new', 'in_progress', 'on_hold');--> statement-breakpoint
-- The provider's own staff (guichet.tenant = '*') see every tenant already; as a role of their own
-- with a policy that is simply true, the planner knows it too, and uses the indexes (the queue's
-- above) instead of filtering every row through guichet_tenant_allows. Same rights as guichet_app.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'guichet_staff') THEN
    CREATE ROLE guichet_staff NOLOGIN;
  END IF;
END
$$;
--> statement-breakpoint
GRANT guichet_app TO guichet_staff;
--> statement-breakpoint
GRANT guichet_staff TO CURRENT_USER;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION guichet_isolate_tenants(keyed text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', keyed);
  EXECUTE format('CREATE POLICY tenant ON %I USING (guichet_tenant_allows(organisation_id)) '
                 'WITH CHECK (guichet_tenant_allows(organisation_id))', keyed);
  EXECUTE format('CREATE POLICY staff ON %I TO guichet_staff USING (true) WITH CHECK (true)', keyed);
END
$$;
--> statement-breakpoint
-- The tables isolated so far (organisations included, keyed on its id); the audit trail they read.
DO $$
DECLARE
  isolated record;
BEGIN
  FOR isolated IN SELECT tablename FROM pg_policies WHERE schemaname = 'public' AND policyname = 'tenant' LOOP
    EXECUTE format('CREATE POLICY staff ON %I TO guichet_staff USING (true) WITH CHECK (true)', isolated.tablename);
  END LOOP;
END
$$;
--> statement-breakpoint
CREATE POLICY staff_reads ON audit_log FOR SELECT TO guichet_staff USING (true);
