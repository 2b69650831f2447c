// Reminders (issue 13): the daily job, a manager's or HR's manual reminder, the weekly digest to
// managers and the department lists. Statuses come only from the compliance service functions
// (listPeopleStatuses / buildPeopleView); every message goes through the outbox; every reminder
// about a person and course is a `reminder` row, which the 7-day rule reads, whoever sends it.
import { PassThrough } from "node:stream";
import { and, desc, eq, gte, inArray, isNull, max } from "drizzle-orm";
import type { Viewer } from "~/auth/scope";
import { topScopePaths } from "~/auth/scope";
import { type CourseInfo, listCourses } from "~/compliance/courses.server";
import { addDaysToDay, type Day } from "~/compliance/day";
import { listPeopleStatuses } from "~/compliance/people.server";
import type { PersonStatus } from "~/compliance/people-data";
import { ALL_COURSES, NOT_COMPLETED_QUERY } from "~/compliance/people-list";
import {
  buildPeopleView,
  exportTitle,
  fileSlug,
  peopleViewExportRows,
} from "~/compliance/people-view.server";
import { type CourseStatus, isNotCompleted, STATUS_LABEL } from "~/compliance/status";
import { type UnitLabeler, unitPathLabeler } from "~/compliance/units.server";
import { getDb, schema } from "~/db.server";
import { config } from "~/env.server";
import { deliverDueMail, deliverMail, enqueueMail, type SmtpSettings } from "~/mail/outbox.server";
import { writeExport } from "~/reports/export-response.server";
import { isAfdelingPath } from "~/super-users/range";
import { formatShortDate } from "~/ui/format";
import type { ReminderKind } from "../../db/schema";
import {
  departmentListMail,
  digestMail,
  personReminderMail,
  type ReminderItem,
  type ReminderReason,
} from "./messages";
import {
  DAILY_STEPS,
  type DailyStep,
  dailyStepDue,
  digestDue,
  lastSentOn,
  manualReminderAllowed,
  mayRemind,
  newHireWelcomeDue,
  nextAllowedDay,
  type SentReminder,
} from "./rules";

const { reminder, orgUnit, userAccount, managerScope } = schema;

/** The daily job and the department lists act for HR: the whole organisation. */
const WHOLE_ORGANISATION: Viewer = { role: "hr", scopePaths: [] };

/** Outbox kinds of the mails this module sends (the outbox page filters by them). */
export const REMINDER_MAIL_KINDS = {
  reminder: "Påmindelse",
  reminder_new_hire: "Velkomst til ny medarbejder",
  reminder_digest: "Ugeoversigt til leder",
  department_list: "Afdelingsliste",
} as const;

/** How far back the rules need to look: the after-step's dedupe reaches ~4 weeks back. */
const LOOKBACK_DAYS = 40;

const key = (employeeId: number, courseId: number) => `${employeeId}:${courseId}`;

/** What was sent about each person and course since `since` (all people, or the ones given). */
function sentSince(since: Day, employeeIds?: readonly number[]): Map<string, SentReminder[]> {
  const rows = getDb()
    .select({
      employeeId: reminder.employeeId,
      courseId: reminder.courseId,
      kind: reminder.kind,
      dueOn: reminder.dueOn,
      sentOn: reminder.sentOn,
    })
    .from(reminder)
    .where(
      and(
        gte(reminder.sentOn, since),
        employeeIds ? inArray(reminder.employeeId, [...employeeIds]) : undefined,
      ),
    )
    .all();
  const map = new Map<string, SentReminder[]>();
  for (const r of rows) {
    if (r.employeeId === null || r.courseId === null) continue;
    const k = key(r.employeeId, r.courseId);
    const list = map.get(k) ?? [];
    list.push(r);
    map.set(k, list);
  }
  return map;
}

interface PlannedReminder {
  person: Pick<PersonStatus, "employeeId" | "name" | "email" | "unitId">;
  kind: Exclude<ReminderKind, "digest">;
  reason: ReminderReason;
  items: (ReminderItem & { courseId: number })[];
}

function itemFor(course: CourseInfo, status: CourseStatus, frist: Day) {
  return {
    courseId: course.id,
    courseCode: course.code,
    courseTitle: course.title,
    frist,
    runningOut: status.kind === "expiringSoon",
  };
}

/**
 * Queues one person's reminder in one IMMEDIATE transaction that first re-reads the 7-day rule,
 * so a manager and the job at the same moment cannot both remind. Returns the mail id, or null
 * when nothing was left to remind of.
 */
function queueReminder(
  plan: PlannedReminder,
  day: Day,
  now: number,
  smtp: SmtpSettings | null,
  origin: string,
  labels: UnitLabeler,
  sentByUserId: number | null,
): number | null {
  return getDb().transaction(
    (tx) => {
      const items = plan.items.filter((item) => {
        const last = tx
          .select({ last: max(reminder.sentOn) })
          .from(reminder)
          .where(and(eq(reminder.employeeId, plan.person.employeeId), eq(reminder.courseId, item.courseId)))
          .get()?.last;
        return mayRemind(last ?? null, day);
      });
      if (items.length === 0) return null;
      const mail = personReminderMail({
        origin,
        name: plan.person.name,
        unitLabel: labels(plan.person.unitId),
        items,
        reason: plan.reason,
        day,
      });
      const mailId = enqueueMail(
        { kind: plan.kind === "new_hire" ? "reminder_new_hire" : "reminder", to: plan.person.email, ...mail },
        now,
        smtp,
      );
      for (const item of items) {
        tx.insert(reminder)
          .values({
            kind: plan.kind,
            employeeId: plan.person.employeeId,
            courseId: item.courseId,
            dueOn: item.frist,
            sentOn: day,
            sentByUserId,
            mailId,
            createdAt: now,
          })
          .run();
      }
      return mailId;
    },
    { behavior: "immediate" },
  );
}

export interface RunOptions {
  day: Day;
  now?: number;
  smtp?: SmtpSettings | null;
  origin?: string;
}

export interface DailyRunResult {
  /** Mails queued, per kind. */
  mails: Record<"before_due" | "on_due" | "after_due" | "new_hire" | "digest", number>;
  delivery: DeliveryResult;
}

/** The daily job: the steps due today, new hires' welcomes, and (once a week) the managers' digests. */
export async function runDailyReminders(options: RunOptions): Promise<DailyRunResult> {
  const { day } = options;
  const now = options.now ?? Date.now();
  const smtp = options.smtp === undefined ? config().smtp : options.smtp;
  const origin = options.origin ?? config().publicOrigin;
  const courses = listCourses();
  const labels = unitPathLabeler();
  const people = listPeopleStatuses({ viewer: WHOLE_ORGANISATION, unitPath: "/", asOf: day, courses });
  const sent = sentSince(addDaysToDay(day, -LOOKBACK_DAYS));
  const welcomed = new Set(
    getDb()
      .select({ id: reminder.employeeId })
      .from(reminder)
      .where(and(eq(reminder.kind, "new_hire"), gte(reminder.sentOn, addDaysToDay(day, -LOOKBACK_DAYS))))
      .all()
      .map((r) => r.id),
  );

  const mails: DailyRunResult["mails"] = { before_due: 0, on_due: 0, after_due: 0, new_hire: 0, digest: 0 };
  const queued: number[] = [];
  for (const person of people) {
    let plan: PlannedReminder | null = null;
    if (newHireWelcomeDue(person.startDate, day, welcomed.has(person.employeeId))) {
      const items = courses.flatMap((c) => {
        const status = person.statuses[c.code];
        return status && isNotCompleted(status) && "due" in status ? [itemFor(c, status, status.due)] : [];
      });
      if (items.length > 0) plan = { person, kind: "new_hire", reason: { kind: "new_hire" }, items };
    }
    if (!plan) {
      const due = courses.flatMap((c) => {
        const status = person.statuses[c.code];
        if (!status) return [];
        const step = dailyStepDue({ status, day, sent: sent.get(key(person.employeeId, c.id)) ?? [] });
        return step ? [{ ...itemFor(c, status, step.frist), step: step.step }] : [];
      });
      // One mail per person; it is counted as its most urgent step.
      const step = DAILY_STEPS.filter((s) => due.some((d) => d.step === s)).at(-1);
      if (step) plan = { person, kind: step, reason: { kind: "daily", step }, items: due };
    }
    if (!plan) continue;
    const mailId = queueReminder(plan, day, now, smtp, origin, labels, null);
    if (mailId === null) continue;
    queued.push(mailId);
    mails[plan.kind as DailyStep | "new_hire"]++;
  }

  for (const mailId of queueDigests(day, now, smtp, origin, courses, labels)) {
    queued.push(mailId);
    mails.digest++;
  }
  return { mails, delivery: await deliver(queued, now, smtp) };
}

/** Active managers with their units (the roster's Leder column or an admin gave them). */
function activeManagers() {
  const rows = getDb()
    .select({
      userId: userAccount.id,
      name: userAccount.name,
      email: userAccount.email,
      unitId: orgUnit.id,
      path: orgUnit.path,
    })
    .from(userAccount)
    .innerJoin(managerScope, eq(managerScope.userId, userAccount.id))
    .innerJoin(orgUnit, eq(orgUnit.id, managerScope.orgUnitId))
    .where(and(eq(userAccount.role, "manager"), isNull(userAccount.deactivatedAt)))
    .all();
  const managers = new Map<
    number,
    { userId: number; name: string; email: string; units: { id: number; path: string }[] }
  >();
  for (const r of rows) {
    const m = managers.get(r.userId) ?? { userId: r.userId, name: r.name, email: r.email, units: [] };
    m.units.push({ id: r.unitId, path: r.path });
    managers.set(r.userId, m);
  }
  return [...managers.values()];
}

function describeStatuses(person: PersonStatus, courses: readonly CourseInfo[]): string {
  return courses
    .flatMap((c) => {
      const s = person.statuses[c.code];
      return s && (s.kind === "missing" || s.kind === "overdue")
        ? [`${c.title} ${STATUS_LABEL[s.kind].toLowerCase()}, frist ${formatShortDate(s.due)}`]
        : [];
    })
    .join("; ");
}

/** One digest per manager per week (the first run of the week), covering all their units. */
function queueDigests(
  day: Day,
  now: number,
  smtp: SmtpSettings | null,
  origin: string,
  courses: CourseInfo[],
  labels: UnitLabeler,
): number[] {
  const queued: number[] = [];
  for (const manager of activeManagers()) {
    const tops = topScopePaths(manager.units.map((u) => u.path));
    const viewer: Viewer = { role: "manager", scopePaths: tops };
    const missing = listPeopleStatuses({ viewer, unitPath: "/", asOf: day, courses }).filter((p) =>
      courses.some((c) => {
        const s = p.statuses[c.code];
        return s !== undefined && isNotCompleted(s);
      }),
    );
    if (missing.length === 0) continue;
    const units = tops.map((path) => {
      const unit = manager.units.find((u) => u.path === path) as { id: number; path: string };
      return {
        unitId: unit.id,
        label: labels(unit.id),
        people: missing
          .filter((p) => p.unitPath.startsWith(path))
          .sort((a, b) => a.name.localeCompare(b.name, "da"))
          .map((p) => ({ name: p.name, courses: describeStatuses(p, courses) })),
      };
    });
    const mailId = getDb().transaction(
      (tx) => {
        const last = tx
          .select({ last: max(reminder.sentOn) })
          .from(reminder)
          .where(and(eq(reminder.kind, "digest"), eq(reminder.managerUserId, manager.userId)))
          .get()?.last;
        if (!digestDue(last ?? null, day)) return null;
        const id = enqueueMail(
          {
            kind: "reminder_digest",
            to: manager.email,
            ...digestMail({ origin, name: manager.name, units, day }),
          },
          now,
          smtp,
        );
        tx.insert(reminder)
          .values({ kind: "digest", managerUserId: manager.userId, sentOn: day, mailId: id, createdAt: now })
          .run();
        return id;
      },
      { behavior: "immediate" },
    );
    if (mailId !== null) queued.push(mailId);
  }
  return queued;
}

export interface DeliveryResult {
  sent: number;
  failed: number;
  /** Without SMTP nothing is sent: the mails stay in the outbox. */
  withoutSmtp: boolean;
  retried: number;
}

/** The new mails, then earlier failures whose retry time has come. */
async function deliver(
  ids: readonly number[],
  now: number,
  smtp: SmtpSettings | null,
): Promise<DeliveryResult> {
  if (!smtp) return { sent: 0, failed: 0, withoutSmtp: true, retried: 0 };
  let sent = 0;
  let failed = 0;
  for (const id of ids) {
    const result = await deliverMail(id, now, smtp);
    if (result === "sent") sent++;
    else if (result === "failed") failed++;
  }
  // What failed now waits for its retry time, so this takes only the earlier failures that are due.
  const retried = await deliverDueMail(now, smtp);
  return { sent, failed, withoutSmtp: false, retried };
}

// ---------------------------------------------------------------------------------------------
// Manual reminders

export interface ManualRequest {
  viewer: Viewer;
  unitPath: string;
  /** The people chosen, or "all": everyone who has not completed. */
  employeeIds: readonly number[] | "all";
  /** A course code, or ALL_COURSES. */
  course: string;
  day: Day;
}

export interface ManualPlan {
  recipients: {
    employeeId: number;
    unitId: number;
    name: string;
    email: string;
    unitLabel: string;
    items: (ReminderItem & { courseId: number })[];
  }[];
  skipped: { employeeId: number; name: string; reason: string }[];
}

/** Who would get a reminder (and about what), and who not and why. Scope is the viewer's, in SQL. */
export function planManualReminders(request: ManualRequest): ManualPlan {
  const courses = listCourses().filter((c) => request.course === ALL_COURSES || c.code === request.course);
  const labels = unitPathLabeler();
  const people = listPeopleStatuses({
    viewer: request.viewer,
    unitPath: request.unitPath,
    asOf: request.day,
    courses: listCourses(),
  });
  const wanted = request.employeeIds === "all" ? null : new Set(request.employeeIds);
  const chosen = people
    .filter((p) =>
      wanted
        ? wanted.has(p.employeeId)
        : courses.some((c) => {
            const s = p.statuses[c.code];
            return s !== undefined && isNotCompleted(s);
          }),
    )
    .sort((a, b) => a.name.localeCompare(b.name, "da"));
  const sent = sentSince(
    addDaysToDay(request.day, -LOOKBACK_DAYS),
    chosen.map((p) => p.employeeId),
  );
  const plan: ManualPlan = { recipients: [], skipped: [] };
  for (const person of chosen) {
    const items: ManualPlan["recipients"][number]["items"] = [];
    let recentUntil: Day | null = null;
    for (const course of courses) {
      const status = person.statuses[course.code];
      if (!status) continue;
      const history = sent.get(key(person.employeeId, course.id)) ?? [];
      const verdict = manualReminderAllowed(status, history, request.day);
      if (verdict === "allowed" && "due" in status) items.push(itemFor(course, status, status.due));
      if (verdict === "recent") {
        const next = nextAllowedDay(lastSentOn(history) as Day);
        if (recentUntil === null || next > recentUntil) recentUntil = next;
      }
    }
    if (items.length > 0) {
      plan.recipients.push({
        employeeId: person.employeeId,
        unitId: person.unitId,
        name: person.name,
        email: person.email,
        unitLabel: labels(person.unitId),
        items,
      });
    } else {
      plan.skipped.push({
        employeeId: person.employeeId,
        name: person.name,
        reason: recentUntil
          ? `Har fået en påmindelse inden for 7 dage. Næste kan sendes ${formatShortDate(recentUntil)}.`
          : "Har gennemført eller er fritaget.",
      });
    }
  }
  return plan;
}

/** Who the footer says asked for the reminder. */
export function senderLabel(sender: { name: string; role: string }): string {
  return sender.role === "hr" ? `${sender.name} fra HR` : `Din leder, ${sender.name},`;
}

/** Sends what the plan says (computed again here: the browser's list is never trusted). */
export function sendManualReminders(
  request: ManualRequest,
  sender: { id: number; name: string; role: string },
  options: { now?: number; smtp?: SmtpSettings | null; origin?: string } = {},
): { queued: number[]; recipients: number[]; skipped: number; delivered: Promise<DeliveryResult> } {
  const now = options.now ?? Date.now();
  const smtp = options.smtp === undefined ? config().smtp : options.smtp;
  const origin = options.origin ?? config().publicOrigin;
  const plan = planManualReminders(request);
  const labels = unitPathLabeler();
  const queued: number[] = [];
  const recipients: number[] = [];
  let skipped = plan.skipped.length;
  for (const r of plan.recipients) {
    const mailId = queueReminder(
      {
        person: r,
        kind: "manual",
        reason: { kind: "manual", by: senderLabel(sender) },
        items: r.items,
      },
      request.day,
      now,
      smtp,
      origin,
      labels,
      sender.id,
    );
    if (mailId === null) skipped++;
    else {
      queued.push(mailId);
      recipients.push(r.employeeId);
    }
  }
  return { queued, recipients, skipped, delivered: deliver(queued, now, smtp) };
}

// ---------------------------------------------------------------------------------------------
// Department lists

/** The afdelinger: the units on the second level (below a direktørområde), with their heads. */
export function listDepartments() {
  const labels = unitPathLabeler();
  const managers = activeManagers();
  return getDb()
    .select()
    .from(orgUnit)
    .all()
    .filter((u) => isAfdelingPath(u.path))
    .map((unit) => ({
      unit,
      label: labels(unit.id),
      heads: managers.filter((m) => m.units.some((u) => u.id === unit.id)),
    }))
    .sort((a, b) => a.label.localeCompare(b.label, "da"));
}

/** Who in the afdeling has not completed GDPR or AI: the rows, the file's title and its name. */
export function departmentList(
  unit: { id: number; name: string; path: string; parentId: number | null },
  day: Day,
) {
  const view = buildPeopleView({ viewer: WHOLE_ORGANISATION, unit, query: NOT_COMPLETED_QUERY, asOf: day });
  const rows = [...peopleViewExportRows(view, NOT_COMPLETED_QUERY)];
  return {
    rows,
    people: view.people.length,
    meta: {
      title: exportTitle(view, NOT_COMPLETED_QUERY),
      scope: view.scopeLabel,
      asOf: day,
      filters: view.filters,
    },
    fileName: `afdelingsliste_${fileSlug(unit.name)}_${day}.xlsx`,
  };
}

export async function departmentListXlsx(list: ReturnType<typeof departmentList>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (c: Buffer) => chunks.push(c));
  await writeExport("xlsx", list.rows, list.meta, out);
  return Buffer.concat(chunks);
}

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Mails each afdeling's head the XLSX of who in the afdeling has not completed. */
export async function sendDepartmentLists(options: RunOptions) {
  const { day } = options;
  const now = options.now ?? Date.now();
  const smtp = options.smtp === undefined ? config().smtp : options.smtp;
  const queued: number[] = [];
  const withoutHead: string[] = [];
  for (const department of listDepartments()) {
    if (department.heads.length === 0) {
      withoutHead.push(department.label);
      continue;
    }
    const list = departmentList(department.unit, day);
    const content = await departmentListXlsx(list);
    for (const head of department.heads) {
      const mail = departmentListMail({
        name: head.name,
        department: department.label,
        count: list.rows.length,
        day,
      });
      // The mail and its file in one transaction: a mail is never sent without its attachment.
      const mailId = getDb().transaction(
        () =>
          enqueueMail(
            {
              kind: "department_list",
              to: head.email,
              ...mail,
              attachments: [{ fileName: list.fileName, contentType: XLSX_TYPE, content }],
            },
            now,
            smtp,
          ),
        { behavior: "immediate" },
      );
      queued.push(mailId);
    }
  }
  return { mails: queued.length, withoutHead, delivery: await deliver(queued, now, smtp) };
}

// ---------------------------------------------------------------------------------------------
// What a person got (their page)

export const REMINDER_KIND_LABEL: Record<ReminderKind, string> = {
  before_due: "Før fristen",
  on_due: "På fristen",
  after_due: "En uge efter fristen",
  new_hire: "Velkomst som ny",
  manual: "Sendt af leder eller HR",
  digest: "Ugeoversigt",
};

/** The reminders one employee got, newest first (the caller has checked they may see the person). */
export function remindersForEmployee(employeeId: number) {
  return getDb()
    .select({
      id: reminder.id,
      kind: reminder.kind,
      sentOn: reminder.sentOn,
      dueOn: reminder.dueOn,
      course: schema.course.title,
      sentBy: userAccount.name,
      mailStatus: schema.mailOutbox.status,
      mailError: schema.mailOutbox.lastError,
    })
    .from(reminder)
    .leftJoin(schema.course, eq(schema.course.id, reminder.courseId))
    .leftJoin(userAccount, eq(userAccount.id, reminder.sentByUserId))
    .leftJoin(schema.mailOutbox, eq(schema.mailOutbox.id, reminder.mailId))
    .where(eq(reminder.employeeId, employeeId))
    .orderBy(desc(reminder.id))
    .limit(100)
    .all();
}

/** The mail the first recipient of a manual reminder would get: the page's preview. */
export function manualReminderPreview(
  recipient: ManualPlan["recipients"][number],
  sender: { name: string; role: string },
  day: Day,
) {
  return personReminderMail({
    origin: config().publicOrigin,
    name: recipient.name,
    unitLabel: recipient.unitLabel,
    items: recipient.items,
    reason: { kind: "manual", by: senderLabel(sender) },
    day,
  });
}
