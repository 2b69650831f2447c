-- Custom SQL migration file, put your code below! --
-- Names the vendor (MetaCompliance) export may use for the standard courses, normalised as the
-- import compares them (lower-case, without spaces, hyphens, underscores and dots).
INSERT INTO course_alias (alias, course_id) SELECT 'aiawareness', id FROM course WHERE code = 'ai';
--> statement-breakpoint
INSERT INTO course_alias (alias, course_id) SELECT 'aiawarenesskursus', id FROM course WHERE code = 'ai';
--> statement-breakpoint
INSERT INTO course_alias (alias, course_id) SELECT 'gdprkursus', id FROM course WHERE code = 'gdpr';
--> statement-breakpoint
INSERT INTO course_alias (alias, course_id) SELECT 'gdprawareness', id FROM course WHERE code = 'gdpr';
