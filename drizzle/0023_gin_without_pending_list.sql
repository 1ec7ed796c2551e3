-- The GIN indexes that searches read stop keeping a pending list (see SEARCHED_GIN in the schema).
-- Altered, not rebuilt, so a registry of a million keeps its indexes; what they hold pending is
-- merged now. One that a stopped bulk load left dropped gets the setting when it is restored.
ALTER INDEX IF EXISTS "cases_number_trgm" SET (fastupdate = false);--> statement-breakpoint
ALTER INDEX IF EXISTS "person_names_trgm" SET (fastupdate = false);--> statement-breakpoint
ALTER INDEX IF EXISTS "persons_name_phonetic_gin" SET (fastupdate = false);--> statement-breakpoint
ALTER INDEX IF EXISTS "persons_document_keys_gin" SET (fastupdate = false);--> statement-breakpoint
ALTER INDEX IF EXISTS "persons_pseudonym_trgm" SET (fastupdate = false);--> statement-breakpoint
SELECT gin_clean_pending_list(to_regclass(name))
  FROM unnest(ARRAY['cases_number_trgm', 'person_names_trgm', 'persons_name_phonetic_gin',
                    'persons_document_keys_gin', 'persons_pseudonym_trgm']) AS name
  WHERE to_regclass(name) IS NOT NULL;--> statement-breakpoint
UPDATE "deferred_constraints" SET "definition" = "definition" || ' WITH (fastupdate=false)'
  WHERE "kind" = 'index' AND "definition" NOT LIKE '%WITH (%'
    AND "name" IN ('cases_number_trgm', 'person_names_trgm', 'persons_name_phonetic_gin',
                   'persons_document_keys_gin', 'persons_pseudonym_trgm');
