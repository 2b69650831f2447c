// The AI Act evidence pack: HR picks a day and downloads the PDF and the XLSX; the PDF's figures
// per afdeling (read with pdftotext) are the overview's status-per-unit file for the same day.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { DEMO, e2eDb, expectNoAxeViolations, expectNoHorizontalScroll, logIn } from "./helpers";

const folder = mkdtempSync(path.join(tmpdir(), "evidens-e2e-"));

function pdfText(pdf: Buffer): string {
  const file = path.join(folder, `${Date.now()}-${Math.random()}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync("pdftotext", ["-raw", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
}

/** The afdelinger (second-level units) of the e2e database, by name. */
function afdelingNames(): string[] {
  const db = e2eDb();
  try {
    return (
      db
        .prepare(
          "select name from org_unit where length(path) - length(replace(path, '/', '')) = 3 and name not like 'E2E Afdeling%' order by name",
        )
        .all() as { name: string }[]
    ).map((r) => r.name);
  } finally {
    db.close();
  }
}

const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

test("HR downloads the evidence pack for a day: the PDF's figures are the overview's, and the same data as XLSX", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await logIn(page, DEMO.hr);
  await page.goto("/hr/ai-dokumentation");
  await expect(
    page.getByRole("heading", { level: 1, name: "Dokumentation for AI-kompetencer" }),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 320, height: 640 });
  await expectNoHorizontalScroll(page);
  await page.setViewportSize({ width: 1280, height: 800 });

  // A day in the future is refused in Danish, on the page, with the field marked.
  await page.getByLabel("Opgjort pr. dato").fill("2999-01-01");
  await page.getByRole("button", { name: "Hent som PDF" }).click();
  await expect(page.getByRole("alert")).toContainText("Datoen må ikke ligge i fremtiden.");
  await expect(page.getByLabel("Opgjort pr. dato")).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page);

  const today = await page.evaluate(() =>
    new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Copenhagen" }).format(new Date()),
  );
  const names = afdelingNames();
  expect(names.length).toBeGreaterThan(3);
  // Other specs may record a completion between the two downloads; then both are fetched again.
  await expect(async () => {
    await page.getByLabel("Opgjort pr. dato").fill(today);
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Hent som PDF" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`dokumentation-ai-kompetencer_${today}.pdf`);
    const text = pdfText(
      Buffer.from(await (await file.createReadStream()).toArray().then((c) => Buffer.concat(c))),
    );
    const csv = (
      await (await page.context().request.get("/enheder/eksport?rapport=status-pr-enhed&format=csv")).text()
    )
      .replace(/^\uFEFF/, "")
      .split("\r\n")
      .map((line) => line.split(";"));
    expect(text).toContain(`Dokumentation for AI-kompetencer pr.`);
    for (const name of names) {
      const row = csv.find((r) => r[0]?.endsWith(` > ${name}`));
      expect(row, name).toBeDefined();
      const [, headcount, aiDone, aiNot, aiShare, gdprDone, gdprNot, gdprShare, superUsers, verdict] =
        row ?? [];
      // In the pack: name, headcount, then per course Gennemført, Ikke gennemført, Fritaget, Andel.
      const figures = new RegExp(
        `${literal(name)} ${headcount} ${aiDone} ${aiNot} \\d+ ${literal(aiShare ?? "")} ${gdprDone} ${gdprNot} \\d+ ${literal(gdprShare ?? "")}`,
      );
      expect(text, name).toMatch(figures);
      // The super-user count and verdict are the export's too.
      expect(text, name).toMatch(new RegExp(`${literal(name)} ${superUsers} ${literal(verdict ?? "")}`));
    }
  }).toPass({ intervals: [0], timeout: 90_000 });

  const xlsxDownload = page.waitForEvent("download");
  await page.getByRole("button", { name: "Hent som XLSX (regneark)" }).click();
  const xlsx = await xlsxDownload;
  expect(xlsx.suggestedFilename()).toBe(`dokumentation-ai-kompetencer_${today}.xlsx`);
  const workbook = new ExcelJS.Workbook();
  const stream = await xlsx.createReadStream();
  await workbook.xlsx.read(stream);
  expect(workbook.worksheets.map((w) => w.name)).toEqual([
    "Om dokumentationen",
    "Tiltag",
    "Gennemførelse",
    "Udvikling",
    "AI-superbrugere",
    "Påmindelser",
    "Registrering",
  ]);
  const completion: unknown[][] = [];
  workbook.getWorksheet("Gennemførelse")?.eachRow((row) => {
    completion.push((row.values as unknown[]).slice(1));
  });
  for (const name of names) expect(completion.some((r) => r[0] === name)).toBe(true);
  expect(completion.find((r) => r[0] === "Hele organisationen")?.[1]).toEqual(expect.any(Number));

  // Each download is in the audit trail.
  const db = e2eDb();
  try {
    const count = db
      .prepare(
        "select count(*) as n from audit_event where action = 'export' and scope = 'Dokumentation for AI-kompetencer' and filters like ?",
      )
      .get(`Pr. ${today}; Format: XLSX%`) as { n: number };
    expect(count.n).toBeGreaterThan(0);
  } finally {
    db.close();
  }
});
