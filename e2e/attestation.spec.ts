// Issue 11 item 4: after the last module the module page, the course page and the front page say
// that only the attestation is missing; the confirmation sits at the top of the course page,
// links the guidelines, and a refused submit leaves a clean address.
import { DEMO_CONTACTS } from "../app/site-settings.server";
import { answerQuiz, courseContent, readModule, reviewAndSubmit } from "./course";
import { expect, test } from "./fixtures";
import { e2eDb, expectNoAxeViolations, logIn, refreshKeptStatusOf } from "./helpers";

const ai = courseContent("ai");
const MISSING = "Du mangler kun at bekræfte retningslinjerne";

/** Passing attempts for every module but the last, so the test takes only the last one in the browser. */
function passAllButLast(employeeId: number, modules = ai.modules.slice(0, -1)) {
  const db = e2eDb();
  try {
    const course = db.prepare("select id from course where code = 'ai'").get() as { id: number };
    const day = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Copenhagen" }).format(new Date());
    const insert = db.prepare(
      `insert into quiz_attempt (id, employee_id, course_id, module_slug, course_version, answers, score, passed, submitted_at, submitted_on)
       values (?, ?, ?, ?, ?, '{}', 100, 1, ?, ?)`,
    );
    for (const module of modules) {
      insert.run(crypto.randomUUID(), employeeId, course.id, module.slug, ai.version, Date.now(), day);
    }
  } finally {
    db.close();
  }
}

test("after the last module, three places say the attestation is missing; then the employee attests and is Gennemført", async ({
  page,
  employee: person,
}) => {
  test.setTimeout(90_000);
  passAllButLast(person.employeeId);
  const last = ai.modules.at(-1);
  if (!last) throw new Error("no modules");

  await logIn(page, person.email, person.password);
  await page.goto(`/kurser/ai/${last.slug}?side=1`);
  await readModule(page, last);
  await answerQuiz(page, last, true);
  await reviewAndSubmit(page);

  // 1. The page after the last module.
  await expect(page.getByText(MISSING)).toBeVisible();
  await expectNoAxeViolations(page);
  // … and the module page itself, if the employee goes back to it.
  await page.goto(`/kurser/ai/${last.slug}?side=1`);
  await expect(page.getByText(MISSING)).toBeVisible();

  // 2. The front page's card: not done, and what is missing.
  await page.goto("/");
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: ai.title }) });
  await expect(card.getByText(`${MISSING}.`)).toBeVisible();
  await expect(card.getByText("Gennemført", { exact: true })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await card.getByRole("link", { name: `Bekræft retningslinjerne: ${ai.title}` }).click();

  // 3. The course page: the confirmation first, above the modules, with the guidelines linked.
  await expect(page).toHaveURL(/\/kurser\/ai#erklaering$/);
  const confirmation = page.getByRole("region", { name: MISSING });
  await expect(confirmation).toBeVisible();
  await expect(page.getByRole("heading", { name: "Du har gennemført kurset" })).toHaveCount(0);
  const confirmationTop = (await confirmation.boundingBox())?.y ?? Number.POSITIVE_INFINITY;
  const modulesTop = (await page.getByRole("heading", { level: 2, name: "Moduler" }).boundingBox())?.y ?? 0;
  expect(confirmationTop).toBeLessThan(modulesTop);
  await expect(confirmation.getByRole("link", { name: "kommunens AI-retningslinjer" })).toHaveAttribute(
    "href",
    DEMO_CONTACTS.aiGuidelinesUrl ?? "",
  );
  await expectNoAxeViolations(page);

  // A submit without the tick is refused with the error in view, at a clean address.
  await confirmation.getByRole("button", { name: "Bekræft og afslut kurset" }).click();
  await expect(page.getByRole("alert")).toContainText("Sæt kryds");
  expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe("/kurser/ai/erklaering");
  await expectNoAxeViolations(page);

  await page.getByRole("checkbox", { name: ai.attestation ?? "" }).check();
  await page.getByRole("button", { name: "Bekræft og afslut kurset" }).click();
  await expect(page.getByRole("heading", { name: "Du har gennemført kurset" })).toBeVisible();
  await expect(page.getByText("Gennemført", { exact: true }).first()).toBeVisible();
  await expect(page.getByText(MISSING)).toHaveCount(0);

  await page.goto("/");
  await expect(card.getByText("Gennemført", { exact: true })).toBeVisible();
  await expect(card.getByText(MISSING)).toHaveCount(0);
});

test("a completion from the vendor: the card says so instead of '0 af 4 moduler', and the AI page says both count", async ({
  page,
  employee: person,
}) => {
  const db = e2eDb();
  try {
    // A GDPR completion imported from MetaCompliance eleven and a half months ago: Udløber snart.
    const day = new Date(Date.now() - 350 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    db.prepare(
      `insert into completion (employee_id, course_id, completed_on, course_version, source, source_ref, recorded_at)
       select ?, id, ?, '1.0', 'import', 'metacompliance.csv', ? from course where code = 'gdpr'`,
    ).run(person.employeeId, day, Date.now());
    refreshKeptStatusOf(person.employeeId);
  } finally {
    db.close();
  }
  await logIn(page, person.email, person.password);
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "GDPR" }) });
  await expect(card.getByText("Udløber snart")).toBeVisible();
  await expect(card.getByText("Gennemført hos kursusleverandøren")).toBeVisible();
  await expect(card.getByText("0 af 4 moduler bestået")).toHaveCount(0);

  await page.goto("/kurser/ai");
  const counts = page.getByRole("region", { name: "Hvad tæller som gennemført?" });
  await expect(counts).toContainText("AI-Awareness hos MetaCompliance");
  await expectNoAxeViolations(page);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the attestation works with a plain form post, and a refusal keeps a clean address", async ({
    page,
    employee: person,
  }) => {
    passAllButLast(person.employeeId, ai.modules);
    await logIn(page, person.email, person.password);
    await page.goto("/kurser/ai");
    await page.getByRole("button", { name: "Bekræft og afslut kurset" }).click();
    await expect(page.getByRole("alert")).toContainText("Sæt kryds");
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe("/kurser/ai/erklaering");
    await page.getByRole("checkbox", { name: ai.attestation ?? "" }).check();
    await page.getByRole("button", { name: "Bekræft og afslut kurset" }).click();
    await expect(page).toHaveURL(/\/kurser\/ai$/);
    await expect(page.getByRole("heading", { name: "Du har gennemført kurset" })).toBeVisible();
  });
});
