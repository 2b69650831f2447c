CREATE TABLE `ai_super_user` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`employee_id` integer NOT NULL,
	`afdeling_unit_id` integer NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text,
	`appointed_by_user_id` integer,
	`appointed_at` integer NOT NULL,
	`ended_by_user_id` integer,
	`ended_at` integer,
	FOREIGN KEY (`employee_id`) REFERENCES `employee`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`afdeling_unit_id`) REFERENCES `org_unit`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`appointed_by_user_id`) REFERENCES `user_account`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ended_by_user_id`) REFERENCES `user_account`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ai_super_user_afdeling` ON `ai_super_user` (`afdeling_unit_id`,`end_date`);--> statement-breakpoint
CREATE INDEX `ai_super_user_employee` ON `ai_super_user` (`employee_id`);--> statement-breakpoint
-- Hand-written below (drizzle-kit does not model triggers).
-- Super-user rows are history: only the end date (with who ended it and when) may be set, once.
-- The retention job deletes the rows of long-gone leavers with the rest of their records.
CREATE TRIGGER ai_super_user_end_once BEFORE UPDATE ON ai_super_user
WHEN OLD.end_date IS NOT NULL
  OR NEW.employee_id IS NOT OLD.employee_id
  OR NEW.afdeling_unit_id IS NOT OLD.afdeling_unit_id
  OR NEW.start_date IS NOT OLD.start_date
  OR NEW.appointed_by_user_id IS NOT OLD.appointed_by_user_id
  OR NEW.appointed_at IS NOT OLD.appointed_at
BEGIN
  SELECT RAISE(ABORT, 'ai_super_user rows are history: only an open row may be ended, once');
END;
