import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { StaticRouter } from "react-router-dom/server";
import { describe, expect, it } from "vitest";
import { statusCounts } from "~/compliance/summary";
import { UnitTree, type UnitTreeItem } from "./unit-tree";

const counts = { gdpr: statusCounts({ exempt: 0, completed: 3, expiringSoon: 0, missing: 1, overdue: 0 }) };
const item = (id: number, parentId: number | null, name: string, childrenNotShown = 0): UnitTreeItem => ({
  id,
  parentId,
  name,
  counts,
  childrenNotShown,
});
const render = (units: UnitTreeItem[]) =>
  renderToString(
    createElement(
      StaticRouter,
      { location: "/" },
      createElement(UnitTree, { units, courses: [{ code: "gdpr", title: "GDPR" }] }),
    ),
  );

describe("the unit tree", () => {
  it("nests each unit under its parent, in the order given", () => {
    const html = render([
      item(1, null, "Kommunen"),
      item(2, 1, "Skoler"),
      item(3, 2, "Skole A"),
      item(4, 1, "Ældre"),
    ]);
    // Kommunen's list holds Skoler (with Skole A inside it) and then Ældre.
    expect(html.replace(/<[^>]+>/g, "|").replace(/\|+/g, "|")).toMatch(/Kommunen.*Skoler.*Skole A.*Ældre/);
    expect(html.match(/<ul/g)).toHaveLength(3);
  });

  it("says how many units below a unit are left out, and where they are", () => {
    const html = render([item(1, null, "Kommunen"), item(2, 1, "Skoler", 12), item(3, 1, "Ældre", 1)]);
    expect(html).toContain("12 underenheder – se dem på enhedens side.");
    expect(html).toContain("1 underenhed – se den på enhedens side.");
    expect(html.match(/underenhed/g)).toHaveLength(2);
  });
});
