import { PassThrough, Writable } from "node:stream";
import { buffer } from "node:stream/consumers";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import {
  EXPORT_COLUMNS,
  type ExportMeta,
  type ExportRow,
  neutralizeCell,
  writeCsv,
  writeXlsx,
} from "./export-writers.server";
import { type UnitSummaryRow, unitSummaryTable } from "./unit-summary";

const HEADER_LINE = "Medarbejdernr;Navn;E-mail;Enhed;Kursus;Status;Frist;Gyldig til og med;Senest gennemført";

const meta: ExportMeta = {
  title: "Status for AI og GDPR",
  scope: "Børn, Sundhed & Velfærd",
  asOf: "2026-02-03",
  filters: "Kursus: GDPR",
};

function exportRow(overrides: Partial<ExportRow> = {}): ExportRow {
  return {
    employeeNumber: "004711",
    name: "Søren Ærø Åberg",
    email: "soren.aberg@albertslund.dk",
    unitPath: "Børn, Sundhed & Velfærd > Børn & Familie > Familierådgivningen",
    course: "GDPR",
    status: "Gennemført",
    due: null,
    validThrough: "2026-01-14",
    lastCompleted: "2025-01-15",
    ...overrides,
  };
}

function* generatedRows(count: number): Generator<ExportRow> {
  for (let i = 0; i < count; i++) {
    yield exportRow({ employeeNumber: String(100000 + i), email: `medarbejder${i}@albertslund.dk` });
  }
}

/** Runs a writer against a PassThrough and collects everything it wrote. */
async function capture(write: (out: Writable) => Promise<number>): Promise<{ count: number; bytes: Buffer }> {
  const out = new PassThrough();
  const [count, bytes] = await Promise.all([write(out), buffer(out)]);
  return { count, bytes };
}

function parseCsv(bytes: Buffer): string[][] {
  return parse(bytes, { bom: true, delimiter: ";" }) as string[][];
}

async function loadSheet(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  expect(workbook.worksheets).toHaveLength(1);
  const sheet = workbook.getWorksheet("Rapport");
  if (!sheet) throw new Error("The worksheet Rapport is missing");
  return sheet;
}

/** The values of a sheet row without exceljs' empty slot 0. */
function rowValues(sheet: ExcelJS.Worksheet, rowNumber: number): unknown[] {
  return (sheet.getRow(rowNumber).values as unknown[]).slice(1);
}

const DANGEROUS = ['=HYPERLINK("http://x")', "+1", "-2+3", "@SUM(A1)", "\tx", "\rx", "\nx", '=1;"2"'];

/** One row per dangerous name, one where every other text cell is dangerous, and a safe one with ; and ". */
const injectionRows: ExportRow[] = [
  ...DANGEROUS.map((name) => exportRow({ name })),
  exportRow({
    employeeNumber: "-17",
    email: "@evil",
    unitPath: "+Enhed",
    course: "=Kursus",
    status: "-Mangler",
  }),
  exportRow({ name: 'Jensen; "Bo"' }),
];

describe("neutralizeCell", () => {
  it.each(["=1+1", "+45 12345678", "-2+3", "@SUM(A1)", "\tx", "\rx", "\nx"])(
    "prefixes %j with '",
    (value) => {
      expect(neutralizeCell(value)).toBe(`'${value}`);
    },
  );

  it.each(["", "Søren Ærø Åberg", "Anne-Marie", "a=b", "004711", 'Jensen; "Bo"', "'=1"])(
    "leaves %j unchanged",
    (value) => {
      expect(neutralizeCell(value)).toBe(value);
    },
  );

  it("prefixes only once when applied twice", () => {
    expect(neutralizeCell(neutralizeCell("=1"))).toBe("'=1");
  });
});

describe("writeCsv", () => {
  it("writes UTF-8 with BOM, ; separators, CRLF lines and dd-mm-yyyy dates that Danish Excel reads", async () => {
    const rows = [
      exportRow(),
      exportRow({
        employeeNumber: "000042",
        status: "Mangler",
        due: "2026-03-01",
        validThrough: null,
        lastCompleted: null,
      }),
    ];
    const { count, bytes } = await capture((out) => writeCsv(rows, out));

    expect(count).toBe(2);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString("utf8");
    expect(text.split("\r\n")[0]).toBe(HEADER_LINE);
    expect(EXPORT_COLUMNS.join(";")).toBe(HEADER_LINE);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replaceAll("\r\n", "")).not.toMatch(/[\r\n]/);
    expect(text.split("\r\n")).toHaveLength(4); // header, two rows, and the empty rest after the last CRLF

    expect(parseCsv(bytes)).toEqual([
      [...EXPORT_COLUMNS],
      [
        "004711",
        "Søren Ærø Åberg",
        "soren.aberg@albertslund.dk",
        "Børn, Sundhed & Velfærd > Børn & Familie > Familierådgivningen",
        "GDPR",
        "Gennemført",
        "",
        "14-01-2026",
        "15-01-2025",
      ],
      [
        "000042",
        "Søren Ærø Åberg",
        "soren.aberg@albertslund.dk",
        "Børn, Sundhed & Velfærd > Børn & Familie > Familierådgivningen",
        "GDPR",
        "Mangler",
        "01-03-2026",
        "",
        "",
      ],
    ]);
  });

  it("neutralises formula injection in every text cell and keeps embedded ; and quotes intact", async () => {
    const { count, bytes } = await capture((out) => writeCsv(injectionRows, out));
    expect(count).toBe(injectionRows.length);

    const [header, ...records] = parseCsv(bytes);
    expect(header).toEqual([...EXPORT_COLUMNS]);
    expect(records).toHaveLength(injectionRows.length);
    // Excel ends a row at a lone CR or LF, so such fields must be quoted, not just survive csv-parse.
    const text = bytes.toString("utf8");
    expect(text).toContain(`;"'\rx";`);
    expect(text).toContain(`;"'\nx";`);
    DANGEROUS.forEach((name, i) => {
      expect(records[i]?.[1]).toBe(`'${name}`);
    });
    expect(records[DANGEROUS.length]?.slice(0, 6)).toEqual([
      "'-17",
      "Søren Ærø Åberg",
      "'@evil",
      "'+Enhed",
      "'=Kursus",
      "'-Mangler",
    ]);
    // A safe value is left alone, separators and quotes included.
    expect(records[DANGEROUS.length + 1]?.[1]).toBe('Jensen; "Bo"');
  });

  it("writes just the header for no rows, and counts rows from an async source", async () => {
    const empty = await capture((out) => writeCsv([], out));
    expect(empty.count).toBe(0);
    expect(empty.bytes.toString("utf8")).toBe(`\uFEFF${HEADER_LINE}\r\n`);

    async function* three() {
      yield* generatedRows(3);
    }
    const { count, bytes } = await capture((out) => writeCsv(three(), out));
    expect(count).toBe(3);
    expect(parseCsv(bytes)).toHaveLength(4);
  });

  it("rejects a date that is not an ISO day", async () => {
    await expect(capture((out) => writeCsv([exportRow({ due: "15-01-2026" })], out))).rejects.toThrow(
      "Ugyldig dato: 15-01-2026",
    );
  });
});

describe("writeXlsx", () => {
  it("writes a title block, a bold frozen header with a filter, and real dates", async () => {
    const rows = [
      exportRow(),
      exportRow({
        employeeNumber: "000042",
        status: "Mangler",
        due: "2026-03-01",
        validThrough: null,
        lastCompleted: null,
      }),
    ];
    const { count, bytes } = await capture((out) => writeXlsx(rows, meta, out));
    expect(count).toBe(2);

    const sheet = await loadSheet(bytes);
    expect(sheet.getCell("A1").value).toBe("Status for AI og GDPR");
    expect(sheet.getCell("A1").font?.bold).toBe(true);
    expect(sheet.getCell("A2").value).toBe("Omfang: Børn, Sundhed & Velfærd");
    expect(sheet.getCell("A3").value).toBe("Pr. 03-02-2026");
    expect(sheet.getCell("A4").value).toBe("Filtre: Kursus: GDPR");
    expect(sheet.getRow(5).hasValues).toBe(false);

    expect(rowValues(sheet, 6)).toEqual([...EXPORT_COLUMNS]);
    expect(sheet.getCell("A6").font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 6 });
    expect(sheet.autoFilter).toBe("A6:I8");
    expect(sheet.rowCount).toBe(8);

    // Text stays text: employee numbers keep their leading zeros.
    expect(sheet.getCell("A7").value).toBe("004711");
    expect(sheet.getCell("A7").type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell("B7").value).toBe("Søren Ærø Åberg");
    expect(sheet.getCell("D7").value).toBe("Børn, Sundhed & Velfærd > Børn & Familie > Familierådgivningen");

    expect(sheet.getCell("G7").type).toBe(ExcelJS.ValueType.Null);
    const validThrough = sheet.getCell("H7");
    expect(validThrough.type).toBe(ExcelJS.ValueType.Date);
    expect((validThrough.value as Date).toISOString()).toBe("2026-01-14T00:00:00.000Z");
    // Dates as the pages write them.
    expect(validThrough.numFmt).toBe("dd.mm.yyyy");
    expect((sheet.getCell("I7").value as Date).toISOString()).toBe("2025-01-15T00:00:00.000Z");
    expect((sheet.getCell("G8").value as Date).toISOString()).toBe("2026-03-01T00:00:00.000Z");
    expect(sheet.getCell("I8").type).toBe(ExcelJS.ValueType.Null);

    // Every cell is a string or a date, and none is a formula.
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        expect(cell.formula).toBeUndefined();
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        expect([ExcelJS.ValueType.String, ExcelJS.ValueType.Date]).toContain(cell.type);
      });
    });
  });

  it("keeps every name as it is: XLSX cells are typed text, never computed, so no formula guard", async () => {
    const dangerousMeta = { ...meta, title: '=HYPERLINK("http://x")', filters: "=1" };
    const { count, bytes } = await capture((out) => writeXlsx(injectionRows, dangerousMeta, out));
    expect(count).toBe(injectionRows.length);

    const sheet = await loadSheet(bytes);
    expect(sheet.getCell("A1").value).toBe('=HYPERLINK("http://x")');
    DANGEROUS.forEach((name, i) => {
      // XML turns a stored \r into \n when the file is read (Excel does the same).
      expect(sheet.getCell(7 + i, 2).value).toBe(name.replaceAll("\r", "\n"));
    });
    expect(rowValues(sheet, 7 + DANGEROUS.length).slice(0, 6)).toEqual([
      "-17",
      "Søren Ærø Åberg",
      "@evil",
      "+Enhed",
      "=Kursus",
      "-Mangler",
    ]);
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        expect(cell.formula).toBeUndefined();
      });
    });
  });

  it("prints on A4 landscape, one page wide, the header row repeated, page numbers, and a filter LibreOffice keeps", async () => {
    const rows = [exportRow({ name: "-Mette Brøndum" }), exportRow({ name: "+45 Jens Nielsen" })];
    const { bytes } = await capture((out) =>
      writeXlsx(rows, { ...meta, title: "Hvem mangler? Børn & Familie" }, out),
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
    expect(workbook.creator).toBe("Albertslund Kommune");
    expect(workbook.title).toBe("Hvem mangler? Børn & Familie");
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error("no sheet");
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "6:6",
    });
    expect(sheet.headerFooter.oddFooter).toContain("Side &P af &N");
    expect(sheet.getCell("B7").value).toBe("-Mette Brøndum");
    expect(sheet.getCell("B8").value).toBe("+45 Jens Nielsen");
    // The hidden defined name LibreOffice needs to keep the autofilter (exceljs does not read "hidden").
    const zip = await JSZip.loadAsync(bytes);
    const book = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
    expect(book).toContain(
      `<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">Rapport!$A$6:$I$8</definedName>`,
    );
    expect(book).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;Rapport&apos;!$6:$6</definedName>`,
    );
    const sheetXml = (await zip.file("xl/worksheets/sheet1.xml")?.async("string")) ?? "";
    expect(sheetXml).toContain('<pageSetUpPr fitToPage="1"/>');
  });

  it("writes the title block and header for no rows", async () => {
    const { count, bytes } = await capture((out) => writeXlsx([], meta, out));
    expect(count).toBe(0);

    const sheet = await loadSheet(bytes);
    expect(sheet.getCell("A1").value).toBe(meta.title);
    expect(rowValues(sheet, 6)).toEqual([...EXPORT_COLUMNS]);
    expect(sheet.rowCount).toBe(6);
    expect(sheet.autoFilter).toBe("A6:I6");
  });
});

// ---------------------------------------------------------------------------------------------
// Streaming

/** A Writable that only counts what it gets. */
function countingSink(): { out: Writable; bytes: () => number; newlines: () => number } {
  let bytes = 0;
  let newlines = 0;
  const out = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      for (const byte of chunk) if (byte === 0x0a) newlines++;
      callback();
    },
  });
  return { out, bytes: () => bytes, newlines: () => newlines };
}

/** A Writable that accepts nothing until released, like a download whose reader has stopped. */
function stalledSink(): { out: Writable; release: () => void } {
  let released = false;
  let pending: (() => void) | undefined;
  const out = new Writable({
    write(_chunk, _encoding, callback) {
      if (released) callback();
      else pending = callback;
    },
  });
  return {
    out,
    release: () => {
      released = true;
      pending?.();
    },
  };
}

/** Rows counted as they are pulled from the source. */
function countedRows(count: number): { rows: Generator<ExportRow>; pulled: () => number } {
  let pulled = 0;
  function* rows() {
    for (const row of generatedRows(count)) {
      pulled++;
      yield row;
    }
  }
  return { rows: rows(), pulled: () => pulled };
}

const WRITERS: [string, (rows: Iterable<ExportRow>, out: Writable) => Promise<number>][] = [
  ["writeCsv", (rows, out) => writeCsv(rows, out)],
  ["writeXlsx", (rows, out) => writeXlsx(rows, meta, out)],
];

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until the writer stops pulling rows (or has pulled them all) and returns how many it pulled. */
async function stalledAt(pulled: () => number): Promise<number> {
  let previous = -1;
  while (pulled() !== previous) {
    previous = pulled();
    await pause(100);
  }
  return previous;
}

describe("streaming", () => {
  it("streams 50,000 CSV rows", async () => {
    const sink = countingSink();
    expect(await writeCsv(generatedRows(50_000), sink.out)).toBe(50_000);
    expect(sink.newlines()).toBe(50_001);
    expect(sink.bytes()).toBeGreaterThan(50_000 * 100);
  });

  it("streams 20,000 XLSX rows", async () => {
    const sink = countingSink();
    expect(await writeXlsx(generatedRows(20_000), meta, sink.out)).toBe(20_000);
    expect(sink.bytes()).toBeGreaterThan(100_000);
  });

  // Backpressure: when the reader stops, the writer must stop pulling rows instead of buffering them.
  it.each(WRITERS)(
    "%s stops pulling rows while the reader is stalled, and goes on when it reads again",
    async (_, write) => {
      const total = 5_000;
      const source = countedRows(total);
      const sink = stalledSink();
      const done = write(source.rows, sink.out);

      const pulledWhileStalled = await stalledAt(source.pulled);
      await pause(100);
      expect(source.pulled()).toBe(pulledWhileStalled);
      expect(pulledWhileStalled).toBeLessThan(total / 2);

      sink.release();
      expect(await done).toBe(total);
      expect(source.pulled()).toBe(total);
    },
  );

  it.each(WRITERS)("%s rejects instead of hanging when the reader goes away", async (_, write) => {
    const total = 5_000;
    const source = countedRows(total);
    const sink = stalledSink();
    const done = write(source.rows, sink.out);
    await stalledAt(source.pulled);
    sink.out.destroy();
    await expect(done).rejects.toThrow();
    expect(source.pulled()).toBeLessThan(total);
  });
});

describe("a table other than the people list (the per-unit summary)", () => {
  // Ten courses and the two AI super-user columns make 34 columns, so the filter range must run past column Z to AH.
  const courses = Array.from({ length: 10 }, (_, i) => ({ title: `Kursus ${i + 1}` }));
  const table = unitSummaryTable(courses);
  const row: UnitSummaryRow = {
    unitPath: "=Område > Afdeling",
    headcount: 8,
    courses: courses.map((_, i) => ({ completed: 7, notCompleted: 1, share: i === 0 ? 0.875 : null })),
  };

  it("writes counts as numbers and shares in per cent with a decimal comma in CSV", async () => {
    const { count, bytes } = await capture((out) => writeCsv([row], out, table));
    expect(count).toBe(1);
    const [header, line] = parseCsv(bytes);
    expect(header?.slice(0, 5)).toEqual([
      "Enhed",
      "Antal medarbejdere",
      "Kursus 1: Gennemført",
      "Kursus 1: Ikke gennemført",
      "Kursus 1: Andel gennemført",
    ]);
    expect(line?.slice(0, 8)).toEqual(["'=Område > Afdeling", "8", "7", "1", "87,5 %", "7", "1", ""]);
  });

  it("writes typed numbers and a per-cent format in XLSX, with the filter over every column", async () => {
    const { bytes } = await capture((out) => writeXlsx([row], meta, out, table));
    const sheet = await loadSheet(bytes);
    expect(rowValues(sheet, 7).slice(0, 5)).toEqual(["=Område > Afdeling", 8, 7, 1, 0.875]);
    expect(sheet.getRow(7).getCell(5).numFmt).toBe("0.0%");
    const zip = await JSZip.loadAsync(bytes);
    expect(await zip.file("xl/workbook.xml")?.async("string")).toContain("Rapport!$A$6:$AH$7");
  });
});
