-- cost_daily's two foreign keys (import_id -> cost_imports ON DELETE CASCADE, organisation_id ->
-- organisations ON DELETE RESTRICT), checked once per statement instead of once per row: an
-- import writes ~300,000 rows in one COPY, and PostgreSQL's per-row checks were a third of its
-- load (issue 17). Same rules, same locks (FOR KEY SHARE on the rows referred to, as a foreign
-- key takes), and like a foreign key they look past row-level security (SECURITY DEFINER).
-- Import ids are found through a block range index (multi-minmax): an import's rows are written
-- together.
ALTER TABLE "cost_daily" DROP CONSTRAINT "cost_daily_import_id_cost_imports_id_fk";
--> statement-breakpoint
ALTER TABLE "cost_daily" DROP CONSTRAINT "cost_daily_organisation_id_organisations_id_fk";
--> statement-breakpoint
DROP INDEX "cost_daily_import_idx";--> statement-breakpoint
CREATE INDEX "cost_daily_import_idx" ON "cost_daily" USING brin ("import_id" uuid_minmax_multi_ops);
--> statement-breakpoint
CREATE FUNCTION cost_daily_check_references() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  imports uuid[];
  customers uuid[];
  missing uuid;
BEGIN
  -- One pass over the written rows: the few distinct keys they refer to.
  SELECT array_agg(DISTINCT import_id), array_agg(DISTINCT organisation_id) FILTER (WHERE organisation_id IS NOT NULL)
    INTO imports, customers
    FROM (SELECT DISTINCT import_id, organisation_id FROM written_rows) keys;
  PERFORM 1 FROM cost_imports WHERE id = ANY (imports) FOR KEY SHARE;
  SELECT k INTO missing FROM unnest(imports) k WHERE NOT EXISTS (SELECT 1 FROM cost_imports i WHERE i.id = k) LIMIT 1;
  IF FOUND THEN
    RAISE foreign_key_violation USING
      MESSAGE = 'insert or update on table "cost_daily" violates foreign key "cost_daily_import_id"',
      DETAIL = format('Key (import_id)=(%s) is not present in table "cost_imports".', missing);
  END IF;
  PERFORM 1 FROM organisations WHERE id = ANY (customers) FOR KEY SHARE;
  SELECT k INTO missing FROM unnest(customers) k WHERE NOT EXISTS (SELECT 1 FROM organisations o WHERE o.id = k) LIMIT 1;
  IF FOUND THEN
    RAISE foreign_key_violation USING
      MESSAGE = 'insert or update on table "cost_daily" violates foreign key "cost_daily_organisation_id"',
      DETAIL = format('Key (organisation_id)=(%s) is not present in table "organisations".', missing);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER cost_daily_references_on_insert AFTER INSERT ON cost_daily
  REFERENCING NEW TABLE AS written_rows FOR EACH STATEMENT EXECUTE FUNCTION cost_daily_check_references();
--> statement-breakpoint
CREATE TRIGGER cost_daily_references_on_update AFTER UPDATE ON cost_daily
  REFERENCING NEW TABLE AS written_rows FOR EACH STATEMENT EXECUTE FUNCTION cost_daily_check_references();
--> statement-breakpoint
-- ON DELETE CASCADE: an import's daily sums go with it.
CREATE FUNCTION cost_imports_delete_daily_costs() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  DELETE FROM cost_daily WHERE import_id IN (SELECT id FROM removed_rows);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER cost_imports_cascade_to_daily_costs AFTER DELETE ON cost_imports
  REFERENCING OLD TABLE AS removed_rows FOR EACH STATEMENT EXECUTE FUNCTION cost_imports_delete_daily_costs();
--> statement-breakpoint
-- ON DELETE RESTRICT for organisations, and NO ACTION on either key's update, as before.
CREATE FUNCTION cost_daily_restrict_referenced() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  column_name text := TG_ARGV[0];
  kept boolean;
BEGIN
  -- The ids that no longer exist (an update that keeps the id, the usual one, leaves none), then
  -- one index probe each.
  EXECUTE format(
    'SELECT EXISTS (SELECT 1 FROM (%s) g WHERE EXISTS (SELECT 1 FROM cost_daily d WHERE d.%I = g.id))',
    CASE WHEN TG_OP = 'UPDATE' THEN 'SELECT id FROM removed_rows EXCEPT SELECT id FROM kept_rows'
         ELSE 'SELECT id FROM removed_rows' END,
    column_name) INTO kept;
  IF kept THEN
    RAISE foreign_key_violation USING
      MESSAGE = format('update or delete on table "%s" violates foreign key "cost_daily_%s" on table "cost_daily"',
                       TG_TABLE_NAME, column_name),
      DETAIL = format('Key is still referenced from table "cost_daily".');
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER organisations_restrict_daily_costs_on_delete AFTER DELETE ON organisations
  REFERENCING OLD TABLE AS removed_rows FOR EACH STATEMENT EXECUTE FUNCTION cost_daily_restrict_referenced('organisation_id');
--> statement-breakpoint
CREATE TRIGGER organisations_restrict_daily_costs_on_update AFTER UPDATE ON organisations
  REFERENCING OLD TABLE AS removed_rows NEW TABLE AS kept_rows FOR EACH STATEMENT EXECUTE FUNCTION cost_daily_restrict_referenced('organisation_id');
--> statement-breakpoint
CREATE TRIGGER cost_imports_restrict_daily_costs_on_update AFTER UPDATE ON cost_imports
  REFERENCING OLD TABLE AS removed_rows NEW TABLE AS kept_rows FOR EACH STATEMENT EXECUTE FUNCTION cost_daily_restrict_referenced('import_id');
--> statement-breakpoint
-- A block range index answers for the ranges it has summarised and reads every other block:
-- the import summarises its new rows' ranges as it writes them (PGlite runs no autovacuum to do
-- it), as whichever role imports, hence the owner's rights.
CREATE FUNCTION cost_daily_summarize_new_rows() RETURNS integer
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT brin_summarize_new_values('cost_daily_import_idx'::regclass)
$$;
