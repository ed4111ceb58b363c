CREATE TABLE "receivable_history" (
	"id" serial PRIMARY KEY NOT NULL,
	"day" date NOT NULL,
	"team_id" integer,
	"collector_id" integer,
	"currency" text NOT NULL,
	"bucket" text NOT NULL,
	"open" bigint NOT NULL,
	"debtors" integer NOT NULL,
	CONSTRAINT "receivable_history_key" UNIQUE NULLS NOT DISTINCT("day","team_id","collector_id","currency","bucket")
);
--> statement-breakpoint
ALTER TABLE "receivable_history" ADD CONSTRAINT "receivable_history_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receivable_history" ADD CONSTRAINT "receivable_history_collector_id_users_id_fk" FOREIGN KEY ("collector_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "receivable_history_team_day_idx" ON "receivable_history" USING btree ("team_id","day");--> statement-breakpoint
CREATE INDEX "notices_email_idx" ON "notices" USING btree ("email_id");