import { describe, expect, it } from "vitest";
import { parseCompletions } from "./completions";
import { readTable } from "./table";
import { utf8 } from "./test-fixtures";

const COURSES = [
  { code: "ai", title: "AI i Albertslund Kommune", aliases: ["ai awareness"] },
  { code: "gdpr", title: "GDPR og databeskyttelse", aliases: [] },
];

const EMPLOYEES = {
  byNumber: new Map([
    ["1001", 1],
    ["1002", 2],
  ]),
  byEmail: new Map([
    ["anna@albertslund.dk", 1],
    ["bo@albertslund.dk", 2],
  ]),
};

const TODAY = "2026-02-03";

async function parse(lines: string[], courses = COURSES) {
  const table = await readTable(utf8(lines.join("\r\n")), "gennemfoerelser.csv");
  return parseCompletions(table, courses, EMPLOYEES, TODAY);
}

describe("parseCompletions", () => {
  it("matches courses by code, title or alias, whatever the case, spaces or hyphens", async () => {
    const result = await parse([
      "Email;Kursus;Gennemført;Score",
      "anna@albertslund.dk;GDPR;15-01-2026;87 %",
      "anna@albertslund.dk;AI;15-01-2026;",
      "Anna@Albertslund.dk;AI-Awareness;16-01-2026;",
      "bo@albertslund.dk;AI Awareness;2026-01-16T10:00:00;87,5",
      "bo@albertslund.dk;ai_awareness;17.01.2026;",
      "bo@albertslund.dk;ai i albertslund kommune;18/01/2026;",
      "bo@albertslund.dk;GDPR og Databeskyttelse;19-01-2026 13:45;100",
    ]);
    expect(result).toEqual({
      rows: [
        { line: 2, employeeId: 1, courseCode: "gdpr", completedOn: "2026-01-15", score: 87 },
        { line: 3, employeeId: 1, courseCode: "ai", completedOn: "2026-01-15", score: null },
        { line: 4, employeeId: 1, courseCode: "ai", completedOn: "2026-01-16", score: null },
        { line: 5, employeeId: 2, courseCode: "ai", completedOn: "2026-01-16", score: 88 },
        { line: 6, employeeId: 2, courseCode: "ai", completedOn: "2026-01-17", score: null },
        { line: 7, employeeId: 2, courseCode: "ai", completedOn: "2026-01-18", score: null },
        { line: 8, employeeId: 2, courseCode: "gdpr", completedOn: "2026-01-19", score: 100 },
      ],
      errors: [],
      moreErrors: 0,
      warnings: [],
      ignoredColumns: [],
    });
  });

  it("never lets an alias take over another course's code", async () => {
    const courses = [
      { code: "ai", title: "AI i Albertslund Kommune", aliases: [] },
      { code: "gdpr", title: "GDPR og databeskyttelse", aliases: ["AI"] },
    ];
    const result = await parse(["Email;Course;Completed", "anna@albertslund.dk;ai;15-01-2026"], courses);
    expect(result.rows.map((row) => row.courseCode)).toEqual(["ai"]);
  });

  it("reports every problem with its line", async () => {
    const result = await parse([
      "Email;Kursus;Gennemført;Score", // 1
      "anna@albertslund.dk;GDPR;15-01-2026;90", // 2
      ";GDPR;15-01-2026;", // 3
      "anna@albertslund.dk;;15-01-2026;", // 4
      "x@y.dk;GDPR;15-01-2026;", // 5
      "anna@albertslund.dk;Brandøvelse;15-01-2026;", // 6
      "anna@albertslund.dk;GDPR;31-02-2025;", // 7
      "anna@albertslund.dk;GDPR;04-02-2026;", // 8
      "anna@albertslund.dk;AI;03-02-2026;101", // 9
      "anna@albertslund.dk;AI;03-02-2026;godt", // 10
      "anna@albertslund.dk;GDPR;;", // 11
      "bo@albertslund.dk;AI;03-02-2026;", // 12: today is not the future
      "ukendt@albertslund.dk;Førstehjælp;i går;", // 13
    ]);
    expect(result.errors).toEqual([
      { line: 3, message: "Linje 3: e-mail mangler" },
      { line: 4, message: "Linje 4: kursus mangler" },
      { line: 5, message: "Linje 5: ingen medarbejder med e-mailen x@y.dk" },
      { line: 6, message: "Linje 6: kurset 'Brandøvelse' kendes ikke" },
      { line: 7, message: "Linje 7: ugyldig gennemførelsesdato '31-02-2025'" },
      { line: 8, message: "Linje 8: gennemførelsesdatoen '04-02-2026' ligger i fremtiden" },
      { line: 9, message: "Linje 9: ugyldig score '101' (skal være et tal fra 0 til 100)" },
      { line: 10, message: "Linje 10: ugyldig score 'godt' (skal være et tal fra 0 til 100)" },
      { line: 11, message: "Linje 11: gennemførelsesdato mangler" },
      { line: 13, message: "Linje 13: ingen medarbejder med e-mailen ukendt@albertslund.dk" },
      { line: 13, message: "Linje 13: kurset 'Førstehjælp' kendes ikke" },
      { line: 13, message: "Linje 13: ugyldig gennemførelsesdato 'i går'" },
    ]);
    expect(result.rows.map((row) => row.line)).toEqual([2, 12]);
  });

  it("counts the same completion once and warns about the repeat", async () => {
    const result = await parse([
      "Medarbejdernr;Kursus;Dato", // 1
      "1001;AI;15-01-2026", // 2
      "1001;GDPR;15-01-2026", // 3
      "1001;GDPR;16-01-2026", // 4: another day
      "1002;GDPR;15-01-2026", // 5: another employee
      "1001;AI;15-01-2026", // 6
      "", // 7
      "", // 8
      "1001;gdpr og databeskyttelse;2026-01-15", // 9
    ]);
    expect(result.errors).toEqual([]);
    expect(result.rows.map((row) => row.line)).toEqual([2, 3, 4, 5]);
    expect(result.warnings).toEqual([
      "Linje 6 er den samme gennemførelse som linje 2 og tælles én gang.",
      "Linje 9 er den samme gennemførelse som linje 3 og tælles én gang.",
    ]);
  });

  it("prefers the employee number to the e-mail and falls back to the e-mail", async () => {
    const result = await parse([
      "Medarbejdernr;Email;Course;Completion date",
      "1002;anna@albertslund.dk;GDPR;15-01-2026",
      ";anna@albertslund.dk;GDPR;15-01-2026",
      "9999;bo@albertslund.dk;GDPR;15-01-2026",
      ";;GDPR;15-01-2026",
    ]);
    expect(result.rows.map((row) => [row.line, row.employeeId])).toEqual([
      [2, 2],
      [3, 1],
    ]);
    expect(result.errors.map((e) => e.message)).toEqual([
      "Linje 4: ingen medarbejder med medarbejdernummeret 9999",
      "Linje 5: medarbejdernummer mangler",
    ]);
  });

  it("reports missing columns on the header line and ignores unknown ones", async () => {
    const result = await parse(["Navn;Kursus;Afdeling", "Anna;GDPR;Børn"]);
    expect(result).toEqual({
      rows: [],
      errors: [
        {
          line: 1,
          message:
            "Linje 1: kolonnen Email eller Medarbejdernr mangler (fundne kolonner: Navn, Kursus, Afdeling)",
        },
        {
          line: 1,
          message: "Linje 1: kolonnen Gennemført mangler (fundne kolonner: Navn, Kursus, Afdeling)",
        },
      ],
      moreErrors: 0,
      warnings: ["Kolonnerne Navn, Afdeling blev ignoreret og er ikke gemt."],
      ignoredColumns: ["Navn", "Afdeling"],
    });
  });

  it("accepts the score column under its other names, or none at all", async () => {
    for (const header of ["Point", "Resultat"]) {
      const result = await parse([
        `Email;Kursusnavn;Gennemført dato;${header}`,
        "bo@albertslund.dk;GDPR;1-2-2026;75",
      ]);
      expect(result.rows[0]?.score).toBe(75);
    }
    const result = await parse(["Email;Kursus;Gennemført", "bo@albertslund.dk;GDPR;1-2-2026"]);
    expect(result.rows[0]?.score).toBeNull();
  });
});
