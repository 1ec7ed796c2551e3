CREATE TABLE "rss_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"instrument" text NOT NULL,
	"instrument_snapshot" jsonb NOT NULL,
	"taken_on" date NOT NULL,
	"answers" jsonb NOT NULL,
	"scores" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vulnerability_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"taken_on" date NOT NULL,
	"factors" jsonb NOT NULL,
	"suggested_level" text NOT NULL,
	"risk_level" text NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_counters" (
	"prefix" text NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "case_counters_prefix_year_pk" PRIMARY KEY("prefix","year")
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"kind" text NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"person_id" uuid NOT NULL,
	"type" text NOT NULL,
	"office_id" uuid NOT NULL,
	"assigned_to" uuid,
	"intake_channel" text NOT NULL,
	"referring_organisation" text,
	"call_id" uuid,
	"consent_given_on" date,
	"consent_scope" text[] DEFAULT '{}'::text[] NOT NULL,
	"consent_withdrawn_on" date,
	"risk_level" text,
	"status" text DEFAULT 'open' NOT NULL,
	"closure_reason" text,
	"opened_on" date NOT NULL,
	"closed_on" date,
	"screening" jsonb,
	"trafficking_likelihood" text,
	"determination" jsonb,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cases_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "household_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"name" text NOT NULL,
	"relationship" text NOT NULL,
	"sex" text,
	"age" integer,
	"where_now" text NOT NULL,
	"country" text,
	"with_whom" text,
	"cares_for_children" boolean DEFAULT false NOT NULL,
	"linked_person_id" uuid,
	"linked_case_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "persons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL,
	"patronymic" text,
	"latin_name" text NOT NULL,
	"pseudonym" text,
	"sex" text NOT NULL,
	"birth_date" date,
	"estimated_age" integer,
	"age_recorded_on" date,
	"citizenship" text DEFAULT 'KG' NOT NULL,
	"phone" text,
	"origin_region" text,
	"origin_district" text,
	"origin_settlement" text,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"documents_held" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"documents_retained" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"office_id" uuid NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "episodes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"destination_country" text NOT NULL,
	"destination_city" text,
	"departed_on" date,
	"returned_on" date,
	"sector" text,
	"recruited_how" text,
	"recruiter_relationship" text,
	"facts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"wages_unpaid_amount" bigint,
	"wages_unpaid_currency" text,
	"notes" text,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"operator_id" uuid NOT NULL,
	"office_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"anonymous" boolean DEFAULT false NOT NULL,
	"caller_name" text,
	"caller_phone" text,
	"caller_region" text,
	"caller_district" text,
	"caller_country" text,
	"topic" text NOT NULL,
	"summary" text NOT NULL,
	"urgency" text DEFAULT 'normal' NOT NULL,
	"outcome" text,
	"case_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "budget_ceilings" (
	"case_type" text PRIMARY KEY NOT NULL,
	"amount" bigint NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalogue_items" (
	"code" text PRIMARY KEY NOT NULL,
	"names" jsonb NOT NULL,
	"unit" text DEFAULT 'item' NOT NULL,
	"default_unit_cost" bigint,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"catalogue_code" text NOT NULL,
	"description" text,
	"quantity" integer NOT NULL,
	"unit_cost" bigint NOT NULL,
	"supplier" text,
	"state" text DEFAULT 'proposed' NOT NULL,
	"proposed_by" uuid NOT NULL,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"override_reason" text,
	"procured_at" timestamp with time zone,
	"delivered_on" date,
	"acknowledged" boolean,
	"cancel_reason" text,
	"business_plan" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"goals" text[] NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "followups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"due_on" date NOT NULL,
	"assigned_to" uuid NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"done_on" date,
	"outcome_note" text,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"consent_recorded_on" date NOT NULL,
	"shared" jsonb NOT NULL,
	"status" text DEFAULT 'sent' NOT NULL,
	"partner_note" text,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"region_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"phone" text,
	"email" text,
	"address" text,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "rss_assessments" ADD CONSTRAINT "rss_assessments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rss_assessments" ADD CONSTRAINT "rss_assessments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vulnerability_assessments" ADD CONSTRAINT "vulnerability_assessments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vulnerability_assessments" ADD CONSTRAINT "vulnerability_assessments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_assigned_to_users_id_fk" FOREIGN KEY ("assigned_to") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_members" ADD CONSTRAINT "household_members_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_members" ADD CONSTRAINT "household_members_linked_person_id_persons_id_fk" FOREIGN KEY ("linked_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_members" ADD CONSTRAINT "household_members_linked_case_id_cases_id_fk" FOREIGN KEY ("linked_case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "episodes" ADD CONSTRAINT "episodes_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "episodes" ADD CONSTRAINT "episodes_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "episodes" ADD CONSTRAINT "episodes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_operator_id_users_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_catalogue_code_catalogue_items_code_fk" FOREIGN KEY ("catalogue_code") REFERENCES "public"."catalogue_items"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "followups" ADD CONSTRAINT "followups_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "followups" ADD CONSTRAINT "followups_assigned_to_users_id_fk" FOREIGN KEY ("assigned_to") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "followups" ADD CONSTRAINT "followups_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_organisation_id_offices_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_organisation_id_offices_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "rss_assessments_case_id_taken_on_index" ON "rss_assessments" USING btree ("case_id","taken_on");--> statement-breakpoint
CREATE INDEX "vulnerability_assessments_case_id_taken_on_index" ON "vulnerability_assessments" USING btree ("case_id","taken_on");--> statement-breakpoint
CREATE INDEX "case_events_case_id_seq_index" ON "case_events" USING btree ("case_id","seq");--> statement-breakpoint
CREATE INDEX "cases_office_id_status_index" ON "cases" USING btree ("office_id","status");--> statement-breakpoint
CREATE INDEX "cases_assigned_to_index" ON "cases" USING btree ("assigned_to");--> statement-breakpoint
CREATE INDEX "cases_person_id_index" ON "cases" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "cases_created_at_id_index" ON "cases" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "household_members_case_id_index" ON "household_members" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "persons_office_id_index" ON "persons" USING btree ("office_id");--> statement-breakpoint
CREATE INDEX "persons_origin_region_index" ON "persons" USING btree ("origin_region");--> statement-breakpoint
CREATE INDEX "episodes_person_id_index" ON "episodes" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "episodes_case_id_index" ON "episodes" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "calls_office_id_received_at_index" ON "calls" USING btree ("office_id","received_at");--> statement-breakpoint
CREATE INDEX "calls_operator_id_index" ON "calls" USING btree ("operator_id");--> statement-breakpoint
CREATE INDEX "plan_items_case_id_index" ON "plan_items" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "plan_items_state_index" ON "plan_items" USING btree ("state");--> statement-breakpoint
CREATE INDEX "followups_case_id_index" ON "followups" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "followups_assigned_to_status_due_on_index" ON "followups" USING btree ("assigned_to","status","due_on");--> statement-breakpoint
CREATE INDEX "referrals_case_id_index" ON "referrals" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "referrals_organisation_id_status_index" ON "referrals" USING btree ("organisation_id","status");--> statement-breakpoint
CREATE INDEX "services_organisation_id_index" ON "services" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "services_kind_index" ON "services" USING btree ("kind");