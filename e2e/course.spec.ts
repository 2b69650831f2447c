import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { addDays, addMonths, format } from "date-fns";
import { answerQuiz, courseContent, readModule, reviewAndSubmit } from "./course";
import { createTestEmployee, danishToday, e2eDb, expectNoAxeViolations, logIn } from "./helpers";

const ai = courseContent("ai");
const gdpr = courseContent("gdpr");

function countRows(sql: string, ...args: unknown[]): number {
  const db = e2eDb();
  try {
    return (db.prepare(sql).get(...args) as { n: number }).n;
  } finally {
    db.close();
  }
}

test("an employee completes the AI course: a failed quiz, then passes, attests and gets the certificate", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const person = await createTestEmployee();
  await logIn(page, person.email, person.password);
  await page
    .getByRole("navigation", { name: "Hovedmenu" })
    .getByRole("link", { name: "Mine kurser" })
    .click();
  await page.getByRole("link", { name: `Start kurset: ${ai.title}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: ai.title })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Start kurset" }).click();

  for (const [i, module] of ai.modules.entries()) {
    await expect(page.getByRole("heading", { level: 1, name: module.title })).toBeVisible();
    if (i === 0) await expectNoAxeViolations(page);
    await readModule(page, module);
    if (i === 0) {
      // Nothing answered: every question is named in the error summary, which gets focus.
      await expectNoAxeViolations(page);
      await page.getByRole("button", { name: "Gennemse svar" }).click();
      await expect(page.getByRole("alert")).toContainText(
        `Du mangler at svare på ${module.quiz.length} spørgsmål`,
      );
      await expect(page.getByRole("alert")).toBeFocused();
      await expectNoAxeViolations(page);
      // Then a failed attempt, with the explanations shown.
      await answerQuiz(page, module, false);
      await page.getByRole("button", { name: "Gennemse svar" }).click();
      await expectNoAxeViolations(page);
      await page.getByRole("button", { name: "Indsend svar" }).click();
      await expect(page.getByRole("status")).toContainText("Ikke bestået");
      await expect(page.getByText("Det rigtige svar:").first()).toBeVisible();
      await expectNoAxeViolations(page);
      await page.getByRole("link", { name: "Prøv quizzen igen" }).click();
    }
    await answerQuiz(page, module, true);
    await reviewAndSubmit(page);
    await expect(page.getByRole("status")).toContainText("Bestået");
    await expect(page.getByRole("status")).toContainText(`${module.quiz.length} af ${module.quiz.length}`);
    if (i === 0) await expectNoAxeViolations(page);
    const next = ai.modules[i + 1];
    if (next) await page.getByRole("link", { name: `Næste modul: ${next.title}` }).click();
  }

  // Not complete before the attestation.
  expect(countRows("select count(*) n from completion where employee_id = ?", person.employeeId)).toBe(0);
  await page.getByRole("link", { name: "Afslut kurset med din erklæring" }).click();
  await page.getByRole("button", { name: "Bekræft og afslut kurset" }).click();
  await expect(page.getByRole("alert")).toContainText("Sæt kryds");
  await expectNoAxeViolations(page);
  await page.getByLabel(`Jeg har læst og forstået AI-retningslinjerne (version ${ai.version})`).check();
  await page.getByRole("button", { name: "Bekræft og afslut kurset" }).click();

  // The last valid day: the completion stops counting 12 months after today.
  const validUntil = format(addDays(addMonths(danishToday(), 12), -1), "dd.MM.yyyy");
  await expect(page.getByRole("heading", { name: "Du har gennemført kurset" })).toBeVisible();
  await expect(page.getByText(`Gyldig til og med ${validUntil}`).first()).toBeVisible();
  await expect(page.getByText("Gennemført", { exact: true }).first()).toBeVisible();
  await expectNoAxeViolations(page);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Hent kursusbevis (PDF)" }).click();
  const file = await (await download).path();
  expect(readFileSync(file).subarray(0, 4).toString()).toBe("%PDF");

  await page
    .getByRole("navigation", { name: "Hovedmenu" })
    .getByRole("link", { name: "Mine kurser" })
    .click();
  const card = page.getByRole("listitem").filter({ hasText: ai.title });
  await expect(card.getByText("Gennemført", { exact: true })).toBeVisible();
  await expect(card.getByText(`Gyldig til og med ${validUntil}`)).toBeVisible();

  expect(
    countRows(
      "select count(*) n from completion c join course k on k.id = c.course_id where employee_id = ? and k.code = 'ai' and source = 'site' and course_version = ?",
      person.employeeId,
      ai.version,
    ),
  ).toBe(1);
  expect(countRows("select count(*) n from attestation where employee_id = ?", person.employeeId)).toBe(1);
  expect(countRows("select count(*) n from quiz_attempt where employee_id = ?", person.employeeId)).toBe(
    ai.modules.length + 1,
  );
});

test("a double submit and two tabs at once record one completion", async ({ page }) => {
  const person = await createTestEmployee();
  const last = gdpr.modules.at(-1);
  if (!last) throw new Error("GDPR has no modules");
  // Every GDPR module but the last is passed already; the last one has been read.
  const db = e2eDb();
  try {
    const courseId = (db.prepare("select id from course where code = 'gdpr'").get() as { id: number }).id;
    for (const m of gdpr.modules.slice(0, -1)) {
      db.prepare(
        "insert into quiz_attempt (id, employee_id, course_id, module_slug, course_version, answers, score, passed, submitted_at, submitted_on) values (?, ?, ?, ?, ?, '{}', 100, 1, ?, ?)",
      ).run(
        crypto.randomUUID(),
        person.employeeId,
        courseId,
        m.slug,
        gdpr.version,
        Date.now(),
        format(danishToday(), "yyyy-MM-dd"),
      );
    }
    db.prepare(
      "insert into module_progress (employee_id, course_id, module_slug, current_page, furthest_page, updated_at) values (?, ?, ?, ?, ?, ?)",
    ).run(person.employeeId, courseId, last.slug, last.pages.length - 1, last.pages.length - 1, Date.now());
  } finally {
    db.close();
  }

  await logIn(page, person.email, person.password);
  const answers = Object.fromEntries(
    last.quiz.map((q) => [q.id, String(q.options.findIndex((o) => o.correct))]),
  );
  const submit = (attemptId: string) =>
    page.request.post(`/kurser/gdpr/${last.slug}/quiz`, {
      form: { ...answers, attemptId, intent: "submit" },
      // A script's POST has no Sec-Fetch-Site, so the request gate wants the site's own Origin.
      headers: { Origin: new URL(page.url()).origin },
      maxRedirects: 0,
    });
  const tabA = crypto.randomUUID();
  const tabB = crypto.randomUUID();
  const responses = await Promise.all([submit(tabA), submit(tabA), submit(tabB), submit(tabA)]);
  for (const r of responses) expect(r.status()).toBeLessThan(400);

  expect(countRows("select count(*) n from completion where employee_id = ?", person.employeeId)).toBe(1);
  expect(
    countRows(
      "select count(*) n from quiz_attempt where employee_id = ? and module_slug = ?",
      person.employeeId,
      last.slug,
    ),
  ).toBe(2);
  await page.goto("/mine-kurser");
  await expect(
    page.getByRole("listitem").filter({ hasText: "GDPR" }).getByText("Gennemført", { exact: true }),
  ).toBeVisible();
});

test("a whole course keyboard-only: read, answer and submit every module without a mouse", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const person = await createTestEmployee();
  await logIn(page, person.email, person.password);
  await page.goto("/kurser/gdpr");

  async function tabUntilFocused(name: string, role: "button" | "link" = "button") {
    const target = page.getByRole(role, { name, exact: true });
    for (let i = 0; i < 80; i++) {
      if (await target.evaluate((el) => el === document.activeElement)) return;
      await page.keyboard.press("Tab");
    }
    throw new Error(`Could not reach ${name} with Tab`);
  }

  await tabUntilFocused("Start kurset", "link");
  await page.keyboard.press("Enter");
  for (const [index, module] of gdpr.modules.entries()) {
    await expect(page.getByRole("heading", { level: 1, name: module.title })).toBeVisible();
    for (let i = 1; i < module.pages.length; i++) {
      await tabUntilFocused("Næste side");
      await page.keyboard.press("Enter");
      await expect(page.getByText(`Side ${i + 1} af ${module.pages.length}`)).toBeVisible();
    }
    await tabUntilFocused("Gå til quizzen");
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { name: `Quiz: ${module.title}` })).toBeVisible();

    for (const q of module.quiz) {
      const correct = q.options.find((o) => o.correct)?.text ?? "";
      const group = page.getByRole("group").filter({ hasText: q.question });
      // Tab into the group, then arrow keys move the choice, as in any radio group.
      for (let i = 0; i < 60; i++) {
        if (await group.evaluate((el) => el.contains(document.activeElement))) break;
        await page.keyboard.press("Tab");
      }
      const target = group.getByRole("radio", { name: correct, exact: true });
      for (let i = 0; i < q.options.length + 1 && !(await target.isChecked()); i++) {
        await page.keyboard.press("ArrowDown");
      }
      await expect(target).toBeChecked();
    }
    await tabUntilFocused("Gennemse svar");
    await page.keyboard.press("Enter");
    await tabUntilFocused("Indsend svar");
    await page.keyboard.press("Enter");
    await expect(page.getByRole("status")).toContainText("Bestået");
    const next = gdpr.modules[index + 1];
    await tabUntilFocused(next ? `Næste modul: ${next.title}` : "Tilbage til kurset", "link");
    await page.keyboard.press("Enter");
  }
  await expect(page.getByRole("heading", { name: "Du har gennemført kurset" })).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the player and the quiz work with plain form posts, errors included", async ({ page }) => {
    const person = await createTestEmployee();
    await logIn(page, person.email, person.password);
    const module = gdpr.modules[1];
    if (!module) throw new Error("no module");
    await page.goto(`/kurser/gdpr/${module.slug}?side=1`);
    await readModule(page, module);

    // Submitting with nothing answered names every question.
    await page.getByRole("button", { name: "Gennemse svar" }).click();
    await expect(page.getByRole("alert")).toContainText(
      `Du mangler at svare på ${module.quiz.length} spørgsmål`,
    );
    await expect(page.getByRole("radio").first()).toHaveAttribute("aria-invalid", "true");

    await answerQuiz(page, module, true);
    await page.getByRole("button", { name: "Gennemse svar" }).click();
    await page.getByRole("button", { name: "Ret svar" }).click();
    // The answers survive the round trip back to editing.
    const first = module.quiz[0];
    const firstCorrect = first?.options.find((o) => o.correct)?.text ?? "";
    await expect(
      page
        .getByRole("group")
        .filter({ hasText: first?.question })
        .getByRole("radio", { name: firstCorrect, exact: true }),
    ).toBeChecked();
    await reviewAndSubmit(page);
    await expect(page.getByRole("status")).toContainText("Bestået");

    // Progress is kept: the course page shows the module as passed.
    await page.goto("/kurser/gdpr");
    await expect(
      page.getByRole("listitem").filter({ hasText: module.title }).getByText("Bestået"),
    ).toBeVisible();
  });
});

test("the approved AI tools page is open to anyone and passes axe", async ({ page }) => {
  await page.goto("/ai-vaerktoejer");
  await expect(page.getByRole("heading", { level: 1, name: "Godkendte AI-værktøjer" })).toBeVisible();
  const chatgpt = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: /ChatGPT/ }) });
  await expect(chatgpt.getByText("Kun uden personoplysninger")).toBeVisible();
  await expectNoAxeViolations(page);
});

test("an employee registers Elements of AI as self-reported, with a clear error for a future date", async ({
  page,
}) => {
  const person = await createTestEmployee();
  await logIn(page, person.email, person.password);
  await page.goto("/mine-kurser");
  await page.getByLabel("Hvornår gennemførte du Elements of AI?").fill("2099-01-01");
  await page.getByRole("button", { name: "Registrér som gennemført" }).click();
  await expect(page.getByRole("alert")).toContainText("Datoen må ikke ligge i fremtiden.");
  await expectNoAxeViolations(page);
  await page.getByLabel("Hvornår gennemførte du Elements of AI?").fill("2025-03-15");
  await page.getByRole("button", { name: "Registrér som gennemført" }).click();
  await expect(
    page.getByText("Du har registreret, at du gennemførte kurset 15.03.2025 (selvrapporteret)."),
  ).toBeVisible();
});
