import { expect, test } from "./fixtures";
import { e2eDb, expectNoAxeViolations, logIn } from "./helpers";

test("each entry names the person; the trail filters by person, actor, action and dates, with paging", async ({
  page,
  browser,
  manager,
  hr,
}) => {
  // Several pages, logins and axe scans in one journey: give it the slow-test time budget.
  test.slow();
  const person = manager.staff;
  // The manager looks the person up, sending a request id of their own choosing.
  const managerContext = await browser.newContext({ extraHTTPHeaders: { "X-Request-Id": "FORGED" } });
  const managerPage = await managerContext.newPage();
  await logIn(managerPage, manager.email, manager.password);
  const response = await managerPage.goto(`/medarbejdere/${person.employeeId}`);
  const serverId = response?.headers()["x-request-id"];
  await managerContext.close();

  const db = e2eDb();
  const logged = db
    .prepare("select request_id from audit_event where target_employee_id = ? and action = 'view_employee'")
    .all(person.employeeId) as { request_id: string }[];
  // 150 older lookups of the same person, so the filtered list needs more than one page.
  const insert = db.prepare(
    "insert into audit_event (at, actor_name, actor_role, action, scope, target_employee_id, filters, row_count, request_id) values (?, 'Revisor Test', 'hr', 'view_employee', 'Familierådgivningen', ?, '', 1, ?)",
  );
  const yearAgo = Date.now() - 365 * 86_400_000;
  for (let i = 0; i < 150; i++) insert.run(yearAgo + i, person.employeeId, `test-${i}`);
  db.close();
  expect(logged.map((r) => r.request_id)).toEqual([serverId]);
  expect(serverId).not.toBe("FORGED");

  await logIn(page, hr.email, hr.password);
  await page.goto("/revision");
  await page.getByLabel(/Om person/).fill(person.name);
  await page.getByLabel("Udført af (navn eller e-mail)").fill(manager.name);
  await page.getByLabel("Handling").selectOption({ label: "Så medarbejder" });
  await page.getByRole("button", { name: "Vis" }).click();
  const rows = page.getByRole("row").filter({ hasText: person.name });
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(`${manager.name} (Leder)`);
  await expect(rows.first()).toContainText("Så medarbejder");
  await expectNoAxeViolations(page);

  // Dates: nothing by the manager before today; today's entry is in today's range.
  const today = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Copenhagen" }).format(new Date());
  await page.getByLabel("Fra og med dato").fill(today);
  await page.getByLabel("Til og med dato").fill(today);
  await page.getByRole("button", { name: "Vis" }).click();
  await expect(page.getByRole("row").filter({ hasText: person.name })).toHaveCount(1);
  await page.getByLabel("Til og med dato").fill("2020-01-01");
  await page.getByLabel("Fra og med dato").fill("2020-01-01");
  await page.getByRole("button", { name: "Vis" }).click();
  await expect(page.getByText("Ingen hændelser med disse filtre.")).toBeVisible();

  // Paging keeps the filters: 151 entries about the person, 100 a page.
  await page.goto(`/revision?person=${encodeURIComponent(person.name)}`);
  await expect(page.getByRole("row").filter({ hasText: person.name })).toHaveCount(100);
  await page.getByRole("link", { name: "Ældre" }).click();
  await expect(page).toHaveURL(/side=2/);
  await expect(page.getByLabel(/Om person/)).toHaveValue(person.name);
  await expect(page.getByRole("row").filter({ hasText: person.name })).toHaveCount(51);
  await expect(page.getByRole("link", { name: "Ældre" })).toHaveCount(0);

  // "Mine data" lists the same entries about the employee.
  const ownContext = await browser.newContext();
  const own = await ownContext.newPage();
  await logIn(own, person.email, person.password);
  await own.goto("/mine-data");
  const lookups = own.getByRole("region", { name: "Hvem har set dine oplysninger" });
  await expect(lookups).toContainText(`${manager.name} (Leder) – Så dine oplysninger`);
  await expect(
    lookups.getByRole("listitem").filter({ hasText: "Revisor Test (HR) – Så dine oplysninger" }),
  ).toHaveCount(150);
  await ownContext.close();
});
