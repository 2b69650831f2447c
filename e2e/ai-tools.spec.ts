// Issue 11 items 5 and 6: an admin keeps the AI tools list and the links and contacts in the
// browser; the public page shows the change with the new date.
import { expect, test } from "@playwright/test";
import { DEMO, danishToday, e2eDb, expectNoAxeViolations, expectNoHorizontalScroll, logIn } from "./helpers";

const longDate = (d: Date) => new Intl.DateTimeFormat("da-DK", { dateStyle: "long" }).format(d);

/** The heading levels of the main content, in order. */
async function headingLevels(page: import("@playwright/test").Page) {
  return page
    .locator("main")
    .locator("h1, h2, h3, h4, h5, h6")
    .evaluateAll((els) => els.map((e) => Number(e.tagName.slice(1))));
}

test("an admin adds and changes a tool; the public page shows it with the new date", async ({ page }) => {
  test.setTimeout(90_000);
  // The list's history starts in the past, so the new date is visibly the admin's change.
  const db = e2eDb();
  try {
    db.prepare("update ai_tool_change set at = ?").run(Date.UTC(2025, 7, 11, 10));
  } finally {
    db.close();
  }
  await page.goto("/ai-vaerktoejer");
  await expect(page.getByText("Opdateret 11. august 2025")).toBeVisible();

  const name = `E2E-værktøj ${Date.now()}`;
  await logIn(page, DEMO.admin);
  await page.getByRole("link", { name: "Redigér AI-værktøjer" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Redigér AI-værktøjer" })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "Tilføj et værktøj" }).click();
  await page.getByRole("button", { name: "Tilføj værktøjet" }).click();
  await expect(page.getByRole("alert")).toContainText("Skriv værktøjets navn");
  await expect(page.getByRole("alert")).toBeFocused();
  await expect(page.getByLabel("Navn")).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page);

  await page.getByLabel("Navn").fill(name);
  await page.getByLabel("Status", { exact: true }).selectOption({ label: "Kræver godkendelse" });
  await page.getByLabel("Kort beskrivelse").fill("Et værktøj, som IT & Digitalisering er ved at vurdere.");
  await page.getByLabel("Du må (én ting pr. linje)").fill("Foreslå det til IT-Helpdesk.");
  await page.getByRole("button", { name: "Tilføj værktøjet" }).click();
  const history = page.getByRole("listitem").filter({ hasText: name });
  await expect(history.filter({ hasText: "Tilføjet" })).toBeVisible();

  await page.getByRole("link", { name, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Redigér ${name}` })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("Status", { exact: true }).selectOption({ label: "Ikke tilladt" });
  await page.getByLabel("Note (vises under værktøjet, kan være tom)").fill("Vurderet og afvist.");
  await page.getByRole("button", { name: "Gem ændringerne" }).click();
  await expect(
    page.getByRole("listitem").filter({ hasText: "Status: Kræver godkendelse → Ikke tilladt; Note ændret" }),
  ).toContainText(name);

  // The public page: the tool in the summary table with its status, and today's date.
  await page.goto("/ai-vaerktoejer");
  await expect(page.getByText(`Opdateret ${longDate(danishToday())}`)).toBeVisible();
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name }) });
  await expect(row.getByRole("cell")).toHaveText("Ikke tilladt");
  await expect(page.getByRole("listitem").filter({ has: page.getByRole("heading", { name }) })).toContainText(
    "Vurderet og afvist.",
  );

  // Retired, it leaves the public page.
  await page.goto("/admin/ai-vaerktoejer");
  await page.getByRole("link", { name, exact: true }).click();
  await page.getByRole("button", { name: "Fjern værktøjet fra oversigten" }).click();
  await expect(
    page.getByRole("listitem").filter({ hasText: `${name}: Fjernet fra oversigten` }),
  ).toBeVisible();
  await page.goto("/ai-vaerktoejer");
  await expect(page.getByRole("rowheader", { name })).toHaveCount(0);
});

test("the public AI tools page: summary first, headings in order, readable at 320 px, axe", async ({
  page,
}) => {
  await page.setViewportSize({ width: 320, height: 800 });
  await page.goto("/ai-vaerktoejer");
  await expect(
    page.getByRole("heading", { level: 1, name: "AI-værktøjer – hvad må du bruge?" }),
  ).toBeVisible();
  await expect(page.getByRole("rowheader", { name: "DeepSeek" })).toBeVisible();
  const levels = await headingLevels(page);
  expect(levels[0]).toBe(1);
  for (let i = 1; i < levels.length; i++) {
    expect(levels[i] ?? 0, `heading ${i + 1} of ${levels.join(",")}`).toBeLessThanOrEqual(
      (levels[i - 1] ?? 0) + 1,
    );
  }
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page);
});

test("an admin keeps the links and contacts: errors named, every change in the history", async ({ page }) => {
  await logIn(page, DEMO.admin);
  await page.getByRole("link", { name: "Links og kontakter" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Links og kontakter" })).toBeVisible();
  await expectNoAxeViolations(page);

  const field = page.getByLabel("IT-Helpdesks telefonnummer");
  const before = await field.inputValue();
  await field.fill("12");
  await page.getByLabel("Databeskyttelsesrådgiverens (DPO) e-mailadresse").fill("ikke en adresse");
  await page.getByRole("button", { name: "Gem indstillingerne" }).click();
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("IT-Helpdesks telefonnummer: Skriv et dansk telefonnummer med 8 cifre");
  await expect(alert).toContainText(
    "Databeskyttelsesrådgiverens (DPO) e-mailadresse: Skriv en gyldig e-mailadresse",
  );
  await expect(alert).toBeFocused();
  await expect(field).toHaveValue("12");
  await expectNoAxeViolations(page);

  // A valid change is saved and listed with the old and new value; then it is put back.
  await page.reload();
  await page.getByLabel("IT-Helpdesks telefonnummer").fill("43 99 99 99");
  await page.getByRole("button", { name: "Gem indstillingerne" }).click();
  await expect(page.getByRole("status")).toContainText("Gemt: IT-Helpdesks telefonnummer.");
  await expect(
    page.getByRole("listitem").filter({ hasText: `IT-Helpdesks telefonnummer: ${before} → 43 99 99 99` }),
  ).toBeVisible();
  await page.getByLabel("IT-Helpdesks telefonnummer").fill(before);
  await page.getByRole("button", { name: "Gem indstillingerne" }).click();
  await expect(page.getByRole("status")).toContainText("Gemt: IT-Helpdesks telefonnummer.");
});
