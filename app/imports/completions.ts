// Completions from the course vendor's export: who finished which course when. Pure: matches
// each row to an employee and a course the caller supplies, and reports Danish problems with line
// numbers. Only the columns below are read; the rest of the file is dropped unread.
import type { Day } from "../compliance/day";
import { formatCount } from "../ui/format";
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
import { normalizeKey, parseDanishDate, parseScore } from "./values";

export interface CompletionRow {
  line: number;
  employeeId: number;
  courseCode: string;
  completedOn: Day;
  score: number | null;
}

export interface CompletionCourse {
  code: string;
  title: string;
  aliases: readonly string[];
}

export interface EmployeeLookup {
  byNumber: ReadonlyMap<string, number>;
  /** Keys must be lower-case (as the roster import stores e-mails). */
  byEmail: ReadonlyMap<string, number>;
}

export interface CompletionsResult {
  /** Only the rows without problems, each completion once; import nothing while `errors` is non-empty. */
  rows: CompletionRow[];
  /** The first 200 problems; `moreErrors` counts the rest. */
  errors: ImportProblem[];
  moreErrors: number;
  warnings: string[];
  ignoredColumns: string[];
}

const COLUMNS = {
  employeeNumber: EMPLOYEE_NUMBER_COLUMN,
  email: EMAIL_COLUMN,
  course: { label: "Kursus", names: ["Kursus", "Course", "Kursusnavn", "Kursuskode"] },
  completedOn: {
    label: "Gennemført",
    names: ["Gennemført", "Completed", "Gennemført dato", "Dato", "Completion date"],
  },
  score: { label: "Score", names: ["Score", "Point", "Resultat"] },
};

/**
 * Every name a course goes by, normalised, to its code. Codes win over titles and titles over
 * aliases, so a vendor alias can never take over another course's own code or title.
 */
function courseLookup(courses: readonly CompletionCourse[]): Map<string, string> {
  const byKey = new Map<string, string>();
  const add = (name: string, code: string) => {
    const key = normalizeKey(name);
    if (key !== "" && !byKey.has(key)) byKey.set(key, code);
  };
  for (const course of courses) add(course.code, course.code);
  for (const course of courses) add(course.title, course.code);
  for (const course of courses) for (const alias of course.aliases) add(alias, course.code);
  return byKey;
}

export function parseCompletions(
  table: TableInput,
  courses: readonly CompletionCourse[],
  employees: EmployeeLookup,
  today: Day,
): CompletionsResult {
  const found = findColumns(table, COLUMNS);
  const { index, ignoredColumns, headerLine } = found;
  const warnings = ignoredColumnsWarning(ignoredColumns);
  const errors = new CappedList<ImportProblem>();
  errors.push(...found.errors);
  if (index.employeeNumber === undefined && index.email === undefined) {
    errors.push(missingColumn(table, headerLine, "Email eller Medarbejdernr"));
  }
  if (index.course === undefined) errors.push(missingColumn(table, headerLine, COLUMNS.course.label));
  if (index.completedOn === undefined) {
    errors.push(missingColumn(table, headerLine, COLUMNS.completedOn.label));
  }
  if (errors.total > 0)
    return { rows: [], errors: errors.items, moreErrors: errors.more, warnings, ignoredColumns };

  const courseCode = courseLookup(courses);
  const repeated = new CappedList<string>();
  const lineOfCompletion = new Map<string, number>();
  const rows: CompletionRow[] = [];

  for (const row of table.rows) {
    const problems: string[] = [];

    // The employee number is the stable key, so it wins when a file has both columns; the
    // e-mail is the fallback for rows without a number.
    const number = cellOf(row, index.employeeNumber);
    const email = cellOf(row, index.email).toLowerCase();
    let employeeId: number | undefined;
    if (number !== "") {
      employeeId = employees.byNumber.get(number);
      if (employeeId === undefined) problems.push(`ingen medarbejder med medarbejdernummeret ${number}`);
    } else if (email !== "") {
      employeeId = employees.byEmail.get(email);
      if (employeeId === undefined) problems.push(`ingen medarbejder med e-mailen ${email}`);
    } else {
      problems.push(index.employeeNumber === undefined ? "e-mail mangler" : "medarbejdernummer mangler");
    }

    const courseText = cellOf(row, index.course);
    const code = courseCode.get(normalizeKey(courseText));
    if (courseText === "") problems.push("kursus mangler");
    else if (code === undefined) problems.push(`kurset '${courseText}' kendes ikke`);

    const dateText = cellOf(row, index.completedOn);
    const completedOn = parseDanishDate(dateText);
    if (dateText === "") problems.push("gennemførelsesdato mangler");
    else if (!completedOn) problems.push(`ugyldig gennemførelsesdato '${dateText}'`);
    else if (completedOn > today) problems.push(`gennemførelsesdatoen '${dateText}' ligger i fremtiden`);

    const scoreText = cellOf(row, index.score);
    const score = parseScore(scoreText);
    if (score === "invalid") problems.push(`ugyldig score '${scoreText}' (skal være et tal fra 0 til 100)`);

    if (problems.length > 0 || employeeId === undefined || !code || !completedOn || score === "invalid") {
      errors.push(...problems.map((text) => problem(row.line, text)));
      continue;
    }

    // Vendors export the same completion twice (e.g. a re-sent report); it still counts once.
    const key = `${employeeId}|${code}|${completedOn}`;
    const first = lineOfCompletion.get(key);
    if (first !== undefined) {
      repeated.push(`Linje ${row.line} er den samme gennemførelse som linje ${first} og tælles én gang.`);
      continue;
    }
    lineOfCompletion.set(key, row.line);
    rows.push({ line: row.line, employeeId, courseCode: code, completedOn, score });
  }
  warnings.push(...repeated.items);
  if (repeated.more > 0)
    warnings.push(`… og ${formatCount(repeated.more)} linjer mere, der gentager en gennemførelse.`);
  return { rows, errors: errors.items, moreErrors: errors.more, warnings, ignoredColumns };
}
