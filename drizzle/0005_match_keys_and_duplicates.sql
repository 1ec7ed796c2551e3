CREATE TABLE "duplicate_pairs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_a" uuid NOT NULL,
	"person_b" uuid NOT NULL,
	"score" double precision NOT NULL,
	"evidence" text[] NOT NULL,
	"components" jsonb NOT NULL,
	"weights_version" text NOT NULL,
	"scan_id" uuid,
	"status" text DEFAULT 'pending' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp (3) with time zone,
	"reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "duplicate_pairs_ordered" CHECK ("duplicate_pairs"."person_a" < "duplicate_pairs"."person_b")
);
--> statement-breakpoint
CREATE TABLE "duplicate_scan_candidates" (
	"scan_id" uuid NOT NULL,
	"person_a" uuid NOT NULL,
	"person_b" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "duplicate_scans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"requested_by" uuid,
	"status" text DEFAULT 'running' NOT NULL,
	"phase" text DEFAULT 'keys' NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"candidates" integer DEFAULT 0 NOT NULL,
	"pairs_found" integer DEFAULT 0 NOT NULL,
	"pairs_new" integer DEFAULT 0 NOT NULL,
	"threshold" double precision NOT NULL,
	"weights_version" text NOT NULL,
	"error" text,
	"started_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "person_merges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"merged_person_id" uuid NOT NULL,
	"into_person_id" uuid NOT NULL,
	"pair_id" uuid,
	"reason" text NOT NULL,
	"moved" jsonb NOT NULL,
	"merged_by" uuid NOT NULL,
	"merged_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"undone_by" uuid,
	"undone_at" timestamp (3) with time zone,
	"undo_reason" text
);
--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "name_canonical" text;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "name_tokens" text[];--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "name_phonetic" text[];--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "father_stem" text;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "phone_key" text;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "document_keys" text[];--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "birth_year_from" integer;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "birth_year_to" integer;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "keys_version" integer;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "merged_into" uuid;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "merged_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "merged_by" uuid;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "merge_reason" text;--> statement-breakpoint
ALTER TABLE "duplicate_pairs" ADD CONSTRAINT "duplicate_pairs_person_a_persons_id_fk" FOREIGN KEY ("person_a") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duplicate_pairs" ADD CONSTRAINT "duplicate_pairs_person_b_persons_id_fk" FOREIGN KEY ("person_b") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duplicate_pairs" ADD CONSTRAINT "duplicate_pairs_scan_id_duplicate_scans_id_fk" FOREIGN KEY ("scan_id") REFERENCES "public"."duplicate_scans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duplicate_pairs" ADD CONSTRAINT "duplicate_pairs_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duplicate_scan_candidates" ADD CONSTRAINT "duplicate_scan_candidates_scan_id_duplicate_scans_id_fk" FOREIGN KEY ("scan_id") REFERENCES "public"."duplicate_scans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duplicate_scans" ADD CONSTRAINT "duplicate_scans_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_merges" ADD CONSTRAINT "person_merges_merged_person_id_persons_id_fk" FOREIGN KEY ("merged_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_merges" ADD CONSTRAINT "person_merges_into_person_id_persons_id_fk" FOREIGN KEY ("into_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_merges" ADD CONSTRAINT "person_merges_pair_id_duplicate_pairs_id_fk" FOREIGN KEY ("pair_id") REFERENCES "public"."duplicate_pairs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_merges" ADD CONSTRAINT "person_merges_merged_by_users_id_fk" FOREIGN KEY ("merged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_merges" ADD CONSTRAINT "person_merges_undone_by_users_id_fk" FOREIGN KEY ("undone_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "duplicate_pairs_person_a_person_b_index" ON "duplicate_pairs" USING btree ("person_a","person_b");--> statement-breakpoint
CREATE INDEX "duplicate_pairs_person_b_index" ON "duplicate_pairs" USING btree ("person_b");--> statement-breakpoint
CREATE INDEX "duplicate_pairs_status_score_index" ON "duplicate_pairs" USING btree ("status","score");--> statement-breakpoint
CREATE UNIQUE INDEX "duplicate_scan_candidates_scan_id_person_a_person_b_index" ON "duplicate_scan_candidates" USING btree ("scan_id","person_a","person_b");--> statement-breakpoint
CREATE INDEX "person_merges_merged_person_id_index" ON "person_merges" USING btree ("merged_person_id");--> statement-breakpoint
CREATE INDEX "person_merges_into_person_id_index" ON "person_merges" USING btree ("into_person_id");--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_merged_into_persons_id_fk" FOREIGN KEY ("merged_into") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_merged_by_users_id_fk" FOREIGN KEY ("merged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "persons_name_canonical_trgm" ON "persons" USING gin ("name_canonical" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "persons_name_phonetic_gin" ON "persons" USING gin ("name_phonetic");--> statement-breakpoint
CREATE INDEX "persons_document_keys_gin" ON "persons" USING gin ("document_keys");--> statement-breakpoint
CREATE INDEX "persons_pseudonym_trgm" ON "persons" USING gin ("pseudonym" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "persons_phone_key_index" ON "persons" USING btree ("phone_key");--> statement-breakpoint
CREATE INDEX "persons_keys_version_index" ON "persons" USING btree ("keys_version");--> statement-breakpoint
CREATE INDEX "persons_merged_into_index" ON "persons" USING btree ("merged_into");