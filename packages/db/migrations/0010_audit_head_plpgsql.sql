-- Every write reads the chain's head (record-audit.ts). A SQL function with a SET clause is not
-- inlined: it parses and plans its query again in every statement that calls it (under load, about
-- 7% of PostgreSQL's time when opening tickets). PL/pgSQL keeps the plan for the connection.
-- Still VOLATILE, so each call reads afresh (migration 0008).
CREATE OR REPLACE FUNCTION audit_chain_head() RETURNS text LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
BEGIN
  RETURN (SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1);
END
$$;
