CREATE TABLE "audit_anchored_heads" (
	"chain" text PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	"anchor_seq" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_anchors" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"heads" jsonb NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "chain" uuid;--> statement-breakpoint
CREATE INDEX "audit_log_chain_seq_idx" ON "audit_log" USING btree ("chain","seq");--> statement-breakpoint
-- One hash chain per organisation (record-audit.ts): an entry links to the previous entry of its
-- chain, and appends are serialised per chain by an advisory lock keyed on it, so writes of
-- different customers never wait for each other. Entries written before this migration keep their
-- chain null: the genesis segment, the single chain they were appended to, still verified as one
-- chain in sequence order and anchored like any other (verify-audit.ts, anchor-audit.ts).
-- The chain of an entry about an organisation: the customer's own, or the provider's (the nil
-- UUID) for the provider's own actions and those of no organisation (the system's sweeps).
CREATE FUNCTION audit_chain_of(org uuid) RETURNS uuid LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF org IS NULL OR EXISTS (SELECT 1 FROM organisations WHERE id = org AND kind = 'provider') THEN
    RETURN '00000000-0000-0000-0000-000000000000'::uuid;
  END IF;
  RETURN org;
END
$$;
--> statement-breakpoint
-- Read under the chain's lock, in the statement that took it: VOLATILE, so that it sees what the
-- lock's previous holder committed after the statement began (migration 0008).
CREATE FUNCTION audit_chain_head(of_chain uuid) RETURNS text LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
BEGIN
  RETURN (SELECT hash FROM audit_log WHERE chain = of_chain ORDER BY seq DESC LIMIT 1);
END
$$;
--> statement-breakpoint
DROP FUNCTION audit_chain_head();
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION audit_chain_of(uuid), audit_chain_head(uuid) TO guichet_app;
--> statement-breakpoint
-- A customer reads its own organisation's chain (its security officer's export), nothing else.
CREATE POLICY tenant_reads ON audit_log FOR SELECT TO guichet_app
  USING (chain IS NOT NULL AND chain::text = current_setting('guichet.tenant', true));
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_anchors_append_only
  BEFORE UPDATE OR DELETE ON audit_anchors
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_anchors_no_truncate
  BEFORE TRUNCATE ON audit_anchors
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
--> statement-breakpoint
-- Anchors are written by the sweep on the owner's connection; the provider's staff read them all,
-- a customer those that recorded a head of its chain.
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_anchors, audit_anchored_heads FROM guichet_app;
--> statement-breakpoint
ALTER TABLE audit_anchors ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY staff_reads ON audit_anchors FOR SELECT TO guichet_staff USING (true);
--> statement-breakpoint
CREATE POLICY tenant_reads ON audit_anchors FOR SELECT TO guichet_app
  USING (heads ? current_setting('guichet.tenant', true));
--> statement-breakpoint
ALTER TABLE audit_anchored_heads ENABLE ROW LEVEL SECURITY;
