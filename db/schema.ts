// The whole database schema in one place (drizzle). Migrations are generated from it with
// `npm run db:generate` and committed under db/migrations.
//
// Dates without a time (start dates, completion dates, deadlines) are stored as ISO text
// "YYYY-MM-DD": they sort and compare as text and carry no time-zone surprises.
// Instants (sessions, audit) are stored as integer milliseconds since the epoch (UTC).
import { sql } from "drizzle-orm";
import {
  type AnySQLiteColumn,
  blob,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";

// Plain constants shared with client code live in db/constants.ts, so the browser bundle never
// carries the table definitions.
import { AUDIT_ACTIONS, COMPLETION_SOURCES, COURSE_KINDS, ROLES } from "./constants";

export type { AuditAction, CompletionSource, Role } from "./constants";
export { AUDIT_ACTIONS, COMPLETION_SOURCES, COURSE_KINDS, ROLES };

/** An org unit (enhed): a tree of direktørområder, afdelinger, institutions and teams. */
export const orgUnit = sqliteTable(
  "org_unit",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    parentId: integer("parent_id").references((): AnySQLiteColumn => orgUnit.id),
    name: text("name").notNull(),
    // Materialised path of ids, e.g. "/1/5/23/": a subtree is `path LIKE '/1/5/%'`,
    // which lets every scope filter run inside SQL without recursion.
    path: text("path").notNull().unique(),
  },
  // Top units have no parent (NULL), which SQLite never counts as a duplicate; code that creates
  // units looks them up by name first.
  (t) => [uniqueIndex("org_unit_parent_name").on(t.parentId, t.name)],
);

/** A person on the roster (medarbejder). Leavers keep their row with an end date. */
export const employee = sqliteTable(
  "employee",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    employeeNumber: text("employee_number").notNull().unique(),
    name: text("name").notNull(),
    email: text("email").notNull(), // stored lower-case
    orgUnitId: integer("org_unit_id")
      .notNull()
      .references(() => orgUnit.id),
    startDate: text("start_date").notNull(),
    endDate: text("end_date"),
  },
  (t) => [uniqueIndex("employee_email").on(t.email), index("employee_unit").on(t.orgUnitId)],
);

/** A login. Linked to an employee when the person is on the roster. */
export const userAccount = sqliteTable("user_account", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  email: text("email").notNull().unique(), // stored lower-case
  name: text("name").notNull(),
  role: text("role", { enum: ROLES }).notNull(),
  employeeId: integer("employee_id")
    .unique()
    .references(() => employee.id),
  // Argon2id PHC string; null for accounts that will sign in by single sign-on.
  passwordHash: text("password_hash"),
  // The stable subject of single sign-on, bound at the first sign-in: "tid:<tid>:oid:<oid>"
  // (Entra ID) or "iss:<issuer>:sub:<sub>". Once set, it alone decides who this account is.
  oidcSubject: text("oidc_subject").unique(),
  deactivatedAt: integer("deactivated_at"),
  // Who ended the login: "roster" (the person left the HR roster; coming back reactivates it) or
  // "admin" (only an admin may undo it). Null while active, and for logins ended before this was kept.
  deactivatedBy: text("deactivated_by", { enum: ["roster", "admin"] }),
  createdAt: integer("created_at").notNull(),
});

/** The units a manager is responsible for; they see these and everything below. */
export const managerScope = sqliteTable(
  "manager_scope",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => userAccount.id, { onDelete: "cascade" }),
    orgUnitId: integer("org_unit_id")
      .notNull()
      .references(() => orgUnit.id),
    // "roster": set by the roster import's Leder column (and replaced by the next import);
    // "manual": given by an admin.
    source: text("source", { enum: ["roster", "manual"] })
      .notNull()
      .default("manual"),
  },
  (t) => [primaryKey({ columns: [t.userId, t.orgUnitId] })],
);

/** Lucia-style session: the id is public, only SHA-256 of the secret is stored. */
export const session = sqliteTable(
  "session",
  {
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => userAccount.id, { onDelete: "cascade" }),
    secretHash: blob("secret_hash", { mode: "buffer" }).notNull(),
    lastVerifiedAt: integer("last_verified_at").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("session_user").on(t.userId)],
);

/** A mandatory course (kursus), e.g. `ai` and `gdpr`. */
export const course = sqliteTable("course", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  code: text("code").notNull().unique(),
  title: text("title").notNull(),
  // "site": modules served here; "site_and_import": also completed at the vendor and imported.
  kind: text("kind", { enum: COURSE_KINDS }).notNull(),
  validityMonths: integer("validity_months").notNull(),
  dueDays: integer("due_days").notNull(),
  // Staff employed before this date must complete by it (set by HR per campaign).
  campaignDeadline: text("campaign_deadline"),
  // When the requirement began (set by admin): no one is due before this date + dueDays.
  requiredFrom: text("required_from"),
});

export const COURSE_VERSION_ORIGINS = ["content", "tools"] as const;

/** Published versions of a course. A material version ends older completions' validity. */
export const courseVersion = sqliteTable(
  "course_version",
  {
    courseId: integer("course_id")
      .notNull()
      .references(() => course.id),
    version: text("version").notNull(),
    publishedOn: text("published_on").notNull(),
    material: integer("material", { mode: "boolean" }).notNull(),
    reattestDays: integer("reattest_days").notNull().default(30),
    // "content": copied from course.md at every start; "tools": published by an admin who marked
    // a change of the AI tools list as material (see app/ai-tools/tools.server.ts).
    origin: text("origin", { enum: COURSE_VERSION_ORIGINS }).notNull().default("content"),
  },
  (t) => [primaryKey({ columns: [t.courseId, t.version] })],
);

/** A completion (gennemførelse). History: rows are never updated (a trigger enforces it). */
export const completion = sqliteTable(
  "completion",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    employeeId: integer("employee_id")
      .notNull()
      .references(() => employee.id),
    courseId: integer("course_id")
      .notNull()
      .references(() => course.id),
    completedOn: text("completed_on").notNull(),
    courseVersion: text("course_version").notNull(),
    score: integer("score"), // percent, when the source has one
    source: text("source", { enum: COMPLETION_SOURCES }).notNull(),
    // The import file name, or the quiz attempt, the record came from.
    sourceRef: text("source_ref"),
    // Mandatory for manual registrations by HR.
    reason: text("reason"),
    recordedByUserId: integer("recorded_by_user_id").references(() => userAccount.id),
    recordedAt: integer("recorded_at").notNull(),
    // For completions on this site: the due date (or expiry) the completion answers. The unique
    // index makes a double submit, or two tabs at once, record one completion per cycle.
    cycleKey: text("cycle_key"),
  },
  (t) => [
    index("completion_employee_course").on(t.employeeId, t.courseId, t.completedOn),
    uniqueIndex("completion_cycle").on(t.employeeId, t.courseId, t.cycleKey),
    // The same employee, course and date from the vendor is one completion, however often imported.
    uniqueIndex("completion_import_once")
      .on(t.employeeId, t.courseId, t.completedOn)
      .where(sql`source = 'import'`),
  ],
);

/** An exemption (fritagelse) from a course, granted with a reason, optionally until a date. */
export const exemption = sqliteTable(
  "exemption",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    employeeId: integer("employee_id")
      .notNull()
      .references(() => employee.id),
    courseId: integer("course_id")
      .notNull()
      .references(() => course.id),
    reason: text("reason").notNull(),
    validFrom: text("valid_from").notNull(),
    validUntil: text("valid_until"), // inclusive; null = until further notice
    grantedByUserId: integer("granted_by_user_id").references(() => userAccount.id),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("exemption_employee_course").on(t.employeeId, t.courseId)],
);

/**
 * HR corrects a mistaken completion or exemption: a new row that cancels exactly one earlier row
 * (the history keeps both; the status rule ignores the annulled one). Append-only by trigger.
 */
export const annulment = sqliteTable(
  "annulment",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    completionId: integer("completion_id").references(() => completion.id),
    exemptionId: integer("exemption_id").references(() => exemption.id),
    reason: text("reason").notNull(),
    annulledByUserId: integer("annulled_by_user_id").references(() => userAccount.id),
    annulledAt: integer("annulled_at").notNull(),
  },
  // One annulment per row: a second one would change nothing.
  (t) => [
    uniqueIndex("annulment_completion").on(t.completionId),
    uniqueIndex("annulment_exemption").on(t.exemptionId),
  ],
);

/** Small key/value settings, e.g. whether the database holds demo data. */
export const siteSetting = sqliteTable("site_setting", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});

/** How far an employee has read in a module, so they can resume on another device. */
export const moduleProgress = sqliteTable(
  "module_progress",
  {
    employeeId: integer("employee_id")
      .notNull()
      .references(() => employee.id),
    courseId: integer("course_id")
      .notNull()
      .references(() => course.id),
    moduleSlug: text("module_slug").notNull(),
    currentPage: integer("current_page").notNull(), // 0-based
    furthestPage: integer("furthest_page").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.employeeId, t.courseId, t.moduleSlug] })],
);

/**
 * Random keys this installation signs with, made by the migration that adds a purpose (so every
 * database has its own, and a backup carries it). `quiz_attempt` signs the attempt ids the quiz
 * page hands out (app/courses/attempt-id.server.ts).
 */
export const signingKey = sqliteTable("signing_key", {
  purpose: text("purpose").primaryKey(),
  key: blob("key", { mode: "buffer" }).notNull(),
});

/**
 * Every submitted quiz attempt: the answers, the score and when. The id is made by the server
 * when the quiz opens (signed, bound to the employee and module), never chosen by the browser.
 */
export const quizAttempt = sqliteTable(
  "quiz_attempt",
  {
    id: text("id").primaryKey(),
    employeeId: integer("employee_id")
      .notNull()
      .references(() => employee.id),
    courseId: integer("course_id")
      .notNull()
      .references(() => course.id),
    moduleSlug: text("module_slug").notNull(),
    courseVersion: text("course_version").notNull(),
    // JSON: { [questionId]: chosen option index }
    answers: text("answers").notNull(),
    score: integer("score").notNull(), // percent
    passed: integer("passed", { mode: "boolean" }).notNull(),
    submittedAt: integer("submitted_at").notNull(),
    submittedOn: text("submitted_on").notNull(), // the Danish calendar day of submittedAt
  },
  (t) => [index("quiz_attempt_employee").on(t.employeeId, t.courseId, t.moduleSlug)],
);

/** "Jeg har læst og forstået AI-retningslinjerne (version X)", with time and version. */
export const attestation = sqliteTable(
  "attestation",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    employeeId: integer("employee_id")
      .notNull()
      .references(() => employee.id),
    courseId: integer("course_id")
      .notNull()
      .references(() => course.id),
    courseVersion: text("course_version").notNull(),
    statement: text("statement").notNull(),
    attestedAt: integer("attested_at").notNull(),
  },
  (t) => [index("attestation_employee").on(t.employeeId, t.courseId)],
);

/** Voluntary external courses (Elements of AI) an employee says they have completed. */
export const selfReportedCourse = sqliteTable(
  "self_reported_course",
  {
    employeeId: integer("employee_id")
      .notNull()
      .references(() => employee.id),
    courseKey: text("course_key").notNull(),
    completedOn: text("completed_on").notNull(),
    reportedAt: integer("reported_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.employeeId, t.courseKey] })],
);

/**
 * Who viewed, exported or imported whose personal data (GDPR art. 5(2) and 30). Append-only:
 * triggers refuse UPDATE, and DELETE except while the retention job has opened the gate.
 */
export const auditEvent = sqliteTable(
  "audit_event",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: integer("at").notNull(), // UTC milliseconds
    actorUserId: integer("actor_user_id").references(() => userAccount.id),
    actorName: text("actor_name").notNull(),
    actorRole: text("actor_role", { enum: ROLES }).notNull(),
    action: text("action", { enum: AUDIT_ACTIONS }).notNull(),
    // The unit whose people were seen (its path label), or the employee looked up.
    scope: text("scope").notNull(),
    targetEmployeeId: integer("target_employee_id").references(() => employee.id),
    // The login whose role, units or activity an admin changed.
    targetUserId: integer("target_user_id").references(() => userAccount.id),
    filters: text("filters").notNull().default(""),
    rowCount: integer("row_count").notNull(),
    requestId: text("request_id").notNull(),
  },
  (t) => [
    index("audit_event_at").on(t.at),
    index("audit_event_target").on(t.targetEmployeeId),
    index("audit_event_actor").on(t.actorUserId),
  ],
);

/** Other names the vendor's file uses for a course ("AI-Awareness" for ai). HR can add more. */
export const courseAlias = sqliteTable("course_alias", {
  alias: text("alias").primaryKey(), // normalised: lower-case, no spaces, hyphens or dots
  courseId: integer("course_id")
    .notNull()
    .references(() => course.id),
});

/** An uploaded file waiting for HR to confirm the preview (web uploads only). */
export const pendingImport = sqliteTable("pending_import", {
  id: text("id").primaryKey(),
  kind: text("kind", { enum: ["roster", "completions"] }).notNull(),
  fileName: text("file_name").notNull(),
  // The uploaded file is no longer kept once it has been read (it may hold CPR numbers).
  content: blob("content", { mode: "buffer" }).notNull(),
  // The file read, validated and planned once, at upload (JSON, see imports/prepared.ts): the
  // preview and the apply use this, so nobody re-parses the file.
  prepared: text("prepared"),
  // After the apply: the summary shown once on the import page (a flash value), then the row goes.
  appliedSummary: text("applied_summary"),
  uploadedByUserId: integer("uploaded_by_user_id")
    .notNull()
    .references(() => userAccount.id, { onDelete: "cascade" }),
  uploadedAt: integer("uploaded_at").notNull(),
});

/** What the retention job removed: anonymous counts only. */
export const retentionRun = sqliteTable("retention_run", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  ranAt: integer("ran_at").notNull(),
  leftBefore: text("left_before").notNull(),
  employeesRemoved: integer("employees_removed").notNull(),
  completionsRemoved: integer("completions_removed").notNull(),
  otherRowsRemoved: integer("other_rows_removed").notNull(),
});

/** Failed logins, per account and per client address, for the login limit (10 per 10 minutes). */
export const loginFailure = sqliteTable(
  "login_failure",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    key: text("key").notNull(), // "konto:<e-mail>" or "ip:<address>"
    at: integer("at").notNull(),
  },
  (t) => [index("login_failure_key_at").on(t.key, t.at)],
);

export const AI_TOOL_STATUSES = [
  "approved",
  "without_personal_data",
  "requires_approval",
  "not_allowed",
] as const;
export type AiToolStatus = (typeof AI_TOOL_STATUSES)[number];

/** The AI tools list on /ai-vaerktoejer, kept by IT & Digitalisering (admins). Retired tools stay. */
export const aiTool = sqliteTable("ai_tool", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull().unique(),
  status: text("status", { enum: AI_TOOL_STATUSES }).notNull(),
  summary: text("summary").notNull(),
  // One item per line: what the tool may be used for, and what not.
  allowed: text("allowed").notNull().default(""),
  notAllowed: text("not_allowed").notNull().default(""),
  note: text("note").notNull().default(""),
  sortOrder: integer("sort_order").notNull(),
  retiredAt: integer("retired_at"),
});

/** Every change of the AI tools list: who, when, what. Append-only by convention (never updated). */
export const aiToolChange = sqliteTable(
  "ai_tool_change",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    toolId: integer("tool_id")
      .notNull()
      .references(() => aiTool.id),
    at: integer("at").notNull(), // UTC milliseconds
    actorUserId: integer("actor_user_id").references(() => userAccount.id),
    actorName: text("actor_name").notNull(),
    kind: text("kind", { enum: ["created", "updated", "retired", "reinstated"] }).notNull(),
    // Danish, ready to show: "Status: Godkendt → Kræver godkendelse; Note ændret".
    description: text("description").notNull(),
    // The course version an admin published by marking the change material (re-attestation).
    publishedVersion: text("published_version"),
  },
  (t) => [index("ai_tool_change_at").on(t.at)],
);

export const MAIL_STATUSES = ["queued", "sent", "failed"] as const;

/**
 * Every e-mail the site sends goes through this outbox (sign-in links now, reminders later).
 * A row never holds a usable sign-in link: a sign-in mail stores only a reference to its
 * `login_link` row, and each delivery attempt mints the token it puts into the mail.
 */
export const mailOutbox = sqliteTable(
  "mail_outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind").notNull(), // "login_link", "reminder", …
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    // The body; "{{link}}" marks where a sign-in link goes when the mail is delivered.
    text: text("text").notNull(),
    html: text("html"),
    loginLinkId: integer("login_link_id").references(() => loginLink.id, { onDelete: "set null" }),
    status: text("status", { enum: MAIL_STATUSES }).notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at"), // null: not to be tried (sent, given up, or no SMTP)
    lastError: text("last_error"),
    createdAt: integer("created_at").notNull(),
    sentAt: integer("sent_at"),
  },
  (t) => [index("mail_outbox_due").on(t.status, t.nextAttemptAt)],
);

/** A one-time sign-in link sent by e-mail: only SHA-256 of its token is kept; 15 minutes, once. */
export const loginLink = sqliteTable(
  "login_link",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    employeeId: integer("employee_id")
      .notNull()
      .references(() => employee.id, { onDelete: "cascade" }),
    email: text("email").notNull(), // lower-case, for the per-address limit
    // Null until a delivery attempt mints the token; replaced by each new attempt.
    tokenHash: blob("token_hash", { mode: "buffer" }).unique(),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
    usedAt: integer("used_at"),
  },
  (t) => [index("login_link_email").on(t.email, t.createdAt)],
);

/**
 * The verification code printed on a certificate; `/bevis/<code>` confirms it to anyone holding it.
 * One code per completion, random (unguessable), gone with the completion.
 */
export const certificateCode = sqliteTable("certificate_code", {
  code: text("code").primaryKey(),
  completionId: integer("completion_id")
    .notNull()
    .unique()
    .references(() => completion.id, { onDelete: "cascade" }),
  createdAt: integer("created_at").notNull(),
});

/**
 * The kept status (issue 14): one row per employee x course with what the status rule needs to
 * classify any date from the row's last change on, so overviews, lists and exports classify,
 * filter, count and page in SQL instead of recomputing everyone's history. Derived data only:
 * `app/compliance/kept-status.server.ts` writes it in the same transaction as every change to
 * its inputs, `rebuildKeptStatus()` rebuilds it all and `npm run db:verify` checks it.
 */
export const keptStatus = sqliteTable(
  "kept_status",
  {
    employeeId: integer("employee_id").notNull(),
    courseId: integer("course_id").notNull(),
    unitId: integer("unit_id").notNull(),
    /** The unit's materialised path ("/1/5/23/"), so a subtree is a range of the index. */
    unitPath: text("unit_path").notNull(),
    startDate: text("start_date").notNull(),
    endDate: text("end_date"),
    /** Sort keys that order as the Danish collator does (see kept-status.server.ts). */
    nameKey: text("name_key").notNull(),
    numberKey: text("number_key").notNull(),
    /** The sort key of the unit's full label ("Børn, Sundhed & Velfærd > Børn & Familie"). */
    unitKey: text("unit_key").notNull(),
    /** Non-annulled exemption windows; with exactly one, its dates are below (more: SQL looks them up). */
    exemptionCount: integer("exemption_count").notNull(),
    exemptFrom: text("exempt_from"),
    exemptUntil: text("exempt_until"),
    /** The expiry of the completion that lasts longest, its date, and the latest completion date. */
    validUntil: text("valid_until"),
    bestCompletedOn: text("best_completed_on"),
    lastCompletedOn: text("last_completed_on"),
    /** The frist when there is no completion (campaign deadline or due period). */
    dueWithout: text("due_without").notNull(),
    /**
     * The rule's status at each stored month end (kept_month_end, by position): n = not listed,
     * x = exempt, d = completed, m = not completed. Lets a write move the month-end counts exactly.
     */
    monthCodes: text("month_codes").notNull().default(""),
  },
  (t) => [
    primaryKey({ columns: [t.employeeId, t.courseId] }),
    // Covers the counting and filtering of a subtree: no row lookups for overviews.
    index("kept_status_scope").on(
      t.courseId,
      t.unitPath,
      t.startDate,
      t.endDate,
      t.exemptionCount,
      t.exemptFrom,
      t.exemptUntil,
      t.validUntil,
      t.dueWithout,
      // Read only for rows with several exemptions, but without it every row is a table lookup.
      t.employeeId,
    ),
    // The default sort: the first page of a large scope reads the index in order.
    index("kept_status_name").on(t.courseId, t.nameKey, t.employeeId),
    // The same for the sort by unit.
    index("kept_status_unit").on(t.courseId, t.unitKey, t.nameKey, t.employeeId),
  ],
);

/** The month ends whose counts are kept (the trend's past points), oldest first. */
export const keptMonthEnd = sqliteTable("kept_month_end", {
  position: integer("position").primaryKey(),
  monthEnd: text("month_end").notNull().unique(),
});

/** Per month end, course and unit path: how many were listed, exempt and completed (the trend). */
export const keptMonthCount = sqliteTable(
  "kept_month_count",
  {
    monthEnd: text("month_end").notNull(),
    courseId: integer("course_id").notNull(),
    unitPath: text("unit_path").notNull(),
    listed: integer("listed").notNull(),
    exempt: integer("exempt").notNull(),
    done: integer("done").notNull(),
  },
  (t) => [primaryKey({ columns: [t.monthEnd, t.courseId, t.unitPath] })],
);

/**
 * Per course and unit (its people and everyone below it; "/" is the whole organisation): how many
 * people have each status on `day` (one day is kept, normally today), moved by every write in the
 * same transaction as the kept rows. Course id 0 counts people with that status in any course.
 * The overviews and the people list's counts read these rows instead of a million kept rows.
 */
export const keptDayCount = sqliteTable(
  "kept_day_count",
  {
    day: text("day").notNull(),
    courseId: integer("course_id").notNull(),
    unitPath: text("unit_path").notNull(),
    exempt: integer("exempt").notNull(),
    completed: integer("completed").notNull(),
    expiringSoon: integer("expiring_soon").notNull(),
    missing: integer("missing").notNull(),
    overdue: integer("overdue").notNull(),
    /** Missing or overdue; completed or expiring soon (the people list's combined filters). */
    notCompleted: integer("not_completed").notNull(),
    done: integer("done").notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.courseId, t.unitPath] })],
);

/**
 * The xAPI statements already accepted by the learning record store (XAPI_LRS_URL), by their
 * deterministic id (app/xapi/statements.ts): a send run posts only the statements not here.
 * No personal data: the id is a UUID derived from the completion or quiz attempt.
 */
export const xapiStatementSent = sqliteTable("xapi_statement_sent", {
  statementId: text("statement_id").primaryKey(),
  sentAt: integer("sent_at").notNull(), // UTC milliseconds
});

/** A file sent with a mail (the department lists' XLSX). Kept with the mail, so a retry sends the same file. */
export const mailAttachment = sqliteTable(
  "mail_attachment",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    mailId: integer("mail_id")
      .notNull()
      .references(() => mailOutbox.id, { onDelete: "cascade" }),
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    content: blob("content", { mode: "buffer" }).notNull(),
  },
  (t) => [index("mail_attachment_mail").on(t.mailId)],
);

export const REMINDER_KINDS = ["before_due", "on_due", "after_due", "new_hire", "manual", "digest"] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/**
 * Every reminder the site sent (issue 13): one row per person and course a mail reminded of, or
 * one row per manager for the weekly digest. The 7-day rule ("at most one reminder per person and
 * course per 7 days, whoever triggers it") and the daily job's "each step once" read this table.
 */
export const reminder = sqliteTable(
  "reminder",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind", { enum: REMINDER_KINDS }).notNull(),
    // Null for a digest (it is about many people).
    employeeId: integer("employee_id").references(() => employee.id, { onDelete: "cascade" }),
    courseId: integer("course_id").references(() => course.id),
    // The frist the reminder was about (so each step is sent once per frist).
    dueOn: text("due_on"),
    // The digest's recipient.
    managerUserId: integer("manager_user_id").references(() => userAccount.id, { onDelete: "cascade" }),
    // The Danish calendar day it was sent on (the 7-day rule counts days).
    sentOn: text("sent_on").notNull(),
    // Who asked for it (a manual reminder); null for the daily job.
    sentByUserId: integer("sent_by_user_id").references(() => userAccount.id, { onDelete: "set null" }),
    mailId: integer("mail_id").references(() => mailOutbox.id, { onDelete: "set null" }),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    index("reminder_employee_course").on(t.employeeId, t.courseId, t.sentOn),
    index("reminder_manager").on(t.managerUserId, t.sentOn),
  ],
);

/**
 * An AI super user (AI-superbruger) of an afdeling, as Chefforum decided on 19 June 2025 (2-4 per
 * afdeling). History: a row is never deleted or changed, except that its end date is set once
 * (a trigger enforces it), so who was a super user on any day can be shown afterwards.
 */
export const aiSuperUser = sqliteTable(
  "ai_super_user",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    employeeId: integer("employee_id")
      .notNull()
      .references(() => employee.id),
    // The afdeling (a unit at the afdeling level, see app/super-users/afdeling.ts).
    afdelingUnitId: integer("afdeling_unit_id")
      .notNull()
      .references(() => orgUnit.id),
    startDate: text("start_date").notNull(),
    // The first day the person is no longer a super user; null while they are.
    endDate: text("end_date"),
    appointedByUserId: integer("appointed_by_user_id").references(() => userAccount.id),
    appointedAt: integer("appointed_at").notNull(),
    endedByUserId: integer("ended_by_user_id").references(() => userAccount.id),
    endedAt: integer("ended_at"),
  },
  (t) => [
    index("ai_super_user_afdeling").on(t.afdelingUnitId, t.endDate),
    index("ai_super_user_employee").on(t.employeeId),
  ],
);
