DROP INDEX "cost_daily_organisation_day_idx";--> statement-breakpoint
DROP INDEX "cost_daily_account_idx";--> statement-breakpoint
CREATE INDEX "cost_daily_organisation_day_idx" ON "cost_daily" USING btree ("organisation_id","day") WHERE "cost_daily"."organisation_id" is not null;--> statement-breakpoint
CREATE INDEX "cost_daily_account_idx" ON "cost_daily" USING btree ("vendor","billing_account_id","sub_account_id") WHERE "cost_daily"."organisation_id" is null;