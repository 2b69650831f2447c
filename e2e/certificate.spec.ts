import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { format, subMonths } from "date-fns";
import { expect, test } from "./fixtures";
import { danishToday, e2eDb, expectNoAxeViolations, logIn, refreshKeptStatusOf } from "./helpers";

function recordCompletion(employeeId: number, course: string, completedOn: string) {
  const db = e2eDb();
  try {
    db.prepare(
      "insert into completion (employee_id, course_id, completed_on, course_version, source, reason, recorded_at) select ?, id, ?, '1.0', 'manual', 'E2E', ? from course where code = ?",
    ).run(employeeId, completedOn, Date.now(), course);
    refreshKeptStatusOf(employeeId);
  } finally {
    db.close();
  }
}

test("the certificate carries a code that anyone can check on /bevis, without signing in", async ({
  page,
  browser,
  employee: person,
}) => {
  recordCompletion(person.employeeId, "gdpr", format(subMonths(danishToday(), 1), "yyyy-MM-dd"));
  await logIn(page, person.email, person.password);
  const response = await page.request.get("/mine-kurser/gdpr/kursusbevis");
  expect(response.headers()["content-type"]).toBe("application/pdf");
  const file = path.join(tmpdir(), `bevis-${process.pid}-${Date.now()}.pdf`);
  writeFileSync(file, await response.body());
  const text = execFileSync("pdftotext", ["-raw", file, "-"], { encoding: "utf8" });
  expect(text).toContain(person.name);
  const code = /Kontrolkode ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/.exec(text)?.[1];
  expect(code).toBeDefined();
  const link = /(http\S+\/bevis\/[0-9A-Z]{16})/.exec(text)?.[1] ?? "";

  // A stranger (no session) opens the printed address.
  const context = await browser.newContext();
  const stranger = await context.newPage();
  await stranger.goto(new URL(link).pathname);
  await expect(stranger.getByRole("status")).toContainText(
    `Kontrolkoden ${code} hører til et ægte kursusbevis`,
  );
  await expect(stranger.getByText(person.name)).toBeVisible();
  await expect(stranger.getByText("Gælder stadig")).toBeVisible();
  await expect(stranger.getByText(/Gyldig til og med/)).toBeVisible();
  await expectNoAxeViolations(stranger);
  await stranger.goto("/bevis/AAAA-BBBB-CCCC-DDDD");
  await expect(stranger.getByRole("status")).toContainText("Der findes intet kursusbevis");
  await context.close();
});

test("an old certificate link without a valid completion explains itself in Danish", async ({
  page,
  employee: person,
}) => {
  await logIn(page, person.email, person.password);
  await page.goto("/mine-kurser/ai/kursusbevis");
  await expect(page.getByRole("heading", { level: 1, name: /Intet kursusbevis/ })).toBeVisible();
  await expect(page.getByText("Du har ingen gyldig gennemførelse af kurset")).toBeVisible();
  await expectNoAxeViolations(page);
});
