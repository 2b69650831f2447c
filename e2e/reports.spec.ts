import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { DEMO, e2eDb, expectNoAxeViolations, expectNoHorizontalScroll, logIn, unitId } from "./helpers";

function employeeIdIn(unitName: string): number {
  const db = e2eDb();
  try {
    return (
      db
        .prepare(
          "select e.id from employee e join org_unit u on u.id = e.org_unit_id where u.name = ? and e.end_date is null limit 1",
        )
        .get(unitName) as { id: number }
    ).id;
  } finally {
    db.close();
  }
}

function auditCount(action: string, filtersLike = "%"): number {
  const db = e2eDb();
  try {
    return (
      db
        .prepare("select count(*) n from audit_event where action = ? and filters like ?")
        .get(action, filtersLike) as {
        n: number;
      }
    ).n;
  } finally {
    db.close();
  }
}

function csvRows(bytes: Buffer): string[][] {
  return parse(bytes, { bom: true, delimiter: ";", relax_column_count: false }) as string[][];
}

test.describe("a manager's overview", () => {
  test("shows the managed unit with charts, the people list and the print view, all accessible", async ({
    page,
  }) => {
    // Several axe scans of long lists: allow for a busy machine.
    test.slow();
    await logIn(page, DEMO.manager);
    await page.getByRole("link", { name: "Mine enheder" }).click();
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: "Børn & Familie", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Børn & Familie" })).toBeVisible();
    await expect(
      page.getByRole("img", { name: /AI i Albertslund Kommune: andel gennemført pr\. enhed/ }),
    ).toBeVisible();
    await expect(page.getByRole("img", { name: /Andel gennemført ved hver månedsafslutning/ })).toBeVisible();
    await page.getByText("Vis tallene som tabel").first().click();
    await expect(page.getByRole("table").first()).toBeVisible();
    await expectNoAxeViolations(page);
    await page.setViewportSize({ width: 320, height: 640 });
    await expectNoHorizontalScroll(page);
    await page.setViewportSize({ width: 1280, height: 800 });

    await page.getByRole("link", { name: "Se hvem der ikke har gennemført" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Personer i Børn & Familie" })).toBeVisible();
    await expect(page.getByLabel("Status")).toHaveValue("ikke-gennemfoert");
    await expectNoAxeViolations(page);

    await page.goto(`/enheder/${unitId("Børn & Familie")}/hvem-mangler?kursus=ai`);
    await expect(page.getByRole("heading", { level: 1, name: "Hvem mangler? Børn & Familie" })).toBeVisible();
    await expect(page.getByText(/Lavet \d/)).toBeVisible();
    await expect(page.getByRole("region", { name: /Børn & Familie > Familierådgivningen/ })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("banner")).toBeHidden();
    await expect(page.getByRole("button", { name: "Udskriv" })).toBeHidden();
  });

  test("filters by status, searches and sorts, with the filters kept in the URL", async ({ page }) => {
    await logIn(page, DEMO.manager);
    await page.goto(`/enheder/${unitId("Børn & Familie")}/personer`);
    await page.getByLabel("Kursus").selectOption({ label: "GDPR" });
    await page.getByLabel("Status").selectOption("overskredet");
    await page.getByLabel("Sortér efter").selectOption("frist");
    await page.getByRole("button", { name: "Vis" }).click();
    await page.waitForURL(/status=overskredet/);
    const url = new URL(page.url());
    expect([
      url.searchParams.get("kursus"),
      url.searchParams.get("status"),
      url.searchParams.get("sort"),
    ]).toEqual(["gdpr", "overskredet", "frist"]);
    const rows = page.getByRole("table").getByRole("row");
    await expect(rows.nth(1)).toContainText("Overskredet");

    await page.getByLabel("Søg på navn eller medarbejdernr.").fill("zzz-ingen");
    await page.getByRole("button", { name: "Vis" }).click();
    await expect(page.getByText("Ingen personer passer til filtrene.")).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("the export holds exactly the people on screen, and each view and export is audited once", async ({
    page,
  }) => {
    await logIn(page, DEMO.manager);
    const unit = unitId("Familierådgivningen");
    // A search of its own ("10": every demo employee number) tells this test's audit rows apart.
    const mine = "%Søgning: 10%";
    const viewsBefore = auditCount("view_people", mine);
    await page.goto(`/enheder/${unit}/personer?kursus=ai&status=ikke-gennemfoert&q=10`);
    await expect(page.getByRole("status")).toContainText("person");
    expect(auditCount("view_people", mine)).toBe(viewsBefore + 1);

    const onScreen = await page
      .getByRole("table")
      .getByRole("row")
      .locator("td:nth-child(2)")
      .allTextContents();
    const exportsBefore = auditCount("export", mine);
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Hent som CSV" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^hvem-mangler_familieraadgivningen_ai_\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = readFileSync(await file.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = csvRows(bytes);
    expect(header).toEqual([
      "Medarbejdernr",
      "Navn",
      "E-mail",
      "Enhed",
      "Kursus",
      "Status",
      "Frist",
      "Gyldig til og med",
      "Senest gennemført",
    ]);
    expect(rows.map((r) => r[0])).toEqual(onScreen);
    for (const r of rows) expect(["Mangler", "Overskredet"]).toContain(r[5]);
    expect(auditCount("export", mine)).toBe(exportsBefore + 1);

    const xlsx = await page.request.get(
      `/enheder/${unit}/eksport?format=xlsx&kursus=ai&status=ikke-gennemfoert`,
    );
    expect(xlsx.headers()["content-type"]).toContain("spreadsheetml");
    expect((await xlsx.body()).subarray(0, 2).toString()).toBe("PK");
  });

  test("employee detail shows the full history and is audited", async ({ page }) => {
    await logIn(page, DEMO.manager);
    await page.goto(`/enheder/${unitId("Familierådgivningen")}/personer`);
    const link = page.getByRole("table").getByRole("link").first();
    const id = (await link.getAttribute("href"))?.split("/").at(-1);
    const views = () => {
      const db = e2eDb();
      try {
        return (
          db
            .prepare(
              "select count(*) n from audit_event where action = 'view_employee' and target_employee_id = ?",
            )
            .get(id) as { n: number }
        ).n;
      } finally {
        db.close();
      }
    };
    const before = views();
    await link.click();
    await expect(page.getByRole("heading", { level: 2, name: "Gennemførelser" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Status i dag" })).toBeVisible();
    expect(views()).toBe(before + 1);
    await expectNoAxeViolations(page);
  });
});

test.describe("scope is enforced on every new route", () => {
  test("a manager gets 403 for another unit's list, print view, export and employees, with no names", async ({
    page,
  }) => {
    await logIn(page, DEMO.manager);
    const other = unitId("Hjemmeplejen Nord");
    const outsider = employeeIdIn("Hjemmeplejen Nord");
    const db = e2eDb();
    const name = (db.prepare("select name from employee where id = ?").get(outsider) as { name: string })
      .name;
    db.close();
    for (const url of [
      `/enheder/${other}`,
      `/enheder/${other}/personer`,
      `/enheder/${other}/personer.data`,
      `/enheder/${other}/hvem-mangler`,
      `/enheder/${other}/eksport?format=csv`,
      `/enheder/${other}/eksport?format=xlsx`,
      `/medarbejdere/${outsider}`,
      `/medarbejdere/${outsider}.data`,
    ]) {
      const response = await page.request.get(url);
      expect(response.status(), url).toBe(403);
      expect(await response.text(), url).not.toContain(name);
    }
    // A guessed id that does not exist is 404, not a hint.
    expect((await page.request.get("/medarbejdere/99999999")).status()).toBe(404);
  });

  test("an employee cannot open the audit trail or anyone's detail page", async ({ page }) => {
    await logIn(page, DEMO.employee);
    expect((await page.request.get("/revision")).status()).toBe(403);
    expect((await page.request.get(`/medarbejdere/${employeeIdIn("Familierådgivningen")}`)).status()).toBe(
      403,
    );
  });

  test("HR browses the audit trail", async ({ page }) => {
    await logIn(page, DEMO.hr);
    await page.goto(`/enheder/${unitId("Sekretariatet")}/personer`);
    await page.getByRole("link", { name: "Revisionsspor" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Revisionsspor" })).toBeVisible();
    await expect(page.getByRole("row").filter({ hasText: "Helle Demo Friis (HR)" }).first()).toBeVisible();
    await expectNoAxeViolations(page);
  });
});

test("the printed list is a compact table on few A4 pages", async ({ page }) => {
  test.slow();
  await logIn(page, DEMO.hr);
  await page.goto(`/enheder/${unitId("Børn & Familie")}/hvem-mangler`);
  const status = (await page.getByRole("status").textContent()) ?? "";
  const people = Number(/([\d.]+) personer/.exec(status)?.[1]?.replaceAll(".", "") ?? 0);
  expect(people).toBeGreaterThan(50);
  const table = page.getByRole("table").first();
  await expect(table.getByRole("columnheader")).toHaveText([
    "Navn",
    "Medarbejdernr.",
    "AI i Albertslund Kommune",
    "GDPR",
  ]);
  await expectNoAxeViolations(page);
  const pdf = await page.pdf({ preferCSSPageSize: true });
  const pages = [...pdf.toString("latin1").matchAll(/\/Type\s*\/Page(?![a-zA-Z])/g)].length;
  console.log(`Hvem mangler? Børn & Familie: ${people} personer på ${pages} A4-sider`);
  // About 40 people a page (the review's 184 people took 11 pages before).
  expect(pages).toBeLessThanOrEqual(Math.ceil(people / 30) + 1);
});

/** The parts of an XLSX file and their content (zip entry dates differ from one run to the next). */
async function xlsxParts(bytes: Buffer): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const parts: Record<string, string> = {};
  for (const name of Object.keys(zip.files).sort())
    parts[name] = (await zip.file(name)?.async("string")) ?? "";
  return parts;
}

function reportCommand(args: string[], format: "csv" | "xlsx"): { file: Buffer; printed: string } {
  const out = path.join(tmpdir(), `rapport-${process.pid}-${Date.now()}.${format}`);
  const printed = execFileSync(
    "npx",
    ["tsx", "app/cli/report.ts", "not-completed", ...args, "--format", format, "--out", out],
    { env: { ...process.env, DATABASE_PATH: "db/e2e.db" }, encoding: "utf8" },
  );
  return { file: readFileSync(out), printed };
}

test("every export link of a not-completed list gives the file the report command writes for that view", async ({
  page,
}) => {
  // Six runs of the report command, each starting tsx.
  test.setTimeout(180_000);
  await logIn(page, DEMO.hr);
  // A unit no other test adds people to or completes courses in, so the two files see the same data.
  const unit = unitId("Sekretariatet");
  const unitPath = ["--unit", "Kommunaldirektørens område > Økonomi & Stab > Sekretariatet"];
  const views = [
    { url: `/enheder/${unit}/hvem-mangler?kursus=ai`, args: ["--course", "ai", "--sort", "enhed"] },
    {
      url: `/enheder/${unit}/personer?kursus=gdpr&status=ikke-gennemfoert&sort=frist`,
      args: ["--course", "gdpr", "--sort", "frist"],
    },
    { url: `/enheder/${unit}/personer?status=ikke-gennemfoert`, args: ["--course", "all", "--sort", "navn"] },
  ];
  for (const view of views) {
    await page.goto(view.url);
    for (const format of ["csv", "xlsx"] as const) {
      const name = format === "csv" ? "Hent som CSV" : "Hent som Excel (XLSX)";
      const href = (await page.getByRole("link", { name }).getAttribute("href")) ?? "";
      const response = await page.context().request.get(href);
      const web = Buffer.from(await response.body());
      const cli = reportCommand([...view.args, ...unitPath], format);
      if (format === "csv") {
        expect(cli.file.equals(web), `${view.url} ${format}`).toBe(true);
        expect(cli.printed).toContain(`Skrev ${csvRows(cli.file).length - 1} rækker`);
      } else {
        expect(await xlsxParts(cli.file), `${view.url} ${format}`).toEqual(await xlsxParts(web));
      }
    }
  }
});

function summaryCommand(format: "csv" | "xlsx"): Buffer {
  const out = path.join(tmpdir(), `status-pr-enhed-${process.pid}-${Date.now()}.${format}`);
  execFileSync("npx", ["tsx", "app/cli/report.ts", "summary", "--format", format, "--out", out], {
    env: { ...process.env, DATABASE_PATH: "db/e2e.db" },
  });
  return readFileSync(out);
}

test("HR downloads everyone not completed and the status per unit from /enheder, the files the report command writes", async ({
  page,
}) => {
  // Four runs of the report command, each starting tsx, and two whole-organisation files.
  test.setTimeout(180_000);
  await logIn(page, DEMO.hr);
  await page.goto("/enheder");
  await expect(
    page.getByRole("heading", { level: 2, name: "Hent filer for hele organisationen" }),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 320, height: 640 });
  await expectNoHorizontalScroll(page);
  await page.setViewportSize({ width: 1280, height: 800 });

  const download = async (name: string) => {
    const href = (await page.getByRole("link", { name, exact: true }).getAttribute("href")) ?? "";
    const response = await page.context().request.get(href);
    expect(response.status(), name).toBe(200);
    return Buffer.from(await response.body());
  };
  const before = auditCount("export", "Status pr. enhed; Format: CSV%");

  // Other specs may record a completion between the download and the command; then both are redone.
  let notCompleted = Buffer.alloc(0);
  await expect(async () => {
    notCompleted = await download("Hent alle, der ikke har gennemført, som CSV");
    expect(reportCommand(["--course", "all"], "csv").file.equals(notCompleted)).toBe(true);
  }).toPass({ intervals: [0], timeout: 90_000 });
  let summary = Buffer.alloc(0);
  await expect(async () => {
    summary = await download("Hent status pr. enhed som CSV");
    expect(summaryCommand("csv").equals(summary)).toBe(true);
  }).toPass({ intervals: [0], timeout: 60_000 });
  await expect(async () => {
    const web = await download("Hent status pr. enhed som Excel (XLSX)");
    expect(await xlsxParts(summaryCommand("xlsx"))).toEqual(await xlsxParts(web));
  }).toPass({ intervals: [0], timeout: 60_000 });
  expect(auditCount("export", "Status pr. enhed; Format: CSV%")).toBeGreaterThan(before);

  // The summary read back: its counts agree with the not-completed file and with the unit pages.
  const [header = [], ...units] = csvRows(summary);
  const people = csvRows(notCompleted).slice(1);
  const courseTitles = header
    .filter((h) => h.endsWith(": Ikke gennemført"))
    .map((h) => h.split(":")[0] ?? "");
  expect(courseTitles.length).toBeGreaterThan(0);
  for (const row of units) {
    const unitPath = row[0] ?? "";
    courseTitles.forEach((title, i) => {
      const inUnit = people.filter(
        (p) => p[4] === title && (p[3] === unitPath || p[3]?.startsWith(`${unitPath} > `)),
      );
      expect(Number(row[3 + i * 3]), `${unitPath}, ${title}`).toBe(inUnit.length);
    });
  }
  const secretariat = units.find((r) => r[0]?.endsWith(" > Sekretariatet"));
  if (!secretariat) throw new Error("Sekretariatet mangler i oversigten");
  const percent = new Intl.NumberFormat("da-DK", { style: "percent", maximumFractionDigits: 0 });
  const card = page.getByRole("link", { name: "Sekretariatet", exact: true }).locator("xpath=..");
  for (const [i, title] of courseTitles.entries()) {
    const shareCell = secretariat[4 + i * 3] ?? "";
    const shown =
      shareCell === "" ? "–" : percent.format(Number(shareCell.replace(" %", "").replace(",", ".")) / 100);
    const notDone = Number(secretariat[3 + i * 3]);
    await expect(card).toContainText(
      `${title}: ${shown}${notDone > 0 ? ` (${notDone} ikke gennemført)` : ""}`,
    );
  }

  // The Excel file holds the same numbers as the CSV, as numbers and shares.
  const workbook = new ExcelJS.Workbook();
  const xlsx = await download("Hent status pr. enhed som Excel (XLSX)");
  await workbook.xlsx.load(new Uint8Array(xlsx).buffer);
  const sheet = workbook.getWorksheet("Rapport");
  expect(sheet?.getRow(6).getCell(1).value).toBe("Enhed");
  expect(sheet?.getRow(7).getCell(1).value).toBe(units[0]?.[0]);
  expect(sheet?.getRow(7).getCell(2).value).toBe(Number(units[0]?.[1]));
  expect(sheet?.getRow(7).getCell(5).numFmt).toBe("0.0%");
});

test("a manager's exports on /enheder hold only the managed units", async ({ page }) => {
  await logIn(page, DEMO.manager);
  await page.goto("/enheder");
  const href =
    (await page.getByRole("link", { name: "Hent status pr. enhed som CSV" }).getAttribute("href")) ?? "";
  const units = csvRows(Buffer.from(await (await page.context().request.get(href)).body())).slice(1);
  expect(units.length).toBeGreaterThan(0);
  for (const row of units) expect(row[0]).toContain("Børn & Familie");
  const list = await page.context().request.get("/enheder/eksport?rapport=hvem-mangler&format=csv");
  for (const row of csvRows(Buffer.from(await list.body())).slice(1))
    expect(row[3]).toContain("Børn & Familie");
});
