import { expect, test } from "@playwright/test";
import {
  attemptLogIn,
  createTestAccount,
  DEMO,
  expectNoAxeViolations,
  logIn,
  logOut,
  unitId,
} from "./helpers";

test.describe("logging in and out", () => {
  const roles = [
    { email: DEMO.employee, role: "Medarbejder", name: "Camilla Demo Holm", sees: "Dine kurser" },
    { email: DEMO.manager, role: "Leder", name: "Lars Demo Brandt", sees: "Status for din enhed" },
    { email: DEMO.hr, role: "HR", name: "Helle Demo Friis", sees: "Status for hele organisationen" },
    {
      email: DEMO.admin,
      role: "Administrator",
      name: "Adam Demo Skov",
      sees: "Administrér brugere og roller",
    },
  ];

  for (const r of roles) {
    test(`${r.role} logs in, sees a start page for the role and logs out`, async ({ page, context }) => {
      await logIn(page, r.email);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Hej ${r.name.split(" ")[0]}`);
      await expect(page.getByRole("banner")).toContainText(`${r.name} (${r.role})`);
      await expect(page.getByText(r.sees)).toBeVisible();

      const cookies = await context.cookies();
      await logOut(page);
      // The old cookie no longer opens anything.
      await context.addCookies(cookies);
      await page.goto("/");
      await expect(page).toHaveURL(/\/login$/);
    });
  }

  test("a wrong password and an unknown e-mail get the same Danish message", async ({ page }) => {
    const message = "E-mail eller adgangskode er forkert. Prøv igen, eller kontakt IT-Helpdesk.";
    await attemptLogIn(page, DEMO.employee, "forkert-kode");
    await expect(page.getByRole("alert")).toContainText(message);
    await expect(page.getByRole("alert")).toBeFocused();
    const wrongPassword = await page.getByRole("alert").textContent();

    await attemptLogIn(page, "findes-ikke@albertslund.test", "forkert-kode");
    await expect(page.getByRole("alert")).toContainText(message);
    expect(await page.getByRole("alert").textContent()).toBe(wrongPassword);
  });

  test("empty fields are named in the error summary and marked invalid", async ({ page }) => {
    await page.goto("/login");
    await page.getByRole("button", { name: "Log ind" }).click();
    const summary = page.getByRole("alert");
    await expect(summary).toContainText("Skriv din e-mailadresse.");
    await expect(summary).toContainText("Skriv din adgangskode.");
    await expect(page.getByLabel("E-mail")).toHaveAttribute("aria-invalid", "true");
  });

  test("e-mail is matched without regard to case", async ({ page }) => {
    await logIn(page, DEMO.hr.toUpperCase());
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hej Helle");
  });

  test("logging out needs a POST: a GET to /logout changes nothing", async ({ page }) => {
    await logIn(page, DEMO.employee);
    await page.goto("/logout");
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("button", { name: "Log ud" })).toBeVisible();
  });
});

test.describe("access by role", () => {
  test("an unauthenticated visitor is sent to login and back to the page after", async ({ page }) => {
    const id = unitId("Familierådgivningen");
    await page.goto(`/enheder/${id}`);
    await expect(page).toHaveURL(new RegExp(`/login\\?redirectTo=%2Fenheder%2F${id}$`));
    await page.getByLabel("E-mail").fill(DEMO.manager);
    await page.getByLabel("Adgangskode").fill("albertslund2025");
    await page.getByRole("button", { name: "Log ind" }).click();
    await expect(page).toHaveURL(new RegExp(`/enheder/${id}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Familierådgivningen");
  });

  test("a login never redirects to another site", async ({ page }) => {
    await page.goto("/login?redirectTo=//evil.example/");
    await page.getByLabel("E-mail").fill(DEMO.employee);
    await page.getByLabel("Adgangskode").fill("albertslund2025");
    await page.getByRole("button", { name: "Log ind" }).click();
    await expect(page).toHaveURL(/localhost:\d+\/$/);
  });

  test("an employee opening a manager page gets 403", async ({ page }) => {
    await logIn(page, DEMO.employee);
    const response = await page.goto("/enheder");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Du har ikke adgang" })).toBeVisible();
    const admin = await page.goto("/admin/brugere");
    expect(admin?.status()).toBe(403);
  });

  test("a manager sees the managed unit and gets 403 outside it, with no data", async ({ page }) => {
    await logIn(page, DEMO.manager);
    await page.getByRole("link", { name: "Mine enheder" }).click();
    await expect(page.getByRole("link", { name: "Børn & Familie" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Hjemmeplejen" })).toHaveCount(0);

    const outside = unitId("Hjemmeplejen");
    const response = await page.goto(`/enheder/${outside}`);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Du har ikke adgang" })).toBeVisible();
    await expect(page.getByText("Hjemmeplejen Nord")).toHaveCount(0);

    // The data request behind client-side navigation is refused too.
    const dataResponse = await page.request.get(`/enheder/${outside}.data`);
    expect(dataResponse.status()).toBe(403);
    expect(await dataResponse.text()).not.toContain("Hjemmeplejen Nord");
  });

  test("HR sees the whole organisation and can drill down", async ({ page }) => {
    await logIn(page, DEMO.hr);
    await page.getByRole("link", { name: "Organisationen" }).click();
    await page.getByRole("link", { name: "Børn, Sundhed & Velfærd" }).click();
    await page.getByRole("link", { name: "Ældre, Sundhed & Social" }).click();
    await expect(page.getByRole("heading", { name: "Enheder under Ældre, Sundhed & Social" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Hjemmeplejen" })).toBeVisible();
  });

  test("an unknown address gets the designed 404 page", async ({ page }) => {
    const response = await page.goto("/findes-ikke");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Siden findes ikke" })).toBeVisible();
  });
});

test.describe("administering accounts", () => {
  test("changing a user's role ends their sessions and takes effect at once", async ({ browser }) => {
    const hrUser = await createTestAccount("hr");
    const hrContext = await browser.newContext();
    const hrPage = await hrContext.newPage();
    await logIn(hrPage, hrUser.email, hrUser.password);
    await expect(hrPage.getByRole("link", { name: "Organisationen" })).toBeVisible();

    const adminContext = await browser.newContext();
    const adminPage = await adminContext.newPage();
    await logIn(adminPage, DEMO.admin);
    await adminPage.getByRole("link", { name: "Brugere", exact: true }).click();
    await adminPage
      .getByLabel(`Rolle for ${hrUser.name}`, { exact: true })
      .selectOption({ label: "Medarbejder" });
    await adminPage
      .getByRole("listitem")
      .filter({ hasText: hrUser.email })
      .getByRole("button", { name: "Gem rolle" })
      .click();
    await expect(adminPage.getByRole("status")).toContainText("Ændringen er gemt");

    await hrPage.goto("/enheder");
    await expect(hrPage).toHaveURL(/\/login\?redirectTo=%2Fenheder$/);
    await logIn(hrPage, hrUser.email, hrUser.password);
    const response = await hrPage.goto("/enheder");
    expect(response?.status()).toBe(403);
    await hrContext.close();
    await adminContext.close();
  });

  test("a deactivated user cannot log in", async ({ page, browser }) => {
    const user = await createTestAccount("employee");
    const adminContext = await browser.newContext();
    const adminPage = await adminContext.newPage();
    await logIn(adminPage, DEMO.admin);
    await adminPage.goto("/admin/brugere");
    // Deactivating asks first (a confirmation step that works without JavaScript).
    await adminPage.getByRole("link", { name: `Deaktivér ${user.name}`, exact: true }).click();
    await expect(adminPage.getByText(`Vil du deaktivere ${user.name}?`)).toBeVisible();
    await expectNoAxeViolations(adminPage);
    await adminPage.getByRole("button", { name: `Ja, deaktivér ${user.name}`, exact: true }).click();
    await expect(adminPage.getByRole("status")).toContainText("Ændringen er gemt");
    await adminContext.close();

    await attemptLogIn(page, user.email, user.password);
    await expect(page.getByRole("alert")).toContainText("E-mail eller adgangskode er forkert");
  });
});
