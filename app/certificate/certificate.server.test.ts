// The certificate read back the way people and programs read it: poppler's pdftotext, pdffonts
// and pdfinfo (Debian's poppler-utils; .ci/run installs it).
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { type CertificateInput, renderCertificate } from "./certificate.server";

const input: CertificateInput = {
  employeeName: "Søren Ærø Åberg",
  employeeNumber: "004711",
  courseTitle: "AI i Albertslund Kommune",
  courseVersion: "1.0",
  completedOn: "2026-01-15",
  validUntil: "2027-01-15",
  source: "site",
  issuedOn: "2026-02-03",
  verification: {
    code: "ABCD-EFGH-JKMN-PQRS",
    url: "https://laering.albertslund.dk/bevis/ABCDEFGHJKMNPQRS",
  },
};

const folder = mkdtempSync(path.join(tmpdir(), "kursusbevis-"));
let files = 0;

function poppler(tool: string, pdf: Buffer, ...args: string[]): string {
  const file = path.join(folder, `${files++}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync(tool, [...args, file, ...(tool === "pdftotext" ? ["-"] : [])], { encoding: "utf8" });
}

/** The text, one line per line of the page, with runs of spaces made one. */
const text = (pdf: Buffer) => poppler("pdftotext", pdf).replace(/[ \t]+/g, " ");
/** The text in reading order (the content stream's), all on one line. */
const flat = (pdf: Buffer) => poppler("pdftotext", pdf, "-raw").replace(/\s+/g, " ");

interface Box {
  word: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Every word with its box on the page (pdftotext -bbox). */
function words(pdf: Buffer): Box[] {
  const html = poppler("pdftotext", pdf, "-bbox");
  return [
    ...html.matchAll(
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
    ),
  ].map((m) => ({
    x1: Number(m[1]),
    y1: Number(m[2]),
    x2: Number(m[3]),
    y2: Number(m[4]),
    word: m[5] ?? "",
  }));
}

describe("renderCertificate", () => {
  it("prints every name exactly, with an embedded Unicode font", async () => {
    for (const name of ["Zeynep Yıldız-Şahin Łukasiewicz", "Nguyễn Thị Minh Khai", "Åse Ærø-Østergaard"]) {
      const pdf = await renderCertificate({ ...input, employeeName: name });
      expect(text(pdf).normalize("NFC")).toContain(name);
    }
    const fonts = poppler("pdffonts", await renderCertificate(input));
    const rows = fonts.split("\n").slice(2).filter(Boolean);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row).toMatch(/DejaVuSans/);
      // Columns: name type encoding emb sub uni object ID; "yes" for embedded.
      expect(row.split(/\s+/).slice(-5, -4)[0]).toBe("yes");
    }
  });

  it("is a tagged PDF 1.7 with a Danish title", async () => {
    const info = poppler("pdfinfo", await renderCertificate(input));
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/PDF version:\s+1\.7/);
    expect(info).toMatch(/Title:\s+Kursusbevis – AI i Albertslund Kommune/);
    expect(info).toMatch(/Author:\s+Albertslund Kommune/);
    expect(info).toMatch(/Pages:\s+1/);
    const raw = (await renderCertificate(input, { compress: false })).toString("latin1");
    expect(raw).toContain("/Lang (da-DK)");
    expect(raw).toMatch(/\/StructTreeRoot/);
  });

  it("shows the person, the course, the last valid day and the verification code", async () => {
    const all = flat(await renderCertificate(input));
    expect(all).toContain("Kursusbevis");
    expect(all).toContain("Søren Ærø Åberg");
    expect(all).toContain("Medarbejdernr. 004711");
    expect(all).toContain("har gennemført kurset „AI i Albertslund Kommune“ (version 1.0)");
    expect(all).toContain("Gennemført den: 15. januar 2026");
    // Valid while before 15 January 2027: the last valid day is the 14th.
    expect(all).toContain("Gyldighed: til og med 14. januar 2027");
    expect(all).toContain("Gyldig til og med 14. januar 2027");
    expect(all).toContain("Kontrolkode ABCD-EFGH-JKMN-PQRS");
    expect(all).toContain("https://laering.albertslund.dk/bevis/ABCDEFGHJKMNPQRS");
    expect(all).toContain("Udstedt den 3. februar 2026 af Albertslund Kommune · IT & Digitalisering");
  });

  it("names the source of the completion", async () => {
    expect(flat(await renderCertificate({ ...input, source: "manual" }))).toContain("Registreret af HR");
    expect(flat(await renderCertificate({ ...input, source: "import" }))).toContain(
      "Registreret fra kursusleverandørens eksport",
    );
  });

  it("wraps a long name and title without any text overlapping, on one page", async () => {
    const pdf = await renderCertificate({
      ...input,
      employeeName: "Anne-Sofie Kristine Østergaard-Bækgaard Møller-Rasmussen Yıldız-Şahin Łukasiewicz",
      courseTitle: `${"Ansvarlig brug af kunstig intelligens og persondata ".repeat(4)}i kommunen`,
    });
    expect(poppler("pdfinfo", pdf)).toMatch(/Pages:\s+1/);
    expect(flat(pdf)).toContain("Łukasiewicz");
    const boxes = words(pdf);
    const overlapping = boxes.flatMap((a, i) =>
      boxes
        .slice(i + 1)
        .filter((b) => a.x1 < b.x2 - 0.5 && b.x1 < a.x2 - 0.5 && a.y1 < b.y2 - 0.5 && b.y1 < a.y2 - 0.5)
        .map((b) => `${a.word} / ${b.word}`),
    );
    expect(overlapping).toEqual([]);
  });
});
