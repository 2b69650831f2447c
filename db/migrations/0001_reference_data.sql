-- Custom SQL migration file, put your code below! --
-- The standard courses (reference data, present in every installation): valid 12 months,
-- due 30 days after a new hire's start date, no campaign deadline until HR sets one.
INSERT INTO course (code, title, kind, validity_months, due_days, campaign_deadline)
VALUES ('ai', 'AI i Albertslund Kommune', 'site', 12, 30, NULL);
--> statement-breakpoint
INSERT INTO course (code, title, kind, validity_months, due_days, campaign_deadline)
VALUES ('gdpr', 'GDPR', 'site_and_import', 12, 30, NULL);
--> statement-breakpoint
INSERT INTO course_version (course_id, version, published_on, material, reattest_days)
SELECT id, '1.0', '2025-08-11', 1, 30 FROM course WHERE code IN ('ai', 'gdpr');
--> statement-breakpoint
-- Completions are history: a row is never edited in place.
CREATE TRIGGER completion_no_update BEFORE UPDATE ON completion
BEGIN
  SELECT RAISE(ABORT, 'completion rows are append-only');
END;
