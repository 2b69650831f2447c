// The course player's data: an employee's state in a course, reading progress, quiz attempts,
// attestation and the completion they lead to. Writes that read first run in IMMEDIATE
// transactions, so concurrent submits wait for each other instead of failing; quiz submissions
// share their transactions' commits (group-commit.server.ts), the deadline-day peak.
import type Database from "better-sqlite3";
import { and, count, eq, like, or, sql } from "drizzle-orm";
import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import { currentVersion, listCourses } from "~/compliance/courses.server";
import { type Day, today } from "~/compliance/day";
import { refreshKeptStatus } from "~/compliance/kept-status.server";
import { type CourseStatus, courseStatus } from "~/compliance/status";
import { notAnnulledCompletion, notAnnulledExemption } from "~/compliance/status-inputs.server";
import { getCourseContent } from "~/content/content.server";
import type { CourseContent, CourseModule } from "~/content/parse";
import { getDb, schema } from "~/db.server";
import { groupCommit } from "~/group-commit.server";
import { placeholders, prepared } from "~/prepared.server";
import { type AttemptBinding, isIssuedAttemptId, issueAttemptId } from "./attempt-id.server";
import { canRenew, completionCycleKey, isQuizOpen, lastCompletedOn, passedModules } from "./progress";
import { type QuizAnswers, scoreQuiz } from "./quiz";

const { employee, completion, exemption, quizAttempt, moduleProgress, attestation, signingKey, annulment } =
  schema;

type Queryable = BaseSQLiteDatabase<"sync", Database.RunResult, typeof schema>;

export type ModuleState = "passed" | "inProgress" | "notStarted";

export interface ModuleOverview {
  slug: string;
  title: string;
  minutes: number;
  pageCount: number;
  state: ModuleState;
  currentPage: number;
  /** Reading is required the first time; after a completion the quiz may be taken straight away. */
  quizOpen: boolean;
}

export interface CourseState {
  content: CourseContent;
  courseId: number;
  /** The status as pages show it (an exemption included). */
  status: CourseStatus;
  /** The status from completions alone, which decides the cycle. */
  cycleStatus: CourseStatus;
  /** Best passing score per module in this cycle. */
  passedScores: number[];
  /** Done for now: every module counts as passed and no new completion can be made. */
  done: boolean;
  modules: ModuleOverview[];
  passedCount: number;
  needsAttestation: boolean;
  attested: boolean;
  /** The version new completions and attestations get (see currentVersion). */
  currentVersion: string;
  validCompletion: typeof completion.$inferSelect | null;
}

function readCourseState(db: Queryable, employeeId: number, code: string, asOf: Day): CourseState | null {
  const content = getCourseContent(code);
  const course = listCourses(db).find((c) => c.code === code);
  const person = prepared(db, "player.person", (q) =>
    q
      .select()
      .from(employee)
      .where(eq(employee.id, sql.placeholder("employeeId")))
      .prepare(),
  ).get({ employeeId });
  if (!content || !course || !person) return null;
  // Prepared once per connection (prepared.server.ts): every quiz submission reads these twice.
  const params = { employeeId, courseId: course.id };
  const completions = prepared(db, "player.completions", (q) =>
    q
      .select()
      .from(completion)
      .where(
        and(
          eq(completion.employeeId, sql.placeholder("employeeId")),
          eq(completion.courseId, sql.placeholder("courseId")),
          notAnnulledCompletion,
        ),
      )
      .prepare(),
  ).all(params);
  const exemptions = prepared(db, "player.exemptions", (q) =>
    q
      .select()
      .from(exemption)
      .where(
        and(
          eq(exemption.employeeId, sql.placeholder("employeeId")),
          eq(exemption.courseId, sql.placeholder("courseId")),
          notAnnulledExemption,
        ),
      )
      .prepare(),
  ).all(params);
  const input = { employee: person, course, completions, asOf };
  const status = courseStatus({ ...input, exemptions });
  // The cycle follows the completions alone: an exempt employee may still take the course.
  const cycleStatus = courseStatus({ ...input, exemptions: [] });
  const done = !canRenew(cycleStatus);
  const cycleStart = lastCompletedOn(cycleStatus);

  const attempts = prepared(db, "player.attempts", (q) =>
    q
      .select()
      .from(quizAttempt)
      .where(
        and(
          eq(quizAttempt.employeeId, sql.placeholder("employeeId")),
          eq(quizAttempt.courseId, sql.placeholder("courseId")),
        ),
      )
      .prepare(),
  ).all(params);
  const passed = passedModules(attempts, content.version, cycleStart);
  const progress = prepared(db, "player.progress", (q) =>
    q
      .select()
      .from(moduleProgress)
      .where(
        and(
          eq(moduleProgress.employeeId, sql.placeholder("employeeId")),
          eq(moduleProgress.courseId, sql.placeholder("courseId")),
        ),
      )
      .prepare(),
  ).all(params);
  const version = currentVersion(course);
  const attested =
    content.attestation !== null &&
    prepared(db, "player.attestations", (q) =>
      q
        .select()
        .from(attestation)
        .where(
          and(
            eq(attestation.employeeId, sql.placeholder("employeeId")),
            eq(attestation.courseId, sql.placeholder("courseId")),
          ),
        )
        .prepare(),
    )
      .all(params)
      .some(
        (a) =>
          a.courseVersion === version && (cycleStart === null || today(new Date(a.attestedAt)) > cycleStart),
      );

  const modules = content.modules.map((m): ModuleOverview => {
    const p = progress.find((row) => row.moduleSlug === m.slug);
    const isPassed = done || passed.has(m.slug);
    return {
      slug: m.slug,
      title: m.title,
      minutes: m.minutes,
      pageCount: m.pages.length,
      state: isPassed ? "passed" : p ? "inProgress" : "notStarted",
      currentPage: Math.min(p?.currentPage ?? 0, m.pages.length - 1),
      quizOpen: isQuizOpen({
        hasCompletion: completions.length > 0,
        furthestPage: p?.furthestPage ?? null,
        pageCount: m.pages.length,
      }),
    };
  });

  const validCompletion =
    status.kind === "completed" || status.kind === "expiringSoon"
      ? (completions
          .filter((c) => c.completedOn === status.lastCompletedOn)
          .sort((a, b) => b.recordedAt - a.recordedAt)[0] ?? null)
      : null;

  return {
    content,
    courseId: course.id,
    status,
    cycleStatus,
    passedScores: [...passed.values()],
    done,
    modules,
    passedCount: modules.filter((m) => m.state === "passed").length,
    needsAttestation: content.attestation !== null,
    attested: done || attested,
    currentVersion: version,
    validCompletion,
  };
}

export function loadCourseState(employeeId: number, code: string, asOf: Day = today()): CourseState | null {
  return readCourseState(getDb(), employeeId, code, asOf);
}

export function findModule(content: CourseContent, slug: string): CourseModule | undefined {
  return content.modules.find((m) => m.slug === slug);
}

/** Remembers the page an employee is on, so they can resume on another device. */
export function savePageProgress(
  employeeId: number,
  courseId: number,
  moduleSlug: string,
  page: number,
): void {
  getDb()
    .insert(moduleProgress)
    .values({
      employeeId,
      courseId,
      moduleSlug,
      currentPage: page,
      furthestPage: page,
      updatedAt: Date.now(),
    })
    .onConflictDoUpdate({
      target: [moduleProgress.employeeId, moduleProgress.courseId, moduleProgress.moduleSlug],
      set: {
        currentPage: page,
        // Never lowered, whichever device saves last.
        furthestPage: sql`max(${moduleProgress.furthestPage}, ${page})`,
        updatedAt: Date.now(),
      },
    })
    .run();
}

/**
 * Records a completion when the cycle is complete: every module passed and, where the course has
 * one, the attestation given. The unique cycle key makes a second submit a no-op.
 */
function completeIfDone(
  tx: Queryable,
  employeeId: number,
  code: string,
  asOf: Day,
  sourceRef: string,
  now: number,
) {
  const state = readCourseState(tx, employeeId, code, asOf);
  if (!state || state.done) return;
  if (state.passedCount < state.modules.length) return;
  if (state.needsAttestation && !state.attested) return;

  const score = Math.round(
    state.passedScores.reduce((a, b) => a + b, 0) / Math.max(1, state.passedScores.length),
  );

  const values = {
    employeeId,
    courseId: state.courseId,
    completedOn: asOf,
    courseVersion: state.currentVersion,
    score,
    source: "site",
    sourceRef,
    recordedAt: now,
    cycleKey: freeCycleKey(tx, employeeId, state.courseId, completionCycleKey(state.cycleStatus)),
  } as const;
  prepared(tx, "player.insertCompletion", (q) =>
    q.insert(completion).values(placeholders(values)).onConflictDoNothing().prepare(),
  ).run(values);
  refreshKeptStatus(tx, [employeeId]);
}

/**
 * The cycle's key, or the next one when HR annulled completions of this cycle: an annulled row
 * keeps its key (completions are never edited), and the retake answers the same cycle. A double
 * submit reads the same count inside its IMMEDIATE transaction, so it still records one row.
 */
function freeCycleKey(tx: Queryable, employeeId: number, courseId: number, key: string): string {
  const annulled =
    prepared(tx, "player.annulledInCycle", (q) =>
      q
        .select({ n: count() })
        .from(completion)
        .innerJoin(annulment, eq(annulment.completionId, completion.id))
        .where(
          and(
            eq(completion.employeeId, sql.placeholder("employeeId")),
            eq(completion.courseId, sql.placeholder("courseId")),
            or(
              eq(completion.cycleKey, sql.placeholder("key")),
              like(completion.cycleKey, sql.placeholder("retakes")),
            ),
          ),
        )
        .prepare(),
    ).get({ employeeId, courseId, key, retakes: `${key}#%` })?.n ?? 0;
  return annulled ? `${key}#${annulled}` : key;
}

// The key is made by the migration and never changes while the process runs.
let attemptKey: Buffer | undefined;
function quizAttemptKey(): Buffer {
  attemptKey ??= getDb()
    .select({ key: signingKey.key })
    .from(signingKey)
    .where(eq(signingKey.purpose, "quiz_attempt"))
    .get()?.key;
  if (!attemptKey) throw new Error("Databasen mangler nøglen til quizforsøg (kør migreringerne).");
  return attemptKey;
}

/** A new attempt id for an employee opening a module's quiz. Nothing is stored until the submit. */
export function openQuizAttempt(binding: AttemptBinding): string {
  return issueAttemptId(quizAttemptKey(), binding);
}

/** Whether the id was handed out by this site to this employee for this module's quiz. */
export function isOwnAttemptId(binding: AttemptBinding, attemptId: string): boolean {
  return isIssuedAttemptId(quizAttemptKey(), attemptId, binding);
}

/**
 * - `stored`: the attempt is saved now.
 * - `alreadyStored`: this employee's attempt with this id was saved before (a double click, or
 *   the review page submitted again): it is kept as first submitted.
 * - `refused`: the id was not handed out to this employee for this module, or belongs to a stored
 *   attempt of another person or module. Nothing is saved.
 */
export type SubmitOutcome = "stored" | "alreadyStored" | "refused";

/**
 * Stores a submitted quiz attempt once, under the id the quiz page handed out, and completes the
 * course if it was the last step. Resolves once it is committed (on disk), never before.
 */
export async function submitQuizAttempt(input: {
  employeeId: number;
  state: CourseState;
  module: CourseModule;
  attemptId: string;
  answers: QuizAnswers;
  now?: number;
}): Promise<SubmitOutcome> {
  const binding = {
    employeeId: input.employeeId,
    courseCode: input.state.content.code,
    moduleSlug: input.module.slug,
  };
  if (!isOwnAttemptId(binding, input.attemptId)) return "refused";
  const now = input.now ?? Date.now();
  const asOf = today(new Date(now));
  const score = scoreQuiz(input.module.quiz, input.answers, input.module.passMark);
  return groupCommit.run((tx): SubmitOutcome => {
    const existing = prepared(tx, "player.attemptById", (q) =>
      q
        .select({
          employeeId: quizAttempt.employeeId,
          courseId: quizAttempt.courseId,
          moduleSlug: quizAttempt.moduleSlug,
        })
        .from(quizAttempt)
        .where(eq(quizAttempt.id, sql.placeholder("id")))
        .prepare(),
    ).get({ id: input.attemptId });
    if (existing) {
      const same =
        existing.employeeId === input.employeeId &&
        existing.courseId === input.state.courseId &&
        existing.moduleSlug === input.module.slug;
      return same ? "alreadyStored" : "refused";
    }
    // No ON CONFLICT: the check above runs in the same IMMEDIATE transaction, so a clash here
    // would be a bug and must fail loudly rather than drop the attempt.
    const attempt = {
      id: input.attemptId,
      employeeId: input.employeeId,
      courseId: input.state.courseId,
      moduleSlug: input.module.slug,
      courseVersion: input.state.content.version,
      answers: JSON.stringify(input.answers),
      score: score.percent,
      passed: score.passed,
      submittedAt: now,
      submittedOn: asOf,
    };
    prepared(tx, "player.insertAttempt", (q) =>
      q.insert(quizAttempt).values(placeholders(attempt)).prepare(),
    ).run({ ...attempt, passed: attempt.passed ? 1 : 0 });
    if (score.passed) {
      completeIfDone(tx, input.employeeId, input.state.content.code, asOf, `quiz:${input.attemptId}`, now);
    }
    return "stored";
  });
}

/** An employee's own attempt, or undefined: nobody reads another person's answers here. */
export function getOwnAttempt(employeeId: number, attemptId: string) {
  return getDb()
    .select()
    .from(quizAttempt)
    .where(and(eq(quizAttempt.id, attemptId), eq(quizAttempt.employeeId, employeeId)))
    .get();
}

/** Records the attestation with time and version, and completes the course if every module is passed. */
export function attestCourse(input: { employeeId: number; state: CourseState; now?: number }): void {
  const now = input.now ?? Date.now();
  const { content, courseId } = input.state;
  if (!content.attestation) throw new Error(`Kurset ${content.code} har ingen erklæring`);
  const statement = content.attestation;
  getDb().transaction(
    (tx) => {
      tx.insert(attestation)
        .values({
          employeeId: input.employeeId,
          courseId,
          courseVersion: input.state.currentVersion,
          statement,
          attestedAt: now,
        })
        .run();
      completeIfDone(tx, input.employeeId, content.code, today(new Date(now)), "erklæring", now);
    },
    { behavior: "immediate" },
  );
}
