DROP INDEX "cases_assigned_to_index";--> statement-breakpoint
DROP INDEX "cases_created_by_index";--> statement-breakpoint
CREATE INDEX "cases_assigned_to_office_id_index" ON "cases" USING btree ("assigned_to","office_id");--> statement-breakpoint
CREATE INDEX "cases_created_by_office_id_index" ON "cases" USING btree ("created_by","office_id");