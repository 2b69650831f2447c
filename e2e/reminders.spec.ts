// Reminders (issue 13) on the shared e2e server, which has no SMTP: a manager reminds chosen
// people and then "alle, der ikke har gennemført" after a preview, without JavaScript, the 7-day
// rule holds back the second reminder, the person's page lists what they got, and HR's outbox
// and department lists. Each test builds its own unit, people and accounts.
import { expect, type Page, test } from "@playwright/test";
import {
  createTestAccount,
  e2eDb,
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  logIn,
  refreshKeptStatusOf,
} from "./helpers";

let counter = 0;
const tag = () => `${process.pid}-${++counter}-${Date.now()}`;

/** A unit of its own with people who have not completed, one exempt person, and its manager. */
async function preparedUnit() {
  const t = tag();
  const manager = await createTestAccount("manager");
  const db = e2eDb();
  try {
    const prepared = db.transaction(() => {
      const unit = (
        db
          .prepare("insert into org_unit (name, path) values (?, ?) returning id")
          .get(`Påmindelser ${t}`, `tmp-${t}`) as {
          id: number;
        }
      ).id;
      db.prepare("update org_unit set path = ? where id = ?").run(`/${unit}/`, unit);
      const user = db.prepare("select id from user_account where email = ?").get(manager.email) as {
        id: number;
      };
      db.prepare("insert into manager_scope (user_id, org_unit_id) values (?, ?)").run(user.id, unit);
      const person = (label: string) => {
        const name = `${label} Påmind ${t}`;
        const row = db
          .prepare(
            "insert into employee (employee_number, name, email, org_unit_id, start_date) values (?, ?, ?, ?, '2022-01-01') returning id",
          )
          .get(`P${label}${t}`, name, `${label.toLowerCase()}-${t}@albertslund.test`, unit) as { id: number };
        return { id: row.id, name, email: `${label.toLowerCase()}-${t}@albertslund.test` };
      };
      const first = person("Anna");
      const second = person("Bent");
      const exempt = person("Carl");
      for (const c of db.prepare("select id from course").all() as { id: number }[]) {
        db.prepare(
          "insert into exemption (employee_id, course_id, reason, valid_from, valid_until, created_at) values (?, ?, 'Orlov', '2022-01-01', null, ?)",
        ).run(exempt.id, c.id, Date.now());
      }
      return { unit, manager, first, second, exempt };
    })();
    refreshKeptStatusOf(prepared.first.id, prepared.second.id, prepared.exempt.id);
    return prepared;
  } finally {
    db.close();
  }
}

function remindersOf(employeeId: number) {
  const db = e2eDb();
  try {
    return db
      .prepare(
        `select r.kind, m.status, m.last_error, m.text from reminder r join mail_outbox m on m.id = r.mail_id
         where r.employee_id = ? order by r.id`,
      )
      .all(employeeId) as { kind: string; status: string; last_error: string | null; text: string }[];
  } finally {
    db.close();
  }
}

async function preview(page: Page) {
  await page.getByRole("button", { name: "Se mailen og modtagerne" }).click();
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a manager previews and sends reminders; the 7-day rule holds back a second one", async ({ page }) => {
    const { unit, manager, first, second, exempt } = await preparedUnit();
    await logIn(page, manager.email, manager.password);
    await page.goto(`/enheder/${unit}/personer`);
    await page.getByRole("link", { name: "Send påmindelse til dem, der ikke har gennemført" }).click();
    await expect(
      page.getByRole("heading", { level: 1, name: /Send påmindelse i Påmindelser/ }),
    ).toBeVisible();
    // No SMTP on this server: the page says the mails stay in the outbox.
    await expect(page.getByText("Der er ikke sat en mailserver op (SMTP)")).toBeVisible();
    await expect(page.getByLabel(exempt.name)).toHaveCount(0);

    // Nobody chosen: a clear error, nothing sent.
    await preview(page);
    await expect(page.getByRole("alert")).toContainText("Vælg mindst én person");
    expect(remindersOf(first.id)).toEqual([]);

    await page.getByLabel(first.name).check();
    await preview(page);
    const shown = page.getByRole("region", { name: "Se mailen, før du sender" });
    await expect(shown).toContainText(`Hej ${first.name}`);
    await expect(shown).toContainText("/login?redirectTo=%2Fkurser%2Fgdpr");
    await expect(shown).toContainText(`Din leder, ${manager.name}, har bedt siden sende dig en påmindelse`);
    await expect(shown.getByRole("listitem").filter({ hasText: first.email })).toHaveCount(1);
    await expect(shown).not.toContainText(second.name);
    await page.getByRole("button", { name: "Send påmindelsen til 1 person" }).click();
    await expect(page.getByRole("status").filter({ hasText: "påmindelse" })).toHaveText(
      "1 påmindelse er lagt i udbakken.",
    );
    expect(remindersOf(first.id).map((r) => [r.kind, r.status])).toEqual([
      ["manual", "queued"],
      ["manual", "queued"],
    ]);
    expect(remindersOf(first.id)[0]?.last_error).toContain("SMTP_URL er ikke sat");

    // The one just reminded cannot be chosen again for 7 days; "alle" reaches only the other.
    await expect(page.getByLabel(first.name)).toHaveCount(0);
    await expect(page.getByText("Har fået en påmindelse inden for 7 dage").first()).toBeVisible();
    await page.getByLabel("Alle, der ikke har gennemført").check();
    await preview(page);
    await expect(shown).toContainText(second.email);
    await expect(shown.getByRole("listitem").filter({ hasText: first.name })).toContainText(
      "Har fået en påmindelse inden for 7 dage",
    );
    await page.getByRole("button", { name: "Send påmindelsen til 1 person" }).click();
    await expect(page.getByRole("status").filter({ hasText: "påmindelse" })).toHaveText(
      "1 påmindelse er lagt i udbakken. 1 fik ingen (gennemført, fritaget eller påmindet for nylig).",
    );
    expect(remindersOf(first.id)).toHaveLength(2);
    expect(remindersOf(second.id)).toHaveLength(2);
    expect(remindersOf(exempt.id)).toEqual([]);

    // The person's page lists the reminders they got.
    await page.goto(`/medarbejdere/${first.id}`);
    const section = page.getByRole("region", { name: "Påmindelser" });
    await expect(
      section.getByRole("row").filter({ hasText: `Sendt af leder eller HR (${manager.name})` }),
    ).toHaveCount(2);
    await expect(section).toContainText("Ikke sendt endnu");
  });
});

test("HR filters the outbox; the page says that without SMTP nothing is sent", async ({ page }) => {
  const t = tag();
  const db = e2eDb();
  try {
    const insert = db.prepare(
      `insert into mail_outbox (kind, "to", subject, text, status, attempts, next_attempt_at, last_error, created_at, sent_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    insert.run(
      "reminder",
      `sendt-${t}@albertslund.test`,
      "Påmindelse: dit kursus GDPR",
      "Hej",
      "sent",
      1,
      null,
      null,
      Date.now(),
      Date.now(),
    );
    insert.run(
      "reminder_digest",
      `fejlet-${t}@albertslund.test`,
      "Ugeoversigt",
      "Hej leder",
      "failed",
      2,
      Date.now() + 60_000,
      "451 Postkassen er midlertidigt utilgængelig",
      Date.now(),
      null,
    );
  } finally {
    db.close();
  }
  await logIn(page, "hr@albertslund.test");
  await page.getByRole("link", { name: "Udbakke" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Udbakke" })).toBeVisible();
  await expect(page.getByText("Der er ikke sat en mailserver op (SMTP_URL)")).toBeVisible();

  await page.getByLabel("Modtager (e-mail)").fill(t);
  await page.getByRole("button", { name: "Vis" }).click();
  await expect(page.getByRole("status")).toHaveText("2 mails");
  await page.getByLabel("Status").selectOption({ label: "Fejlede" });
  await page.getByRole("button", { name: "Vis" }).click();
  await expect(page.getByRole("status")).toHaveText("1 mail");
  await expect(page.getByRole("listitem")).toContainText(["451 Postkassen er midlertidigt utilgængelig"]);
  await expect(page.getByText(`fejlet-${t}@albertslund.test`).first()).toBeVisible();
  await expect(page.getByText(`sendt-${t}@albertslund.test`)).toHaveCount(0);
  await page.getByLabel("Type").selectOption({ label: "Påmindelse" });
  await page.getByRole("button", { name: "Vis" }).click();
  await expect(page.getByRole("status")).toHaveText("0 mails");
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 360, height: 740 });
  await page.getByLabel("Type").selectOption({ label: "Alle typer" });
  await page.getByLabel("Status").selectOption({ label: "Alle" });
  await page.getByRole("button", { name: "Vis" }).click();
  await expect(page.getByRole("status")).toHaveText("2 mails");
  await expectNoHorizontalScroll(page);
});

test("HR downloads an afdeling's list of who has not completed", async ({ page }) => {
  await logIn(page, "hr@albertslund.test");
  await page.goto("/hr/afdelingslister");
  await expect(page.getByRole("heading", { level: 1, name: "Afdelingslister" })).toBeVisible();
  await expectNoAxeViolations(page);
  const item = page.getByRole("listitem").filter({ hasText: "Børn, Sundhed & Velfærd > Børn & Familie" });
  await expect(item).toContainText("Leder:");
  const download = page.waitForEvent("download");
  await item.getByRole("link", { name: "Hent listen for Børn & Familie (XLSX)" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^afdelingsliste_boern-familie_\d{4}-\d{2}-\d{2}\.xlsx$/);
});

test("the reminder page, its error and its preview fit a phone and have no accessibility violations", async ({
  page,
}) => {
  // Three axe scans and two form posts: give it the time a loaded machine needs.
  test.slow();
  const { unit, first } = await preparedUnit();
  await page.setViewportSize({ width: 360, height: 740 });
  await logIn(page, "hr@albertslund.test");
  await page.goto(`/enheder/${unit}/paamindelser`);
  await expect(page.getByRole("heading", { level: 1, name: /Send påmindelse/ })).toBeVisible();
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page);
  await preview(page);
  await expect(page.getByRole("alert")).toContainText("Vælg mindst én person");
  await expectNoAxeViolations(page);
  await page.getByLabel(first.name).check();
  await preview(page);
  await expect(page.getByRole("region", { name: "Se mailen, før du sender" })).toContainText(
    "fra HR har bedt siden sende dig en påmindelse",
  );
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page);
});
