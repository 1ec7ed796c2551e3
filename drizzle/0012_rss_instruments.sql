-- RSS instruments are stored once by key instead of with every assessment. The definitions stored
-- so far move there, one per key: two different ones under a key would leave scores that cannot
-- both be explained, so the migration refuses them rather than keep either.
CREATE TABLE "rss_instruments" (
	"key" text PRIMARY KEY NOT NULL,
	"definition" jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DO $$
BEGIN
  IF EXISTS (
    SELECT 1 FROM "rss_assessments" GROUP BY "instrument" HAVING count(DISTINCT "instrument_snapshot") > 1
  ) THEN
    RAISE EXCEPTION 'rss_assessments holds more than one definition of one instrument key';
  END IF;
END
$$;
--> statement-breakpoint
INSERT INTO "rss_instruments" ("key", "definition", "created_at")
SELECT DISTINCT ON ("instrument") "instrument", "instrument_snapshot", "created_at"
FROM "rss_assessments" ORDER BY "instrument", "created_at";
--> statement-breakpoint
ALTER TABLE "rss_assessments" ADD CONSTRAINT "rss_assessments_instrument_rss_instruments_key_fk" FOREIGN KEY ("instrument") REFERENCES "public"."rss_instruments"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rss_assessments" DROP COLUMN "instrument_snapshot";
