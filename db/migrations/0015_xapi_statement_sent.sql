CREATE TABLE `xapi_statement_sent` (
	`statement_id` text PRIMARY KEY NOT NULL,
	`sent_at` integer NOT NULL
);
