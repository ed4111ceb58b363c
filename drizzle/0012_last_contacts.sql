CREATE TABLE "last_contacts" (
	"debtor_id" integer PRIMARY KEY NOT NULL,
	"contacted_at" timestamp with time zone NOT NULL,
	"next_contact_on" date
);
--> statement-breakpoint
ALTER TABLE "last_contacts" ADD CONSTRAINT "last_contacts_debtor_id_debtors_id_fk" FOREIGN KEY ("debtor_id") REFERENCES "public"."debtors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- A statement's new contacts: each debtor's latest of them replaces an older latest.
CREATE FUNCTION "last_contacts_after_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO "last_contacts" ("debtor_id", "contacted_at", "next_contact_on")
	SELECT DISTINCT ON ("debtor_id") "debtor_id", "contacted_at", "next_contact_on" FROM new_rows
	ORDER BY "debtor_id", "contacted_at" DESC, "id" DESC
	ON CONFLICT ("debtor_id") DO UPDATE SET "contacted_at" = excluded."contacted_at", "next_contact_on" = excluded."next_contact_on"
	WHERE "last_contacts"."contacted_at" <= excluded."contacted_at";
	RETURN NULL;
END $$;
--> statement-breakpoint
-- Contacts edited or deleted: the debtors they touched are worked out again from the log.
CREATE FUNCTION "last_contacts_recount"("debtor_ids" integer[]) RETURNS void LANGUAGE sql AS $$
	DELETE FROM "last_contacts" WHERE "debtor_id" = ANY ("debtor_ids");
	INSERT INTO "last_contacts" ("debtor_id", "contacted_at", "next_contact_on")
	SELECT DISTINCT ON ("debtor_id") "debtor_id", "contacted_at", "next_contact_on" FROM "contact_logs"
	WHERE "debtor_id" = ANY ("debtor_ids")
	ORDER BY "debtor_id", "contacted_at" DESC, "id" DESC;
$$;
--> statement-breakpoint
CREATE FUNCTION "last_contacts_after_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'UPDATE' THEN
		PERFORM "last_contacts_recount"(ARRAY(SELECT "debtor_id" FROM old_rows UNION SELECT "debtor_id" FROM new_rows));
	ELSE
		PERFORM "last_contacts_recount"(ARRAY(SELECT "debtor_id" FROM old_rows));
	END IF;
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "last_contacts_after_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	DELETE FROM "last_contacts";
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "contact_logs_inserted" AFTER INSERT ON "contact_logs" REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION "last_contacts_after_insert"();
--> statement-breakpoint
CREATE TRIGGER "contact_logs_updated" AFTER UPDATE ON "contact_logs" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION "last_contacts_after_change"();
--> statement-breakpoint
CREATE TRIGGER "contact_logs_deleted" AFTER DELETE ON "contact_logs" REFERENCING OLD TABLE AS old_rows
	FOR EACH STATEMENT EXECUTE FUNCTION "last_contacts_after_change"();
--> statement-breakpoint
CREATE TRIGGER "contact_logs_truncated" AFTER TRUNCATE ON "contact_logs"
	FOR EACH STATEMENT EXECUTE FUNCTION "last_contacts_after_truncate"();
--> statement-breakpoint
INSERT INTO "last_contacts" ("debtor_id", "contacted_at", "next_contact_on")
SELECT DISTINCT ON ("debtor_id") "debtor_id", "contacted_at", "next_contact_on" FROM "contact_logs"
ORDER BY "debtor_id", "contacted_at" DESC, "id" DESC;
