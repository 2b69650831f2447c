import { describe, expect, it } from "vitest";
import { ImportFileError, readTable } from "./table";
import { ROSTER_CELLS, ROSTER_LINES, rosterVariants, utf8, xlsx } from "./test-fixtures";

async function readError(bytes: Uint8Array, fileName = "fil.csv"): Promise<ImportFileError> {
  const error = await readTable(bytes, fileName).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ImportFileError);
  return error as ImportFileError;
}

describe("readTable, CSV", () => {
  const [header = [], ...data] = ROSTER_CELLS.filter((cells) => cells.length > 0);
  const expectedRows = data.map((cells, i) => ({ line: ROSTER_LINES[i], cells }));

  it.each(rosterVariants())("reads the same table from $label", async (variant) => {
    const table = await readTable(variant.bytes, "medarbejdere.csv");
    expect(table).toEqual({
      headers: header,
      headerLine: 1,
      rows: expectedRows,
      encoding: variant.encoding,
      delimiter: variant.delimiter,
    });
  });

  it("numbers rows by the line they start on, after multi-line cells and blank lines", async () => {
    const text = [
      "Navn;Note", // 1
      'Anna;"en', // 2
      "", // 3 (inside the quoted cell)
      'to"', // 4
      "", // 5 blank
      "   ", // 6 blank with spaces
      'Bo;"a', // 7
      'b"', // 8
      "Carl;c", // 9
    ].join("\r\n");
    const table = await readTable(utf8(text), "noter.csv");
    expect(table.rows).toEqual([
      { line: 2, cells: ["Anna", "en\n\nto"] },
      { line: 7, cells: ["Bo", "a\nb"] },
      { line: 9, cells: ["Carl", "c"] },
    ]);
  });

  it("drops rows of empty cells and starts at the first non-empty row", async () => {
    const table = await readTable(utf8(";;\n\nNavn;Email;\nAnna;a@x.dk;\n;;\nBo;b@x.dk\n"), "x.csv");
    expect(table.headers).toEqual(["Navn", "Email"]);
    expect(table.headerLine).toBe(3);
    expect(table.rows).toEqual([
      { line: 4, cells: ["Anna", "a@x.dk", ""] },
      { line: 6, cells: ["Bo", "b@x.dk"] },
    ]);
  });

  it("keeps the line count in tab-separated files with whitespace-only rows", async () => {
    const table = await readTable(utf8("Navn\tEmail\n\t\nAnna\ta@x.dk\n"), "x.txt");
    expect(table.delimiter).toBe("\t");
    expect(table.rows).toEqual([{ line: 3, cells: ["Anna", "a@x.dk"] }]);
  });

  it("trims cells but keeps the inside of quoted cells", async () => {
    const table = await readTable(utf8('Navn ; Email\n  Anna  ;" a; b "\n'), "x.csv");
    expect(table.headers).toEqual(["Navn", "Email"]);
    expect(table.rows[0]?.cells).toEqual(["Anna", " a; b "]);
  });

  it("refuses empty files", async () => {
    expect((await readError(new Uint8Array())).message).toBe("Filen er tom.");
    expect((await readError(utf8(" \r\n\n"))).message).toBe("Filen er tom.");
    expect((await readError(utf8(";;;\n;;\n"))).message).toBe("Filen har ingen overskriftsrække.");
  });

  it("names the line where an unclosed quote begins", async () => {
    const error = await readError(utf8('Navn;Note\nAnna;ok\n\n\nBo;"aldrig lukket\nCarl;c\n'));
    expect(error.message).toBe(
      'Linje 5: et felt begynder med et citationstegn ("), som aldrig bliver afsluttet.',
    );
    expect(error.line).toBe(5);
  });

  it("names the line of text after a closing quote", async () => {
    const error = await readError(utf8('Navn;Note\nAnna;ok\nBo;"citat" og mere\n'));
    expect(error.message).toBe('Linje 3: der står tekst lige efter et afsluttende citationstegn (").');
  });

  it("names the line of a quote in the middle of a field", async () => {
    const error = await readError(utf8('Navn;Note\nAnna;ok\nBo;ok\nCarl;Carl "Calle"\n'));
    expect(error.message).toMatch(/^Linje 4: der står et citationstegn/);
  });

  it("refuses formats it cannot read, with a way out", async () => {
    expect((await readError(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1]), "gammel.xls")).message).toMatch(
      /gamle Excel-format \(\.xls\)/,
    );
    expect((await readError(new Uint8Array([0xff, 0xfe, 0x4e, 0x00]), "unicode.txt")).message).toMatch(
      /UTF-16/,
    );
    expect((await readError(utf8("Navn;Email\n"), "omdøbt.xlsx")).message).toMatch(
      /ikke en gyldig Excel-fil/,
    );
    expect((await readError(utf8("PK\x03\x04 ikke en zip"), "x.xlsx")).message).toMatch(
      /kan ikke læses som Excel-projektmappe/,
    );
  });
});

describe("readTable, XLSX", () => {
  const workbook = () =>
    xlsx((sheet) => {
      // Rows 1-2 are formatted but empty, as in many hand-made sheets; the header is row 3.
      sheet.getCell("A1").font = { bold: true };
      sheet.getRow(3).values = ["Medarbejdernr", "Navn", "Email", "Enhed", "Startdato", "Leder", "Score"];
      sheet.getRow(4).values = [
        1001,
        { richText: [{ text: "Søren " }, { text: "Ærø", font: { bold: true } }] },
        { text: "soren@albertslund.dk", hyperlink: "mailto:soren@albertslund.dk" },
        { formula: '"Børn"&" > Dagtilbud"', result: "Børn > Dagtilbud" },
        new Date(Date.UTC(2020, 1, 1)),
        true,
        0.87,
      ];
      sheet.getCell("G4").numFmt = "0%";
      sheet.getRow(6).values = [
        "1002",
        "Hansen, Åse\n(barsel)",
        "ase@albertslund.dk",
        "Børn > Sundhed",
        // A time late in the evening UTC must not move the day.
        new Date(Date.UTC(2021, 2, 15, 23, 30)),
        null,
        87.5,
      ];
    });

  const expected = {
    headers: ["Medarbejdernr", "Navn", "Email", "Enhed", "Startdato", "Leder", "Score"],
    headerLine: 3,
    rows: [
      {
        line: 4,
        cells: [
          "1001",
          "Søren Ærø",
          "soren@albertslund.dk",
          "Børn > Dagtilbud",
          "2020-02-01",
          "true",
          "87 %",
        ],
      },
      {
        line: 6,
        cells: [
          "1002",
          "Hansen, Åse\n(barsel)",
          "ase@albertslund.dk",
          "Børn > Sundhed",
          "2021-03-15",
          "",
          "87.5",
        ],
      },
    ],
    encoding: "xlsx",
    delimiter: undefined,
  };

  it("reads the first sheet as text cells numbered by Excel row", async () => {
    expect(await readTable(await workbook(), "medarbejdere.xlsx")).toEqual(expected);
  });

  it("recognises a workbook by its content, whatever the name", async () => {
    expect(await readTable(await workbook(), "medarbejdere.csv")).toEqual(expected);
  });

  it("refuses a workbook whose first sheet is empty", async () => {
    const empty = await xlsx(() => {});
    expect((await readError(empty, "tom.xlsx")).message).toBe("Filen er tom.");
  });
});
