// Plain constants shared by the schema, the server and client code. No drizzle imports here:
// route components import this file, and it ends up in the browser bundle.

export const ROLES = ["employee", "manager", "hr", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const COURSE_KINDS = ["site", "site_and_import"] as const;

export const COMPLETION_SOURCES = ["site", "import", "manual"] as const;
export type CompletionSource = (typeof COMPLETION_SOURCES)[number];

export const AUDIT_ACTIONS = [
  "view_people",
  "view_employee",
  "view_not_completed",
  "export",
  "import",
  "register",
  "annul",
  "create_user",
  "change_role",
  "change_units",
  "change_activity",
  "change_course",
  "change_setting",
  "send_reminder",
  "view_outbox",
  "appoint_super_user",
  "end_super_user",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
