// For tests only: a fresh database with one employee and the rows the xAPI export reads.
import { eq } from "drizzle-orm";
import { type AppDatabase, openDatabase, schema } from "~/db.server";
import { createEmployee, createUnit } from "~/test-fixtures";

export function xapiTestDb() {
  const db: AppDatabase = openDatabase(":memory:");
  const unit = createUnit(db, "Borgerservice");
  const person = createEmployee(db, unit, { employeeNumber: "004711", email: "anne@albertslund.dk" });
  const courseId = (code: string) => {
    const row = db.select().from(schema.course).where(eq(schema.course.code, code)).get();
    if (!row) throw new Error(`course ${code} missing from reference data`);
    return row.id;
  };

  function addCompletion(fields: Partial<typeof schema.completion.$inferInsert> = {}) {
    return db
      .insert(schema.completion)
      .values({
        employeeId: person.id,
        courseId: courseId("gdpr"),
        completedOn: "2026-03-02",
        courseVersion: "1.0",
        score: 90,
        source: "site",
        recordedAt: Date.UTC(2026, 2, 2, 9, 0),
        ...fields,
      })
      .returning()
      .get();
  }

  function addAttempt(fields: Partial<typeof schema.quizAttempt.$inferInsert> = {}) {
    return db
      .insert(schema.quizAttempt)
      .values({
        id: `forsoeg-${Math.random()}`,
        employeeId: person.id,
        courseId: courseId("gdpr"),
        moduleSlug: "01-ukendt-modul",
        courseVersion: "1.0",
        answers: "{}",
        score: 80,
        passed: true,
        submittedAt: Date.UTC(2026, 2, 2, 8, 30),
        submittedOn: "2026-03-02",
        ...fields,
      })
      .returning()
      .get();
  }

  function annul(completionId: number) {
    db.insert(schema.annulment)
      .values({
        completionId,
        reason: "Registreret på den forkerte person",
        annulledAt: Date.UTC(2026, 3, 1),
      })
      .run();
  }

  return { db, person, courseId, addCompletion, addAttempt, annul };
}
