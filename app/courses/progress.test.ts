import { describe, expect, it } from "vitest";
import {
  type AttemptSummary,
  canRenew,
  completionCycleKey,
  isQuizOpen,
  pageTurn,
  passedModules,
} from "./progress";

const attempt = (
  moduleSlug: string,
  submittedOn: string,
  passed = true,
  score = 100,
  courseVersion = "1.0",
): AttemptSummary => ({
  moduleSlug,
  submittedOn,
  passed,
  score,
  courseVersion,
});

describe("passedModules", () => {
  it("counts passed attempts of the current version after the last completion, best score", () => {
    const attempts = [
      attempt("a", "2025-01-10"), // before the last completion: last cycle
      attempt("b", "2026-01-05", false, 40),
      attempt("b", "2026-01-06", true, 80),
      attempt("b", "2026-01-07", true, 100),
      attempt("c", "2026-01-07", true, 100, "0.9"), // old version
    ];
    const passed = passedModules(attempts, "1.0", "2025-02-01");
    expect([...passed.entries()]).toEqual([["b", 100]]);
  });

  it("counts every passed attempt when there was never a completion", () => {
    expect(passedModules([attempt("a", "2025-01-10")], "1.0", null).has("a")).toBe(true);
  });

  it("does not count an attempt from the day of the last completion", () => {
    expect(passedModules([attempt("a", "2025-02-01")], "1.0", "2025-02-01").size).toBe(0);
  });
});

describe("completion cycles", () => {
  it("keys a completion by the due date it answers", () => {
    expect(completionCycleKey({ kind: "missing", due: "2026-03-01", lastCompletedOn: null })).toBe(
      "2026-03-01",
    );
    expect(completionCycleKey({ kind: "overdue", due: "2026-03-01", lastCompletedOn: "2025-03-01" })).toBe(
      "2026-03-01",
    );
    expect(
      completionCycleKey({ kind: "expiringSoon", validUntil: "2026-03-01", lastCompletedOn: "2025-03-01" }),
    ).toBe("2026-03-01");
  });

  it("allows a new completion only when the course is due or expiring", () => {
    expect(canRenew({ kind: "completed", validUntil: "2026-03-01", lastCompletedOn: "2025-03-01" })).toBe(
      false,
    );
    expect(canRenew({ kind: "expiringSoon", validUntil: "2026-03-01", lastCompletedOn: "2025-03-01" })).toBe(
      true,
    );
    expect(canRenew({ kind: "overdue", due: "2026-03-01", lastCompletedOn: null })).toBe(true);
  });
});

describe("isQuizOpen", () => {
  it("opens after the last page is reached, or at once after an earlier completion", () => {
    expect(isQuizOpen({ hasCompletion: false, furthestPage: null, pageCount: 4 })).toBe(false);
    expect(isQuizOpen({ hasCompletion: false, furthestPage: 2, pageCount: 4 })).toBe(false);
    expect(isQuizOpen({ hasCompletion: false, furthestPage: 3, pageCount: 4 })).toBe(true);
    expect(isQuizOpen({ hasCompletion: true, furthestPage: null, pageCount: 4 })).toBe(true);
  });
});

describe("pageTurn", () => {
  it("turns to a page inside the module and records it", () => {
    expect(pageTurn({ requested: 2, pageCount: 4, quizOpen: false })).toEqual({ save: 2, goTo: { page: 2 } });
  });

  it("goes from the last page to the quiz when the quiz is open", () => {
    expect(pageTurn({ requested: 4, pageCount: 4, quizOpen: true })).toEqual({ save: 3, goTo: "quiz" });
    expect(pageTurn({ requested: 999, pageCount: 4, quizOpen: true })).toEqual({ save: 3, goTo: "quiz" });
  });

  it("lands on the last page instead of the quiz when the quiz is not open yet", () => {
    expect(pageTurn({ requested: 999, pageCount: 4, quizOpen: false })).toEqual({
      save: 3,
      goTo: { page: 3 },
    });
    expect(pageTurn({ requested: 4, pageCount: 4, quizOpen: false })).toEqual({ save: 3, goTo: { page: 3 } });
  });
});
