import { describe, expect, it } from "vitest";
import { emailTraces, statementProblems } from "./statement-schema.testing";
import { completionStatementId } from "./statements";
import { buildXapiRecords, markXapiSent, pendingXapiStatements, xapiCounts } from "./statements.server";
import { xapiTestDb } from "./test-rows.testing";

const ORIGIN = "https://laering.albertslund.dk";

describe("the site's records as xAPI statements", () => {
  it("gives a completed statement per completion and passed/failed per attempt, all valid, none annulled", () => {
    const t = xapiTestDb();
    t.addAttempt({ passed: false, score: 40, submittedAt: Date.UTC(2026, 2, 2, 8, 0) });
    t.addAttempt({ passed: true, score: 100 });
    const kept = t.addCompletion();
    const wrong = t.addCompletion({
      courseId: t.courseId("ai"),
      source: "manual",
      score: null,
      reason: "fejl",
    });
    t.annul(wrong.id);

    const { statements, annulled } = buildXapiRecords(ORIGIN, t.db);
    expect(statements.map((s) => s.verb.id.split("/").pop())).toEqual(["failed", "passed", "completed"]);
    for (const s of statements) {
      expect(statementProblems(s)).toEqual([]);
      expect(emailTraces(s)).toEqual([]);
      expect(s.actor.account.name).toBe("004711");
    }
    expect(statements.map((s) => s.id)).not.toContain(completionStatementId(ORIGIN, wrong.id));
    expect(statements.at(-1)?.id).toBe(completionStatementId(ORIGIN, kept.id));
    expect(annulled).toEqual([
      { statementId: completionStatementId(ORIGIN, wrong.id), annulledAt: Date.UTC(2026, 3, 1) },
    ]);
    expect(xapiCounts(t.db)).toEqual({ completions: 1, passed: 1, failed: 1, total: 3, sent: 0 });
    // The attempts and the completion they led to are one registration.
    expect(new Set(statements.map((s) => s.context?.registration)).size).toBe(1);
  });

  it("a retake a year later is a new registration; an annulled completion starts no cycle", () => {
    const t = xapiTestDb();
    t.addCompletion({ completedOn: "2025-03-01", recordedAt: Date.UTC(2025, 2, 1), cycleKey: "a" });
    const annulled = t.addCompletion({
      completedOn: "2025-09-01",
      source: "manual",
      score: null,
      reason: "fejl",
    });
    t.annul(annulled.id);
    t.addAttempt({ submittedOn: "2026-02-20", submittedAt: Date.UTC(2026, 1, 20) });
    t.addCompletion({ completedOn: "2026-02-20", recordedAt: Date.UTC(2026, 1, 20, 10), cycleKey: "b" });

    const regs = buildXapiRecords(ORIGIN, t.db).statements.map((s) => s.context?.registration);
    expect(regs).toHaveLength(3);
    expect(regs[1]).toBe(regs[2]);
    expect(regs[0]).not.toBe(regs[1]);
  });

  it("pending: what is not marked as sent, plus a voiding statement once a sent completion is annulled", () => {
    const t = xapiTestDb();
    const c = t.addCompletion();
    t.addAttempt();
    expect(pendingXapiStatements(ORIGIN, t.db)).toHaveLength(2);
    markXapiSent(
      pendingXapiStatements(ORIGIN, t.db).map((s) => s.id),
      Date.now(),
      t.db,
    );
    expect(pendingXapiStatements(ORIGIN, t.db)).toEqual([]);

    t.annul(c.id);
    const [voiding, ...rest] = pendingXapiStatements(ORIGIN, t.db);
    expect(rest).toEqual([]);
    expect(voiding?.object).toEqual({ objectType: "StatementRef", id: completionStatementId(ORIGIN, c.id) });
    expect(statementProblems(voiding)).toEqual([]);
    markXapiSent([voiding?.id ?? ""], Date.now(), t.db);
    expect(pendingXapiStatements(ORIGIN, t.db)).toEqual([]);
  });

  it("an annulled completion that was never sent is not sent at all, not even voided", () => {
    const t = xapiTestDb();
    t.annul(t.addCompletion().id);
    expect(pendingXapiStatements(ORIGIN, t.db)).toEqual([]);
  });
});
