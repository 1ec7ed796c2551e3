-- Appends events to the audit chain in one statement: the chain's lock, the read of its last hash
-- (audit_chain_head), the hashes and the insert. A writer holds the lock from this statement to its
-- commit; with the hashes worked out here rather than by the client between two statements, only
-- the commit follows the lock, and concurrent writers queue for less time.
-- Each body is the event's canonical JSON array (eventBody in src/audit/chain.ts), and the hash
-- links it as linkHash does: SHA-256 over the UTF-8 of the array with the predecessor's hash put
-- first. The columns are read back from the body that was hashed, so they cannot differ from it.
CREATE FUNCTION audit_chain_append(lock_key bigint, bodies text[]) RETURNS void
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
  INSERT INTO audit_events (at, actor_id, actor_username, actor_role, action, entity_type, entity_id,
                            outcome, request_id, ip, fields, prev_hash, hash)
  SELECT (e ->> 0)::timestamptz, (e ->> 1)::uuid, e ->> 2, e ->> 3, e ->> 4, e ->> 5, e ->> 6,
         e ->> 7, e ->> 8, e ->> 9, ARRAY(SELECT jsonb_array_elements_text(e -> 10)), p, h
  FROM unnest(bodies, prevs, hashes) WITH ORDINALITY AS t(body, p, h, n)
  CROSS JOIN LATERAL (SELECT body::jsonb AS e) AS parsed
  -- The serial numbers are drawn in this order: the chain's order.
  ORDER BY n;
END
$$;
