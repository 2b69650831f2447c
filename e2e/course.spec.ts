import { readFileSync } from "node:fs";
import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { addDays, addMonths, format } from "date-fns";
import type { CourseModule } from "../app/content/parse";
import { answerQuiz, courseContent, openQuiz, readModule, reviewAndSubmit } from "./course";
import {
  createTestEmployee,
  danishToday,
  e2eDb,
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  logIn,
} from "./helpers";

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

const lastGdpr = gdpr.modules.at(-1) as CourseModule;
const firstGdpr = gdpr.modules[0] as CourseModule;

/** Every GDPR module but the last is passed already, as if the quizzes had been taken today. */
function passAllGdprButLast(employeeId: number) {
  const db = e2eDb();
  try {
    const courseId = (db.prepare("select id from course where code = 'gdpr'").get() as { id: number }).id;
    for (const m of gdpr.modules.slice(0, -1)) {
      db.prepare(
        "insert into quiz_attempt (id, employee_id, course_id, module_slug, course_version, answers, score, passed, submitted_at, submitted_on) values (?, ?, ?, ?, ?, '{}', 100, 1, ?, ?)",
      ).run(
        crypto.randomUUID(),
        employeeId,
        courseId,
        m.slug,
        gdpr.version,
        Date.now(),
        format(danishToday(), "yyyy-MM-dd"),
      );
    }
  } finally {
    db.close();
  }
}

/** The employee has turned every page of a GDPR module, so its quiz is open. */
function readGdprModule(employeeId: number, module: CourseModule) {
  const db = e2eDb();
  try {
    const courseId = (db.prepare("select id from course where code = 'gdpr'").get() as { id: number }).id;
    const last = module.pages.length - 1;
    db.prepare(
      "insert into module_progress (employee_id, course_id, module_slug, current_page, furthest_page, updated_at) values (?, ?, ?, ?, ?, ?)",
    ).run(employeeId, courseId, module.slug, last, last, Date.now());
  } finally {
    db.close();
  }
}

const correctAnswersOf = (module: CourseModule) =>
  Object.fromEntries(module.quiz.map((q) => [q.id, String(q.options.findIndex((o) => o.correct))]));

/** A hand-made submit, as a script (or a second click) sends it; redirects are not followed. */
function postQuiz(request: APIRequestContext, page: Page, module: CourseModule, forsoeg: string) {
  return request.post(`/kurser/gdpr/${module.slug}/quiz`, {
    form: { ...correctAnswersOf(module), forsoeg },
    // A script's POST has no Sec-Fetch-Site, so the request gate wants the site's own Origin.
    headers: { Origin: new URL(page.url()).origin },
    maxRedirects: 0,
  });
}

const attemptsOf = (employeeId: number) =>
  countRows("select count(*) n from quiz_attempt where employee_id = ?", employeeId);

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
      await expect(page.getByRole("term").filter({ hasText: "Det rigtige svar" }).first()).toBeVisible();
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
  await page.getByLabel(ai.attestation ?? "").check();
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
  passAllGdprButLast(person.employeeId);
  readGdprModule(person.employeeId, lastGdpr);
  await logIn(page, person.email, person.password);

  // Two tabs: each opened the quiz and got an attempt id of its own from the server.
  const quizPath = `/kurser/gdpr/${lastGdpr.slug}/quiz`;
  const tabA = await openQuiz(page.request, quizPath);
  const tabB = await openQuiz(page.request, quizPath);
  expect(tabB).not.toBe(tabA);
  const submit = (id: string) => postQuiz(page.request, page, lastGdpr, id);
  const responses = await Promise.all([submit(tabA), submit(tabA), submit(tabB), submit(tabA)]);
  expect(responses.map((r) => r.status())).toEqual([302, 302, 302, 302]);
  expect(responses.map((r) => r.headers().location)).toEqual(
    [tabA, tabA, tabB, tabA].map((id) => `/kurser/gdpr/${lastGdpr.slug}/resultat/${id}`),
  );

  expect(countRows("select count(*) n from completion where employee_id = ?", person.employeeId)).toBe(1);
  expect(
    countRows(
      "select count(*) n from quiz_attempt where employee_id = ? and module_slug = ?",
      person.employeeId,
      lastGdpr.slug,
    ),
  ).toBe(2);
  await page.goto("/mine-kurser");
  await expect(
    page.getByRole("listitem").filter({ hasText: "GDPR" }).getByText("Gennemført", { exact: true }),
  ).toBeVisible();
});

test("the quiz attempt id is made by the server: a made-up or another person's id is refused, never dropped", async ({
  page,
  browser,
}) => {
  const person = await createTestEmployee();
  const other = await createTestEmployee();
  for (const p of [person, other]) readGdprModule(p.employeeId, firstGdpr);
  await logIn(page, person.email, person.password);
  const otherContext = await browser.newContext();
  const otherPage = await otherContext.newPage();
  await logIn(otherPage, other.email, other.password);
  const quizPath = `/kurser/gdpr/${firstGdpr.slug}/quiz`;

  // An id the browser made up is refused with a message, and nothing is saved.
  const madeUp = await postQuiz(page.request, page, firstGdpr, crypto.randomUUID());
  expect(madeUp.status()).toBe(400);
  expect(await madeUp.text()).toContain("Dine svar blev ikke gemt");

  // The colleague's attempt, before and after they submit it: refused, theirs left as it was.
  const theirs = await openQuiz(otherPage.request, quizPath);
  expect((await postQuiz(page.request, page, firstGdpr, theirs)).status()).toBe(400);
  expect((await postQuiz(otherPage.request, otherPage, firstGdpr, theirs)).status()).toBe(302);
  expect((await postQuiz(page.request, page, firstGdpr, theirs)).status()).toBe(400);
  expect(attemptsOf(person.employeeId)).toBe(0);
  expect(attemptsOf(other.employeeId)).toBe(1);

  // Their quiz address, opened by someone else, tells them to start their own attempt.
  await page.goto(`${quizPath}?forsoeg=${encodeURIComponent(theirs)}`);
  await expect(page.getByRole("heading", { name: "Dine svar blev ikke gemt" })).toBeVisible();
  await expect(page.getByRole("radio")).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Start quizzen igen" }).click();
  await expect(page.getByRole("button", { name: "Gennemse svar" })).toBeVisible();
  await otherContext.close();
});

test("a page turn past the end opens the quiz only when the quiz is open, else shows the last page", async ({
  page,
}) => {
  const module = firstGdpr;
  const modulePath = `/kurser/gdpr/${module.slug}`;
  const turn = (p: Page) =>
    p.request.post(modulePath, {
      form: { page: "999" },
      headers: { Origin: new URL(p.url()).origin },
      maxRedirects: 0,
    });

  // Not read yet: no "Spring læsningen over", and page 999 lands on the last page, not the quiz.
  const fresh = await createTestEmployee();
  await logIn(page, fresh.email, fresh.password);
  await page.goto(`${modulePath}?side=1`);
  await expect(page.getByRole("link", { name: "Spring læsningen over og tag quizzen" })).toHaveCount(0);
  const early = await turn(page);
  expect(early.status()).toBe(302);
  expect(early.headers().location).toBe(`${modulePath}?side=${module.pages.length}`);
  await page.goto(early.headers().location ?? "");
  await expect(page.getByRole("heading", { level: 2, name: module.pages.at(-1)?.heading })).toBeVisible();
  await expect(page.getByText(`Side ${module.pages.length} af ${module.pages.length}`)).toBeVisible();

  // Open by the rules (here: read to the end before): the same turn goes to the quiz, and the
  // module page offers to skip the reading.
  const reader = await createTestEmployee();
  readGdprModule(reader.employeeId, module);
  await page.context().clearCookies();
  await logIn(page, reader.email, reader.password);
  await page.goto(`${modulePath}?side=1`);
  await expect(page.getByRole("link", { name: "Spring læsningen over og tag quizzen" })).toBeVisible();
  const open = await turn(page);
  expect(open.headers().location).toBe(`${modulePath}/quiz`);
});

test("with JavaScript, a page turn moves focus to the new page's heading", async ({ page }) => {
  const person = await createTestEmployee();
  await logIn(page, person.email, person.password);
  const module = firstGdpr;
  await page.goto(`/kurser/gdpr/${module.slug}?side=1`);
  await page.getByRole("button", { name: "Næste side" }).click();
  await expect(page.getByRole("heading", { level: 2, name: module.pages[1]?.heading })).toBeFocused();
  await page.getByRole("link", { name: "Forrige side" }).click();
  await expect(page.getByRole("heading", { level: 2, name: module.pages[0]?.heading })).toBeFocused();
  await expectNoAxeViolations(page);
});

for (const width of [320, 360]) {
  test.describe(`on a ${width} px phone`, () => {
    test.use({ viewport: { width, height: 740 } });

    test("option cards are chosen anywhere on the card, radios are 24 px, and nothing scrolls sideways", async ({
      page,
    }) => {
      const person = await createTestEmployee();
      readGdprModule(person.employeeId, firstGdpr);
      await logIn(page, person.email, person.password);
      await page.goto(`/kurser/gdpr/${firstGdpr.slug}?side=1`);
      await expectNoHorizontalScroll(page);
      await page.goto(`/kurser/gdpr/${firstGdpr.slug}/quiz`);
      await expectNoHorizontalScroll(page);

      for (const q of firstGdpr.quiz) {
        const group = page.getByRole("group").filter({ hasText: q.question });
        for (const option of q.options) {
          const radio = group.getByRole("radio", { name: option.text, exact: true });
          const box = await radio.boundingBox();
          expect(box?.width).toBeGreaterThanOrEqual(24);
          expect(box?.height).toBeGreaterThanOrEqual(24);
        }
        // A tap in the card's bottom right corner (its padding, away from radio and text).
        const wrong = q.options.find((o) => !o.correct)?.text ?? "";
        const radio = group.getByRole("radio", { name: wrong, exact: true });
        const card = group
          .locator("label")
          .filter({ has: page.getByRole("radio", { name: wrong, exact: true }) });
        const cardBox = await card.boundingBox();
        if (!cardBox) throw new Error("no card");
        await card.click({ position: { x: cardBox.width - 3, y: cardBox.height - 3 } });
        await expect(radio).toBeChecked();
      }
      await expectNoAxeViolations(page);
      await page.getByRole("button", { name: "Gennemse svar" }).click();
      await expect(page.getByRole("heading", { name: "Gennemse dine svar" })).toBeVisible();
      await expectNoHorizontalScroll(page);
      await page.getByRole("button", { name: "Indsend svar" }).click();
      await expect(page.getByRole("status")).toContainText("Ikke bestået");
      await expectNoHorizontalScroll(page);
      await expectNoAxeViolations(page);
    });
  });
}

test("the result page shows the chosen answer and its explanation apart, and says Forkert once", async ({
  page,
}) => {
  const person = await createTestEmployee();
  readGdprModule(person.employeeId, firstGdpr);
  await logIn(page, person.email, person.password);
  await page.goto(`/kurser/gdpr/${firstGdpr.slug}/quiz`);
  await answerQuiz(page, firstGdpr, false);
  await reviewAndSubmit(page);

  const answers = page.getByRole("region", { name: "Dine svar" });
  for (const q of firstGdpr.quiz) {
    const wrong = q.options.find((o) => !o.correct);
    const right = q.options.find((o) => o.correct);
    if (!wrong || !right) throw new Error("a question without a right and a wrong answer");
    const item = answers.getByRole("listitem").filter({ hasText: q.question });
    // The verdict once, and not again as the first word of an explanation.
    await expect(item.getByText(/^\W*Forkert$/)).toHaveCount(1);
    await expect(item.getByText(/(Forkert|Rigtigt)[.!]/)).toHaveCount(0);
    await expect(item.getByRole("term")).toHaveText(["Dit svar", "Det rigtige svar"]);
    // The answer is a line of its own; the explanation follows in the next one.
    const definitions = item.getByRole("definition");
    await expect(definitions).toHaveCount(4);
    await expect(definitions.nth(0)).toHaveText(wrong.text);
    await expect(definitions.nth(1)).toContainText(lastSentence(wrong.explanation));
    await expect(definitions.nth(2)).toHaveText(right.text);
    await expect(definitions.nth(3)).toContainText(lastSentence(right.explanation));
  }
  await expectNoAxeViolations(page);

  // Back (here with JavaScript) shows the review step as already sent, with the way forward.
  await page.goBack();
  await expect(page.getByRole("heading", { name: "Du har allerede indsendt dette forsøg" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Indsend svar" })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Tag quizzen igen" }).click();
  await expect(page.getByRole("button", { name: "Gennemse svar" })).toBeVisible();
  await expect(page.getByRole("radio", { checked: true })).toHaveCount(0);
});

/** A piece of an explanation that no verdict word touches, whatever the content's wording. */
function lastSentence(explanation: string): string {
  return explanation.split(/(?<=[.!?])\s+/).at(-1) ?? explanation;
}

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
    const resultUrl = page.url();

    // Back from the result is a plain GET of the review step (the submit redirected), which now
    // says the attempt is already sent instead of offering to send it again.
    const back = await page.goBack();
    expect(back?.request().method()).toBe("GET");
    expect(back?.status()).toBe(200);
    await expect(page.getByRole("heading", { name: "Du har allerede indsendt dette forsøg" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Indsend svar" })).toHaveCount(0);
    // Further back: the answer step, also a GET, still with no way to send the saved attempt again.
    const further = await page.goBack();
    expect(further?.request().method()).toBe("GET");
    await expect(page.getByRole("heading", { name: "Du har allerede indsendt dette forsøg" })).toBeVisible();
    await page.getByRole("link", { name: "Se resultatet" }).click();
    expect(page.url()).toBe(resultUrl);
    expect(
      countRows(
        "select count(*) n from quiz_attempt where employee_id = ? and module_slug = ?",
        person.employeeId,
        module.slug,
      ),
    ).toBe(1);

    // Progress is kept: the course page shows the module as passed.
    await page.goto("/kurser/gdpr");
    await expect(
      page.getByRole("listitem").filter({ hasText: module.title }).getByText("Bestået"),
    ).toBeVisible();
  });
});

test("the approved AI tools page is open to anyone and passes axe", async ({ page }) => {
  await page.goto("/ai-vaerktoejer");
  await expect(
    page.getByRole("heading", { level: 1, name: "AI-værktøjer – hvad må du bruge?" }),
  ).toBeVisible();
  const chatgpt = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: /ChatGPT/ }) });
  await expect(chatgpt.getByText("Kun uden person- og forretningskritiske oplysninger")).toBeVisible();
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
