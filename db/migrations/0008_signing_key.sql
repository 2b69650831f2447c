CREATE TABLE `signing_key` (
	`purpose` text PRIMARY KEY NOT NULL,
	`key` blob NOT NULL
);
--> statement-breakpoint
-- Each database gets its own random key for the quiz attempt ids (32 bytes for HMAC-SHA256).
INSERT INTO `signing_key` (`purpose`, `key`) VALUES ('quiz_attempt', randomblob(32));
