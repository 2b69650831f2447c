CREATE TABLE `audit_event` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`actor_user_id` integer,
	`actor_name` text NOT NULL,
	`actor_role` text NOT NULL,
	`action` text NOT NULL,
	`scope` text NOT NULL,
	`target_employee_id` integer,
	`filters` text DEFAULT '' NOT NULL,
	`row_count` integer NOT NULL,
	`request_id` text NOT NULL,
	FOREIGN KEY (`actor_user_id`) REFERENCES `user_account`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`target_employee_id`) REFERENCES `employee`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_event_at` ON `audit_event` (`at`);--> statement-breakpoint
CREATE INDEX `audit_event_target` ON `audit_event` (`target_employee_id`);