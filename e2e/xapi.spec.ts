// HR downloads the learning records as xAPI 1.0.3 statements; nobody else may.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { emailTraces, statementProblems } from "../app/xapi/statement-schema.testing";
import type { XapiStatement } from "../app/xapi/statements";
import {
  DEMO,
  e2eDb,
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  logIn,
  refreshKeptStatusOf,
  unitId,
} from "./helpers";

/**
 * A leaver of long ago (so no page's current figures change) with a completion from the vendor,
 * a failed and a passed quiz, and a completion HR annulled.
 */
function createRecords() {
  const db = e2eDb();
  try {
    const number = `X${Date.now()}${process.pid}`;
    const gdpr = (db.prepare("select id from course where code = 'gdpr'").get() as { id: number }).id;
    const { id } = db
      .prepare(
        "insert into employee (employee_number, name, email, org_unit_id, start_date, end_date) values (?, ?, ?, ?, ?, ?) returning id",
      )
      .get(
        number,
        "Xenia Xapi",
        `${number.toLowerCase()}@albertslund.test`,
        unitId("Hjemmeplejen Nord"),
        "2019-01-01",
        "2020-12-31",
      ) as {
      id: number;
    };
    const attempt = db.prepare(
      "insert into quiz_attempt (id, employee_id, course_id, module_slug, course_version, answers, score, passed, submitted_at, submitted_on) values (?, ?, ?, ?, '1.0', '{}', ?, ?, ?, ?)",
    );
    attempt.run(`${number}-1`, id, gdpr, "01-persondata", 40, 0, Date.UTC(2020, 4, 4, 8), "2020-05-04");
    attempt.run(`${number}-2`, id, gdpr, "01-persondata", 90, 1, Date.UTC(2020, 4, 5, 8), "2020-05-05");
    const completion = db.prepare(
      "insert into completion (employee_id, course_id, completed_on, course_version, score, source, recorded_at) values (?, ?, ?, '1.0', ?, 'import', ?) returning id",
    );
    completion.get(id, gdpr, "2020-05-05", 90, Date.now());
    const wrong = completion.get(id, gdpr, "2020-06-01", 70, Date.now()) as { id: number };
    db.prepare(
      "insert into annulment (completion_id, reason, annulled_at) values (?, 'Forkert person', ?)",
    ).run(wrong.id, Date.now());
    refreshKeptStatusOf(id);
    return { number };
  } finally {
    db.close();
  }
}

/** `npm run report -- completions --format xapi --out FILE` on the e2e database, as the server's origin. */
function xapiCommand(origin: string): string {
  const out = path.join(tmpdir(), `xapi-${process.pid}-${Date.now()}.json`);
  execFileSync("npx", ["tsx", "app/cli/report.ts", "completions", "--format", "xapi", "--out", out], {
    env: { ...process.env, DATABASE_PATH: "db/e2e.db", PUBLIC_ORIGIN: origin },
  });
  return readFileSync(out, "utf8");
}

function hrName() {
  const db = e2eDb();
  try {
    return (db.prepare("select name from user_account where email = ?").get(DEMO.hr) as { name: string })
      .name;
  } finally {
    db.close();
  }
}

function lastExport(actorName: string) {
  const db = e2eDb();
  try {
    return db
      .prepare(
        "select * from audit_event where action = 'export' and actor_name = ? order by id desc limit 1",
      )
      .get(actorName) as { filters: string; scope: string; row_count: number } | undefined;
  } finally {
    db.close();
  }
}

test("HR downloads every completion and quiz attempt as valid xAPI statements, by employee number only", async ({
  page,
  baseURL,
}) => {
  // One run of the report command (it starts tsx) besides the download.
  test.setTimeout(120_000);
  const { number } = createRecords();
  await logIn(page, DEMO.hr);
  await page.getByRole("link", { name: "Læringsdata" }).click();
  await expect(page.getByRole("heading", { name: "Læringsdata som xAPI" })).toBeVisible();
  await expectNoAxeViolations(page);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Hent xAPI-udsagn (JSON)" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^xapi-udsagn-\d{4}-\d{2}-\d{2}\.json$/);
  const statements = JSON.parse(readFileSync(await file.path(), "utf8")) as XapiStatement[];

  for (const s of statements) expect(statementProblems(s), s.id).toEqual([]);
  expect(emailTraces(statements)).toEqual([]);
  expect(new Set(statements.map((s) => s.id)).size).toBe(statements.length);

  const mine = statements.filter((s) => s.actor.account.name === number);
  expect(mine.map((s) => s.verb.id.split("/").pop())).toEqual(["failed", "passed", "completed"]);
  expect(mine[0]?.actor.account.homePage).toBe(new URL(baseURL ?? "").origin);
  expect(mine[2]?.result).toEqual({
    completion: true,
    success: true,
    score: { scaled: 0.9, raw: 90, min: 0, max: 100 },
  });
  // The annulled completion of 1 June is not in the file; the attempts share the completion's registration.
  expect(mine.filter((s) => s.timestamp.startsWith("2020-06-01"))).toEqual([]);
  expect(new Set(mine.map((s) => s.context?.registration)).size).toBe(1);

  // The command writes the same file; other specs may record a completion in between, then redo both.
  await expect(async () => {
    const web = await (await page.context().request.get("/hr/xapi/hent")).text();
    expect(xapiCommand(new URL(baseURL ?? "").origin) === web).toBe(true);
  }).toPass({ intervals: [0], timeout: 60_000 });

  // The download is in the audit trail, like every export.
  const entry = lastExport(hrName());
  expect(entry?.filters).toContain("xAPI-udsagn");
  expect(entry?.row_count).toBe(statements.length);
});

test("the xAPI page fits a phone's width", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await logIn(page, DEMO.hr);
  await page.goto("/hr/xapi");
  await expect(page.getByRole("heading", { name: "Læringsdata som xAPI" })).toBeVisible();
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page);
});

for (const role of ["employee", "manager", "admin"] as const) {
  test(`${role} can neither open the xAPI page nor download the file`, async ({ page }) => {
    await logIn(page, DEMO[role]);
    await expect(page.getByRole("link", { name: "Læringsdata" })).toHaveCount(0);
    expect((await page.request.get("/hr/xapi")).status()).toBe(403);
    expect((await page.request.get("/hr/xapi/hent")).status()).toBe(403);
  });
}
