// The roster file from HR: one row per employee. Pure: turns a table into validated rows and
// Danish problems with line numbers. Only the columns below are read; everything else in the file
// (CPR, salary, …) is dropped unread, because we must not keep personal data we do not need.
import { z } from "zod";
import type { Day } from "../compliance/day";
import {
  cellOf,
  EMAIL_COLUMN,
  EMPLOYEE_NUMBER_COLUMN,
  findColumns,
  type ImportProblem,
  ignoredColumnsWarning,
  missingColumn,
  problem,
  type TableInput,
} from "./columns";
import { CappedList } from "./limits";
import { parseDanishDate, parseUnitPath, parseYesNo } from "./values";

export type { ImportProblem } from "./columns";

export interface RosterRow {
  line: number;
  employeeNumber: string;
  name: string;
  /** Lower-case. */
  email: string;
  /** Unit levels, top first. */
  unitPath: string[];
  startDate: Day;
  endDate: Day | null;
  isManager: boolean;
}

export interface RosterParse {
  /** Only the rows without problems; import nothing while `errors` is non-empty. */
  rows: RosterRow[];
  /** The first 200 problems; `moreErrors` counts the rest. */
  errors: ImportProblem[];
  moreErrors: number;
  warnings: string[];
  ignoredColumns: string[];
}

const COLUMNS = {
  employeeNumber: EMPLOYEE_NUMBER_COLUMN,
  name: { label: "Navn", names: ["Navn", "Name", "Fulde navn"] },
  email: EMAIL_COLUMN,
  unit: { label: "Enhed", names: ["Enhed", "Unit", "Organisation", "Org enhed"] },
  startDate: { label: "Startdato", names: ["Startdato", "Start date", "Ansat", "Ansættelsesdato"] },
  endDate: { label: "Fratrædelsesdato", names: ["Fratrædelsesdato", "Slutdato", "End date", "Fratrådt"] },
  isManager: { label: "Leder", names: ["Leder", "Manager", "Er leder"] },
};

const REQUIRED = ["employeeNumber", "name", "email", "unit", "startDate"] as const;

const emailSchema = z.email();

export function parseRoster(table: TableInput): RosterParse {
  const found = findColumns(table, COLUMNS);
  const { index, ignoredColumns, headerLine } = found;
  const warnings = ignoredColumnsWarning(ignoredColumns);
  const errors = new CappedList<ImportProblem>();
  errors.push(...found.errors);
  for (const field of REQUIRED) {
    if (index[field] === undefined) errors.push(missingColumn(table, headerLine, COLUMNS[field].label));
  }
  // Without the columns every row would fail the same way; one message says it better.
  if (errors.total > 0)
    return { rows: [], errors: errors.items, moreErrors: errors.more, warnings, ignoredColumns };

  const managerHeader = index.isManager === undefined ? "" : (table.headers[index.isManager] ?? "");
  const lineOfNumber = new Map<string, number>();
  const lineOfEmail = new Map<string, number>();
  const rows: RosterRow[] = [];
  // One array per distinct unit, shared by its rows: a national roster has 500,000 rows but a few
  // thousand units, and a path of five names per row was a third of the rows' memory.
  const unitPaths = new Map<string, string[]>();
  const startDates = new Map<string, Day | null>();

  for (const row of table.rows) {
    const problems: string[] = [];
    const employeeNumber = cellOf(row, index.employeeNumber);
    const name = cellOf(row, index.name);
    const email = cellOf(row, index.email).toLowerCase();
    const unitText = cellOf(row, index.unit);
    const startText = cellOf(row, index.startDate);
    const endText = cellOf(row, index.endDate);
    const managerText = cellOf(row, index.isManager);

    if (employeeNumber === "") problems.push("medarbejdernummer mangler");
    else {
      const first = lineOfNumber.get(employeeNumber);
      if (first === undefined) lineOfNumber.set(employeeNumber, row.line);
      else problems.push(`medarbejdernummeret ${employeeNumber} står også på linje ${first}`);
    }

    if (name === "") problems.push("navn mangler");

    if (email === "") problems.push("e-mail mangler");
    else if (!emailSchema.safeParse(email).success) problems.push(`ugyldig e-mail '${email}'`);
    else {
      const first = lineOfEmail.get(email);
      if (first === undefined) lineOfEmail.set(email, row.line);
      else problems.push(`e-mailen ${email} står også på linje ${first}`);
    }

    let unitPath = unitPaths.get(unitText);
    if (!unitPath) {
      unitPath = parseUnitPath(unitText);
      unitPaths.set(unitText, unitPath);
    }
    if (unitPath.length === 0) problems.push("enhed mangler");

    let startDate = startDates.get(startText);
    if (startDate === undefined) {
      startDate = parseDanishDate(startText);
      startDates.set(startText, startDate);
    }
    if (startText === "") problems.push("startdato mangler");
    else if (!startDate) problems.push(`ugyldig startdato '${startText}'`);

    const endDate = endText === "" ? null : parseDanishDate(endText);
    if (endText !== "" && !endDate) problems.push(`ugyldig fratrædelsesdato '${endText}'`);
    else if (startDate && endDate && endDate < startDate) {
      problems.push(`fratrædelsesdatoen '${endText}' ligger før startdatoen '${startText}'`);
    }

    const isManager = parseYesNo(managerText);
    if (isManager === null)
      problems.push(`ugyldig værdi '${managerText}' i kolonnen ${managerHeader} (skriv ja eller nej)`);

    if (problems.length > 0 || !startDate || isManager === null) {
      errors.push(...problems.map((text) => problem(row.line, text)));
      continue;
    }
    rows.push({ line: row.line, employeeNumber, name, email, unitPath, startDate, endDate, isManager });
  }
  return { rows, errors: errors.items, moreErrors: errors.more, warnings, ignoredColumns };
}
