// AI super users: the afdeling's manager appoints them, HR sees the count per afdeling (in words,
// red outside 2-4) and ends one (the history stays), and every employee of the afdeling sees
// "Spørg en AI-superbruger". Each test makes an afdeling of its own.
import { expect, type Page, test } from "@playwright/test";
import {
  createTestAccount,
  createTestEmployee,
  DEMO,
  e2eDb,
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  logIn,
  logOut,
  refreshKeptStatusOf,
} from "./helpers";

let counter = 0;

/** A new afdeling (second level) under a top unit, with a team below it. */
function createAfdeling() {
  counter++;
  const name = `E2E Afdeling ${process.pid}-${counter}-${Date.now()}`;
  const db = e2eDb();
  try {
    const top = db
      .prepare("select id, path from org_unit where parent_id is null order by id limit 1")
      .get() as {
      id: number;
      path: string;
    };
    const insert = (unitName: string, parent: { id: number; path: string }) => {
      const row = db
        .prepare("insert into org_unit (parent_id, name, path) values (?, ?, ?) returning id")
        .get(parent.id, unitName, `tmp-${unitName}`) as { id: number };
      const path = `${parent.path}${row.id}/`;
      db.prepare("update org_unit set path = ? where id = ?").run(path, row.id);
      return { id: row.id, path, name: unitName };
    };
    const afdeling = insert(name, top);
    const team = insert(`${name} Team`, afdeling);
    return { afdeling, team };
  } finally {
    db.close();
  }
}

function createPerson(unitId: number, name: string) {
  counter++;
  const number = `SU${process.pid}${counter}${Date.now()}`;
  const email = `su-${process.pid}-${counter}-${Date.now()}@albertslund.test`;
  const db = e2eDb();
  try {
    const { lastInsertRowid } = db
      .prepare(
        "insert into employee (employee_number, name, email, org_unit_id, start_date) values (?, ?, ?, ?, ?)",
      )
      .run(number, name, email, unitId, "2021-01-01");
    refreshKeptStatusOf(Number(lastInsertRowid));
  } finally {
    db.close();
  }
  return { number, email, name };
}

function superUserRows(afdelingId: number) {
  const db = e2eDb();
  try {
    return db
      .prepare(
        "select e.name, s.start_date as startDate, s.end_date as endDate from ai_super_user s join employee e on e.id = s.employee_id where s.afdeling_unit_id = ? order by s.id",
      )
      .all(afdelingId) as { name: string; startDate: string; endDate: string | null }[];
  } finally {
    db.close();
  }
}

function auditActions(name: string) {
  const db = e2eDb();
  try {
    return (
      db
        .prepare(
          "select a.action from audit_event a join employee e on e.id = a.target_employee_id where e.name = ? and a.action like '%super_user' order by a.id",
        )
        .all(name) as { action: string }[]
    ).map((r) => r.action);
  } finally {
    db.close();
  }
}

async function appoint(page: Page, person: string) {
  await page.getByLabel("Medarbejdernummer eller arbejdsmail").fill(person);
  await page.getByRole("button", { name: "Udpeg som AI-superbruger" }).click();
}

test("the afdeling's manager appoints super users; HR sees the count in words and ends one, keeping the history", async ({
  page,
}) => {
  const { afdeling, team } = createAfdeling();
  const anna = createPerson(team.id, `Anna Superbruger ${counter}`);
  const bo = createPerson(afdeling.id, `Bo Superbruger ${counter}`);
  const manager = await createTestAccount("manager");
  const db = e2eDb();
  try {
    db.prepare(
      "insert into manager_scope (user_id, org_unit_id) select id, ? from user_account where email = ?",
    ).run(afdeling.id, manager.email);
  } finally {
    db.close();
  }

  await logIn(page, manager.email, manager.password);
  await page.goto("/superbrugere");
  await expect(page.getByRole("heading", { level: 1, name: "AI-superbrugere" })).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(afdeling.name) })).toContainText(
    "0 · For få (under 2)",
  );
  // A manager sees only the afdelinger inside their own units.
  await expect(page.getByRole("row")).toHaveCount(2);
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: afdeling.name, exact: true }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: `AI-superbrugere i ${afdeling.name}` }),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  // Someone outside the afdeling is refused, with the reason, and the field keeps what was typed.
  await appoint(page, "findes-ikke@albertslund.test");
  const alert = page.getByRole("alert");
  await expect(alert).toContainText(
    `Der er ingen medarbejder med det nummer eller den mail i ${afdeling.name}.`,
  );
  await expect(page.getByLabel("Medarbejdernummer eller arbejdsmail")).toHaveValue(
    "findes-ikke@albertslund.test",
  );
  await expectNoAxeViolations(page);

  await appoint(page, anna.number);
  await expect(page.getByRole("status").filter({ hasText: "er nu AI-superbruger" })).toContainText(
    `${anna.name} er nu AI-superbruger i ${afdeling.name}.`,
  );
  await appoint(page, bo.email);
  await expect(page.getByText(`${bo.name} er nu AI-superbruger`)).toBeVisible();
  await expect(page.getByText("Antal pr.")).toContainText("2 · I orden (2-4)");
  const annaRow = page.getByRole("row", { name: new RegExp(anna.name) });
  await expect(annaRow).toContainText(`${afdeling.name} Team`);
  await expect(annaRow).toContainText(anna.email);
  await logOut(page);

  await logIn(page, DEMO.hr);
  await page.goto("/superbrugere");
  await expect(page.getByRole("row", { name: new RegExp(afdeling.name) })).toContainText("2 · I orden (2-4)");
  await page.getByRole("link", { name: afdeling.name, exact: true }).click();
  await page.getByRole("button", { name: `Afslut ${anna.name} som AI-superbruger` }).click();
  await expect(
    page.getByText(`${anna.name} er ikke længere AI-superbruger i ${afdeling.name}.`),
  ).toBeVisible();
  await expect(page.getByText("Antal pr.")).toContainText("1 · For få (under 2)");
  // The red verdict is also said in words.
  await expect(page.getByText("1 · For få (under 2)", { exact: true })).toHaveClass(/text-bad/);
  await expect(page.getByRole("region", { name: "Historik" })).toContainText(
    `${anna.name} (${afdeling.name} Team)`,
  );
  await expect(page.getByRole("region", { name: "Historik" })).toContainText("(afsluttet)");
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 320, height: 640 });
  await expectNoHorizontalScroll(page);

  // History is kept: both rows remain, Anna's with an end date; both changes are audited.
  const rows = superUserRows(afdeling.id);
  expect(rows.map((r) => r.name)).toEqual([anna.name, bo.name]);
  expect(rows[0]?.endDate).not.toBeNull();
  expect(rows[1]?.endDate).toBeNull();
  expect(auditActions(anna.name)).toEqual(["appoint_super_user", "end_super_user"]);
});

test("every employee of the afdeling sees 'Spørg en AI-superbruger' on Mine kurser and the AI course", async ({
  page,
}) => {
  const { afdeling, team } = createAfdeling();
  const current = createPerson(afdeling.id, `Cecilie Superbruger ${counter}`);
  const former = createPerson(afdeling.id, `Dennis Tidligere ${counter}`);
  const db = e2eDb();
  try {
    const insert = db.prepare(
      "insert into ai_super_user (employee_id, afdeling_unit_id, start_date, end_date, appointed_at) select id, ?, ?, ?, ? from employee where employee_number = ?",
    );
    insert.run(afdeling.id, "2025-09-01", null, Date.now(), current.number);
    insert.run(afdeling.id, "2025-09-01", "2025-12-01", Date.now(), former.number);
  } finally {
    db.close();
  }
  const employee = await createTestEmployee(team.name);

  await logIn(page, employee.email, employee.password);
  await page.goto("/mine-kurser");
  const ask = page.getByRole("region", { name: "Spørg en AI-superbruger" });
  await expect(ask).toContainText(`AI-superbrugerne i ${afdeling.name}`);
  await expect(ask.getByRole("listitem")).toHaveCount(1);
  await expect(ask).toContainText(`${current.name}, ${afdeling.name}:`);
  await expect(ask.getByRole("link", { name: current.email })).toHaveAttribute(
    "href",
    `mailto:${current.email}`,
  );
  await expect(ask).not.toContainText(former.name);
  await expectNoAxeViolations(page);

  await page.goto("/kurser/ai");
  await expect(page.getByRole("region", { name: "Spørg en AI-superbruger" })).toContainText(current.name);
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 320, height: 640 });
  await expectNoHorizontalScroll(page);
});
