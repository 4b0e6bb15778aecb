-- A customer's details are its tenant's (and the provider staff's), like every organisation-keyed table.
SELECT guichet_isolate_tenants('customer_details');
--> statement-breakpoint
-- Specific conditions are the provider's data that every tenant reads (its price, its notice):
-- everyone reads them, only provider staff (guichet.tenant = '*') write them.
ALTER TABLE specific_conditions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY everyone_reads ON specific_conditions FOR SELECT USING (true);
--> statement-breakpoint
CREATE POLICY provider_writes ON specific_conditions FOR ALL USING (current_setting('guichet.tenant', true) = '*') WITH CHECK (current_setting('guichet.tenant', true) = '*');
--> statement-breakpoint
CREATE POLICY staff ON specific_conditions TO guichet_staff USING (true) WITH CHECK (true);
