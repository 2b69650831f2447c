// The per-unit summary file: one row per unit with its headcount and, per course, how many have
// completed, how many have not ("Ikke gennemført" = Mangler + Overskredet) and the share completed.
// Pure: the counts come from countStatuses, the same numbers as on /enheder.
import type { StatusCounts } from "~/compliance/summary";
import type { Cell, ExportTable } from "./export-writers.server";

export interface UnitSummaryRow {
  /** "Børn, Sundhed & Velfærd > Børn & Familie" */
  unitPath: string;
  /** People on the roster in the unit and below it. */
  headcount: number;
  /** In the order of the courses given to unitSummaryTable. */
  courses: { completed: number; notCompleted: number; share: number | null }[];
}

export function unitSummaryRow(
  unitPath: string,
  headcount: number,
  counts: Record<string, StatusCounts>,
  courseCodes: readonly string[],
): UnitSummaryRow {
  return {
    unitPath,
    headcount,
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
    ],
    cells: (row) => [
      { text: row.unitPath },
      { count: row.headcount },
      ...row.courses.flatMap((c): Cell[] => [
        { count: c.completed },
        { count: c.notCompleted },
        { share: c.share },
      ]),
    ],
  };
}
