-- audit_chain_rows (0014) returns each row as it hashes it, with the same columns, hashes and
-- order: it gathered the hashes in arrays, then unnested them beside the bodies in a query that
-- parsed and sorted them again, which took half its time (every audited read and write calls it).
CREATE OR REPLACE FUNCTION audit_chain_rows(lock_key bigint, bodies text[])
RETURNS TABLE (at timestamptz, actor_id uuid, actor_username text, actor_role text, action text,
               entity_type text, entity_id text, outcome text, request_id text, ip text,
               fields text[], prev_hash text, hash text)
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  prev text := coalesce(audit_chain_head(lock_key), repeat('0', 64));
  e jsonb;
BEGIN
  FOR i IN 1 .. cardinality(bodies) LOOP
    e := bodies[i]::jsonb;
    prev_hash := prev;
    prev := encode(sha256(convert_to('[' || to_json(prev)::text || ',' || substr(bodies[i], 2), 'UTF8')), 'hex');
    hash := prev;
    at := (e ->> 0)::timestamptz;
    actor_id := (e ->> 1)::uuid;
    actor_username := e ->> 2;
    actor_role := e ->> 3;
    action := e ->> 4;
    entity_type := e ->> 5;
    entity_id := e ->> 6;
    outcome := e ->> 7;
    request_id := e ->> 8;
    ip := e ->> 9;
    fields := ARRAY(SELECT jsonb_array_elements_text(e -> 10));
    RETURN NEXT;
  END LOOP;
END
$$;
