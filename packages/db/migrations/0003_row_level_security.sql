-- Tenant isolation in the database (on top of the policies in the server): request handlers run
-- as the role guichet_app with `guichet.tenant` set to the request's organisation, or '*' for
-- the provider's own staff. The owner role (authentication, sweeps, migrations) is not subject to
-- row-level security. The audit trail accepts inserts from the app role but never updates or deletes.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'guichet_app') THEN
    CREATE ROLE guichet_app NOLOGIN;
  END IF;
END
$$;
--> statement-breakpoint
GRANT guichet_app TO CURRENT_USER;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO guichet_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO guichet_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO guichet_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO guichet_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO guichet_app;
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM guichet_app;
--> statement-breakpoint
CREATE FUNCTION guichet_tenant_allows(org uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT current_setting('guichet.tenant', true) = '*'
      OR (org IS NOT NULL AND org::text = current_setting('guichet.tenant', true))
$$;
--> statement-breakpoint
ALTER TABLE organisations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant ON organisations USING (guichet_tenant_allows(id)) WITH CHECK (guichet_tenant_allows(id));
--> statement-breakpoint
-- Every table keyed on organisation_id gets the same policy; later migrations call this for theirs.
CREATE FUNCTION guichet_isolate_tenants(keyed text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', keyed);
  EXECUTE format('CREATE POLICY tenant ON %I USING (guichet_tenant_allows(organisation_id)) '
                 'WITH CHECK (guichet_tenant_allows(organisation_id))', keyed);
END
$$;
--> statement-breakpoint
SELECT guichet_isolate_tenants(keyed) FROM unnest(ARRAY['subscriptions', 'named_contacts', 'service_profiles',
  'one_time_tokens', 'api_tokens', 'support_grants', 'outbox', 'users']) AS keyed;
--> statement-breakpoint
-- A customer also sees the provider agents it let into its tenant (MCR-ACC-05), by name only through the grants.
CREATE POLICY granted_agents ON users FOR SELECT USING (id IN (SELECT agent_user_id FROM support_grants));
--> statement-breakpoint
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Anyone appends (the chain's order is kept by an advisory lock); only the provider reads.
CREATE POLICY append ON audit_log FOR INSERT WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY provider_reads ON audit_log FOR SELECT USING (current_setting('guichet.tenant', true) = '*');
--> statement-breakpoint
-- Lookups a tenant needs across tenants, answering only what they must.
CREATE FUNCTION audit_chain_head() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1
$$;
--> statement-breakpoint
CREATE FUNCTION identifier_in_use(address text) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT EXISTS (SELECT 1 FROM users WHERE email = address AND status <> 'revoked')
$$;
--> statement-breakpoint
CREATE FUNCTION active_provider_agent(address text) RETURNS uuid LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT u.id FROM users u JOIN organisations o ON o.id = u.organisation_id
  WHERE u.email = address AND u.status = 'active' AND o.kind = 'provider'
$$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION audit_chain_head(), identifier_in_use(text), active_provider_agent(text) TO guichet_app;
