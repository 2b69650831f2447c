// The site's learning records as xAPI statements (app/xapi/statements.ts builds each one): every
// completion that is not annulled, and every quiz attempt. The same list feeds the file
// (`npm run report -- completions --format xapi`, /hr/xapi/hent) and the send to the LRS.
import { count, eq } from "drizzle-orm";
import { notAnnulledCompletion } from "~/compliance/status-inputs.server";
import { getCourseContent } from "~/content/content.server";
import { type AppDatabase, getDb, schema } from "~/db.server";
import {
  type CompletionFact,
  completedStatement,
  completionStatementId,
  cycleStartsAfter,
  type QuizAttemptFact,
  quizAttemptStatement,
  voidingStatement,
  type XapiStatement,
} from "./statements";

const { annulment, completion, course, employee, quizAttempt, xapiStatementSent } = schema;

function moduleTitle(courseCode: string, slug: string): string {
  // An attempt on a module a later version removed keeps its slug as the name.
  return getCourseContent(courseCode)?.modules.find((m) => m.slug === slug)?.title ?? slug;
}

export interface XapiRecords {
  /** Completed, passed and failed, in time order (then by id): the file's content. */
  statements: XapiStatement[];
  /** Completions HR annulled: their statement id and when, for voiding what an LRS already has. */
  annulled: { statementId: string; annulledAt: number }[];
}

export function buildXapiRecords(origin: string, db: AppDatabase = getDb()): XapiRecords {
  const completions = db
    .select({
      completionId: completion.id,
      employeeId: completion.employeeId,
      employeeNumber: employee.employeeNumber,
      courseCode: course.code,
      courseTitle: course.title,
      completedOn: completion.completedOn,
      recordedAt: completion.recordedAt,
      courseVersion: completion.courseVersion,
      score: completion.score,
      source: completion.source,
      annulledAt: annulment.annulledAt,
    })
    .from(completion)
    .innerJoin(employee, eq(employee.id, completion.employeeId))
    .innerJoin(course, eq(course.id, completion.courseId))
    .leftJoin(annulment, eq(annulment.completionId, completion.id))
    .all();

  // The days of the valid completions per employee x course: they mark where each cycle starts.
  const days = new Map<string, string[]>();
  const key = (employeeId: number, courseCode: string) => `${employeeId}/${courseCode}`;
  for (const c of completions) {
    if (c.annulledAt !== null) continue;
    const k = key(c.employeeId, c.courseCode);
    days.set(k, [...(days.get(k) ?? []), c.completedOn]);
  }

  const statements: XapiStatement[] = [];
  const annulled: XapiRecords["annulled"] = [];
  for (const c of completions) {
    if (c.annulledAt !== null) {
      annulled.push({ statementId: completionStatementId(origin, c.completionId), annulledAt: c.annulledAt });
      continue;
    }
    const fact: CompletionFact = {
      ...c,
      cycleStartsAfter: cycleStartsAfter(days.get(key(c.employeeId, c.courseCode)) ?? [], c.completedOn),
    };
    statements.push(completedStatement(origin, fact));
  }

  const attempts = db
    .select({
      attemptId: quizAttempt.id,
      employeeId: quizAttempt.employeeId,
      employeeNumber: employee.employeeNumber,
      courseCode: course.code,
      courseTitle: course.title,
      moduleSlug: quizAttempt.moduleSlug,
      courseVersion: quizAttempt.courseVersion,
      score: quizAttempt.score,
      passed: quizAttempt.passed,
      submittedAt: quizAttempt.submittedAt,
      submittedOn: quizAttempt.submittedOn,
    })
    .from(quizAttempt)
    .innerJoin(employee, eq(employee.id, quizAttempt.employeeId))
    .innerJoin(course, eq(course.id, quizAttempt.courseId))
    .all();
  for (const a of attempts) {
    const fact: QuizAttemptFact = {
      ...a,
      moduleTitle: moduleTitle(a.courseCode, a.moduleSlug),
      cycleStartsAfter: cycleStartsAfter(days.get(key(a.employeeId, a.courseCode)) ?? [], a.submittedOn),
    };
    statements.push(quizAttemptStatement(origin, fact));
  }

  statements.sort((a, b) => a.timestamp.localeCompare(b.timestamp) || a.id.localeCompare(b.id));
  return { statements, annulled };
}

/**
 * What the LRS does not have yet: the statements not marked as sent, and a voiding statement for
 * each completion that was sent and has since been annulled (once). Annulled completions that
 * were never sent stay out altogether.
 */
export function pendingXapiStatements(origin: string, db: AppDatabase = getDb()): XapiStatement[] {
  const sent = new Set(
    db
      .select({ id: xapiStatementSent.statementId })
      .from(xapiStatementSent)
      .all()
      .map((r) => r.id),
  );
  const { statements, annulled } = buildXapiRecords(origin, db);
  const voids = annulled
    .filter((a) => sent.has(a.statementId))
    .map((a) => voidingStatement(origin, a.statementId, a.annulledAt));
  return [...statements, ...voids].filter((s) => !sent.has(s.id));
}

/** Marks statements as accepted by the LRS, in one transaction (a second mark changes nothing). */
export function markXapiSent(ids: readonly string[], at: number, db: AppDatabase = getDb()): void {
  db.transaction((tx) => {
    for (const statementId of ids) {
      tx.insert(xapiStatementSent).values({ statementId, sentAt: at }).onConflictDoNothing().run();
    }
  });
}

export function countXapiSent(db: AppDatabase = getDb()): number {
  return db.select({ n: count() }).from(xapiStatementSent).get()?.n ?? 0;
}

/**
 * The file HR downloads and `npm run report -- completions --format xapi` writes: a JSON array of
 * the statements (annulled completions left out), one statement a line, ready for an LRS import.
 */
export function xapiExport(origin: string, db: AppDatabase = getDb()) {
  const { statements } = buildXapiRecords(origin, db);
  return {
    count: statements.length,
    scope: "Hele organisationen",
    filters: "xAPI-udsagn: gennemførelser og quizforsøg",
    fileName: (day: string) => `xapi-udsagn-${day}.json`,
    text: `[\n${statements.map((s) => JSON.stringify(s)).join(",\n")}\n]\n`,
  };
}

/** What the HR page shows: how many statements there are of each kind, and how many were sent. */
export function xapiCounts(db: AppDatabase = getDb()) {
  const completions = db.select({ n: count() }).from(completion).where(notAnnulledCompletion).get()?.n ?? 0;
  const attempts = db
    .select({ passed: quizAttempt.passed, n: count() })
    .from(quizAttempt)
    .groupBy(quizAttempt.passed)
    .all();
  const passed = attempts.find((a) => a.passed)?.n ?? 0;
  const failed = attempts.find((a) => !a.passed)?.n ?? 0;
  return { completions, passed, failed, total: completions + passed + failed, sent: countXapiSent(db) };
}
