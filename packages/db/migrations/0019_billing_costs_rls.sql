-- Billing's row-level security (like 0003 and 0005). Daily cost sums belong to a customer; a row
-- whose vendor account matches no customer has no organisation, so only staff see it.
SELECT guichet_isolate_tenants('cost_daily');
--> statement-breakpoint
-- Which file holds which vendor account's period is the provider's own record.
ALTER TABLE cost_imports ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY staff ON cost_imports TO guichet_staff USING (true) WITH CHECK (true);
--> statement-breakpoint
-- Reference rates are public figures: everyone reads them (a customer's simulation converts with
-- them), only staff write them.
ALTER TABLE euro_rates ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY everyone_reads ON euro_rates FOR SELECT USING (true);
--> statement-breakpoint
CREATE POLICY staff ON euro_rates TO guichet_staff USING (true) WITH CHECK (true);
