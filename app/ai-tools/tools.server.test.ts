import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { currentVersion, listCourses } from "~/compliance/courses.server";
import { addDaysToDay, today } from "~/compliance/day";
import { loadCourseState } from "~/courses/player.server";
import { getDb, schema } from "~/db.server";
import { createAccount, createEmployee, createUnit } from "~/test-fixtures";
import { AiToolForm } from "./tools";
import {
  createTool,
  lastChangedAt,
  listToolChanges,
  listTools,
  setToolRetired,
  updateTool,
} from "./tools.server";

const db = getDb();
const admin = createAccount(db, "admin");
const actor = { id: admin.id, name: admin.name };

/** The newest change first (other tests in this file add changes dated later). */
const changesOf = (toolName: string) => listToolChanges(1000).filter((c) => c.toolName === toolName);

function form(fields: Record<string, string>) {
  const parsed = AiToolForm.safeParse({
    name: "Testværktøj",
    status: "approved",
    summary: "Et værktøj til test.",
    allowed: "",
    notAllowed: "",
    note: "",
    ...fields,
  });
  if (!parsed.success) throw new Error(parsed.error.message);
  return parsed.data;
}

describe("the AI tools list from the migration", () => {
  const tools = listTools({ includeRetired: false });

  it("holds the former page's tools, each with a first history row", () => {
    expect(tools.map((t) => t.name)).toContain("DeepSeek");
    expect(tools).toHaveLength(7);
    expect(listToolChanges(100).filter((c) => c.kind === "created").length).toBeGreaterThanOrEqual(7);
  });

  it("never approves ChatGPT, and asks before new AI functions in professional systems (C5)", () => {
    const chatgpt = tools.filter((t) => /chatgpt/i.test(t.name));
    expect(chatgpt.length).toBeGreaterThan(0);
    for (const t of chatgpt) expect(t.status).toBe("without_personal_data");
    const functions = tools.find((t) => t.name === "Nye AI-funktioner i fagsystemer");
    expect(functions?.status).toBe("requires_approval");
    expect(functions?.summary).toContain("Spørg, før du bruger nye AI-funktioner");
  });
});

describe("changing the AI tools list", () => {
  it("validates the form in Danish and keeps one item per line", () => {
    const bad = AiToolForm.safeParse({
      name: "",
      status: "maybe",
      summary: "",
      allowed: "",
      notAllowed: "",
      note: "",
    });
    expect(bad.error?.issues.map((i) => i.message)).toEqual([
      "Skriv værktøjets navn (mindst 2 tegn).",
      "Vælg en status.",
      "Skriv kort, hvad værktøjet er, og hvad reglen er.",
    ]);
    expect(form({ allowed: "  Skrive tekster \r\n\n Oversætte  " }).allowed).toBe(
      "Skrive tekster\nOversætte",
    );
  });

  it("stores who changed what and when, and the page date follows the latest change", () => {
    const at = Date.UTC(2030, 0, 15, 10);
    const id = createTool(form({ name: "Historikværktøj" }), actor, at);
    expect(lastChangedAt()).toBe(at);
    const result = updateTool(
      id,
      form({ name: "Historikværktøj", status: "requires_approval", note: "Afventer ITP." }),
      actor,
      at + 1000,
    );
    expect(result).toEqual({ ok: true, changed: true, publishedVersion: null });
    expect(listToolChanges(1)[0]).toMatchObject({
      toolName: "Historikværktøj",
      actorName: admin.name,
      at: at + 1000,
      kind: "updated",
      description: "Status: Godkendt → Kræver godkendelse; Note ændret",
    });
    expect(lastChangedAt()).toBe(at + 1000);
    // Saving the same values again is no change and no history.
    const unchanged = updateTool(
      id,
      form({ name: "Historikværktøj", status: "requires_approval", note: "Afventer ITP." }),
      actor,
    );
    expect(unchanged).toEqual({ ok: true, changed: false, publishedVersion: null });
    expect(lastChangedAt()).toBe(at + 1000);
  });

  it("refuses a name another tool has", () => {
    createTool(form({ name: "Dubletværktøj" }), actor);
    expect(() => createTool(form({ name: "Dubletværktøj" }), actor)).toThrow();
  });

  it("retires a tool from the public list and keeps it with its history", () => {
    const id = createTool(form({ name: "Gammelt værktøj" }), actor);
    expect(setToolRetired(id, true, actor)).toBe(true);
    expect(listTools({ includeRetired: false }).map((t) => t.id)).not.toContain(id);
    expect(listTools({ includeRetired: true }).map((t) => t.id)).toContain(id);
    expect(changesOf("Gammelt værktøj")[0]).toMatchObject({ kind: "retired" });
    expect(setToolRetired(id, true, actor)).toBe(false);
  });

  it("marks only a status change as material", () => {
    const id = createTool(form({ name: "Kun note" }), actor);
    const result = updateTool(id, form({ name: "Kun note", note: "Ny note", material: "ja" }), actor);
    expect(result.ok).toBe(false);
    expect(getDb().select().from(schema.aiTool).where(eq(schema.aiTool.id, id)).get()?.note).toBe("");
  });

  it("a material status change publishes a material AI course version: earlier completions end after the window", () => {
    const unit = createUnit(db, "Værktøjsenhed");
    const person = createEmployee(db, unit);
    const ai = listCourses().find((c) => c.code === "ai");
    if (!ai) throw new Error("no ai course");
    const before = currentVersion(ai);
    const completedOn = addDaysToDay(today(), -10);
    db.insert(schema.completion)
      .values({
        employeeId: person.id,
        courseId: ai.id,
        completedOn,
        courseVersion: before,
        source: "site",
        recordedAt: Date.now(),
        cycleKey: "test",
      })
      .run();
    expect(loadCourseState(person.id, "ai")?.status.kind).toBe("completed");

    const id = createTool(form({ name: "Væsentligt værktøj" }), actor);
    const result = updateTool(
      id,
      form({ name: "Væsentligt værktøj", status: "not_allowed", material: "ja" }),
      actor,
    );
    expect(result).toMatchObject({
      ok: true,
      changed: true,
      publishedVersion: `${before}-værktøjer-${today()}`,
    });

    const after = listCourses().find((c) => c.code === "ai");
    if (!after) throw new Error("no ai course");
    expect(currentVersion(after)).toBe(`${before}-værktøjer-${today()}`);
    const window = after.versions.at(-1)?.reattestDays ?? 0;
    const state = loadCourseState(person.id, "ai");
    expect(state?.status).toMatchObject({ kind: "expiringSoon", validUntil: addDaysToDay(today(), window) });
    // New completions and attestations are of the new version; the quizzes keep the content's.
    expect(state?.currentVersion).toBe(`${before}-værktøjer-${today()}`);
    expect(changesOf("Væsentligt værktøj")[0]?.publishedVersion).toBe(`${before}-værktøjer-${today()}`);
  });
});
