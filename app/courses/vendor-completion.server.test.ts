import { describe, expect, it } from "vitest";
import { listCourses } from "~/compliance/courses.server";
import { today } from "~/compliance/day";
import { getDb } from "~/db.server";
import { applyCompletions } from "~/imports/completions-apply.server";
import { prepareCompletionsImport } from "~/imports/import.server";
import { createEmployee, createUnit } from "~/test-fixtures";
import { loadCourseState } from "./player.server";

const encode = (text: string) => new TextEncoder().encode(text);

describe("the ai requirement met at the vendor", () => {
  const db = getDb();
  const unit = createUnit(db, "Leverandørenhed");

  it("is a requirement that imports count for", () => {
    expect(listCourses().find((c) => c.code === "ai")?.kind).toBe("site_and_import");
  });

  it("an imported MetaCompliance AI-Awareness completion makes the AI status Gennemført", async () => {
    const person = createEmployee(db, unit, { email: "vendor-ai@albertslund.test" });
    expect(loadCourseState(person.id, "ai")?.status.kind).not.toBe("completed");
    // Today: on or after every published version, so no material version has ended it yet.
    const completedOn = today();
    const [y, m, d] = completedOn.split("-");
    const file = encode(`Email;Kursus;Gennemført\nvendor-ai@albertslund.test;AI-Awareness;${d}-${m}-${y}\n`);
    const prepared = await prepareCompletionsImport(file, "metacompliance.csv", today());
    if (!prepared.ok) throw new Error(prepared.errors.join("\n"));
    expect(prepared.perCourse).toEqual({ ai: 1 });
    applyCompletions({ rows: prepared.rows, fileName: "metacompliance.csv", userId: null });

    const state = loadCourseState(person.id, "ai");
    expect(state?.status).toMatchObject({ kind: "completed", lastCompletedOn: completedOn });
    expect(state?.validCompletion?.source).toBe("import");
    // Nothing left to do here: no modules to pass, no attestation to give.
    expect(state?.done).toBe(true);
  });
});
