import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { StaticRouter } from "react-router-dom/server";
import { describe, expect, it } from "vitest";
import type { CourseStatus } from "~/compliance/status";
import { countStatuses } from "~/compliance/summary";
import { BarChart } from "./charts";
import { completionBars } from "./status-words";
import { UnitSummaryList } from "./unit-summary-list";
import { UnitTree } from "./unit-tree";

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&nbsp;|&#160;/g, " ")
    .replace(/[\s\u00a0\u202f]+/g, " ");

// One unit: 3 Mangler, 2 Overskredet, 4 Gennemført, 1 Fritaget.
const statuses: CourseStatus[] = [
  ...Array.from(
    { length: 3 },
    (): CourseStatus => ({ kind: "missing", due: "2026-12-31", lastCompletedOn: null }),
  ),
  ...Array.from(
    { length: 2 },
    (): CourseStatus => ({ kind: "overdue", due: "2026-01-31", lastCompletedOn: null }),
  ),
  ...Array.from(
    { length: 4 },
    (): CourseStatus => ({ kind: "completed", validUntil: "2027-06-01", lastCompletedOn: "2026-06-01" }),
  ),
  { kind: "exempt", until: null },
];
const unit = {
  id: 7,
  parentId: null,
  name: "Familierådgivningen",
  counts: { gdpr: countStatuses(statuses) },
};
const courses = [{ code: "gdpr", title: "GDPR" }];
const inRouter = (element: ReturnType<typeof createElement>) =>
  text(renderToString(createElement(StaticRouter, { location: "/" }, element)));

describe("one meaning per word on cards, tree and charts", () => {
  const card = inRouter(createElement(UnitSummaryList, { units: [unit], courses }));
  const tree = inRouter(createElement(UnitTree, { units: [unit], courses }));
  const chart = text(
    renderToString(
      createElement(BarChart, {
        id: "t",
        title: "GDPR",
        description: "Andel gennemført",
        data: completionBars([unit], "gdpr"),
      }),
    ),
  );

  it("says 'ikke gennemført' for Mangler + Overskredet everywhere, with the same number", () => {
    for (const view of [card, tree, chart]) expect(view).toContain("5 ikke gennemført");
  });

  it("keeps 'mangler' for those whose frist has not passed, and 'overskredet' for the rest", () => {
    expect(card).toContain("3 mangler");
    expect(card).toContain("2 overskredet");
    for (const view of [card, tree, chart]) {
      // No count of 5 is ever called "mangler", and no other number is called "ikke gennemført".
      expect(view).not.toMatch(/\b5 mangler/);
      expect([...view.matchAll(/(\d+) ikke gennemført/g)].map((m) => m[1])).toEqual(
        expect.arrayContaining(["5"]),
      );
      expect([...view.matchAll(/(\d+) ikke gennemført/g)].every((m) => m[1] === "5")).toBe(true);
      expect([...view.matchAll(/(\d+) mangler/g)].every((m) => m[1] === "3")).toBe(true);
    }
  });

  it("shows the same completion share on the card, the tree and the chart", () => {
    // 4 of the 9 who must complete (the exempt one does not count).
    for (const view of [card, tree, chart]) expect(view).toContain("44 %");
  });
});
