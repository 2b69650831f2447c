CREATE TABLE `ai_tool` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`status` text NOT NULL,
	`summary` text NOT NULL,
	`allowed` text DEFAULT '' NOT NULL,
	`not_allowed` text DEFAULT '' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`sort_order` integer NOT NULL,
	`retired_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ai_tool_name_unique` ON `ai_tool` (`name`);--> statement-breakpoint
CREATE TABLE `ai_tool_change` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tool_id` integer NOT NULL,
	`at` integer NOT NULL,
	`actor_user_id` integer,
	`actor_name` text NOT NULL,
	`kind` text NOT NULL,
	`description` text NOT NULL,
	`published_version` text,
	FOREIGN KEY (`tool_id`) REFERENCES `ai_tool`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_user_id`) REFERENCES `user_account`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ai_tool_change_at` ON `ai_tool_change` (`at`);--> statement-breakpoint
ALTER TABLE `course_version` ADD `origin` text DEFAULT 'content' NOT NULL;