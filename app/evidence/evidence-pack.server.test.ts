// The evidence pack against the overview: for the same day its figures are the overview's
// (the status-per-unit file and the counts on /enheder), read back from the PDF with poppler's
// pdftotext and from the XLSX with exceljs.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { listCourses } from "~/compliance/courses.server";
import { listPeopleStatuses } from "~/compliance/people.server";
import { summarizeUnits } from "~/compliance/units.server";
import { getDb, schema } from "~/db.server";
import { buildUnitSummaryExport } from "~/reports/unit-summary.server";
import { createEmployee, createUnit } from "~/test-fixtures";
import { buildEvidencePack, cellText, type EvidencePack } from "./evidence-pack";
import { renderEvidencePdf } from "./evidence-pdf.server";
import { loadEvidenceSource } from "./evidence-source.server";
import { renderEvidenceXlsx } from "./evidence-xlsx.server";

const db = getDb();
const HR = { role: "hr" as const, scopePaths: [] };
const asOf = "2026-06-30";
const courses = listCourses();
const ai = courses.find((c) => c.code === "ai");
const gdpr = courses.find((c) => c.code === "gdpr");
if (!ai || !gdpr) throw new Error("reference data missing");

// An organisation of its own: two afdelinger (one with a team below it) under one område.
const area = createUnit(db, "Evidensområde");
const first = createUnit(db, "Evidensafdeling Et", area);
const team = createUnit(db, "Evidensteam", first);
const second = createUnit(db, "Evidensafdeling To", area);
const people = [
  createEmployee(db, first, { name: "Ulla Uden Navn" }),
  createEmployee(db, team, { name: "Karl Kursist" }),
  createEmployee(db, team, { name: "Sanne Superbruger" }),
  createEmployee(db, second, { name: "Tom Tidligere" }),
  createEmployee(db, second, { name: "Rita Rolig" }),
  createEmployee(db, second, { name: "Fie Fratrådt", endDate: "2026-03-01" }),
];
const complete = (employeeId: number, courseId: number, completedOn: string, courseVersion = "1.0") =>
  db
    .insert(schema.completion)
    .values({ employeeId, courseId, completedOn, courseVersion, source: "import", recordedAt: Date.now() })
    .run();
complete(people[0]?.id ?? 0, gdpr.id, "2026-01-10");
complete(people[1]?.id ?? 0, gdpr.id, "2026-02-10");
complete(people[3]?.id ?? 0, gdpr.id, "2026-05-10");
db.insert(schema.aiSuperUser)
  .values({
    employeeId: people[2]?.id ?? 0,
    afdelingUnitId: first.id,
    startDate: "2026-04-01",
    appointedAt: Date.now(),
  })
  .run();
db.insert(schema.mailOutbox)
  .values([
    {
      kind: "reminder",
      to: "a@albertslund.test",
      subject: "s",
      text: "t",
      status: "sent",
      createdAt: Date.parse("2026-06-01T10:00:00Z"),
    },
    {
      kind: "reminder",
      to: "b@albertslund.test",
      subject: "s",
      text: "t",
      status: "queued",
      createdAt: Date.parse("2026-06-02T10:00:00Z"),
    },
    // After the day, and a sign-in link: neither counts.
    {
      kind: "reminder",
      to: "c@albertslund.test",
      subject: "s",
      text: "t",
      status: "sent",
      createdAt: Date.parse("2026-07-02T10:00:00Z"),
    },
    {
      kind: "login_link",
      to: "d@albertslund.test",
      subject: "s",
      text: "t",
      status: "sent",
      createdAt: Date.parse("2026-06-02T10:00:00Z"),
    },
  ])
  .run();

const source = loadEvidenceSource(asOf, Date.parse("2026-07-01T08:00:00Z"));
const pack = buildEvidencePack(source);

function table(p: EvidencePack, sheet: string) {
  const t = p.sections.find((s) => s.sheet === sheet)?.tables[0];
  if (!t) throw new Error(`no table on ${sheet}`);
  return t;
}
const rowOf = (p: EvidencePack, sheet: string, label: string) =>
  table(p, sheet)
    .rows.find((r) => cellText(r[0] ?? { text: "" }) === label)
    ?.map(cellText);

const folder = mkdtempSync(path.join(tmpdir(), "evidens-"));
function pdfText(pdf: Buffer): string {
  const file = path.join(folder, `${Math.random()}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync("pdftotext", ["-raw", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
}

// Rendering PDFs with an embedded font takes a few seconds on a busy machine.
describe("the evidence pack's figures", { timeout: 30_000 }, () => {
  it("are the overview's for each afdeling on the same day (the status-per-unit file and /enheder)", () => {
    const summary = buildUnitSummaryExport(HR, asOf);
    const statuses = listPeopleStatuses({ viewer: HR, unitPath: "/", asOf, courses });
    for (const unit of [first, second]) {
      const label = summary.rows.find((r) => r.unitPath.endsWith(`> ${unit.name}`));
      const [onPage] = summarizeUnits(statuses, [unit], courses);
      const inPack = source.afdelinger.find((a) => a.label === unit.name);
      expect(inPack?.counts).toEqual(onPage?.counts);
      expect(inPack?.headcount).toBe(label?.headcount);
      courses.forEach((c, i) => {
        const counts = inPack?.counts[c.code];
        expect(counts ? counts.completed + counts.expiringSoon : -1).toBe(label?.courses[i]?.completed);
        expect(counts ? counts.missing + counts.overdue : -1).toBe(label?.courses[i]?.notCompleted);
        expect(counts?.completionRate).toBe(label?.courses[i]?.share);
      });
    }
    // This day's figures, worked out by hand: the leaver does not count.
    expect(rowOf(pack, "Gennemførelse", "Evidensafdeling To")).toEqual(
      expect.arrayContaining(["Evidensafdeling To", "2"]),
    );
    const gdprAt = 2 + courses.findIndex((c) => c.code === "gdpr") * 4;
    expect(rowOf(pack, "Gennemførelse", "Evidensafdeling Et")?.slice(gdprAt, gdprAt + 4)).toEqual([
      "2",
      "1",
      "0",
      "66,7 %",
    ]);
    expect(rowOf(pack, "Gennemførelse", "Evidensafdeling To")?.slice(gdprAt, gdprAt + 4)).toEqual([
      "1",
      "1",
      "0",
      "50 %",
    ]);
  });

  it("prints the same figures in the PDF, read back with pdftotext, and the same cells in the XLSX", async () => {
    const text = pdfText(await renderEvidencePdf(pack));
    expect(text).toContain("Dokumentation for AI-kompetencer pr. 30. juni 2026");
    for (const label of ["Hele organisationen", "Evidensafdeling Et", "Evidensafdeling To"]) {
      expect(text).toContain((rowOf(pack, "Gennemførelse", label) ?? ["mangler"]).join(" "));
    }
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(await renderEvidenceXlsx(pack)).buffer);
    const sheet = workbook.getWorksheet("Gennemførelse");
    const rows: unknown[][] = [];
    sheet?.eachRow((row) => {
      rows.push((row.values as unknown[]).slice(1));
    });
    const second = rows.find((r) => r[0] === "Evidensafdeling To");
    const gdprAt = 2 + courses.findIndex((c) => c.code === "gdpr") * 4;
    expect(second?.slice(gdprAt, gdprAt + 4)).toEqual([1, 1, 0, 0.5]);
  });

  it("names no employee except the AI super users", async () => {
    const text = pdfText(await renderEvidencePdf(pack));
    expect(text).toContain("Sanne Superbruger");
    for (const name of ["Ulla Uden Navn", "Karl Kursist", "Tom Tidligere", "Rita Rolig", "Fie Fratrådt"]) {
      expect(text).not.toContain(name);
    }
  });

  it("counts super users per afdeling with the verdict in words, and reminders by kind up to the day", () => {
    expect(rowOf(pack, "AI-superbrugere", "Evidensafdeling Et")?.slice(0, 3)).toEqual([
      "Evidensafdeling Et",
      "1",
      "For få (under 2)",
    ]);
    expect(rowOf(pack, "AI-superbrugere", "Evidensafdeling To")?.slice(1, 3)).toEqual([
      "0",
      "For få (under 2)",
    ]);
    // Påmindelse: 1 sent, 1 queued, 0 failed, 2 in all; the sign-in link and July's reminder left out.
    expect(rowOf(pack, "Påmindelser", "Påmindelse")).toEqual(["Påmindelse", "1", "1", "0", "2"]);
    expect(table(pack, "Påmindelser").rows).toHaveLength(1);
  });

  it("lists only course versions published by the day, with the attestation and renewal rule", () => {
    const versions = table(pack, "Tiltag").rows.map((r) => r.map(cellText));
    expect(versions.length).toBeGreaterThan(0);
    for (const v of versions) expect((v[2] ?? "").split(".").reverse().join("-") <= asOf).toBe(true);
    const later = buildEvidencePack({
      ...source,
      courses: source.courses.map((c) => ({
        ...c,
        versions: [
          ...c.versions,
          { ...c.versions[0], version: "9.9", publishedOn: "2027-01-01" } as (typeof c.versions)[0],
        ],
      })),
    });
    expect(table(later, "Tiltag").rows.map((r) => cellText(r[1] ?? { text: "" }))).not.toContain("9.9");
    const paragraphs = pack.sections[0]?.paragraphs.join(" ") ?? "";
    expect(paragraphs).toContain("hver 12. måned");
    expect(paragraphs).toContain("Jeg har gennemført kurset og kender kommunens AI-retningslinjer");
  });

  it("has a 12-month trend whose last point is the organisation's share on the day", () => {
    const trend = table(pack, "Udvikling");
    expect(trend.rows).toHaveLength(12);
    const gdprColumn = 1 + source.trend.findIndex((s) => s.code === "gdpr");
    expect(trend.rows.at(-1)?.[gdprColumn]).toEqual({
      share: source.organisation.counts.gdpr?.completionRate,
    });
  });
});
