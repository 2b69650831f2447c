CREATE TABLE `certificate_code` (
	`code` text PRIMARY KEY NOT NULL,
	`completion_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`completion_id`) REFERENCES `completion`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `certificate_code_completion_id_unique` ON `certificate_code` (`completion_id`);--> statement-breakpoint
ALTER TABLE `pending_import` ADD `prepared` text;--> statement-breakpoint
ALTER TABLE `pending_import` ADD `applied_summary` text;--> statement-breakpoint
ALTER TABLE `user_account` ADD `deactivated_by` text;