-- The head of the audit chain, read under the lock that orders appends, in one round trip.
-- A VOLATILE function takes a fresh snapshot for each statement it runs, so the hash it returns
-- is the one the previous holder of the lock committed; a single SELECT with the lock and the
-- read side by side would read from a snapshot taken before the lock was granted.
CREATE FUNCTION audit_chain_head(lock_key bigint) RETURNS text
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(lock_key);
  RETURN (SELECT hash FROM audit_events ORDER BY seq DESC LIMIT 1);
END
$$;
