import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { today } from "~/compliance/day";
import { getCourseContent } from "~/content/content.server";
import { getDb, schema } from "~/db.server";
import { createEmployee, createUnit } from "../../db/test-fixtures";
import { attestCourse, loadCourseState, submitQuizAttempt } from "./player.server";

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

  it("completes GDPR once when the last module is passed, however often it is submitted", () => {
    const person = createEmployee(db, unit);
    const content = getCourseContent("gdpr");
    if (!content) throw new Error("no gdpr content");
    for (const module of content.modules) {
      const state = loadCourseState(person.id, "gdpr");
      if (!state) throw new Error("no state");
      const attemptId = crypto.randomUUID();
      const answers = correctAnswers(module.quiz);
      submitQuizAttempt({ employeeId: person.id, state, module, attemptId, answers });
      submitQuizAttempt({ employeeId: person.id, state, module, attemptId, answers });
    }
    const last = content.modules.at(-1);
    const state = loadCourseState(person.id, "gdpr");
    if (!last || !state) throw new Error("no state");
    submitQuizAttempt({
      employeeId: person.id,
      state,
      module: last,
      attemptId: crypto.randomUUID(),
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

  it("does not complete on a failed quiz, and needs the attestation for the AI course", () => {
    const person = createEmployee(db, unit);
    const content = getCourseContent("ai");
    if (!content) throw new Error("no ai content");
    const first = content.modules[0];
    if (!first) throw new Error("no module");
    const wrong = Object.fromEntries(first.quiz.map((q) => [q.id, q.options.findIndex((o) => !o.correct)]));
    let state = loadCourseState(person.id, "ai");
    if (!state) throw new Error("no state");
    submitQuizAttempt({
      employeeId: person.id,
      state,
      module: first,
      attemptId: crypto.randomUUID(),
      answers: wrong,
    });
    expect(loadCourseState(person.id, "ai")?.passedCount).toBe(0);

    for (const module of content.modules) {
      state = loadCourseState(person.id, "ai");
      if (!state) throw new Error("no state");
      submitQuizAttempt({
        employeeId: person.id,
        state,
        module,
        attemptId: crypto.randomUUID(),
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
});
