CREATE INDEX "payments_paid_idx" ON "payments" USING btree ("paid_on");--> statement-breakpoint
CREATE INDEX "contact_logs_contacted_idx" ON "contact_logs" USING btree ("contacted_at");--> statement-breakpoint
CREATE INDEX "promises_judged_idx" ON "promises" USING btree ("state","judged_on");