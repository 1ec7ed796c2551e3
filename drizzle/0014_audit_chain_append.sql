-- The rows that append events to the audit chain, worked out in the statement that inserts them:
-- the chain's lock, the read of its last hash (audit_chain_head), and the hashes. A writer holds
-- the lock from that statement to its commit; with the hashes worked out here rather than by the
-- client between two statements, only the commit follows the lock, and concurrent writers queue
-- for less time. The insert may be a CTE of a statement that also changes what it records.
-- Each body is the event's canonical JSON array (eventBody in src/audit/chain.ts), and the hash
-- links it as linkHash does: SHA-256 over the UTF-8 of the array with the predecessor's hash put
-- first. The columns are read back from the body that was hashed, so they cannot differ from it.
-- Rows come back in the order of the bodies: the serial numbers are drawn in the chain's order.
CREATE FUNCTION audit_chain_rows(lock_key bigint, bodies text[])
RETURNS TABLE (at timestamptz, actor_id uuid, actor_username text, actor_role text, action text,
               entity_type text, entity_id text, outcome text, request_id text, ip text,
               fields text[], prev_hash text, hash text)
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  prev text := coalesce(audit_chain_head(lock_key), repeat('0', 64));
  prevs text[] := array_fill(NULL::text, ARRAY[cardinality(bodies)]);
  hashes text[] := array_fill(NULL::text, ARRAY[cardinality(bodies)]);
BEGIN
  FOR i IN 1 .. cardinality(bodies) LOOP
    prevs[i] := prev;
    prev := encode(sha256(convert_to('[' || to_json(prev)::text || ',' || substr(bodies[i], 2), 'UTF8')), 'hex');
    hashes[i] := prev;
  END LOOP;
  RETURN QUERY
  SELECT (e ->> 0)::timestamptz, (e ->> 1)::uuid, e ->> 2, e ->> 3, e ->> 4, e ->> 5, e ->> 6,
         e ->> 7, e ->> 8, e ->> 9, ARRAY(SELECT jsonb_array_elements_text(e -> 10)), t.p, t.h
  FROM unnest(bodies, prevs, hashes) WITH ORDINALITY AS t(body, p, h, n)
  CROSS JOIN LATERAL (SELECT t.body::jsonb AS e) AS parsed
  ORDER BY t.n;
END
$$;
