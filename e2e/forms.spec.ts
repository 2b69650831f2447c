// The form kit (app/ui/form.tsx) and the routes' own error pages (app/ui/route-error-boundary.tsx).
import { expect, test } from "@playwright/test";
import { DEMO, expectNoAxeViolations, logIn, waitForHydration } from "./helpers";

test("two wrong fields: each error beside its field and both in the focused summary, whose links lead to the fields", async ({
  page,
}) => {
  await logIn(page, DEMO.admin);
  await page.goto("/admin/indstillinger");
  await waitForHydration(page);
  const phone = page.getByRole("textbox", { name: "IT-Helpdesks telefonnummer" });
  const email = page.getByRole("textbox", { name: "Databeskyttelsesrådgiverens (DPO) e-mailadresse" });
  await phone.fill("12");
  await email.fill("ikke en adresse");
  await page.getByRole("button", { name: "Gem indstillingerne" }).click();

  const summary = page.getByRole("alert");
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("heading", { name: "Ret fejlene nedenfor" })).toBeVisible();
  await expect(summary.getByRole("link")).toHaveCount(2);
  // Beside each field: the message is its description, and the field is marked invalid.
  await expect(phone).toHaveAttribute("aria-invalid", "true");
  await expect(phone).toHaveAccessibleDescription(/Skriv et dansk telefonnummer med 8 cifre/);
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(email).toHaveAccessibleDescription(/Skriv en gyldig e-mailadresse/);
  // What was typed is still there.
  await expect(phone).toHaveValue("12");
  await expect(email).toHaveValue("ikke en adresse");
  await expectNoAxeViolations(page);

  await summary.getByRole("link", { name: /Databeskyttelsesrådgiverens \(DPO\) e-mailadresse/ }).click();
  await expect(email).toBeFocused();
  await summary.getByRole("link", { name: /IT-Helpdesks telefonnummer/ }).click();
  await expect(phone).toBeFocused();
});

test("without JavaScript the action still answers 400 with every error beside its field", async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/login");
  const answer = page.waitForResponse((r) => r.url().endsWith("/login") && r.request().method() === "POST");
  await page.getByRole("button", { name: "Log ind" }).click();
  expect((await answer).status()).toBe(400);
  const summary = page.getByRole("alert");
  await expect(summary).toContainText("Skriv din e-mailadresse.");
  await expect(summary).toContainText("Skriv din adgangskode.");
  await expect(page.getByRole("textbox", { name: "E-mail" })).toHaveAccessibleDescription(
    "Skriv din e-mailadresse.",
  );
  await context.close();
});

test.describe("a page that does not exist inside the site keeps the header and navigation", () => {
  test("a module that does not exist", async ({ page }) => {
    await logIn(page, DEMO.employee);
    const response = await page.goto("/kurser/ai/findes-ikke");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Modulet findes ikke." })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Hovedmenu" }).first()).toBeAttached();
    await expect(page.getByRole("button", { name: "Log ud" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Gå til Mine kurser" })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("a unit that does not exist", async ({ page }) => {
    await logIn(page, DEMO.hr);
    const response = await page.goto("/enheder/999999999");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Enheden findes ikke." })).toBeVisible();
    await expect(page.getByRole("link", { name: "Organisationen" }).first()).toBeAttached();
    await page.getByRole("link", { name: "Gå til enhederne" }).click();
    await expect(page).toHaveURL(/\/enheder$/);
    await expectNoAxeViolations(page);
  });
});
