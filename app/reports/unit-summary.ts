// The per-unit summary file: one row per unit with its headcount and, per course, how many have
// completed, how many have not ("Ikke gennemført" = Mangler + Overskredet) and the share completed.
// Pure: the counts come from countStatuses, the same numbers as on /enheder.
import type { StatusCounts } from "~/compliance/summary";
import { SUPER_USER_RANGE_TEXT, superUserRange } from "~/super-users/range";
import type { Cell, ExportTable } from "./export-writers.server";

export interface UnitSummaryRow {
  /** "Børn, Sundhed & Velfærd > Børn & Familie" */
  unitPath: string;
  /** People on the roster in the unit and below it. */
  headcount: number;
  /** In the order of the courses given to unitSummaryTable. */
  courses: { completed: number; notCompleted: number; share: number | null }[];
  /** AI super users on the day, for an afdeling; null for units that are not one. */
  superUsers?: number | null;
}

export function unitSummaryRow(
  unitPath: string,
  headcount: number,
  counts: Record<string, StatusCounts>,
  courseCodes: readonly string[],
  superUsers: number | null = null,
): UnitSummaryRow {
  return {
    unitPath,
    headcount,
    superUsers,
    courses: courseCodes.map((code) => {
      const c = counts[code];
      return c
        ? {
            completed: c.completed + c.expiringSoon,
            notCompleted: c.missing + c.overdue,
            share: c.completionRate,
          }
        : { completed: 0, notCompleted: 0, share: null };
    }),
  };
}

export function unitSummaryTable(courses: readonly { title: string }[]): ExportTable<UnitSummaryRow> {
  return {
    columns: [
      { header: "Enhed", width: 60 },
      { header: "Antal medarbejdere", width: 12 },
      ...courses.flatMap(({ title }) => [
        { header: `${title}: Gennemført`, width: 14 },
        { header: `${title}: Ikke gennemført`, width: 14 },
        { header: `${title}: Andel gennemført`, width: 14 },
      ]),
      { header: "AI-superbrugere (afdelinger)", width: 14 },
      { header: "AI-superbrugere: vurdering (2-4)", width: 22 },
    ],
    cells: (row) => [
      { text: row.unitPath },
      { count: row.headcount },
      ...row.courses.flatMap((c): Cell[] => [
        { count: c.completed },
        { count: c.notCompleted },
        { share: c.share },
      ]),
      ...((row.superUsers === undefined || row.superUsers === null
        ? [{ text: "" }, { text: "" }]
        : [
            { count: row.superUsers },
            { text: SUPER_USER_RANGE_TEXT[superUserRange(row.superUsers)] },
          ]) satisfies Cell[]),
    ],
  };
}
