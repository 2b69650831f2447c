// Reads an uploaded CSV/TXT or XLSX file into a header row plus data rows of trimmed text cells,
// each row with the line (or Excel row) number the user sees, so every later error can point at it.
// Pure apart from parsing: no database, no file system.
import { CsvError } from "csv-parse";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { decodeText, detectDelimiter, isXlsx } from "./decode";
import {
  LIMIT_TEXT,
  MAX_CELL_CHARS,
  MAX_IMPORT_COLUMNS,
  MAX_IMPORT_ROWS,
  MAX_LINE_CHARS,
  MAX_XLSX_INFLATED_BYTES,
} from "./limits";

export interface TableRow {
  line: number;
  cells: string[];
}

export interface Table {
  headers: string[];
  /** The line (CSV) or row number (XLSX) of the header row; 1 unless blank lines come first. */
  headerLine: number;
  rows: TableRow[];
  encoding: string;
  delimiter?: string;
}

/** A file that cannot be read as a table at all. The message is Danish and meant for the user. */
export class ImportFileError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = "ImportFileError";
  }
}

export async function readTable(bytes: Uint8Array, fileName: string): Promise<Table> {
  if (bytes.length === 0) throw new ImportFileError("Filen er tom.");
  // Decide by content, not by name: users rename files, and browsers send what they are given.
  if (isXlsx(bytes)) return readXlsx(bytes);
  rejectUnreadableFormats(bytes, fileName);
  return readCsv(bytes);
}

function rejectUnreadableFormats(bytes: Uint8Array, fileName: string): void {
  const starts = (...magic: number[]) => magic.every((byte, i) => bytes[i] === byte);
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) {
    throw new ImportFileError(
      "Filen er i det gamle Excel-format (.xls). Gem den som Excel-projektmappe (.xlsx) eller som CSV, og prøv igen.",
    );
  }
  if (starts(0xff, 0xfe) || starts(0xfe, 0xff)) {
    throw new ImportFileError(
      "Filen er gemt som Unicode-tekst (UTF-16). Gem den som 'CSV UTF-8' eller som Excel-projektmappe (.xlsx), og prøv igen.",
    );
  }
  if (/\.xlsx$/i.test(fileName)) {
    throw new ImportFileError("Filen hedder .xlsx, men er ikke en gyldig Excel-fil. Gem den igen fra Excel.");
  }
}

const isEmptyRow = (cells: string[]) => cells.every((cell) => cell === "");

/**
 * The first non-empty row is the header. Rows with only empty cells are dropped everywhere:
 * Excel writes them for formatted but unused rows, and ";;;" lines are their CSV echo.
 */
function toTable(rows: TableRow[], encoding: string, delimiter?: string): Table {
  const filled = rows.filter((row) => !isEmptyRow(row.cells));
  const header = filled[0];
  if (!header) throw new ImportFileError("Filen har ingen overskriftsrække.");
  // Trailing empty header cells are just the width of the widest row, not columns.
  const headers = [...header.cells];
  while (headers.length > 0 && headers[headers.length - 1] === "") headers.pop();
  return { headers, headerLine: header.line, rows: filled.slice(1), encoding, delimiter };
}

// ---------------------------------------------------------------------------------------------
// CSV

function readCsv(bytes: Uint8Array): Table {
  const { encoding, text: decoded } = decodeText(bytes);
  // One kind of line break. csv-parse counts a CRLF inside a quoted cell as two lines, which
  // would shift every later line number; after this, its count matches what an editor shows.
  // (Only `text` is kept from here on: a national roster is 70 MB of it.)
  const text = decoded.includes("\r") ? decoded.replace(/\r\n?/g, "\n") : decoded;
  const headerLine = checkLines(text);
  const delimiter = detectDelimiter(headerLine);

  // csv-parse reports the line where a record ENDS. A record starts right after the previous
  // one ended, past the blank lines skipped in between; that start is the line the user needs.
  let previous = { lines: 0, empty_lines: 0 };
  const rows: TableRow[] = [];
  const shared = new SharedCells();
  try {
    parse(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      // A field longer than any line may be is a broken quote or a hostile file: stop there.
      max_record_size: MAX_LINE_CHARS,
      on_record: (cells: string[], context) => {
        const line = previous.lines + 1 + (context.empty_lines - previous.empty_lines);
        checkCells(cells, line);
        if (rows.length > MAX_IMPORT_ROWS) throw new ImportFileError(LIMIT_TEXT.rows);
        rows.push({ line, cells: shared.of(cells) });
        previous = { lines: context.lines, empty_lines: context.empty_lines };
        return null; // collected above; nothing for csv-parse to keep
      },
    });
  } catch (error) {
    if (error instanceof CsvError) throw csvProblem(error, previous);
    throw error;
  }
  return toTable(rows, encoding, delimiter);
}

/**
 * One string per distinct value of a column that repeats (unit, dates, "nej"), shared by its rows:
 * a national roster's 500,000 copies of a few thousand unit paths were a fifth of the file's
 * memory. A column whose values hardly repeat (numbers, names, e-mails) stops being tracked.
 */
class SharedCells {
  private static readonly MAX_DISTINCT = 20_000;
  private readonly columns: (Map<string, string> | null)[] = [];

  of(cells: string[]): string[] {
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i] as string;
      let values = this.columns[i];
      if (values === undefined) {
        values = new Map();
        this.columns[i] = values;
      }
      if (values === null) continue;
      const known = values.get(cell);
      if (known !== undefined) cells[i] = known;
      else if (values.size < SharedCells.MAX_DISTINCT) values.set(cell, cell);
      else this.columns[i] = null;
    }
    return cells;
  }
}

/**
 * One pass over the text before it is parsed, allocating nothing: refuses too many lines and too
 * long lines (a million columns, one 50 MB line) cheaply, and returns the first non-blank line.
 */
function checkLines(text: string): string {
  let headerLine: string | null = null;
  let lines = 0;
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    lines++;
    if (end - start > MAX_LINE_CHARS) throw new ImportFileError(LIMIT_TEXT.line(lines), lines);
    // One header line plus the rows, plus room for the blank lines spreadsheets leave.
    if (lines > MAX_IMPORT_ROWS + 1000) throw new ImportFileError(LIMIT_TEXT.rows);
    if (headerLine === null && text.slice(start, end).trim() !== "") headerLine = text.slice(start, end);
    start = end + 1;
  }
  if (headerLine === null) throw new ImportFileError("Filen er tom.");
  return headerLine;
}

function checkCells(cells: readonly string[], line: number): void {
  if (cells.length > MAX_IMPORT_COLUMNS) throw new ImportFileError(LIMIT_TEXT.columns(line), line);
  for (const cell of cells) {
    if (cell.length > MAX_CELL_CHARS) throw new ImportFileError(LIMIT_TEXT.cell(line), line);
  }
}

function csvProblem(error: CsvError, previous: { lines: number; empty_lines: number }): ImportFileError {
  const errorLine = typeof error.lines === "number" ? error.lines : previous.lines + 1;
  const message = (line: number, text: string) => new ImportFileError(`Linje ${line}: ${text}`, line);
  switch (error.code) {
    case "CSV_MAX_RECORD_SIZE":
      return new ImportFileError(LIMIT_TEXT.cell(previous.lines + 1), previous.lines + 1);
    case "CSV_QUOTE_NOT_CLOSED": {
      // The parser only notices at the end of the file; the user needs the line where it began.
      const emptyLines = typeof error.empty_lines === "number" ? error.empty_lines : previous.empty_lines;
      const start = previous.lines + 1 + (emptyLines - previous.empty_lines);
      return message(start, 'et felt begynder med et citationstegn ("), som aldrig bliver afsluttet.');
    }
    case "CSV_INVALID_CLOSING_QUOTE":
    case "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE":
      return message(errorLine, 'der står tekst lige efter et afsluttende citationstegn (").');
    case "INVALID_OPENING_QUOTE":
      return message(
        errorLine,
        'der står et citationstegn (") inde i et felt. Sæt hele feltet i citationstegn og skriv "" for hvert citationstegn i teksten.',
      );
    default:
      return message(errorLine, "filen kan ikke læses som CSV.");
  }
}

// ---------------------------------------------------------------------------------------------
// XLSX

/**
 * Inflates every part of the zip as a stream and counts the bytes, stopping at the limit: the
 * sizes in the zip's directory are whatever the file claims, so only inflating tells the truth.
 * Runs before exceljs sees the file, so a zip bomb is never parsed (or held in memory).
 */
export async function checkInflatedSize(bytes: Uint8Array, limit = MAX_XLSX_INFLATED_BYTES): Promise<void> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new ImportFileError("Filen kan ikke læses som Excel-projektmappe (.xlsx). Gem den igen fra Excel.");
  }
  let total = 0;
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    await new Promise<void>((resolve, reject) => {
      // nodeStream inflates chunk by chunk as it is read.
      const stream = entry.nodeStream("nodebuffer");
      stream.on("data", (chunk: Buffer) => {
        total += chunk.length;
        if (total > limit) {
          stream.pause();
          stream.removeAllListeners("data");
          reject(new ImportFileError(LIMIT_TEXT.inflated));
        }
      });
      stream.on("error", () =>
        reject(
          new ImportFileError("Excel-filen er beskadiget og kan ikke pakkes ud. Gem den igen fra Excel."),
        ),
      );
      stream.on("end", () => resolve());
    });
  }
}

async function readXlsx(bytes: Uint8Array): Promise<Table> {
  await checkInflatedSize(bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own "Buffer" type, which is really an ArrayBuffer; copying gives us one.
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  } catch {
    throw new ImportFileError("Filen kan ikke læses som Excel-projektmappe (.xlsx). Gem den igen fra Excel.");
  }
  // worksheets[] is in tab order; getWorksheet(1) looks up an id, which need not be the first tab.
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new ImportFileError("Excel-filen har ingen ark.");

  if (sheet.actualRowCount > MAX_IMPORT_ROWS + 1) throw new ImportFileError(LIMIT_TEXT.rows);
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (row.cellCount > MAX_IMPORT_COLUMNS)
      throw new ImportFileError(LIMIT_TEXT.columns(rowNumber), rowNumber);
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      cells[column - 1] = cellText(cell.value, cell.numFmt);
    });
    const filled = Array.from(cells, (cell) => cell ?? "");
    checkCells(filled, rowNumber);
    rows.push({ line: rowNumber, cells: filled });
  });
  if (rows.length === 0) throw new ImportFileError("Filen er tom.");
  return toTable(rows, "xlsx");
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** A cell as the text the user typed or sees, so both file types go through the same parsing. */
function cellText(value: ExcelJS.CellValue, numFmt?: string): string {
  if (value === null || value === undefined) return "";
  // exceljs turns Excel's date serials into Dates at UTC midnight, so the UTC parts are the day.
  if (value instanceof Date) {
    return `${pad(value.getUTCFullYear(), 4)}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  }
  if (typeof value === "number") {
    // A cell formatted as percent stores 0.87 and shows 87 %; the score column needs the 87.
    if (numFmt?.includes("%")) return `${Number((value * 100).toFixed(10))} %`;
    return String(value);
  }
  if (typeof value === "string") return value.trim();
  if (typeof value === "boolean") return String(value);
  if ("richText" in value) {
    return value.richText
      .map((part) => part.text)
      .join("")
      .trim();
  }
  if ("formula" in value || "sharedFormula" in value) return cellText(value.result ?? null, numFmt);
  // Hyperlinks (e-mail addresses typed in Excel become mailto: links): the shown text counts.
  if ("hyperlink" in value) return cellText(value.text as ExcelJS.CellValue, numFmt);
  if ("error" in value) return value.error;
  return "";
}
