DROP INDEX "plan_items_state_index";--> statement-breakpoint
CREATE INDEX "plan_items_proposed_index" ON "plan_items" USING btree ("created_at","id","case_id") WHERE "plan_items"."state" = 'proposed';