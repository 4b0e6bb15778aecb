-- Issue 18: each recipient's notice of a change is its customer's (and the provider staff's), as
-- migrations 0003 and 0005.
SELECT guichet_isolate_tenants('change_notices');
--> statement-breakpoint
-- The provider's announcements and its revised prices: every tenant reads them (a customer reads
-- the change its notice is about, invoices read the prices), only provider staff write them.
ALTER TABLE contract_changes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY everyone_reads ON contract_changes FOR SELECT USING (true);
--> statement-breakpoint
CREATE POLICY provider_writes ON contract_changes FOR ALL USING (current_setting('guichet.tenant', true) = '*') WITH CHECK (current_setting('guichet.tenant', true) = '*');
--> statement-breakpoint
CREATE POLICY staff ON contract_changes TO guichet_staff USING (true) WITH CHECK (true);
--> statement-breakpoint
ALTER TABLE price_revisions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY everyone_reads ON price_revisions FOR SELECT USING (true);
--> statement-breakpoint
CREATE POLICY provider_writes ON price_revisions FOR ALL USING (current_setting('guichet.tenant', true) = '*') WITH CHECK (current_setting('guichet.tenant', true) = '*');
--> statement-breakpoint
CREATE POLICY staff ON price_revisions TO guichet_staff USING (true) WITH CHECK (true);
