-- Issue 18, the security annex: each table is its organisation's (and the provider staff's), as
-- migrations 0003 and 0005.
SELECT guichet_isolate_tenants(keyed) FROM unnest(ARRAY['security_contacts', 'security_incidents',
  'security_audits', 'client_certificates']) AS keyed;
--> statement-breakpoint
-- Every operator reads the provider's security contact: its incident declaration reaches it (DSN annex 2 §4).
CREATE POLICY provider_contact_read ON security_contacts FOR SELECT USING (side = 'provider');
--> statement-breakpoint
-- The provider's security officers, for an operator's incident when the provider names no
-- contact: their addresses only, nothing else of the provider's staff.
CREATE FUNCTION provider_security_officers() RETURNS TABLE (email text, locale text, first_name text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT u.email, u.locale, u.first_name FROM users u JOIN organisations o ON o.id = u.organisation_id
  WHERE o.kind = 'provider' AND u.status = 'active' AND 'security_officer' = ANY (u.roles)
  ORDER BY u.email
$$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION provider_security_officers() TO guichet_app;
--> statement-breakpoint
-- A suspension made for a security incident names it (DSN-SEC-02); the column is in 0032.
ALTER TABLE organisations ADD CONSTRAINT organisations_suspension_incident_fk
  FOREIGN KEY (suspension_incident_id) REFERENCES security_incidents(id) ON DELETE RESTRICT;
