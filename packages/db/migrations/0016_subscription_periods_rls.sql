-- Issue 16: subscriptions in time. Each new table belongs to a customer: row-level security as
-- migrations 0003 and 0005 (tenant policy, and a plainly true one for provider staff).
SELECT guichet_isolate_tenants(keyed) FROM unnest(ARRAY['subscription_periods', 'terminations', 'staff_tasks',
  'account_transfer_requests']) AS keyed;
--> statement-breakpoint
-- A subscription's history and the terminations recorded are appended, never rewritten: a change
-- is a new row (subscription_periods' comment in packages/db/src/schema/commitments.ts).
CREATE FUNCTION guichet_refuse_history_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER subscription_periods_append_only BEFORE UPDATE OR DELETE ON subscription_periods
  FOR EACH ROW EXECUTE FUNCTION guichet_refuse_history_change();
--> statement-breakpoint
CREATE TRIGGER subscription_periods_no_truncate BEFORE TRUNCATE ON subscription_periods
  FOR EACH STATEMENT EXECUTE FUNCTION guichet_refuse_history_change();
--> statement-breakpoint
CREATE TRIGGER terminations_append_only BEFORE UPDATE OR DELETE ON terminations
  FOR EACH ROW EXECUTE FUNCTION guichet_refuse_history_change();
--> statement-breakpoint
-- The desk's intake reads the plan in force from the periods (migration 0012's intake version).
CREATE CONSTRAINT TRIGGER subscription_periods_intake_version AFTER INSERT OR UPDATE OR DELETE ON subscription_periods
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION guichet_bump_intake_version();
--> statement-breakpoint
-- Subscriptions held before this migration: their history starts with their start (plan null:
-- the plan is the catalogue item's), and ends with their end where they had one.
INSERT INTO subscription_periods (subscription_id, organisation_id, effective_from, status, cause, clause, recorded_at)
SELECT id, organisation_id, starts_on, 'active', 'started', 'GEN-01', created_at FROM subscriptions;
--> statement-breakpoint
INSERT INTO subscription_periods (subscription_id, organisation_id, effective_from, status, cause, clause, recorded_at)
SELECT id, organisation_id, ends_on + 1, 'terminated', 'terminated', 'GEN-01', created_at FROM subscriptions WHERE ends_on IS NOT NULL;
