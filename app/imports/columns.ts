// Finding the columns of an import file by their header, shared by the roster and completion
// imports. Headers are matched loosely (case, spaces, hyphens) because every HR system and every
// hand-made spreadsheet spells them a little differently.
import type { TableRow } from "./table";
import { normalizeKey } from "./values";

export interface ImportProblem {
  line: number;
  /** Danish, ready to show, and already starting with "Linje 7: ". */
  message: string;
}

/** What the parsers need of a table: `readTable` gives more, tests can give less. */
export interface TableInput {
  headers: string[];
  headerLine?: number;
  rows: TableRow[];
}

export function problem(line: number, text: string): ImportProblem {
  return { line, message: `Linje ${line}: ${text}` };
}

export interface ColumnSpec {
  /** The name used in messages, e.g. "Medarbejdernr". */
  label: string;
  /** Accepted header names; compared with normalizeKey. */
  names: string[];
}

export const EMPLOYEE_NUMBER_COLUMN: ColumnSpec = {
  label: "Medarbejdernr",
  names: ["Medarbejdernr", "Medarbejdernummer", "Medarbejder nr", "Employee number", "EmployeeId"],
};

export const EMAIL_COLUMN: ColumnSpec = {
  label: "Email",
  names: ["Email", "E-mail", "Mail", "Arbejdsmail", "Work email"],
};

export interface FoundColumns<F extends string> {
  /** Column index per field, for the fields whose column is in the file. */
  index: Partial<Record<F, number>>;
  /** Header names of every other column. Their cells are never read. */
  ignoredColumns: string[];
  errors: ImportProblem[];
  headerLine: number;
}

export function findColumns<F extends string>(
  table: TableInput,
  spec: Record<F, ColumnSpec>,
): FoundColumns<F> {
  const headerLine = table.headerLine ?? 1;
  const fieldByKey = new Map<string, F>();
  for (const field of Object.keys(spec) as F[]) {
    for (const name of spec[field].names) fieldByKey.set(normalizeKey(name), field);
  }

  const index: Partial<Record<F, number>> = {};
  const ignored = new Set<string>();
  const errors: ImportProblem[] = [];
  table.headers.forEach((header, column) => {
    if (header === "") return; // a column without a header carries nothing we could use
    const field = fieldByKey.get(normalizeKey(header));
    if (field === undefined) {
      ignored.add(header);
      return;
    }
    const earlier = index[field];
    if (earlier === undefined) index[field] = column;
    else {
      // Two columns for one field: we cannot guess which one the user meant.
      errors.push(
        problem(
          headerLine,
          `kolonnerne ${table.headers[earlier]} og ${header} betyder det samme – behold kun én af dem`,
        ),
      );
    }
  });
  return { index, ignoredColumns: [...ignored], errors, headerLine };
}

export function missingColumn(table: TableInput, headerLine: number, label: string): ImportProblem {
  const found = table.headers.filter((header) => header !== "");
  return problem(
    headerLine,
    `kolonnen ${label} mangler (fundne kolonner: ${found.length > 0 ? found.join(", ") : "ingen"})`,
  );
}

/** The warning about dropped columns. It names only the headers, never what the cells held. */
export function ignoredColumnsWarning(ignoredColumns: string[]): string[] {
  if (ignoredColumns.length === 0) return [];
  if (ignoredColumns.length === 1) return [`Kolonnen ${ignoredColumns[0]} blev ignoreret og er ikke gemt.`];
  return [`Kolonnerne ${ignoredColumns.join(", ")} blev ignoreret og er ikke gemt.`];
}

/** The trimmed cell of a column, or "" when the column is absent or the row is short. */
export function cellOf(row: TableRow, column: number | undefined): string {
  return column === undefined ? "" : (row.cells[column] ?? "").trim();
}
