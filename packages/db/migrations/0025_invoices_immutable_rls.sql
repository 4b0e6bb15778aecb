-- An issued invoice or credit note is never changed nor removed (French invoicing rules; issue 17):
-- a correction is a credit note. The trigger holds for every role, the owner included.
CREATE FUNCTION invoices_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'invoices are immutable once issued: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER invoices_immutable
  BEFORE UPDATE OR DELETE ON invoices
  FOR EACH ROW EXECUTE FUNCTION invoices_refuse_change();
--> statement-breakpoint
CREATE TRIGGER invoices_no_truncate
  BEFORE TRUNCATE ON invoices
  FOR EACH STATEMENT EXECUTE FUNCTION invoices_refuse_change();
--> statement-breakpoint
-- A customer reads its own invoices; staff every one (like 0003 and 0005).
SELECT guichet_isolate_tenants('invoices');
--> statement-breakpoint
-- The numbering is the provider's: only staff (and the owner's connection, the CLI) take numbers.
ALTER TABLE invoice_counters ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY staff ON invoice_counters TO guichet_staff USING (true) WITH CHECK (true);
