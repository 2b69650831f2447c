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
	PRIMARY KEY(`employee_id`, `course_id`)
);
--> statement-breakpoint
CREATE INDEX `kept_status_scope` ON `kept_status` (`course_id`,`unit_path`,`start_date`,`end_date`,`exemption_count`,`exempt_from`,`exempt_until`,`valid_until`,`due_without`);--> statement-breakpoint
CREATE INDEX `kept_status_name` ON `kept_status` (`course_id`,`name_key`);