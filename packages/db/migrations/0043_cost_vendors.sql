CREATE TABLE "cost_vendors" (
	"vendor" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
-- Vendors' names are public: everyone reads them (a customer's explorer, simulation and budgets
-- name the vendor as its file did), only staff's imports write them.
ALTER TABLE cost_vendors ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY everyone_reads ON cost_vendors FOR SELECT USING (true);
--> statement-breakpoint
CREATE POLICY staff ON cost_vendors TO guichet_staff USING (true) WITH CHECK (true);
--> statement-breakpoint
-- The names of the imports already made, the latest of each vendor.
INSERT INTO cost_vendors (vendor, name, updated_at)
SELECT DISTINCT ON (vendor) vendor, vendor_name, imported_at
  FROM cost_imports
 ORDER BY vendor, imported_at DESC;
