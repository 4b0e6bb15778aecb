-- Issue 18. The customers a news item reached and who read it are each customer's (and the
-- provider staff's), as migrations 0003 and 0005.
SELECT guichet_isolate_tenants(keyed) FROM unnest(ARRAY['news_recipients', 'news_reads']) AS keyed;
--> statement-breakpoint
-- The news items and the contract file's versions are the provider's: every tenant reads them (a
-- customer reads the news it received and the versions it is bound by), only provider staff and
-- the start-up write them.
ALTER TABLE news_items ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY everyone_reads ON news_items FOR SELECT USING (true);
--> statement-breakpoint
CREATE POLICY provider_writes ON news_items FOR ALL USING (current_setting('guichet.tenant', true) = '*') WITH CHECK (current_setting('guichet.tenant', true) = '*');
--> statement-breakpoint
CREATE POLICY staff ON news_items TO guichet_staff USING (true) WITH CHECK (true);
--> statement-breakpoint
ALTER TABLE contract_versions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY everyone_reads ON contract_versions FOR SELECT USING (true);
--> statement-breakpoint
CREATE POLICY provider_writes ON contract_versions FOR ALL USING (current_setting('guichet.tenant', true) = '*') WITH CHECK (current_setting('guichet.tenant', true) = '*');
--> statement-breakpoint
CREATE POLICY staff ON contract_versions TO guichet_staff USING (true) WITH CHECK (true);
--> statement-breakpoint
-- GEN-01: every decision keeps the contract version it was made under. The version in force is
-- the latest recorded (a start records a changed file before it serves); the column's default
-- reads it, so every writer of these rows keeps it without knowing of it.
CREATE FUNCTION guichet_contract_version() RETURNS uuid LANGUAGE sql STABLE AS $$
  SELECT id FROM contract_versions ORDER BY effective_at DESC, id DESC LIMIT 1
$$;
--> statement-breakpoint
ALTER TABLE tickets ALTER COLUMN contract_version_id SET DEFAULT guichet_contract_version();
--> statement-breakpoint
ALTER TABLE ticket_events ALTER COLUMN contract_version_id SET DEFAULT guichet_contract_version();
--> statement-breakpoint
ALTER TABLE subscription_periods ALTER COLUMN contract_version_id SET DEFAULT guichet_contract_version();
--> statement-breakpoint
ALTER TABLE orders ALTER COLUMN contract_version_id SET DEFAULT guichet_contract_version();
--> statement-breakpoint
ALTER TABLE invoices ALTER COLUMN contract_version_id SET DEFAULT guichet_contract_version();
