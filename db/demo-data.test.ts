import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { addDaysToDay, type Day } from "~/compliance/day";
import { completionExpiry, type StatusCourse } from "~/compliance/status";
import { openDatabase, schema } from "~/db.server";
import { seedDemoData } from "./demo-data";

/** Seeds a fresh in-memory database as of `today`; returns its AI course, versions and completions. */
async function seedOn(today: Day) {
  const db = openDatabase(":memory:");
  await seedDemoData(db, today, { employees: 400 });
  const ai = db.select().from(schema.course).where(eq(schema.course.code, "ai")).get();
  if (!ai) throw new Error("no ai course");
  const versions = db
    .select()
    .from(schema.courseVersion)
    .where(eq(schema.courseVersion.courseId, ai.id))
    .orderBy(asc(schema.courseVersion.publishedOn))
    .all();
  const completions = db.select().from(schema.completion).where(eq(schema.completion.courseId, ai.id)).all();
  db.$client.close();
  const course: StatusCourse = { ...ai, versions };
  return { course, versions, completions };
}

describe("demo data and course versions", () => {
  it("labels every AI completion with the version in force on its day", async () => {
    const latest = await seedOn("2026-12-01").then((s) => s.versions.at(-1));
    if (!latest) throw new Error("no versions");
    const { versions, completions } = await seedOn(addDaysToDay(latest.publishedOn, 60));
    expect(completions.length).toBeGreaterThan(0);
    for (const c of completions) {
      const inForce = versions.filter((v) => v.publishedOn <= c.completedOn).at(-1);
      expect(c.courseVersion, c.completedOn).toBe(inForce?.version);
    }
    expect(completions.some((c) => c.courseVersion === latest.version)).toBe(true);
  });

  it("does not turn the demo overdue once a material version's window has passed", async () => {
    const { versions } = await seedOn("2026-12-01");
    const material = versions.filter((v) => v.material).at(-1);
    if (!material) throw new Error("no material version");
    const today = addDaysToDay(material.publishedOn, material.reattestDays + 30);
    const { course, completions } = await seedOn(today);
    const people = new Set(completions.map((c) => c.employeeId));
    const valid = new Set(
      completions.filter((c) => today < completionExpiry(c, course)).map((c) => c.employeeId),
    );
    // Most of those who took the course have retaken the new version; a few are overdue.
    expect(valid.size / people.size).toBeGreaterThan(0.7);
    expect(valid.size).toBeLessThan(people.size);
  });
});
