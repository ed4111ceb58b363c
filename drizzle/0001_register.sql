CREATE TYPE "public"."alarm_kind" AS ENUM('promise_broken', 'promise_partial', 'escalation', 'pressure_deadline', 'barrier_overdue', 'no_contact', 'no_collector');--> statement-breakpoint
CREATE TYPE "public"."barrier_kind" AS ENUM('missing_document', 'invoice_error', 'withholding_certificate', 'supplier_data', 'approval_pending', 'dispute', 'other');--> statement-breakpoint
CREATE TYPE "public"."barrier_state" AS ENUM('open', 'resolved', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."consequence" AS ENUM('legal', 'suspension', 'bureau', 'credit_withdrawal');--> statement-breakpoint
CREATE TYPE "public"."contact_channel" AS ENUM('phone', 'email', 'whatsapp', 'visit', 'meeting', 'other');--> statement-breakpoint
CREATE TYPE "public"."credit_status" AS ENUM('active', 'hold', 'revoked');--> statement-breakpoint
CREATE TYPE "public"."job_run_state" AS ENUM('running', 'done', 'failed');--> statement-breakpoint
CREATE TYPE "public"."outbox_state" AS ENUM('pending', 'sending', 'sent', 'failed');--> statement-breakpoint
CREATE TYPE "public"."outcome_type" AS ENUM('reminder', 'barrier', 'commitment', 'pressure', 'terms_change');--> statement-breakpoint
CREATE TYPE "public"."pressure_state" AS ENUM('pending', 'met', 'applied', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."promise_state" AS ENUM('pending', 'kept', 'partial', 'broken', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."debtor_risk" AS ENUM('low', 'medium', 'high');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('collector', 'lead', 'manager', 'admin');--> statement-breakpoint
CREATE TYPE "public"."terms_kind" AS ENUM('credit_hold', 'credit_revoked', 'credit_restored', 'payment_plan', 'new_due_date');--> statement-breakpoint
CREATE TABLE "teams" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"alarm_channel" text,
	CONSTRAINT "teams_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"slack_user_id" text NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"role" "user_role" NOT NULL,
	"team_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_slack_user_id_unique" UNIQUE("slack_user_id")
);
--> statement-breakpoint
CREATE TABLE "debtors" (
	"id" serial PRIMARY KEY NOT NULL,
	"external_id" text NOT NULL,
	"name" text NOT NULL,
	"search_name" text NOT NULL,
	"tax_id" text NOT NULL,
	"tax_id_key" text NOT NULL,
	"segment" text DEFAULT '' NOT NULL,
	"risk" "debtor_risk" DEFAULT 'medium' NOT NULL,
	"collector_id" integer,
	"credit_status" "credit_status" DEFAULT 'active' NOT NULL,
	"escalation_level" smallint DEFAULT 0 NOT NULL,
	"escalated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "debtors_external_id_unique" UNIQUE("external_id")
);
--> statement-breakpoint
CREATE TABLE "contacts" (
	"id" serial PRIMARY KEY NOT NULL,
	"debtor_id" integer NOT NULL,
	"name" text NOT NULL,
	"level" smallint NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"whatsapp" text DEFAULT '' NOT NULL,
	CONSTRAINT "contacts_debtor_name_key" UNIQUE("debtor_id","name")
);
--> statement-breakpoint
CREATE TABLE "invoices" (
	"id" serial PRIMARY KEY NOT NULL,
	"external_id" text NOT NULL,
	"debtor_id" integer NOT NULL,
	"number" text NOT NULL,
	"issue_date" date NOT NULL,
	"due_date" date NOT NULL,
	"amount" bigint NOT NULL,
	"open_amount" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invoices_external_id_unique" UNIQUE("external_id")
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" serial PRIMARY KEY NOT NULL,
	"external_id" text NOT NULL,
	"debtor_id" integer NOT NULL,
	"invoice_id" integer,
	"paid_on" date NOT NULL,
	"amount" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"method" text DEFAULT '' NOT NULL,
	"reference" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payments_external_id_unique" UNIQUE("external_id")
);
--> statement-breakpoint
CREATE TABLE "contact_logs" (
	"id" serial PRIMARY KEY NOT NULL,
	"debtor_id" integer NOT NULL,
	"author_id" integer NOT NULL,
	"outcome_type" "outcome_type" NOT NULL,
	"channel" "contact_channel" NOT NULL,
	"reached" boolean NOT NULL,
	"contact_id" integer,
	"note" text DEFAULT '' NOT NULL,
	"next_contact_on" date,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"idempotency_key" text,
	"contacted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contact_logs_idempotency_key_unique" UNIQUE("idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "promises" (
	"id" serial PRIMARY KEY NOT NULL,
	"debtor_id" integer NOT NULL,
	"contact_log_id" integer,
	"amount" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"promised_on" date NOT NULL,
	"instalment_no" smallint DEFAULT 1 NOT NULL,
	"instalment_count" smallint DEFAULT 1 NOT NULL,
	"state" "promise_state" DEFAULT 'pending' NOT NULL,
	"paid_amount" bigint,
	"judged_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "barriers" (
	"id" serial PRIMARY KEY NOT NULL,
	"debtor_id" integer NOT NULL,
	"contact_log_id" integer,
	"kind" "barrier_kind" NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"owner_id" integer NOT NULL,
	"due_on" date NOT NULL,
	"state" "barrier_state" DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "pressures" (
	"id" serial PRIMARY KEY NOT NULL,
	"debtor_id" integer NOT NULL,
	"contact_log_id" integer,
	"consequence" "consequence" NOT NULL,
	"deadline" date NOT NULL,
	"state" "pressure_state" DEFAULT 'pending' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "terms_changes" (
	"id" serial PRIMARY KEY NOT NULL,
	"debtor_id" integer NOT NULL,
	"contact_log_id" integer,
	"kind" "terms_kind" NOT NULL,
	"details" text DEFAULT '' NOT NULL,
	"previous_credit_status" "credit_status" NOT NULL,
	"new_credit_status" "credit_status" NOT NULL,
	"new_due_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alarms" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" "alarm_kind" NOT NULL,
	"debtor_id" integer NOT NULL,
	"team_id" integer,
	"unique_key" text NOT NULL,
	"raised_on" date NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"channel" text,
	"message_ts" text,
	"acknowledged_by" integer,
	"acknowledged_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alarms_unique_key_unique" UNIQUE("unique_key")
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"channel" text NOT NULL,
	"method" text DEFAULT 'chat.postMessage' NOT NULL,
	"payload" jsonb NOT NULL,
	"state" "outbox_state" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"claimed_by" text,
	"claimed_at" timestamp with time zone,
	"last_error" text,
	"ref" text,
	"message_ts" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "job_runs" (
	"id" serial PRIMARY KEY NOT NULL,
	"job" text NOT NULL,
	"run_on" date NOT NULL,
	"state" "job_run_state" DEFAULT 'running' NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"summary" text,
	CONSTRAINT "job_runs_job_date_key" UNIQUE("job","run_on")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"actor_id" integer,
	"slack_user_id" text NOT NULL,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "debtors" ADD CONSTRAINT "debtors_collector_id_users_id_fk" FOREIGN KEY ("collector_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_debtor_id_debtors_id_fk" FOREIGN KEY ("debtor_id") REFERENCES "public"."debtors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_logs" ADD CONSTRAINT "contact_logs_debtor_id_debtors_id_fk" FOREIGN KEY ("debtor_id") REFERENCES "public"."debtors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_logs" ADD CONSTRAINT "contact_logs_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_logs" ADD CONSTRAINT "contact_logs_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promises" ADD CONSTRAINT "promises_debtor_id_debtors_id_fk" FOREIGN KEY ("debtor_id") REFERENCES "public"."debtors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promises" ADD CONSTRAINT "promises_contact_log_id_contact_logs_id_fk" FOREIGN KEY ("contact_log_id") REFERENCES "public"."contact_logs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "barriers" ADD CONSTRAINT "barriers_debtor_id_debtors_id_fk" FOREIGN KEY ("debtor_id") REFERENCES "public"."debtors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "barriers" ADD CONSTRAINT "barriers_contact_log_id_contact_logs_id_fk" FOREIGN KEY ("contact_log_id") REFERENCES "public"."contact_logs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "barriers" ADD CONSTRAINT "barriers_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pressures" ADD CONSTRAINT "pressures_debtor_id_debtors_id_fk" FOREIGN KEY ("debtor_id") REFERENCES "public"."debtors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pressures" ADD CONSTRAINT "pressures_contact_log_id_contact_logs_id_fk" FOREIGN KEY ("contact_log_id") REFERENCES "public"."contact_logs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "terms_changes" ADD CONSTRAINT "terms_changes_debtor_id_debtors_id_fk" FOREIGN KEY ("debtor_id") REFERENCES "public"."debtors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "terms_changes" ADD CONSTRAINT "terms_changes_contact_log_id_contact_logs_id_fk" FOREIGN KEY ("contact_log_id") REFERENCES "public"."contact_logs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alarms" ADD CONSTRAINT "alarms_debtor_id_debtors_id_fk" FOREIGN KEY ("debtor_id") REFERENCES "public"."debtors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alarms" ADD CONSTRAINT "alarms_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alarms" ADD CONSTRAINT "alarms_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "users_team_idx" ON "users" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "debtors_collector_idx" ON "debtors" USING btree ("collector_id");--> statement-breakpoint
CREATE INDEX "debtors_tax_id_key_idx" ON "debtors" USING btree ("tax_id_key");--> statement-breakpoint
CREATE INDEX "debtors_search_name_trgm_idx" ON "debtors" USING gin ("search_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "invoices_debtor_idx" ON "invoices" USING btree ("debtor_id");--> statement-breakpoint
CREATE INDEX "invoices_open_due_idx" ON "invoices" USING btree ("debtor_id","due_date") WHERE "invoices"."open_amount" > 0;--> statement-breakpoint
CREATE INDEX "payments_debtor_paid_idx" ON "payments" USING btree ("debtor_id","paid_on");--> statement-breakpoint
CREATE INDEX "contact_logs_debtor_idx" ON "contact_logs" USING btree ("debtor_id","contacted_at");--> statement-breakpoint
CREATE INDEX "promises_debtor_state_idx" ON "promises" USING btree ("debtor_id","state");--> statement-breakpoint
CREATE INDEX "promises_pending_date_idx" ON "promises" USING btree ("state","promised_on");--> statement-breakpoint
CREATE INDEX "barriers_debtor_state_idx" ON "barriers" USING btree ("debtor_id","state");--> statement-breakpoint
CREATE INDEX "pressures_debtor_state_idx" ON "pressures" USING btree ("debtor_id","state");--> statement-breakpoint
CREATE INDEX "terms_changes_debtor_idx" ON "terms_changes" USING btree ("debtor_id");--> statement-breakpoint
CREATE INDEX "alarms_team_open_idx" ON "alarms" USING btree ("team_id","acknowledged_at");--> statement-breakpoint
CREATE INDEX "alarms_debtor_idx" ON "alarms" USING btree ("debtor_id");--> statement-breakpoint
CREATE INDEX "outbox_due_idx" ON "outbox" USING btree ("state","next_attempt_at","id");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity","entity_id");