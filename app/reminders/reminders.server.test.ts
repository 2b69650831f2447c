// The reminder runs against a real SMTP server on loopback (smtp-server), on an in-memory
// database, with the day passed in. Each test builds its own organisation (its own units, people
// and manager) in a year of its own, and looks only at the mails to its own people.
import { and, eq, inArray } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { currentVersion, listCourses } from "~/compliance/courses.server";
import { addDaysToDay, type Day } from "~/compliance/day";
import { refreshKeptStatus } from "~/compliance/kept-status.server";
import { ALL_COURSES } from "~/compliance/people-list";
import { getDb, schema } from "~/db.server";
import { createAccount, createEmployee, createUnit } from "~/test-fixtures";
import { startTestSmtp, type TestSmtp } from "../../e2e/test-smtp";
import { runDailyReminders, sendDepartmentLists, sendManualReminders } from "./reminders.server";

let mailServer: TestSmtp;
let smtp: { url: string; from: string };
const origin = "https://laering.albertslund.test";

/** Undoes quoted-printable, so the text can be searched. */
const decode = (raw: string) =>
  Buffer.from(
    raw
      .replace(/=\r?\n/g, "")
      .replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(Number.parseInt(h, 16))),
    "latin1",
  ).toString("utf8");

/** Every mail the SMTP server accepted, with its text decoded so it can be searched. */
const received = () => mailServer.mails.map((m) => ({ to: m.to, body: decode(m.raw) }));

beforeAll(async () => {
  mailServer = await startTestSmtp();
  smtp = { url: mailServer.url, from: "laering@albertslund.test" };
});
afterAll(() => mailServer.close());

const db = () => getDb();
let n = 0;
function person(unit: { id: number }, label: string, startDate: Day, fields: { endDate?: Day } = {}) {
  n++;
  return createEmployee(db(), unit, {
    name: `${label} ${n}`,
    email: `${label.toLowerCase()}-${n}@albertslund.test`,
    employeeNumber: `R${n}`,
    startDate,
    ...fields,
  });
}
function complete(employeeId: number, completedOn: Day) {
  for (const c of listCourses())
    db()
      .insert(schema.completion)
      .values({
        employeeId,
        courseId: c.id,
        completedOn,
        courseVersion: currentVersion(c),
        source: "import",
        recordedAt: Date.now(),
      })
      .run();
  // As the app's write paths do: the kept status follows the new rows.
  refreshKeptStatus(db(), [employeeId]);
}
function exempt(employeeId: number, from: Day) {
  for (const c of listCourses())
    db()
      .insert(schema.exemption)
      .values({
        employeeId,
        courseId: c.id,
        reason: "Orlov",
        validFrom: from,
        validUntil: null,
        createdAt: Date.now(),
      })
      .run();
  refreshKeptStatus(db(), [employeeId]);
}
function manager(unitId: number, label: string) {
  n++;
  const account = createAccount(db(), "manager", {
    name: `${label} ${n}`,
    email: `${label.toLowerCase()}-${n}@albertslund.test`,
  });
  db().insert(schema.managerScope).values({ userId: account.id, orgUnitId: unitId }).run();
  return account;
}
const mailsTo = (email: string) => received().filter((m) => m.to.includes(email));
const remindersOf = (employeeId: number) =>
  db()
    .select({ kind: schema.reminder.kind, dueOn: schema.reminder.dueOn, sentOn: schema.reminder.sentOn })
    .from(schema.reminder)
    .where(eq(schema.reminder.employeeId, employeeId))
    .orderBy(schema.reminder.id)
    .all();
const outboxTo = (email: string) =>
  db().select().from(schema.mailOutbox).where(eq(schema.mailOutbox.to, email)).all();

describe("the daily reminder run", () => {
  it("sends exactly the mails the rules say, nothing on a second run, and the next step a week later", async () => {
    const D = "2026-12-07";
    const unit = createUnit(db(), `Dagligt ${Date.now()}`);
    const before = person(unit, "Foer", addDaysToDay(D, -20)); // frist D+10
    const onDue = person(unit, "Paa", addDaysToDay(D, -30)); // frist D
    const after = person(unit, "Efter", addDaysToDay(D, -37)); // frist D-7
    const newHire = person(unit, "Ny", D);
    const exemptOne = person(unit, "Fritaget", addDaysToDay(D, -30));
    exempt(exemptOne.id, addDaysToDay(D, -40));
    const leaver = person(unit, "Stoppet", addDaysToDay(D, -30), { endDate: D });
    const done = person(unit, "Faerdig", addDaysToDay(D, -30));
    complete(done.id, addDaysToDay(D, -5));
    const longOverdue = person(unit, "Laengebagud", addDaysToDay(D, -100)); // frist D-70: no automatic mail
    const boss = manager(unit.id, "Leder");
    const ours = [before, onDue, after, newHire, exemptOne, leaver, done, longOverdue].map((p) => p.email);
    const count = () =>
      received().filter((m) => m.to.some((t) => ours.includes(t) || t === boss.email)).length;

    const first = await runDailyReminders({ day: D, smtp, origin });
    expect(first.delivery.failed).toBe(0);
    for (const p of [before, onDue, after, newHire]) expect(mailsTo(p.email)).toHaveLength(1);
    for (const p of [exemptOne, leaver, done, longOverdue]) expect(mailsTo(p.email)).toHaveLength(0);
    expect(mailsTo(boss.email)).toHaveLength(1);
    expect(count()).toBe(5);
    expect(first.mails.before_due).toBeGreaterThanOrEqual(1);

    // One mail per person, about both courses, each recorded as the step it was.
    expect(remindersOf(before.id).map((r) => r.kind)).toEqual(["before_due", "before_due"]);
    expect(remindersOf(onDue.id).map((r) => r.kind)).toEqual(["on_due", "on_due"]);
    expect(remindersOf(after.id).map((r) => r.kind)).toEqual(["after_due", "after_due"]);
    expect(remindersOf(newHire.id).map((r) => r.kind)).toEqual(["new_hire", "new_hire"]);
    expect(outboxTo(newHire.email)[0]?.kind).toBe("reminder_new_hire");

    // The text: Danish, the frist, a course link through the sign-in, and the footer.
    const mail = mailsTo(before.email)[0]?.body ?? "";
    expect(mail).toContain(`Hej ${before.name}`);
    expect(mail).toContain("fristen er 17. december 2026");
    expect(mail).toContain(`${origin}/login?redirectTo=%2Fkurser%2Fgdpr`);
    expect(mail).toContain(`${origin}/login?redirectTo=%2Fkurser%2Fai`);
    expect(mail).toContain("Hvorfor får du denne mail?");
    expect(mail).toContain("Content-Type: text/html");
    expect(mailsTo(after.email)[0]?.body).toContain("fristen var 30. november 2026, så du er bagud");

    // The digest: everyone in the manager's units who has not completed, and no one else.
    const digest = mailsTo(boss.email)[0]?.body ?? "";
    for (const p of [before, onDue, after, newHire, longOverdue]) expect(digest).toContain(p.name);
    for (const p of [exemptOne, leaver, done]) expect(digest).not.toContain(p.name);
    expect(digest).toContain(`${origin}/enheder/${unit.id}/hvem-mangler`);

    // The same day again: nothing at all.
    const total = received().length;
    const again = await runDailyReminders({ day: D, smtp, origin });
    expect(again.mails).toEqual({ before_due: 0, on_due: 0, after_due: 0, new_hire: 0, digest: 0 });
    expect(received().length).toBe(total);

    // A week later: the one whose frist was on D gets the after-step, the manager the next digest.
    await runDailyReminders({ day: addDaysToDay(D, 7), smtp, origin });
    expect(mailsTo(onDue.email)).toHaveLength(2);
    expect(remindersOf(onDue.id).map((r) => r.kind)).toEqual(["on_due", "on_due", "after_due", "after_due"]);
    for (const p of [before, after, newHire, exemptOne, leaver, done, longOverdue]) {
      expect(mailsTo(p.email).length).toBeLessThanOrEqual(1);
    }
    expect(mailsTo(boss.email)).toHaveLength(2);
    expect(count()).toBe(7);
  });

  it("a failing SMTP server leaves failed messages that a later run retries, without sending twice", async () => {
    const D = "2028-05-01";
    const unit = createUnit(db(), `Fejl ${Date.now()}`);
    const someone = person(unit, "Senere", addDaysToDay(D, -20));
    mailServer.failing = true;
    try {
      const run = await runDailyReminders({ day: D, smtp, origin, now: Date.now() });
      expect(run.delivery.failed).toBeGreaterThanOrEqual(1);
    } finally {
      mailServer.failing = false;
    }
    const [failed] = outboxTo(someone.email);
    expect(failed).toMatchObject({ status: "failed", attempts: 1 });
    expect(failed?.lastError).toContain("midlertidigt utilgængelig");
    expect(mailsTo(someone.email)).toHaveLength(0);

    // The next day's run retries it (its retry time has come) and queues nothing new for them.
    const next = await runDailyReminders({
      day: addDaysToDay(D, 1),
      smtp,
      origin,
      now: Date.now() + 86_400_000,
    });
    expect(next.delivery.retried).toBeGreaterThanOrEqual(1);
    expect(mailsTo(someone.email)).toHaveLength(1);
    expect(outboxTo(someone.email)).toHaveLength(1);
    expect(outboxTo(someone.email)[0]).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("without SMTP the messages stay in the outbox, marked as not sent", async () => {
    const D = "2029-09-03";
    const unit = createUnit(db(), `Uden ${Date.now()}`);
    const someone = person(unit, "Udensmtp", addDaysToDay(D, -20));
    const run = await runDailyReminders({ day: D, smtp: null, origin });
    expect(run.delivery.withoutSmtp).toBe(true);
    expect(outboxTo(someone.email)[0]).toMatchObject({ status: "queued", nextAttemptAt: null });
    expect(mailsTo(someone.email)).toHaveLength(0);
  });
});

describe("a manager's manual reminder", () => {
  it("respects the 7-day rule, whoever sent the last one, and stays inside the manager's units", async () => {
    const D = "2027-03-01";
    const unit = createUnit(db(), `Manuel ${Date.now()}`);
    const other = createUnit(db(), `Anden ${Date.now()}`);
    const first = person(unit, "Foerste", addDaysToDay(D, -10)); // frist D+20
    const second = person(unit, "Anden", addDaysToDay(D, -10));
    const done = person(unit, "Klar", addDaysToDay(D, -10));
    complete(done.id, D);
    const outside = person(other, "Udenfor", addDaysToDay(D, -10));
    const boss = manager(unit.id, "Chef");
    const viewer = { role: "manager" as const, scopePaths: [unit.path] };
    const sender = { id: boss.id, name: boss.name, role: "manager" };
    const request = (ids: number[] | "all", day: Day) => ({
      viewer,
      unitPath: unit.path,
      employeeIds: ids,
      course: ALL_COURSES,
      day,
    });

    const sent = sendManualReminders(request([first.id, done.id, outside.id], D), sender, { smtp, origin });
    await sent.delivered;
    expect(mailsTo(first.email)).toHaveLength(1);
    expect(mailsTo(first.email)[0]?.body).toContain(
      `Din leder, ${boss.name}, har bedt siden sende dig en påmindelse`,
    );
    expect(mailsTo(done.email)).toHaveLength(0);
    expect(mailsTo(outside.email)).toHaveLength(0);
    expect(remindersOf(outside.id)).toEqual([]);

    // Three days later "alle, der ikke har gennemført": only the one not reminded yet.
    await sendManualReminders(request("all", addDaysToDay(D, 3)), sender, { smtp, origin }).delivered;
    expect(mailsTo(first.email)).toHaveLength(1);
    expect(mailsTo(second.email)).toHaveLength(1);

    // The daily job's before-step (frist 14 days away on D+6) waits for the 7 days …
    await runDailyReminders({ day: addDaysToDay(D, 6), smtp, origin });
    expect(mailsTo(first.email)).toHaveLength(1);
    await runDailyReminders({ day: addDaysToDay(D, 7), smtp, origin });
    expect(mailsTo(first.email)).toHaveLength(2);
    // … and a manager's reminder the day after the job's is refused in turn.
    const late = sendManualReminders(request([first.id], addDaysToDay(D, 8)), sender, { smtp, origin });
    await late.delivered;
    expect(late.queued).toEqual([]);
    expect(mailsTo(first.email)).toHaveLength(2);
    const kinds = db()
      .select({ kind: schema.reminder.kind, by: schema.reminder.sentByUserId })
      .from(schema.reminder)
      .where(and(eq(schema.reminder.employeeId, first.id), inArray(schema.reminder.kind, ["manual"])))
      .all();
    expect(kinds).toEqual([
      { kind: "manual", by: boss.id },
      { kind: "manual", by: boss.id },
    ]);
  });
});

describe("the department lists", () => {
  it("mails each afdeling's head the XLSX of who in the afdeling has not completed", async () => {
    const D = "2030-02-04";
    const top = createUnit(db(), `Område ${Date.now()}`);
    const department = createUnit(db(), `Afdeling ${Date.now()}`, top);
    const team = createUnit(db(), `Team ${Date.now()}`, department);
    const missing = person(team, "Mangler", addDaysToDay(D, -60));
    const done = person(department, "Gjort", addDaysToDay(D, -60));
    complete(done.id, addDaysToDay(D, -3));
    const head = manager(department.id, "Afdelingschef");

    const result = await sendDepartmentLists({ day: D, smtp, origin });
    expect(result.delivery.failed).toBe(0);
    const mails = mailsTo(head.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.body).toContain("Vedhæftet er listen");
    expect(mails[0]?.body).toMatch(/filename="?afdelingsliste_afdeling-\d+_2030-02-04\.xlsx/);

    const [mail] = outboxTo(head.email);
    const [file] = db()
      .select()
      .from(schema.mailAttachment)
      .where(eq(schema.mailAttachment.mailId, mail?.id ?? 0))
      .all();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file?.content as unknown as ArrayBuffer);
    const names: string[] = [];
    workbook.worksheets[0]?.eachRow((row) => names.push(String(row.getCell(2).value)));
    expect(names.filter((v) => v === missing.name)).toHaveLength(2); // AI and GDPR
    expect(names).not.toContain(done.name);
  });
});
