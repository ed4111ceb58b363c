ALTER TABLE "debtors" DROP CONSTRAINT "debtors_collector_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "contacts" DROP CONSTRAINT "contacts_debtor_id_debtors_id_fk";
