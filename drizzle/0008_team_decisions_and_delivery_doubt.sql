ALTER TABLE "debtors" ADD COLUMN "team_credit_status" "credit_status";--> statement-breakpoint
ALTER TABLE "debtors" ADD COLUMN "credit_decided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "debtors" ADD COLUMN "credit_decided_by" integer;--> statement-breakpoint
ALTER TABLE "debtors" ADD COLUMN "credit_decision_reason" text;--> statement-breakpoint
ALTER TABLE "barriers" ADD COLUMN "resolved_by" integer;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "in_doubt" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "barriers" ADD CONSTRAINT "barriers_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Credit decisions logged before the team's decision had its own columns become that decision.
UPDATE "debtors" d SET
  "team_credit_status" = tc.new_credit_status,
  "credit_decided_at" = tc.created_at,
  "credit_decided_by" = cl.author_id,
  "credit_decision_reason" = tc.details
FROM (
  SELECT DISTINCT ON (debtor_id) debtor_id, new_credit_status, created_at, details, contact_log_id
  FROM "terms_changes"
  WHERE kind IN ('credit_hold', 'credit_revoked', 'credit_restored')
  ORDER BY debtor_id, created_at DESC, id DESC
) tc
LEFT JOIN "contact_logs" cl ON cl.id = tc.contact_log_id
WHERE d.id = tc.debtor_id AND tc.new_credit_status <> 'active';
