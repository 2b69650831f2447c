CREATE TABLE `kept_day_count` (
	`day` text NOT NULL,
	`course_id` integer NOT NULL,
	`unit_path` text NOT NULL,
	`exempt` integer NOT NULL,
	`completed` integer NOT NULL,
	`expiring_soon` integer NOT NULL,
	`missing` integer NOT NULL,
	`overdue` integer NOT NULL,
	`not_completed` integer NOT NULL,
	`done` integer NOT NULL,
	PRIMARY KEY(`day`, `course_id`, `unit_path`)
);
--> statement-breakpoint
-- The month-end counts are now kept for each unit and every unit above it: rebuilt at start.
DELETE FROM `kept_month_count`;--> statement-breakpoint
DELETE FROM `kept_status`;
