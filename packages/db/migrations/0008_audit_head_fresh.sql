-- The chain's head is read in the same statement that takes the chain's lock (record-audit.ts).
-- A STABLE function reads with the statement's snapshot, taken before the lock was granted, and
-- would miss the entry the previous holder committed meanwhile; a VOLATILE one reads afresh.
ALTER FUNCTION audit_chain_head() VOLATILE;
