import { describe, expect, it } from "vitest";
import type { CourseStatus } from "./status";
import { countStatuses } from "./summary";

const s = {
  completed: { kind: "completed", validUntil: "2026-01-01", lastCompletedOn: "2025-01-01" },
  soon: { kind: "expiringSoon", validUntil: "2026-01-01", lastCompletedOn: "2025-01-01" },
  missing: { kind: "missing", due: "2026-01-01", lastCompletedOn: null },
  overdue: { kind: "overdue", due: "2025-01-01", lastCompletedOn: null },
  exempt: { kind: "exempt", until: null },
  notListed: { kind: "notListed" },
} satisfies Record<string, CourseStatus>;

describe("countStatuses", () => {
  it("counts each status and leaves out people who are not listed", () => {
    const counts = countStatuses([
      s.completed,
      s.soon,
      s.missing,
      s.overdue,
      s.overdue,
      s.exempt,
      s.notListed,
    ]);
    expect(counts).toMatchObject({
      completed: 1,
      expiringSoon: 1,
      missing: 1,
      overdue: 2,
      exempt: 1,
      total: 6,
    });
  });

  it("counts 'expiring soon' as completed and leaves the exempt out of the rate", () => {
    expect(countStatuses([s.completed, s.soon, s.missing, s.overdue, s.exempt]).completionRate).toBe(0.5);
  });

  it("has no rate when nobody must complete", () => {
    expect(countStatuses([s.exempt]).completionRate).toBeNull();
    expect(countStatuses([]).completionRate).toBeNull();
  });
});
