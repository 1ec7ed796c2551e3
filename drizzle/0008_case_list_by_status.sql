DROP INDEX "cases_office_id_status_index";--> statement-breakpoint
CREATE INDEX "cases_office_id_status_created_at_id_index" ON "cases" USING btree ("office_id","status","created_at","id");