// Each test stands alone. A roster import changes who is on the list, which must not pull the
// floor from under tests running beside it, so the tests that import a roster (and the hostile-files
// test, which loads its server) get a server with the demo data of their own (`ownServer`);
// the others work on people of their own on the shared server (e2e/fixtures.ts).
import { execFileSync, spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type Database from "better-sqlite3";
import ExcelJS from "exceljs";
import { type AppServer, startAppServer } from "./app-server";
import { expect, test } from "./fixtures";
import { DEMO, e2eDb, expectNoAxeViolations, logIn } from "./helpers";
import { hostileUploads } from "./hostile-uploads";

/** A test on a server of its own with the demo data, which its pages (baseURL) talk to. */
const ownServer = test.extend<{ app: AppServer }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixtures a fixture uses from this pattern.
  app: async ({}, use, testInfo) => {
    // Migrating and seeding the demo takes up to a minute on a busy machine.
    testInfo.setTimeout(testInfo.timeout + 90_000);
    const app = await startAppServer({}, { demo: true });
    await use(app);
    await app.stop();
  },
  baseURL: async ({ app }, use) => use(app.origin),
});

interface Row {
  employee_number: string;
  name: string;
  email: string;
  unit: string;
  start_date: string;
  end_date: string | null;
}

/** The current roster as the HR system would export it: everyone active, with their unit path. */
function currentRoster(db: Database.Database): Row[] {
  try {
    const units = db.prepare("select id, name, path from org_unit").all() as {
      id: number;
      name: string;
      path: string;
    }[];
    const name = new Map(units.map((u) => [u.id, u.name]));
    const label = (p: string) =>
      p
        .split("/")
        .filter(Boolean)
        .map((id) => name.get(Number(id)))
        .join(" > ");
    const pathOf = new Map(units.map((u) => [u.id, u.path]));
    return (
      db
        .prepare(
          "select employee_number, name, email, org_unit_id, start_date, end_date from employee where end_date is null or end_date > date('now')",
        )
        .all() as (Row & { org_unit_id: number })[]
    ).map((r) => ({ ...r, unit: label(pathOf.get(r.org_unit_id) ?? "") }));
  } finally {
    db.close();
  }
}

/** Employee numbers of the active admin and HR logins (the demo's Adam and Helle). */
function staffNumbers(db: Database.Database): Set<string> {
  try {
    const rows = db
      .prepare(
        "select e.employee_number n from user_account u join employee e on e.id = u.employee_id where u.role in ('admin', 'hr') and u.deactivated_at is null",
      )
      .all() as { n: string }[];
    return new Set(rows.map((r) => r.n));
  } finally {
    db.close();
  }
}

function toCsv(rows: Row[], extra: string[] = []): string {
  const lines = rows.map((r) => {
    const danish = (iso: string | null) => (iso ? iso.split("-").reverse().join("-") : "");
    return [
      r.employee_number,
      r.name,
      r.email,
      r.unit,
      danish(r.start_date),
      danish(r.end_date),
      "",
      "111111-1111",
    ].join(";");
  });
  return ["Medarbejdernr;Navn;Email;Enhed;Startdato;Fratrædelsesdato;Leder;CPR", ...lines, ...extra].join(
    "\r\n",
  );
}

function writeTemp(name: string, content: string | Buffer): string {
  const file = path.join(tmpdir(), `${process.pid}-${Date.now()}-${name}`);
  writeFileSync(file, content);
  return file;
}

async function upload(page: import("@playwright/test").Page, kind: RegExp, file: string) {
  await page.goto("/hr/import");
  await page.getByRole("radio", { name: kind }).check();
  await page.getByLabel("Fil", { exact: true }).setInputFiles(file);
  await page.getByRole("button", { name: "Vis forhåndsvisning" }).click();
  // The file is read in a worker thread that starts for it: allow for a busy machine.
  await expect(page.getByRole("heading", { level: 1, name: /^Forhåndsvisning/ })).toBeVisible({
    timeout: 20_000,
  });
}

const definition = (page: import("@playwright/test").Page, term: string) =>
  page.locator("dt", { hasText: new RegExp(`^${term}$`) }).locator("xpath=following-sibling::dd[1]");

ownServer(
  "HR imports the roster: errors with line numbers, preview, apply, and a second import changes nothing",
  async ({ page, app }) => {
    await logIn(page, DEMO.hr);
    await page.getByRole("link", { name: "Indlæs data" }).click();
    await expectNoAxeViolations(page);

    const roster = currentRoster(app.db());
    const bad = writeTemp(
      "fejl.csv",
      toCsv(roster.slice(0, 3), [
        "9000001;Fejl Person;fejl@albertslund.test;Kommunaldirektørens område;31-02-2025;;;",
      ]),
    );
    await upload(page, /Personaleliste/, bad);
    await expect(page.getByRole("heading", { name: /Filen blev ikke indlæst/ })).toBeVisible();
    await expect(page.getByText("Linje 5: ugyldig startdato '31-02-2025'")).toBeVisible();
    await expect(page.getByRole("button", { name: "Indlæs filen" })).toHaveCount(0);
    // The error page offers the upload again, for the corrected file.
    await expect(page.getByLabel("Fil", { exact: true })).toBeVisible();
    await expectNoAxeViolations(page);

    const moved = roster[0] as Row;
    const changed = roster.map((r) =>
      r === moved ? { ...r, unit: "Kommunaldirektørens område > Økonomi & Stab > Ny enhed" } : r,
    );
    const good = toCsv(changed, [
      "9000002;Nyansat Person;nyansat@albertslund.test;Kommunaldirektørens område > Økonomi & Stab > Ny enhed;01-11-2026;;ja;",
    ]);
    const file = writeTemp("personale.csv", good);
    await upload(page, /Personaleliste/, file);
    await expect(page.getByText("Kolonnen CPR blev ignoreret og er ikke gemt.")).toBeVisible();
    await expect(definition(page, "Nye")).toHaveText("1");
    await expect(definition(page, "Ændrede")).toHaveText("1");
    await expect(definition(page, "Nye enheder")).toHaveText("1");
    await expect(page.getByRole("region", { name: "Ændringer" })).toContainText(moved.name);
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Indlæs filen" }).click();
    await expect(page.getByRole("status")).toContainText("1 ny, 1 ændret, 0 fratrådte og 1 ny enhed");
    // The summary came from the server, once: a reload (or a crafted link) shows nothing.
    await page.reload();
    await expect(page.getByRole("status")).toHaveText("");
    await page.goto("/hr/import?indlaest=roster&resume=VIGTIGT:+log+ind+på+https://evil.example");
    await expect(page.getByRole("status")).toHaveText("");

    const db = app.db();
    const stored = db.prepare("select * from employee where employee_number = '9000002'").get() as Record<
      string,
      unknown
    >;
    expect(stored.name).toBe("Nyansat Person");
    expect(JSON.stringify(db.prepare("select * from employee").all())).not.toContain("111111-1111");
    db.close();

    await upload(page, /Personaleliste/, file);
    await expect(definition(page, "Nye")).toHaveText("0");
    await expect(definition(page, "Ændrede")).toHaveText("0");
    await page.getByRole("button", { name: "Indlæs filen" }).click();
    await expect(page.getByRole("status")).toContainText("0 nye, 0 ændrede, 0 fratrådte og 0 nye enheder");
  },
);

ownServer(
  "a roster that would make many people leave needs a confirmation at the top; most people, a refusal",
  async ({ page, app }) => {
    await logIn(page, DEMO.hr);
    const roster = currentRoster(app.db());
    const staff = staffNumbers(app.db());
    // About 15 % missing (never the admin or HR, see below): the count and share stand at the top
    // in a red box, the confirmation beside it.
    const cut = Math.ceil(roster.length * 0.15);
    const shorter = roster.filter((r, i) => i >= cut || staff.has(r.employee_number));
    const leaving = roster.length - shorter.length;
    await upload(page, /Personaleliste/, writeTemp("kort.csv", toCsv(shorter)));
    const warning = page.getByRole("region", { name: /bliver registreret som fratrådt/ });
    await expect(warning.getByRole("heading")).toContainText(`${leaving.toLocaleString("da-DK")} af`);
    await expect(warning.getByRole("heading")).toContainText(/1[45]\s%/);
    await expectNoAxeViolations(page);
    await warning.getByRole("button", { name: "Indlæs filen" }).click();
    await expect(page.getByRole("alert")).toContainText("Sæt kryds for at bekræfte de mange fratrædelser");
    await expect(warning.getByLabel(/Jeg bekræfter/)).toBeVisible();

    // Ten people without the admin: refused whatever HR confirms, or nobody could put it right.
    await upload(
      page,
      /Personaleliste/,
      writeTemp("uden-admin.csv", toCsv(roster.filter((r) => !staff.has(r.employee_number)).slice(0, 10))),
    );
    await expect(page.getByText(/den ville lukke login for den sidste aktive/)).toBeVisible();

    // Ten people with them: over half would leave, which the page refuses outright.
    const ten = [...roster.filter((r) => staff.has(r.employee_number)), ...roster.slice(0, 10)];
    await upload(page, /Personaleliste/, writeTemp("meget-kort.csv", toCsv(ten)));
    await expect(page.getByRole("region", { name: /bliver registreret som fratrådt/ })).toContainText(
      "over halvdelen",
    );
    await expect(page.getByRole("button", { name: "Indlæs filen" })).toHaveCount(0);
    // Nothing was written: the demo accounts still work.
    const db = app.db();
    const active = (
      db.prepare("select count(*) n from employee where end_date is null").get() as { n: number }
    ).n;
    db.close();
    expect(active).toBeGreaterThan(1000);
  },
);

test("HR imports the vendor's completions from Excel, and they count", async ({ page, hr, employee }) => {
  await logIn(page, hr.email, hr.password);
  const db = e2eDb();
  const person = db
    .prepare("select id, employee_number from employee where id = ?")
    .get(employee.employeeId) as {
    id: number;
    employee_number: string;
  };
  db.close();

  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Eksport");
  sheet.addRow(["Medarbejdernr", "Kursus", "Gennemført", "Score"]);
  sheet.addRow([person.employee_number, "GDPR", new Date(Date.UTC(2026, 10, 20)), 95]);
  const file = writeTemp("metacompliance.xlsx", Buffer.from(await workbook.xlsx.writeBuffer()));
  await upload(page, /Gennemførelser/, file);
  await expect(definition(page, "Nye \\(resten er indlæst før\\)")).toHaveText("1");
  await page.getByRole("button", { name: "Indlæs filen" }).click();
  await expect(page.getByRole("status")).toContainText("1 ny, 0 fandtes allerede");

  await page.goto(`/medarbejdere/${person.id}`);
  const gdpr = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "GDPR" }) });
  await expect(gdpr.getByText("Gennemført", { exact: true })).toBeVisible();
  await expect(
    page.getByRole("cell", { name: /Import fra kursusleverandør \(.*metacompliance\.xlsx\)/ }),
  ).toBeVisible();
});

test("HR teaches the import another name for a course", async ({ page, hr, employee }) => {
  // A name of its own, so the test can run again on the same server.
  const suffix = `${process.pid}${Date.now()}`;
  await logIn(page, hr.email, hr.password);
  await page.goto("/hr/kursusnavne");
  await page.getByRole("button", { name: "Tilføj navn" }).click();
  await expect(page.getByRole("alert")).toContainText("Skriv det navn");
  await page.getByLabel("Kursus").selectOption({ label: "GDPR" });
  await page.getByLabel("Navn i leverandørens fil").fill(`Databeskyttelse – grundkursus ${suffix}`);
  await page.getByRole("button", { name: "Tilføj navn" }).click();
  await expect(page.getByRole("status")).toContainText("er tilføjet");
  await expect(page.getByText(`databeskyttelsegrundkursus${suffix} → GDPR`)).toBeVisible();
  await expectNoAxeViolations(page);

  const file = writeTemp(
    "alias.csv",
    `Email;Kursus;Gennemført\n${employee.email};DATABESKYTTELSE - GRUNDKURSUS ${suffix};21-11-2026\n`,
  );
  await upload(page, /Gennemførelser/, file);
  await expect(page.getByRole("heading", { name: /Filen blev ikke indlæst/ })).toHaveCount(0);
  await expect(definition(page, "Gennemførelser i filen")).toHaveText("1");
});

test("HR registers an exemption by hand, with a reason", async ({ page, hr, employee }) => {
  await logIn(page, hr.email, hr.password);
  await page.goto(`/medarbejdere/${employee.employeeId}`);
  await page.getByRole("button", { name: "Registrér fritagelse" }).click();
  await expect(page.getByRole("alert")).toContainText("Skriv en begrundelse");
  await expectNoAxeViolations(page);
  await page
    .getByLabel("Begrundelse (fx langtidssygemeldt)")
    .fill("Langtidssygemeldt efter aftale med leder");
  await page.getByRole("button", { name: "Registrér fritagelse" }).click();
  await expect(page.getByRole("status")).toContainText("Registreringen er gemt");
  await expect(page.getByRole("region", { name: "Fritagelser" })).toContainText(
    `Langtidssygemeldt efter aftale med leder (givet af ${hr.name})`,
  );
});

ownServer(
  "the import command checks a file with --dry-run and fails on errors with line numbers",
  ({ app }) => {
    const env = { ...process.env, DATABASE_PATH: app.databasePath };
    const file = writeTemp("kommando.csv", toCsv(currentRoster(app.db())));
    const ok = execFileSync("npx", ["tsx", "app/cli/import.ts", "roster", file, "--dry-run"], {
      env,
      encoding: "utf8",
    });
    expect(ok).toContain("Prøvekørsel (--dry-run): intet er skrevet.");
    expect(ok).toMatch(/Nye: 0\. Ændrede: 0\./);

    const bad = writeTemp(
      "kommando-fejl.csv",
      "Email;Kursus;Gennemført\nukendt@albertslund.test;GDPR;01-01-2026\n",
    );
    const result = spawnSync("npx", ["tsx", "app/cli/import.ts", "completions", bad], {
      env,
      encoding: "utf8",
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("Linje 2:");
    expect(result.stderr).toContain("Intet er ændret");
  },
);

// Heavy (95 MB read in the server's worker), so it runs after the others with nothing beside it
// (the tag, see playwright.config.ts); it changes no shared data. What the files cost in memory
// and in the employee's waiting time is printed by e2e/bench/hostile-imports.ts, not asserted here.
ownServer(
  "the review's worst files are refused with a Danish message while an employee goes on using the site",
  { tag: "@alone" },
  async ({ page, browser, baseURL }) => {
    test.setTimeout(240_000);
    await logIn(page, DEMO.hr);
    const employee = await browser.newContext({ baseURL });
    const employeePage = await employee.newPage();
    await logIn(employeePage, DEMO.employee);

    for (const file of hostileUploads()) {
      let answered = false;
      const upload = page.context().request.post("/hr/import", {
        headers: { Origin: baseURL ?? "" },
        multipart: { kind: "roster", file: { name: file.name, mimeType: "text/csv", buffer: file.bytes } },
        maxRedirects: 0,
      });
      // Settled either way; a failed upload is reported by `await upload` below.
      upload.then(
        () => (answered = true),
        () => (answered = true),
      );
      // An employee keeps using the site meanwhile, and every page answers.
      let employeeRequests = 0;
      while (!answered || employeeRequests < 3) {
        const response = await employeePage.request.get("/mine-kurser");
        expect(response.status(), `${file.label}: Mine kurser meanwhile`).toBe(200);
        employeeRequests++;
      }
      const answer = await upload;
      if (answer.status() === 413) {
        expect(await answer.text(), file.label).toContain("Filen er for stor");
        continue;
      }
      expect([302, 303], file.label).toContain(answer.status());
      // HR lands on the preview, which says why nothing was read and offers the form again.
      await page.goto(answer.headers().location ?? "");
      await expect(
        page.getByRole("heading", { name: /Filen blev ikke indlæst: [\d.]+ fejl/ }),
        file.label,
      ).toBeVisible();
      await expect(page.getByText("Intet er gemt.")).toBeVisible();
    }
    await employee.close();
  },
);
