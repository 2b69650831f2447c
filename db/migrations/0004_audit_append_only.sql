-- Custom SQL migration file, put your code below! --
-- The audit log is append-only. Only the retention job may delete old rows: it opens the gate
-- by setting site_setting 'audit_retention_gate' = 'open' in its own transaction.
CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
BEGIN
  SELECT RAISE(ABORT, 'audit_event rows are append-only');
END;
--> statement-breakpoint
CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
WHEN coalesce((SELECT value FROM site_setting WHERE key = 'audit_retention_gate'), '') <> 'open'
BEGIN
  SELECT RAISE(ABORT, 'audit_event rows can only be deleted by the retention job');
END;
