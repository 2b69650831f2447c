CREATE TABLE `completion` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`employee_id` integer NOT NULL,
	`course_id` integer NOT NULL,
	`completed_on` text NOT NULL,
	`course_version` text NOT NULL,
	`score` integer,
	`source` text NOT NULL,
	`source_ref` text,
	`reason` text,
	`recorded_by_user_id` integer,
	`recorded_at` integer NOT NULL,
	FOREIGN KEY (`employee_id`) REFERENCES `employee`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`course_id`) REFERENCES `course`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by_user_id`) REFERENCES `user_account`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `completion_employee_course` ON `completion` (`employee_id`,`course_id`,`completed_on`);--> statement-breakpoint
CREATE TABLE `course` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`title` text NOT NULL,
	`kind` text NOT NULL,
	`validity_months` integer NOT NULL,
	`due_days` integer NOT NULL,
	`campaign_deadline` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `course_code_unique` ON `course` (`code`);--> statement-breakpoint
CREATE TABLE `course_version` (
	`course_id` integer NOT NULL,
	`version` text NOT NULL,
	`published_on` text NOT NULL,
	`material` integer NOT NULL,
	`reattest_days` integer DEFAULT 30 NOT NULL,
	PRIMARY KEY(`course_id`, `version`),
	FOREIGN KEY (`course_id`) REFERENCES `course`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `employee` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`employee_number` text NOT NULL,
	`name` text NOT NULL,
	`email` text NOT NULL,
	`org_unit_id` integer NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text,
	FOREIGN KEY (`org_unit_id`) REFERENCES `org_unit`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `employee_employee_number_unique` ON `employee` (`employee_number`);--> statement-breakpoint
CREATE UNIQUE INDEX `employee_email` ON `employee` (`email`);--> statement-breakpoint
CREATE INDEX `employee_unit` ON `employee` (`org_unit_id`);--> statement-breakpoint
CREATE TABLE `exemption` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`employee_id` integer NOT NULL,
	`course_id` integer NOT NULL,
	`reason` text NOT NULL,
	`valid_from` text NOT NULL,
	`valid_until` text,
	`granted_by_user_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`employee_id`) REFERENCES `employee`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`course_id`) REFERENCES `course`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`granted_by_user_id`) REFERENCES `user_account`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `exemption_employee_course` ON `exemption` (`employee_id`,`course_id`);--> statement-breakpoint
CREATE TABLE `manager_scope` (
	`user_id` integer NOT NULL,
	`org_unit_id` integer NOT NULL,
	PRIMARY KEY(`user_id`, `org_unit_id`),
	FOREIGN KEY (`user_id`) REFERENCES `user_account`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`org_unit_id`) REFERENCES `org_unit`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `org_unit` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`parent_id` integer,
	`name` text NOT NULL,
	`path` text NOT NULL,
	FOREIGN KEY (`parent_id`) REFERENCES `org_unit`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `org_unit_path_unique` ON `org_unit` (`path`);--> statement-breakpoint
CREATE UNIQUE INDEX `org_unit_parent_name` ON `org_unit` (`parent_id`,`name`);--> statement-breakpoint
CREATE TABLE `session` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`secret_hash` blob NOT NULL,
	`last_verified_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user_account`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `session_user` ON `session` (`user_id`);--> statement-breakpoint
CREATE TABLE `site_setting` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `user_account` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`employee_id` integer,
	`password_hash` text,
	`deactivated_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`employee_id`) REFERENCES `employee`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `user_account_email_unique` ON `user_account` (`email`);--> statement-breakpoint
CREATE UNIQUE INDEX `user_account_employee_id_unique` ON `user_account` (`employee_id`);