import { describe, expect, it } from "vitest";
import { parseRoster, type RosterRow } from "./roster";
import { readTable } from "./table";
import { rosterVariants, utf8, xlsx } from "./test-fixtures";

const csv = async (text: string) => readTable(utf8(text), "medarbejdere.csv");

const ROSTER: RosterRow[] = [
  {
    line: 2,
    employeeNumber: "1001",
    name: "Søren Ærø",
    email: "soren@albertslund.dk",
    unitPath: ["Børn", "Dagtilbud"],
    startDate: "2020-02-01",
    endDate: null,
    isManager: true,
  },
  {
    line: 3,
    employeeNumber: "1002",
    name: "Hansen, Åse; Bo\t(barsel)\nanden linje",
    email: "ase@albertslund.dk",
    unitPath: ["Børn", "Sundhed"],
    startDate: "2021-03-15",
    endDate: null,
    isManager: false,
  },
  {
    line: 6,
    employeeNumber: "1003",
    name: "Per €uro – Ny",
    email: "per@albertslund.dk",
    unitPath: ["Teknik"],
    startDate: "2022-01-01",
    endDate: null,
    isManager: false,
  },
];

describe("parseRoster", () => {
  it.each(rosterVariants())("parses the roster from $label", async (variant) => {
    const result = parseRoster(await readTable(variant.bytes, "medarbejdere.csv"));
    expect(result).toEqual({ rows: ROSTER, errors: [], moreErrors: 0, warnings: [], ignoredColumns: [] });
  });

  it("parses the same roster from Excel, with number and date cells", async () => {
    const bytes = await xlsx((sheet) => {
      sheet.getRow(1).values = ["Medarbejdernr", "Navn", "Email", "Enhed", "Startdato", "Leder"];
      sheet.getRow(2).values = [
        1001,
        "Søren Ærø",
        "Soren@Albertslund.dk",
        "Børn > Dagtilbud",
        new Date(Date.UTC(2020, 1, 1)),
        true,
      ];
      sheet.getRow(3).values = [
        1002,
        "Hansen, Åse; Bo\t(barsel)\nanden linje",
        "ase@albertslund.dk",
        "Børn>Sundhed",
        new Date(Date.UTC(2021, 2, 15)),
        null,
      ];
      sheet.getRow(6).values = [
        "1003",
        "Per €uro – Ny",
        "per@albertslund.dk",
        "Teknik",
        new Date(Date.UTC(2022, 0, 1)),
        "Nej",
      ];
    });
    expect(parseRoster(await readTable(bytes, "medarbejdere.xlsx")).rows).toEqual(ROSTER);
  });

  it("finds English headers in any order", async () => {
    const table = await csv(
      "Work email,Start date,Name,Unit,employee_number,End date,Manager\n" +
        "Soren@Albertslund.dk,2020-02-01,Søren Ærø,Børn > Dagtilbud,1001,31-12-2025,yes\n",
    );
    expect(parseRoster(table)).toEqual({
      rows: [{ ...ROSTER[0], endDate: "2025-12-31" }],
      errors: [],
      moreErrors: 0,
      warnings: [],
      ignoredColumns: [],
    });
  });

  it("accepts the other header spellings", async () => {
    const table = await csv(
      "Er leder;Fratrådt;Ansættelsesdato;Org. enhed;E-MAIL;Fulde navn;EmployeeId\n" +
        "x;;1.2.2020;Børn > Dagtilbud;soren@albertslund.dk;Søren Ærø;1001\n",
    );
    const result = parseRoster(table);
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual([ROSTER[0]]);
  });

  it("drops CPR and salary columns unread and says so without their values", async () => {
    const table = await csv(
      "Medarbejdernr;CPR;Navn;Email;Enhed;Startdato;Løn\n" +
        "1001;010190-1234;Søren Ærø;soren@albertslund.dk;Børn > Dagtilbud;01-02-2020;45678\n",
    );
    const result = parseRoster(table);
    expect(result.ignoredColumns).toEqual(["CPR", "Løn"]);
    expect(result.warnings).toEqual(["Kolonnerne CPR, Løn blev ignoreret og er ikke gemt."]);
    expect(result.rows).toEqual([{ ...ROSTER[0], isManager: false }]);
    const everything = JSON.stringify(result);
    expect(everything).not.toContain("010190");
    expect(everything).not.toContain("45678");
  });

  it("words the warning for a single ignored column", async () => {
    const table = await csv("Medarbejdernr;Navn;Email;Enhed;Startdato;CPR\n");
    expect(parseRoster(table).warnings).toEqual(["Kolonnen CPR blev ignoreret og er ikke gemt."]);
  });

  it("reports each missing required column once, on the header line", async () => {
    const result = parseRoster(
      await csv("Navn;Email;Enhed;Startdato\nAnna;a@albertslund.dk;Børn;01-01-2020\n"),
    );
    expect(result).toEqual({
      rows: [],
      errors: [
        {
          line: 1,
          message: "Linje 1: kolonnen Medarbejdernr mangler (fundne kolonner: Navn, Email, Enhed, Startdato)",
        },
      ],
      moreErrors: 0,
      warnings: [],
      ignoredColumns: [],
    });
    expect(parseRoster(await csv("CPR;Navn\n")).errors.map((e) => e.message)).toEqual([
      "Linje 1: kolonnen Medarbejdernr mangler (fundne kolonner: CPR, Navn)",
      "Linje 1: kolonnen Email mangler (fundne kolonner: CPR, Navn)",
      "Linje 1: kolonnen Enhed mangler (fundne kolonner: CPR, Navn)",
      "Linje 1: kolonnen Startdato mangler (fundne kolonner: CPR, Navn)",
    ]);
  });

  it("refuses two columns for the same field", async () => {
    const result = parseRoster(await csv("Medarbejdernr;Navn;Email;Enhed;Startdato;Arbejdsmail\n"));
    expect(result.errors.map((e) => e.message)).toEqual([
      "Linje 1: kolonnerne Email og Arbejdsmail betyder det samme – behold kun én af dem",
    ]);
  });

  it("reports every problem in every row with its line", async () => {
    const text = [
      "Medarbejdernr;Navn;Email;Enhed;Startdato;Fratrædelsesdato;Leder", // 1
      "1001;Anna;anna@albertslund.dk;Børn;01-02-2020;;ja", // 2
      ";Bo;bo@albertslund.dk;Børn;01-02-2020;;", // 3
      "1003;;c@albertslund.dk;Børn;01-02-2020;;", // 4
      "1004;Dina;ikke-en-mail;Børn;01-02-2020;;", // 5
      "1005;Eva;eva@albertslund.dk; > ;01-02-2020;;", // 6
      "1006;Finn;finn@albertslund.dk;Børn;31-02-2025;;", // 7
      "1007;Gitte;gitte@albertslund.dk;Børn;01-02-2020;32-01-2024;", // 8
      "1008;Hans;hans@albertslund.dk;Børn;01-02-2020;31-01-2020;", // 9
      "1009;Ida;ida@albertslund.dk;Børn;01-02-2020;;måske", // 10
      "1001;Jens;jens@albertslund.dk;Børn;01-02-2020;;", // 11
      "1011;Karl;ANNA@Albertslund.dk;Børn;01-02-2020;;", // 12
      "1012;Lis;lis@albertslund.dk;Børn;;;", // 13
      "1013;;;;;;", // 14
      "1014;Mads;mads@albertslund.dk;Børn;01-02-2020;01-02-2020;nej", // 15, leaves the day he starts
    ].join("\n");
    const result = parseRoster(await csv(text));
    expect(result.errors).toEqual([
      { line: 3, message: "Linje 3: medarbejdernummer mangler" },
      { line: 4, message: "Linje 4: navn mangler" },
      { line: 5, message: "Linje 5: ugyldig e-mail 'ikke-en-mail'" },
      { line: 6, message: "Linje 6: enhed mangler" },
      { line: 7, message: "Linje 7: ugyldig startdato '31-02-2025'" },
      { line: 8, message: "Linje 8: ugyldig fratrædelsesdato '32-01-2024'" },
      { line: 9, message: "Linje 9: fratrædelsesdatoen '31-01-2020' ligger før startdatoen '01-02-2020'" },
      { line: 10, message: "Linje 10: ugyldig værdi 'måske' i kolonnen Leder (skriv ja eller nej)" },
      { line: 11, message: "Linje 11: medarbejdernummeret 1001 står også på linje 2" },
      { line: 12, message: "Linje 12: e-mailen anna@albertslund.dk står også på linje 2" },
      { line: 13, message: "Linje 13: startdato mangler" },
      { line: 14, message: "Linje 14: navn mangler" },
      { line: 14, message: "Linje 14: e-mail mangler" },
      { line: 14, message: "Linje 14: enhed mangler" },
      { line: 14, message: "Linje 14: startdato mangler" },
    ]);
    expect(result.rows.map((row) => [row.line, row.employeeNumber, row.endDate])).toEqual([
      [2, "1001", null],
      [15, "1014", "2020-02-01"],
    ]);
  });

  it("reads the manager column's yes and no values", async () => {
    const values = ["ja", "Nej", "x", "", "1", "0", "TRUE", "yes", "no", "FALSK"];
    const lines = values.map((value, i) => `${1000 + i};N;n${i}@albertslund.dk;Børn;01-02-2020;${value}`);
    const result = parseRoster(
      await csv(["Medarbejdernr;Navn;Email;Enhed;Startdato;Leder", ...lines].join("\n")),
    );
    expect(result.errors).toEqual([]);
    expect(result.rows.map((row) => row.isManager)).toEqual([
      true,
      false,
      true,
      false,
      true,
      false,
      true,
      true,
      false,
      false,
    ]);
  });

  it("treats everyone as a non-manager when there is no manager column", async () => {
    const result = parseRoster(
      await csv("Medarbejdernr;Navn;Email;Enhed;Startdato\n1;A;a@albertslund.dk;B;01-01-2020\n"),
    );
    expect(result.rows[0]?.isManager).toBe(false);
  });

  it("trims every value, also when given an untrimmed table", () => {
    const result = parseRoster({
      headers: [" Medarbejdernr ", "Navn", "Email", "Enhed", "Startdato"],
      rows: [
        {
          line: 2,
          cells: [" 1001 ", "  Søren Ærø ", " SOREN@albertslund.dk ", " Børn >  Dagtilbud ", " 1-2-2020 "],
        },
      ],
    });
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual([{ ...ROSTER[0], isManager: false }]);
  });
});
