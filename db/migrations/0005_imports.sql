CREATE TABLE `course_alias` (
	`alias` text PRIMARY KEY NOT NULL,
	`course_id` integer NOT NULL,
	FOREIGN KEY (`course_id`) REFERENCES `course`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `pending_import` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`file_name` text NOT NULL,
	`content` blob NOT NULL,
	`uploaded_by_user_id` integer NOT NULL,
	`uploaded_at` integer NOT NULL,
	FOREIGN KEY (`uploaded_by_user_id`) REFERENCES `user_account`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `retention_run` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ran_at` integer NOT NULL,
	`left_before` text NOT NULL,
	`employees_removed` integer NOT NULL,
	`completions_removed` integer NOT NULL,
	`other_rows_removed` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `manager_scope` ADD `source` text DEFAULT 'manual' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `completion_import_once` ON `completion` (`employee_id`,`course_id`,`completed_on`) WHERE source = 'import';