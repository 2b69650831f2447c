CREATE TABLE `kept_month_count` (
	`month_end` text NOT NULL,
	`course_id` integer NOT NULL,
	`unit_path` text NOT NULL,
	`listed` integer NOT NULL,
	`exempt` integer NOT NULL,
	`done` integer NOT NULL,
	PRIMARY KEY(`month_end`, `course_id`, `unit_path`)
);
--> statement-breakpoint
CREATE TABLE `kept_month_end` (
	`position` integer PRIMARY KEY NOT NULL,
	`month_end` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `kept_month_end_month_end_unique` ON `kept_month_end` (`month_end`);--> statement-breakpoint
CREATE TABLE `kept_status` (
	`employee_id` integer NOT NULL,
	`course_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`unit_path` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text,
	`name_key` text NOT NULL,
	`number_key` text NOT NULL,
	`unit_key` text NOT NULL,
	`exemption_count` integer NOT NULL,
	`exempt_from` text,
	`exempt_until` text,
	`valid_until` text,
	`best_completed_on` text,
	`last_completed_on` text,
	`due_without` text NOT NULL,
	`month_codes` text DEFAULT '' NOT NULL,
	PRIMARY KEY(`employee_id`, `course_id`)
);
--> statement-breakpoint
CREATE INDEX `kept_status_scope` ON `kept_status` (`course_id`,`unit_path`,`start_date`,`end_date`,`exemption_count`,`exempt_from`,`exempt_until`,`valid_until`,`due_without`);--> statement-breakpoint
CREATE INDEX `kept_status_name` ON `kept_status` (`course_id`,`name_key`,`employee_id`);