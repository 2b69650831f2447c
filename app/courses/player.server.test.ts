import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { today } from "~/compliance/day";
import { getCourseContent } from "~/content/content.server";
import { getDb, schema } from "~/db.server";
import { createEmployee, createUnit } from "~/test-fixtures";
import { attestCourse, loadCourseState, openQuizAttempt, submitQuizAttempt } from "./player.server";

const opened = (employeeId: number, courseCode: string, moduleSlug: string) =>
  openQuizAttempt({ employeeId, courseCode, moduleSlug });

function correctAnswers(quiz: { id: string; options: { correct?: true }[] }[]) {
  return Object.fromEntries(quiz.map((q) => [q.id, q.options.findIndex((o) => o.correct)]));
}

describe("the course player", () => {
  const db = getDb();
  const unit = createUnit(db, "Testenhed");

  it("copies the course versions from the content into the database at start", () => {
    for (const code of ["ai", "gdpr"]) {
      const content = getCourseContent(code);
      const row = db
        .select()
        .from(schema.courseVersion)
        .innerJoin(schema.course, eq(schema.course.id, schema.courseVersion.courseId))
        .where(and(eq(schema.course.code, code), eq(schema.courseVersion.version, content?.version ?? "")))
        .get();
      expect(row?.course_version.material).toBe(content?.material);
    }
  });

  it("completes GDPR once when the last module is passed, however often it is submitted", async () => {
    const person = createEmployee(db, unit);
    const content = getCourseContent("gdpr");
    if (!content) throw new Error("no gdpr content");
    for (const module of content.modules) {
      const state = loadCourseState(person.id, "gdpr");
      if (!state) throw new Error("no state");
      const attemptId = opened(person.id, "gdpr", module.slug);
      const answers = correctAnswers(module.quiz);
      expect(await submitQuizAttempt({ employeeId: person.id, state, module, attemptId, answers })).toBe(
        "stored",
      );
      expect(await submitQuizAttempt({ employeeId: person.id, state, module, attemptId, answers })).toBe(
        "alreadyStored",
      );
    }
    const last = content.modules.at(-1);
    const state = loadCourseState(person.id, "gdpr");
    if (!last || !state) throw new Error("no state");
    await submitQuizAttempt({
      employeeId: person.id,
      state,
      module: last,
      attemptId: opened(person.id, "gdpr", last.slug),
      answers: correctAnswers(last.quiz),
    });

    const completions = db
      .select()
      .from(schema.completion)
      .where(eq(schema.completion.employeeId, person.id))
      .all();
    expect(completions).toHaveLength(1);
    expect(completions[0]).toMatchObject({
      source: "site",
      courseVersion: content.version,
      completedOn: today(),
      score: 100,
    });
    expect(loadCourseState(person.id, "gdpr")?.status.kind).toBe("completed");
  });

  it("stores one attempt and one completion when the same submit arrives twice at once (one shared commit)", async () => {
    const person = createEmployee(db, unit);
    const content = getCourseContent("gdpr");
    if (!content) throw new Error("no gdpr content");
    for (const module of content.modules) {
      const state = loadCourseState(person.id, "gdpr");
      if (!state) throw new Error("no state");
      const attemptId = opened(person.id, "gdpr", module.slug);
      const submit = () =>
        submitQuizAttempt({
          employeeId: person.id,
          state,
          module,
          attemptId,
          answers: correctAnswers(module.quiz),
        });
      expect(await Promise.all([submit(), submit()])).toEqual(["stored", "alreadyStored"]);
    }
    const rows = db.select().from(schema.completion).where(eq(schema.completion.employeeId, person.id)).all();
    expect(rows).toHaveLength(1);
    expect(loadCourseState(person.id, "gdpr")?.status.kind).toBe("completed");
  });

  it("records a retake in the same cycle after HR annulled the completion", async () => {
    const person = createEmployee(db, unit);
    const content = getCourseContent("gdpr");
    if (!content) throw new Error("no gdpr content");
    const passAll = async () => {
      for (const module of content.modules) {
        const state = loadCourseState(person.id, "gdpr");
        if (!state) throw new Error("no state");
        const attemptId = opened(person.id, "gdpr", module.slug);
        await submitQuizAttempt({
          employeeId: person.id,
          state,
          module,
          attemptId,
          answers: correctAnswers(module.quiz),
        });
      }
    };
    const completionsOf = () =>
      db.select().from(schema.completion).where(eq(schema.completion.employeeId, person.id)).all();

    await passAll();
    const [first] = completionsOf();
    if (!first) throw new Error("no completion");
    db.insert(schema.annulment)
      .values({
        completionId: first.id,
        reason: "Registreret på den forkerte person",
        annulledAt: Date.now(),
      })
      .run();
    expect(loadCourseState(person.id, "gdpr")?.status.kind).not.toBe("completed");

    await passAll();
    expect(completionsOf()).toHaveLength(2);
    expect(loadCourseState(person.id, "gdpr")?.status.kind).toBe("completed");
  });

  it("does not complete on a failed quiz, and needs the attestation for the AI course", async () => {
    const person = createEmployee(db, unit);
    const content = getCourseContent("ai");
    if (!content) throw new Error("no ai content");
    const first = content.modules[0];
    if (!first) throw new Error("no module");
    const wrong = Object.fromEntries(first.quiz.map((q) => [q.id, q.options.findIndex((o) => !o.correct)]));
    let state = loadCourseState(person.id, "ai");
    if (!state) throw new Error("no state");
    await submitQuizAttempt({
      employeeId: person.id,
      state,
      module: first,
      attemptId: opened(person.id, "ai", first.slug),
      answers: wrong,
    });
    expect(loadCourseState(person.id, "ai")?.passedCount).toBe(0);

    for (const module of content.modules) {
      state = loadCourseState(person.id, "ai");
      if (!state) throw new Error("no state");
      await submitQuizAttempt({
        employeeId: person.id,
        state,
        module,
        attemptId: opened(person.id, "ai", module.slug),
        answers: correctAnswers(module.quiz),
      });
    }
    state = loadCourseState(person.id, "ai");
    expect(state?.passedCount).toBe(content.modules.length);
    expect(
      db.select().from(schema.completion).where(eq(schema.completion.employeeId, person.id)).all(),
    ).toHaveLength(0);

    if (!state) throw new Error("no state");
    attestCourse({ employeeId: person.id, state });
    const attestations = db
      .select()
      .from(schema.attestation)
      .where(eq(schema.attestation.employeeId, person.id))
      .all();
    expect(attestations[0]).toMatchObject({ courseVersion: content.version, statement: content.attestation });
    expect(
      db.select().from(schema.completion).where(eq(schema.completion.employeeId, person.id)).all(),
    ).toHaveLength(1);
  });

  it("opens the quiz only after the module has been read the first time", () => {
    const person = createEmployee(db, unit);
    expect(loadCourseState(person.id, "ai")?.modules[0]?.quizOpen).toBe(false);
  });

  it("refuses an attempt id the server did not hand out to this employee for this module, and saves nothing", async () => {
    const person = createEmployee(db, unit);
    const other = createEmployee(db, unit);
    const content = getCourseContent("gdpr");
    const [first, second] = content?.modules ?? [];
    const state = loadCourseState(person.id, "gdpr");
    if (!first || !second || !state) throw new Error("no gdpr content");
    const answers = correctAnswers(first.quiz);
    const submit = (attemptId: string) =>
      submitQuizAttempt({ employeeId: person.id, state, module: first, attemptId, answers });

    expect(await submit(crypto.randomUUID())).toBe("refused");
    // Another person's attempt, even one they have submitted: refused, theirs left as it was.
    const theirs = opened(other.id, "gdpr", first.slug);
    const otherState = loadCourseState(other.id, "gdpr");
    if (!otherState) throw new Error("no state");
    expect(
      await submitQuizAttempt({
        employeeId: other.id,
        state: otherState,
        module: first,
        attemptId: theirs,
        answers,
      }),
    ).toBe("stored");
    expect(await submit(theirs)).toBe("refused");
    // The person's own id, but opened for another module.
    expect(await submit(opened(person.id, "gdpr", second.slug))).toBe("refused");

    // An id that is the person's own but already names someone else's stored attempt (it cannot
    // happen with random ids, but must never drop the submit silently): refused as well.
    const clash = opened(person.id, "gdpr", first.slug);
    db.insert(schema.quizAttempt)
      .values({
        id: clash,
        employeeId: other.id,
        courseId: state.courseId,
        moduleSlug: first.slug,
        courseVersion: state.content.version,
        answers: "{}",
        score: 0,
        passed: false,
        submittedAt: Date.now(),
        submittedOn: today(),
      })
      .run();
    expect(await submit(clash)).toBe("refused");

    const rows = (employeeId: number) =>
      db.select().from(schema.quizAttempt).where(eq(schema.quizAttempt.employeeId, employeeId)).all();
    expect(rows(person.id)).toHaveLength(0);
    expect(rows(other.id).map((r) => r.id)).toEqual([theirs, clash]);
  });
});
