// Helpers for taking courses in the browser, with the right answers read from the content files.
import { type APIRequestContext, expect, type Page } from "@playwright/test";
import { allCourseContent } from "../app/content/content.server";
import type { CourseModule } from "../app/content/parse";

export function courseContent(code: string) {
  const course = allCourseContent().find((c) => c.code === code);
  if (!course) throw new Error(`No course ${code}`);
  return course;
}

/** Picks the correct answer to every question, or a wrong one. */
export async function answerQuiz(page: Page, module: CourseModule, correct: boolean) {
  for (const q of module.quiz) {
    const option = correct ? q.options.find((o) => o.correct) : q.options.find((o) => !o.correct);
    const group = page.getByRole("group").filter({ hasText: q.question });
    await group.getByRole("radio", { name: option?.text, exact: true }).check();
  }
}

/** Reads a module page by page until the quiz. */
export async function readModule(page: Page, module: CourseModule) {
  for (let i = 1; i < module.pages.length; i++) {
    await expect(page.getByText(`Side ${i} af ${module.pages.length}`)).toBeVisible();
    await page.getByRole("button", { name: "Næste side" }).click();
  }
  await expect(page.getByRole("heading", { level: 2, name: module.pages.at(-1)?.heading })).toBeVisible();
  await page.getByRole("button", { name: "Gå til quizzen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Quiz: ${module.title}` })).toBeVisible();
}

/** Review then submit; returns once the result page shows. */
export async function reviewAndSubmit(page: Page) {
  await page.getByRole("button", { name: "Gennemse svar" }).click();
  await expect(page.getByRole("heading", { name: "Gennemse dine svar" })).toBeVisible();
  await page.getByRole("button", { name: "Indsend svar" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Resultat:/ })).toBeVisible();
}

/** The attempt id the server handed out on a quiz page (the form's hidden `forsoeg` field). */
export function attemptIdIn(html: string): string {
  const id = /name="forsoeg" value="([^"]+)"/.exec(html)?.[1];
  if (!id) throw new Error("The page has no quiz attempt id");
  return id;
}

/** Opens a quiz as a new browser tab would (a GET), returning the attempt id it was given. */
export async function openQuiz(request: APIRequestContext, quizPath: string): Promise<string> {
  const res = await request.get(quizPath);
  expect(res.status()).toBe(200);
  return attemptIdIn(await res.text());
}
