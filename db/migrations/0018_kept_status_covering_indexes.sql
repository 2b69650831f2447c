DROP INDEX `kept_status_scope`;--> statement-breakpoint
CREATE INDEX `kept_status_unit` ON `kept_status` (`course_id`,`unit_key`,`name_key`,`employee_id`);--> statement-breakpoint
CREATE INDEX `kept_status_scope` ON `kept_status` (`course_id`,`unit_path`,`start_date`,`end_date`,`exemption_count`,`exempt_from`,`exempt_until`,`valid_until`,`due_without`,`employee_id`);