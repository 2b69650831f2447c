import { expect, test } from "./fixtures";
import { createTestEmployee, DEMO, e2eDb, expectNoAxeViolations, logIn } from "./helpers";

const todayIso = () => new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Copenhagen" }).format(new Date());

test("HR registers a completion once, annuls it with a reason, and both show in the history and in Mine data", async ({
  page,
  browser,
  hr,
  employee: person,
}) => {
  // Several pages, logins and axe scans in one journey: give it the slow-test time budget.
  test.slow();
  await logIn(page, hr.email, hr.password);
  await page.goto(`/medarbejdere/${person.employeeId}`);
  const completionForm = page
    .locator("form")
    .filter({ has: page.getByRole("button", { name: "Registrér gennemførelse" }) });
  const exemptionForm = page
    .locator("form")
    .filter({ has: page.getByRole("button", { name: "Registrér fritagelse" }) });

  await completionForm.getByLabel("Kursus", { exact: true }).selectOption({ label: "GDPR" });
  await completionForm.getByLabel("Gennemført den").fill(todayIso());
  await completionForm.getByLabel(/Begrundelse/).fill("Kursusbevis fra Ballerup Kommune");
  await completionForm.getByRole("button", { name: "Registrér gennemførelse" }).click();
  // The message stands next to the form that was used, and the form is empty again.
  await expect(completionForm.getByRole("status")).toContainText("Registreringen er gemt");
  await expect(exemptionForm.getByRole("status")).toHaveCount(0);
  await expect(completionForm.getByLabel(/Begrundelse/)).toHaveValue("");
  await expect(completionForm.getByLabel("Gennemført den")).toHaveValue("");
  await expect(page.getByRole("region", { name: "Gennemførelser" })).toContainText(
    `Registreret af ${hr.name} (HR). Begrundelse: Kursusbevis fra Ballerup Kommune`,
  );
  await expectNoAxeViolations(page);

  // The same registration again the same day (a second click) is refused, and says why.
  await completionForm.getByLabel("Kursus", { exact: true }).selectOption({ label: "GDPR" });
  await completionForm.getByLabel("Gennemført den").fill(todayIso());
  await completionForm.getByLabel(/Begrundelse/).fill("Kursusbevis fra Ballerup Kommune");
  await completionForm.getByRole("button", { name: "Registrér gennemførelse" }).click();
  await expect(completionForm.getByRole("alert")).toContainText("allerede registreret i dag");
  // Nothing typed is lost on an error.
  await expect(completionForm.getByLabel(/Begrundelse/)).toHaveValue("Kursusbevis fra Ballerup Kommune");
  const db = e2eDb();
  const rows = db
    .prepare("select count(*) n from completion where employee_id = ?")
    .get(person.employeeId) as {
    n: number;
  };
  db.close();
  expect(rows.n).toBe(1);

  // Annul it: a reason is mandatory.
  const annulForm = page.getByRole("form", { name: "Annullér en fejlregistrering" });
  await annulForm.getByLabel("Registrering").selectOption({ index: 1 });
  await annulForm.getByRole("button", { name: "Annullér registreringen" }).click();
  await expect(annulForm.getByRole("alert")).toContainText("Skriv en begrundelse");
  await annulForm.getByLabel(/Begrundelse for annulleringen/).fill("Registreret på den forkerte person");
  await annulForm.getByRole("button", { name: "Annullér registreringen" }).click();
  await expect(annulForm.getByRole("status")).toContainText("Registreringen er annulleret");
  const history = page.getByRole("region", { name: "Gennemførelser" });
  await expect(history).toContainText("Kursusbevis fra Ballerup Kommune");
  await expect(history).toContainText("Annulleret");
  await expect(history).toContainText(`af ${hr.name}. Begrundelse: Registreret på den forkerte person`);
  // The status no longer counts the annulled completion.
  await expect(page.getByRole("listitem").filter({ hasText: "GDPR" }).first()).not.toContainText(
    "Gennemført",
  );
  await expectNoAxeViolations(page);

  const context = await browser.newContext();
  const own = await context.newPage();
  await logIn(own, person.email, person.password);
  await own.goto("/mine-data");
  const completions = own.getByRole("region", { name: "Gennemførelser" });
  await expect(completions).toContainText("Annulleret af HR");
  await expect(completions).toContainText("Registreret på den forkerte person (tæller ikke med)");
  const lookups = own.getByRole("region", { name: "Hvem har set dine oplysninger" });
  await expect(lookups).toContainText(`${hr.name} (HR) – Annullerede en registrering for dig`);
  await expect(lookups).toContainText(
    `${hr.name} (HR) – Registrerede en gennemførelse eller fritagelse for dig`,
  );
  await expectNoAxeViolations(own);
  await context.close();
});

test("HR cannot register or annul on their own record", async ({ page }) => {
  await logIn(page, DEMO.hr);
  const db = e2eDb();
  const own = db.prepare("select employee_id id from user_account where email = ?").get(DEMO.hr) as {
    id: number;
  };
  db.close();
  await page.goto(`/medarbejdere/${own.id}`);
  await expect(page.getByText("Det er din egen medarbejder.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Registrér gennemførelse" })).toHaveCount(0);
  // A hand-made POST is refused on the server too.
  const response = await page.request.post(`/medarbejdere/${own.id}`, {
    form: { intent: "completion", course: "gdpr", completedOn: todayIso(), reason: "Mit eget kursusbevis" },
    headers: { "Sec-Fetch-Site": "same-origin" },
  });
  expect(response.status()).toBe(400);
  const check = e2eDb();
  const n = check
    .prepare("select count(*) n from completion where employee_id = ? and source = 'manual'")
    .get(own.id) as {
    n: number;
  };
  check.close();
  expect(n.n).toBe(0);
});

test("a person's page leads back to their unit's list, and ids are plain decimal numbers", async ({
  page,
}) => {
  const person = await createTestEmployee("Familierådgivningen");
  await logIn(page, DEMO.hr);
  await page.goto(`/medarbejdere/${person.employeeId}`);
  await page.getByRole("link", { name: "Tilbage til personerne i Familierådgivningen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Personer i Familierådgivningen" })).toBeVisible();
  const hex = `0x${person.employeeId.toString(16)}`;
  for (const id of [hex, `${person.employeeId}.0`, `${person.employeeId / 10}e1`, `0${person.employeeId}`]) {
    expect((await page.request.get(`/medarbejdere/${id}`)).status(), id).toBe(404);
  }
  expect((await page.request.get(`/medarbejdere/${person.employeeId}`)).status()).toBe(200);
});
