import { expect, type Page, test } from "@playwright/test";
import { DEMO, e2eDb, expectNoAxeViolations, expectNoHorizontalScroll, logIn } from "./helpers";

/**
 * An account's card in the user list. Scoped to the list (named by its count), because an error
 * summary above it can quote the same e-mail address in a list item of its own.
 */
const userCard = (page: Page, email: string) =>
  page
    .getByRole("list", { name: /^[\d.]+ brugere?( matcher|\.)/ })
    .getByRole("listitem")
    .filter({ hasText: email });

test("the admin creates a manager with a unit and a password, who then signs in and sees the unit", async ({
  page,
  browser,
}) => {
  // Several pages, logins and axe scans in one journey: give it the slow-test time budget.
  test.slow();
  const email = `ny-leder-${process.pid}-${Date.now()}@albertslund.test`;
  const name = `Nanna Ny ${Date.now()}`;
  const password = "ny-adgangskode-2026";
  await logIn(page, DEMO.admin);
  await page.goto("/admin/brugere");
  const create = page.getByRole("region", { name: "Opret bruger" });
  await create.getByRole("button", { name: "Opret bruger" }).click();
  await expect(create.getByRole("alert")).toContainText("Skriv en gyldig e-mailadresse");
  await create.getByLabel("E-mail").fill(email);
  await create.getByLabel("Navn").fill(name);
  await create.getByLabel("Rolle").selectOption({ label: "Leder" });
  // Full unit paths in the picker, not just the short name.
  await create
    .getByLabel(/Leder for enhed/)
    .selectOption({ label: "Børn, Sundhed & Velfærd > Børn & Familie > Familierådgivningen" });
  await create.getByLabel(/Adgangskode/).fill(password);
  await create.getByRole("button", { name: "Opret bruger" }).click();
  await expect(create.getByRole("status")).toContainText(`${name} er oprettet som leder`);
  await expect(create.getByLabel("E-mail")).toHaveValue("");
  await expectNoAxeViolations(page);

  // A second account with the same e-mail is refused, next to the form.
  await create.getByLabel("E-mail").fill(email.toUpperCase());
  await create.getByLabel("Navn").fill(name);
  await create.getByRole("button", { name: "Opret bruger" }).click();
  await expect(create.getByRole("alert")).toContainText("Der findes allerede en bruger");

  // Search finds the new account, with the unit's full path.
  await page.getByLabel("Søg på navn eller e-mail").fill(name);
  await page.getByRole("button", { name: "Søg" }).click();
  await expect(page.getByText(`1 bruger matcher „${name}“.`)).toBeVisible();
  const card = userCard(page, email);
  await expect(card).toContainText("Børn, Sundhed & Velfærd > Børn & Familie > Familierådgivningen");
  await expect(userCard(page, DEMO.hr)).toHaveCount(0);
  await page.setViewportSize({ width: 320, height: 640 });
  await expectNoHorizontalScroll(page);
  const remove = card.getByRole("button", { name: /Fjern/ });
  expect((await remove.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);

  const context = await browser.newContext();
  const manager = await context.newPage();
  await logIn(manager, email, password);
  await manager.goto("/enheder");
  await expect(manager.getByRole("link", { name: "Familierådgivningen" }).first()).toBeVisible();
  await context.close();

  // The creation is in the audit trail, naming the account.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`/revision?handling=create_user&person=${encodeURIComponent(email)}`);
  await expect(page.getByRole("row").filter({ hasText: `Bruger: ${name}` })).toContainText(
    "Oprettede bruger",
  );
});

test("role and unit changes are logged, and deactivating asks first, without JavaScript too", async ({
  browser,
}) => {
  // Several pages, logins and axe scans in one journey: give it the slow-test time budget.
  test.slow();
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const email = `skift-${process.pid}-${Date.now()}@albertslund.test`;
  const name = `Sofus Skift ${Date.now()}`;
  await logIn(page, DEMO.admin);
  await page.goto("/admin/brugere");
  const create = page.getByRole("region", { name: "Opret bruger" });
  await create.getByLabel("E-mail").fill(email);
  await create.getByLabel("Navn").fill(name);
  await create.getByLabel(/Adgangskode/).fill("endnu-en-kode-123");
  await create.getByRole("button", { name: "Opret bruger" }).click();
  await expect(create.getByRole("status")).toContainText("er oprettet som medarbejder");

  const card = userCard(page, email);
  await card.getByLabel(`Rolle for ${name}`).selectOption({ label: "HR" });
  await card.getByRole("button", { name: "Gem rolle" }).click();
  await expect(userCard(page, email).getByRole("status")).toContainText("Ændringen er gemt");

  await userCard(page, email)
    .getByRole("link", { name: `Deaktivér ${name}` })
    .click();
  await expect(page.getByText(`Vil du deaktivere ${name}?`)).toBeVisible();
  await page.getByRole("link", { name: "Fortryd" }).click();
  await expect(page.getByText(`Vil du deaktivere ${name}?`)).toHaveCount(0);
  await userCard(page, email)
    .getByRole("link", { name: `Deaktivér ${name}` })
    .click();
  await page.getByRole("button", { name: `Ja, deaktivér ${name}` }).click();
  await expect(userCard(page, email)).toContainText("(deaktiveret)");

  await page.goto(`/revision?person=${encodeURIComponent(email)}`);
  const rows = page.getByRole("row");
  await expect(rows.filter({ hasText: "Ændrede rolle" })).toContainText("Medarbejder → HR");
  await expect(rows.filter({ hasText: "Ændrede adgang" })).toContainText("Deaktiveret");
  await context.close();

  const check = e2eDb();
  const row = check.prepare("select deactivated_at from user_account where email = ?").get(email) as {
    deactivated_at: number | null;
  };
  check.close();
  expect(row.deactivated_at).not.toBeNull();
});

test("the admin sets when a requirement began, and it is logged", async ({ page }) => {
  await logIn(page, DEMO.admin);
  await page
    .getByRole("navigation", { name: "Hovedmenu" })
    .getByRole("link", { name: "Kurser og frister" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Kurser og frister" })).toBeVisible();
  const gdpr = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "GDPR" }) });
  await expect(gdpr.getByLabel("Kravet gælder fra")).toHaveValue("2018-05-25");
  await gdpr.getByLabel("Kravet gælder fra").fill("2018-05-24");
  await gdpr.getByRole("button", { name: "Gem datoer for GDPR" }).click();
  await expect(gdpr.getByRole("status")).toContainText("Kravet gælder fra: 25.05.2018 → 24.05.2018");
  await expectNoAxeViolations(page);
  // Put it back, so other tests see the demo's dates.
  await gdpr.getByLabel("Kravet gælder fra").fill("2018-05-25");
  await gdpr.getByRole("button", { name: "Gem datoer for GDPR" }).click();
  await expect(gdpr.getByRole("status")).toContainText("24.05.2018 → 25.05.2018");
  await page.goto("/revision?handling=change_course");
  await expect(page.getByRole("row").filter({ hasText: "Kursus: GDPR" }).first()).toBeVisible();
});
