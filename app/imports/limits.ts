// What an import file may hold. One installation may serve every Danish municipality (about
// 500,000 employees, issue 14), so every cap is above a national roster and far below what could
// hurt the server: a file over a cap is refused with a Danish message as soon as the cap is
// reached, before the rest is read.
import { formatCount } from "~/ui/format";

/** The whole upload request (all of it, not per part). A 500,000-row roster is about 50 MB. */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;
export const MAX_IMPORT_LABEL = "100 MB";
/** Data rows (lines in a CSV, rows in the sheet): a national roster with room to spare. */
export const MAX_IMPORT_ROWS = 600_000;
/** Columns of the header row or any other row. */
export const MAX_IMPORT_COLUMNS = 200;
/** Characters in one cell. */
export const MAX_CELL_CHARS = 1_000;
/** Characters in one physical CSV line (a real roster line is about 150). */
export const MAX_LINE_CHARS = 20_000;
/** Bytes all the parts of an XLSX (a zip) may inflate to, counted while inflating. */
export const MAX_XLSX_INFLATED_BYTES = 40 * 1024 * 1024;
/** Error messages kept and shown; the rest are only counted ("og 1.234 flere fejl"). */
export const MAX_REPORTED_PROBLEMS = 200;

export const LIMIT_TEXT = {
  rows: `Filen har mere end ${formatCount(MAX_IMPORT_ROWS)} rækker. En personaleliste eller en eksport fra kursusleverandøren er meget mindre, så det er nok ikke den rigtige fil.`,
  inflated: `Excel-filen fylder mere end ${MAX_XLSX_INFLATED_BYTES / 1024 / 1024} MB, når den pakkes ud. Gem kun de kolonner og rækker, der skal indlæses, eller gem filen som CSV.`,
  columns: (line: number) =>
    `Linje ${line}: rækken har mere end ${MAX_IMPORT_COLUMNS} kolonner. Tjek, at filen er en personaleliste eller en eksport af gennemførelser.`,
  cell: (line: number) =>
    `Linje ${line}: en celle har mere end ${formatCount(MAX_CELL_CHARS)} tegn. Tjek, at filen er gemt rigtigt.`,
  line: (line: number) =>
    `Linje ${line} har mere end ${formatCount(MAX_LINE_CHARS)} tegn. Tjek, at filen er gemt som CSV med et tegn mellem kolonnerne.`,
};

/**
 * A list that keeps the first `limit` items and only counts the rest, so a file with millions of
 * bad rows costs no more memory than one with 200.
 */
export class CappedList<T> {
  readonly items: T[] = [];
  more = 0;
  constructor(private readonly limit = MAX_REPORTED_PROBLEMS) {}
  push(...items: T[]): void {
    for (const item of items) {
      if (this.items.length < this.limit) this.items.push(item);
      else this.more++;
    }
  }
  get total(): number {
    return this.items.length + this.more;
  }
}
