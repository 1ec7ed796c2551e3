-- The registry's canonical names, once each, for fuzzy name search (see person_names in the
-- schema). Filled from the persons already stored before its index exists, so that the backfill
-- pays for no index upkeep, and kept filled by triggers from then on.
CREATE TABLE "person_names" (
	"name" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
INSERT INTO "person_names" ("name")
  SELECT DISTINCT "name_canonical" FROM "persons" WHERE "name_canonical" <> '';
--> statement-breakpoint
-- Statement triggers over the rows a statement wrote: a COPY or a batch of a thousand persons
-- adds its names in one insert, not one per row. Every writer keeps it right this way (the
-- services, the backfill of match keys, merges, the demo, the generator, an import).
CREATE OR REPLACE FUNCTION koldoo_person_names() RETURNS trigger AS $$
BEGIN
  INSERT INTO person_names (name)
    SELECT DISTINCT name_canonical FROM written WHERE name_canonical <> ''
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER persons_names_inserted AFTER INSERT ON persons
  REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION koldoo_person_names();
--> statement-breakpoint
CREATE TRIGGER persons_names_updated AFTER UPDATE ON persons
  REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION koldoo_person_names();
--> statement-breakpoint
DROP INDEX "persons_name_canonical_trgm";--> statement-breakpoint
CREATE INDEX "person_names_trgm" ON "person_names" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "persons_name_canonical_index" ON "persons" USING btree ("name_canonical");
