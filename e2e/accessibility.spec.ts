import { expect, test } from "@playwright/test";
import { DEMO, expectNoAxeViolations, expectNoHorizontalScroll, logIn, unitId } from "./helpers";

test.describe("accessibility: every page of the foundation, in every state", () => {
  test("login page, empty and with errors, lists the demo accounts", async ({ page }) => {
    await page.goto("/login");
    await expect(page.locator("html")).toHaveAttribute("lang", "da");
    await expect(page.getByRole("heading", { name: "Demokonti" })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Log ind" }).click();
    await expect(page.getByRole("alert")).toBeVisible();
    await expectNoAxeViolations(page);
  });

  const pages = [
    {
      who: DEMO.employee,
      paths: () => [
        "/",
        "/mine-kurser",
        "/kurser/ai",
        "/kurser/ai/hvorfor-ai-kompetencer?side=2",
        "/kurser/gdpr",
        // The demo employee has done GDPR before, so the quiz opens without reading first.
        "/kurser/gdpr/personoplysninger/quiz",
        "/ai-vaerktoejer",
      ],
    },
    { who: DEMO.employee, paths: () => ["/mine-data"] },
    {
      who: DEMO.manager,
      paths: () => ["/", "/enheder", `/enheder/${unitId("Børn & Familie")}`, "/mine-kurser"],
    },
    { who: DEMO.hr, paths: () => ["/", "/enheder", `/enheder/${unitId("Hjemmeplejen Nord")}`] },
    {
      who: DEMO.hr,
      paths: () => [
        `/enheder/${unitId("Hjemmeplejen Nord")}/personer`,
        "/revision?handling=view_employee&fra=2026-01-01",
        "/hr/kursusnavne",
      ],
    },
    {
      who: DEMO.admin,
      paths: () => [
        "/",
        "/admin/brugere",
        "/admin/kurser",
        "/revision",
        "/admin/indstillinger",
        "/admin/ai-vaerktoejer",
        "/admin/ai-vaerktoejer/ny",
        "/admin/ai-vaerktoejer/1",
      ],
    },
  ];
  pages.forEach((p, i) => {
    test(`pages for ${p.who} pass axe and reflow at 320 px (${i + 1})`, async ({ page }) => {
      // Up to eight pages, each scanned by axe: on a shared two-core machine that takes a while.
      test.setTimeout(120_000);
      await logIn(page, p.who);
      for (const path of p.paths()) {
        await page.setViewportSize({ width: 1280, height: 800 });
        await page.goto(path);
        await expectNoAxeViolations(page);
        await page.setViewportSize({ width: 320, height: 640 });
        await expectNoHorizontalScroll(page);
      }
    });
  });

  test("error pages pass axe", async ({ page }) => {
    await page.goto("/findes-ikke");
    await expectNoAxeViolations(page);
    await logIn(page, DEMO.employee);
    await page.goto("/enheder");
    await expect(page.getByRole("heading", { name: "Du har ikke adgang" })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("the skip link leads to the content and focus is visible", async ({ page }) => {
    await logIn(page, DEMO.employee);
    await page.goto("/");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Gå til indhold" });
    await expect(skip).toBeFocused();
    const outline = await skip.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe("none");
    await page.keyboard.press("Enter");
    await expect(page.locator("#indhold")).toBeFocused();
  });

  test("the footer links to the accessibility statement on every page", async ({ page }) => {
    await page.goto("/login");
    await expect(page.getByRole("link", { name: "Tilgængelighedserklæring" })).toHaveAttribute(
      "href",
      /^https:\/\/was\.digst\.dk\//,
    );
  });
});
