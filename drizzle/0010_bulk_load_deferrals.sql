CREATE TABLE "deferred_constraints" (
	"name" text PRIMARY KEY NOT NULL,
	"table_name" text NOT NULL,
	"kind" text NOT NULL,
	"definition" text NOT NULL,
	"deferred_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
