CREATE TABLE `annulment` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`completion_id` integer,
	`exemption_id` integer,
	`reason` text NOT NULL,
	`annulled_by_user_id` integer,
	`annulled_at` integer NOT NULL,
	FOREIGN KEY (`completion_id`) REFERENCES `completion`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`exemption_id`) REFERENCES `exemption`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`annulled_by_user_id`) REFERENCES `user_account`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `annulment_completion` ON `annulment` (`completion_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `annulment_exemption` ON `annulment` (`exemption_id`);--> statement-breakpoint
ALTER TABLE `audit_event` ADD `target_user_id` integer REFERENCES user_account(id);--> statement-breakpoint
CREATE INDEX `audit_event_actor` ON `audit_event` (`actor_user_id`);--> statement-breakpoint
ALTER TABLE `course` ADD `required_from` text;--> statement-breakpoint
-- Hand-written below (drizzle-kit does not model triggers or reference data).
-- Annulments are history like completions: never edited in place.
CREATE TRIGGER annulment_no_update BEFORE UPDATE ON annulment
BEGIN
  SELECT RAISE(ABORT, 'annulment rows are append-only');
END;
--> statement-breakpoint
-- When each requirement began (admin can change it on /admin/kurser): GDPR has applied since
-- 25 May 2018. Chefforum decided the AI requirement on 19 June 2025, but it could only be met
-- once the course was published (version 1.0, 11 August 2025), so no one is due before that.
UPDATE course SET required_from = '2018-05-25' WHERE code = 'gdpr';
--> statement-breakpoint
UPDATE course SET required_from = '2025-08-11' WHERE code = 'ai';
