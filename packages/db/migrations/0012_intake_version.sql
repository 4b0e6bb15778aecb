-- Facts kept between ticket openings (intake-facts.ts) are checked against this one row: its
-- version goes up once per committed transaction that changed what the intake rules read. The
-- triggers are deferred to the commit, so the row is locked only while committing (never in the
-- middle of a transaction that goes on to wait for other locks), and the new version becomes
-- visible with the change itself: a snapshot sees both, or neither.
CREATE TABLE "intake_version" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "intake_version_one_row_ck" CHECK ("intake_version"."id" = 1)
);
--> statement-breakpoint
INSERT INTO "intake_version" ("id", "version") VALUES (1, 0);
--> statement-breakpoint
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON "intake_version" FROM guichet_app;
--> statement-breakpoint
CREATE FUNCTION guichet_bump_intake_version() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  -- Once per transaction, however many rows it changed.
  IF current_setting('guichet.intake_bumped', true) IS DISTINCT FROM 'on' THEN
    UPDATE intake_version SET version = version + 1 WHERE id = 1;
    PERFORM set_config('guichet.intake_bumped', 'on', true);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER subscriptions_intake_version AFTER INSERT OR UPDATE OR DELETE ON subscriptions
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION guichet_bump_intake_version();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER named_contacts_intake_version AFTER INSERT OR UPDATE OR DELETE ON named_contacts
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION guichet_bump_intake_version();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER organisations_intake_version AFTER INSERT OR UPDATE OR DELETE ON organisations
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION guichet_bump_intake_version();
--> statement-breakpoint
-- A sign-in writes its time on the user's row: only the columns the facts read count.
CREATE CONSTRAINT TRIGGER users_intake_version AFTER INSERT OR DELETE OR UPDATE OF email, first_name, locale, organisation_id ON users
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION guichet_bump_intake_version();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER portal_outages_intake_version AFTER INSERT OR UPDATE OR DELETE ON portal_outages
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION guichet_bump_intake_version();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER maintenance_windows_intake_version AFTER INSERT OR UPDATE OR DELETE ON maintenance_windows
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION guichet_bump_intake_version();
--> statement-breakpoint
-- Constraint triggers cannot watch TRUNCATE: plain statement triggers do, bumping at once.
CREATE FUNCTION guichet_bump_intake_version_now() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  UPDATE intake_version SET version = version + 1 WHERE id = 1;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER subscriptions_intake_version_truncate AFTER TRUNCATE ON subscriptions FOR EACH STATEMENT EXECUTE FUNCTION guichet_bump_intake_version_now();
--> statement-breakpoint
CREATE TRIGGER named_contacts_intake_version_truncate AFTER TRUNCATE ON named_contacts FOR EACH STATEMENT EXECUTE FUNCTION guichet_bump_intake_version_now();
--> statement-breakpoint
CREATE TRIGGER organisations_intake_version_truncate AFTER TRUNCATE ON organisations FOR EACH STATEMENT EXECUTE FUNCTION guichet_bump_intake_version_now();
--> statement-breakpoint
CREATE TRIGGER users_intake_version_truncate AFTER TRUNCATE ON users FOR EACH STATEMENT EXECUTE FUNCTION guichet_bump_intake_version_now();
--> statement-breakpoint
CREATE TRIGGER portal_outages_intake_version_truncate AFTER TRUNCATE ON portal_outages FOR EACH STATEMENT EXECUTE FUNCTION guichet_bump_intake_version_now();
--> statement-breakpoint
CREATE TRIGGER maintenance_windows_intake_version_truncate AFTER TRUNCATE ON maintenance_windows FOR EACH STATEMENT EXECUTE FUNCTION guichet_bump_intake_version_now();
