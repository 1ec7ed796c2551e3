ALTER TABLE "cases" ADD COLUMN "origin_region" text;--> statement-breakpoint
-- A person's origin region: the one recorded, else the region of the district recorded
-- (district codes begin with their region's, e.g. KG-O-ARAVAN lies in KG-O).
CREATE OR REPLACE FUNCTION koldoo_origin_region(region text, district text) RETURNS text AS $$
  SELECT coalesce(region, substring(district from '^[A-Z]{2}-[A-Z]+'));
$$ LANGUAGE sql IMMUTABLE;
--> statement-breakpoint
-- Existing cases first, before the triggers and the index exist, so that the backfill pays for neither.
UPDATE "cases" SET "origin_region" = koldoo_origin_region(p."origin_region", p."origin_district")
  FROM "persons" p WHERE p."id" = "cases"."person_id";
--> statement-breakpoint
-- The case's copy is derived in the database so that every writer keeps it right (the services, a
-- merge moving cases to another person and its undo, the demo, the generator, an import):
-- whatever value a writer gives is replaced by the person's.
CREATE OR REPLACE FUNCTION koldoo_case_origin_region() RETURNS trigger AS $$
BEGIN
  SELECT koldoo_origin_region(p.origin_region, p.origin_district) INTO NEW.origin_region
    FROM persons p WHERE p.id = NEW.person_id;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER cases_origin_region BEFORE INSERT OR UPDATE OF person_id, origin_region ON cases
  FOR EACH ROW EXECUTE FUNCTION koldoo_case_origin_region();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION koldoo_person_origin_to_cases() RETURNS trigger AS $$
BEGIN
  UPDATE cases SET origin_region = koldoo_origin_region(NEW.origin_region, NEW.origin_district)
    WHERE person_id = NEW.id
      AND origin_region IS DISTINCT FROM koldoo_origin_region(NEW.origin_region, NEW.origin_district);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER persons_origin_to_cases AFTER UPDATE OF origin_region, origin_district ON persons
  FOR EACH ROW
  WHEN (OLD.origin_region IS DISTINCT FROM NEW.origin_region OR OLD.origin_district IS DISTINCT FROM NEW.origin_district)
  EXECUTE FUNCTION koldoo_person_origin_to_cases();
--> statement-breakpoint
CREATE INDEX "cases_report_index" ON "cases" USING btree ("office_id","opened_on","status","type","origin_region");
