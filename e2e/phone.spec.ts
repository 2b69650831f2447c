import { expect, type Page, test } from "@playwright/test";
import { DEMO, e2eDb, expectNoAxeViolations, logIn, unitId } from "./helpers";

// Every page except the course player's (e2e/course.spec.ts), at the narrowest phone width.
function employeeIdIn(unit: string): number {
  const db = e2eDb();
  try {
    return (
      db
        .prepare(
          "select e.id from employee e join org_unit u on u.id = e.org_unit_id where u.name = ? and e.end_date is null order by e.id limit 1",
        )
        .get(unit) as { id: number }
    ).id;
  } finally {
    db.close();
  }
}

const pages: { who: string | null; paths: () => string[] }[] = [
  { who: null, paths: () => ["/login", "/ai-vaerktoejer", "/findes-ikke"] },
  { who: DEMO.employee, paths: () => ["/", "/mine-kurser", "/mine-data", "/kurser/ai", "/kurser/gdpr"] },
  {
    who: DEMO.manager,
    paths: () => {
      const unit = unitId("Børn & Familie");
      return [
        "/",
        "/enheder",
        `/enheder/${unit}`,
        `/enheder/${unit}/personer`,
        `/enheder/${unit}/personer?status=ikke-gennemfoert&kursus=gdpr`,
        `/enheder/${unit}/hvem-mangler`,
        `/medarbejdere/${employeeIdIn("Familierådgivningen")}`,
      ];
    },
  },
  {
    who: DEMO.hr,
    paths: () => [
      "/",
      "/enheder",
      `/enheder/${unitId("Børn, Sundhed & Velfærd")}`,
      "/hr/import",
      "/hr/kursusnavne",
      "/revision",
      `/medarbejdere/${employeeIdIn("Hjemmeplejen Nord")}`,
    ],
  },
  { who: DEMO.admin, paths: () => ["/", "/admin/brugere", "/admin/kurser", "/revision"] },
];

async function headerHeight(page: Page) {
  return (await page.getByRole("banner").boundingBox())?.height ?? 0;
}

for (const p of pages) {
  test(`at 320 px nothing scrolls sideways and the header stays small, for ${p.who ?? "anyone"}`, async ({
    page,
  }) => {
    if (p.who) await logIn(page, p.who);
    await page.setViewportSize({ width: 320, height: 640 });
    for (const path of p.paths()) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 }).first(), path).toBeVisible();
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
      expect(await headerHeight(page), path).toBeLessThanOrEqual(120);
    }
  });
}

test("the phone menu opens without JavaScript and leads to every page of the role", async ({ browser }) => {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    viewport: { width: 320, height: 640 },
  });
  const page = await context.newPage();
  await logIn(page, DEMO.hr);
  const menu = page.getByRole("banner").getByText("Menu", { exact: true });
  await menu.click();
  const nav = page.getByRole("navigation", { name: "Hovedmenu" });
  await expect(nav.getByRole("link", { name: "Revisionsspor" })).toBeVisible();
  for (const link of await nav.getByRole("link").all()) {
    expect((await link.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);
  }
  await nav.getByRole("link", { name: "Revisionsspor" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Revisionsspor" })).toBeVisible();
  expect(await headerHeight(page)).toBeLessThanOrEqual(120);
  await context.close();
});

test("the open phone menu passes axe", async ({ page }) => {
  await logIn(page, DEMO.employee);
  await page.setViewportSize({ width: 320, height: 640 });
  await page.getByRole("banner").getByText("Menu", { exact: true }).click();
  await expect(
    page.getByRole("navigation", { name: "Hovedmenu" }).getByRole("link", { name: "Mine data" }),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  // With JavaScript, following a link folds the menu again.
  await page.getByRole("navigation", { name: "Hovedmenu" }).getByRole("link", { name: "Mine data" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Mine data" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Hovedmenu" })).toBeHidden();
});

test("tables that do not fit a phone stack, with each cell named", async ({ page }) => {
  await logIn(page, DEMO.hr);
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/revision");
  const firstRow = page.getByRole("row").nth(1);
  // Every column is still on screen: "Filtre" and "Rækker" move into the row, not off-screen.
  for (const cell of await firstRow.getByRole("cell").all()) {
    const box = await cell.boundingBox();
    expect(box?.x ?? -1).toBeGreaterThanOrEqual(0);
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(360);
  }
  const label = await firstRow
    .getByRole("cell")
    .last()
    .evaluate((el) => getComputedStyle(el, "::before").content);
  expect(label).toContain("Rækker");
  await expectNoAxeViolations(page);
});
