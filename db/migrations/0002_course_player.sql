CREATE TABLE `attestation` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`employee_id` integer NOT NULL,
	`course_id` integer NOT NULL,
	`course_version` text NOT NULL,
	`statement` text NOT NULL,
	`attested_at` integer NOT NULL,
	FOREIGN KEY (`employee_id`) REFERENCES `employee`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`course_id`) REFERENCES `course`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `attestation_employee` ON `attestation` (`employee_id`,`course_id`);--> statement-breakpoint
CREATE TABLE `module_progress` (
	`employee_id` integer NOT NULL,
	`course_id` integer NOT NULL,
	`module_slug` text NOT NULL,
	`current_page` integer NOT NULL,
	`furthest_page` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`employee_id`, `course_id`, `module_slug`),
	FOREIGN KEY (`employee_id`) REFERENCES `employee`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`course_id`) REFERENCES `course`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `quiz_attempt` (
	`id` text PRIMARY KEY NOT NULL,
	`employee_id` integer NOT NULL,
	`course_id` integer NOT NULL,
	`module_slug` text NOT NULL,
	`course_version` text NOT NULL,
	`answers` text NOT NULL,
	`score` integer NOT NULL,
	`passed` integer NOT NULL,
	`submitted_at` integer NOT NULL,
	`submitted_on` text NOT NULL,
	FOREIGN KEY (`employee_id`) REFERENCES `employee`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`course_id`) REFERENCES `course`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `quiz_attempt_employee` ON `quiz_attempt` (`employee_id`,`course_id`,`module_slug`);--> statement-breakpoint
CREATE TABLE `self_reported_course` (
	`employee_id` integer NOT NULL,
	`course_key` text NOT NULL,
	`completed_on` text NOT NULL,
	`reported_at` integer NOT NULL,
	PRIMARY KEY(`employee_id`, `course_key`),
	FOREIGN KEY (`employee_id`) REFERENCES `employee`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `completion` ADD `cycle_key` text;--> statement-breakpoint
CREATE UNIQUE INDEX `completion_cycle` ON `completion` (`employee_id`,`course_id`,`cycle_key`);