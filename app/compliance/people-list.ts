// The people list's filters, sorting, paging and export rows. Pure: the page, the web export
// and the report command all go through these, so the file holds exactly what the screen shows.
import { z } from "zod";
import type { ExportRow } from "~/reports/export-writers.server";
import { addDaysToDay, type Day } from "./day";
import type { PersonStatus } from "./people.server";
import { type CourseStatus, STATUS_LABEL } from "./status";

export const STATUS_FILTERS = {
  alle: { label: "Alle", kinds: null },
  "ikke-gennemfoert": { label: "Ikke gennemført", kinds: ["missing", "overdue"] },
  mangler: { label: "Mangler", kinds: ["missing"] },
  overskredet: { label: "Overskredet", kinds: ["overdue"] },
  "udloeber-snart": { label: "Udløber snart", kinds: ["expiringSoon"] },
  gennemfoert: { label: "Gennemført (og udløber snart)", kinds: ["completed", "expiringSoon"] },
  fritaget: { label: "Fritaget", kinds: ["exempt"] },
} as const satisfies Record<string, { label: string; kinds: readonly CourseStatus["kind"][] | null }>;

export type StatusFilter = keyof typeof STATUS_FILTERS;

export const SORTS = {
  navn: "Navn",
  nummer: "Medarbejdernr.",
  enhed: "Enhed",
  frist: "Frist",
} as const;

export const PAGE_SIZE = 50;

// One Danish collator (æ, ø, å last; numbers by value) instead of localeCompare per comparison.
const danish = new Intl.Collator("da", { numeric: true });

export interface PeopleQuery {
  course: string; // a course code or "alle"
  status: StatusFilter;
  q: string;
  sort: keyof typeof SORTS;
  dir: "asc" | "desc";
  page: number;
}

const QuerySchema = z.object({
  kursus: z.string().catch("alle"),
  status: z.enum(Object.keys(STATUS_FILTERS) as [StatusFilter, ...StatusFilter[]]).catch("alle"),
  q: z.string().max(100).catch(""),
  sort: z.enum(Object.keys(SORTS) as [keyof typeof SORTS, ...(keyof typeof SORTS)[]]).catch("navn"),
  retning: z.enum(["asc", "desc"]).catch("asc"),
  side: z.coerce.number().int().min(1).catch(1),
});

/** Reads the filters from the URL (which holds them, so a view can be bookmarked). Bad values fall back to defaults. */
export function parsePeopleQuery(params: URLSearchParams, courseCodes: readonly string[]): PeopleQuery {
  const raw = QuerySchema.parse({
    kursus: params.get("kursus") ?? undefined,
    status: params.get("status") ?? undefined,
    q: params.get("q") ?? undefined,
    sort: params.get("sort") ?? undefined,
    retning: params.get("retning") ?? undefined,
    side: params.get("side") ?? undefined,
  });
  return {
    course: courseCodes.includes(raw.kursus) ? raw.kursus : "alle",
    status: raw.status,
    q: raw.q.trim(),
    sort: raw.sort,
    dir: raw.retning,
    page: raw.side,
  };
}

export function peopleQueryToParams(
  query: PeopleQuery,
  overrides: Partial<PeopleQuery> = {},
): URLSearchParams {
  const q = { ...query, ...overrides };
  const params = new URLSearchParams();
  if (q.course !== "alle") params.set("kursus", q.course);
  if (q.status !== "alle") params.set("status", q.status);
  if (q.q) params.set("q", q.q);
  if (q.sort !== "navn") params.set("sort", q.sort);
  if (q.dir !== "asc") params.set("retning", q.dir);
  if (q.page > 1) params.set("side", String(q.page));
  return params;
}

function selectedCourses(query: PeopleQuery, courseCodes: readonly string[]): readonly string[] {
  return query.course === "alle" ? courseCodes : [query.course];
}

function statusMatches(status: CourseStatus | undefined, filter: StatusFilter): boolean {
  const kinds: readonly string[] | null = STATUS_FILTERS[filter].kinds;
  return (
    status !== undefined && status.kind !== "notListed" && (kinds === null || kinds.includes(status.kind))
  );
}

/** The date that matters for a status: when it must be done, or when it runs out. */
export function statusDate(status: CourseStatus | undefined): Day | null {
  if (!status) return null;
  if (status.kind === "missing" || status.kind === "overdue") return status.due;
  if (status.kind === "completed" || status.kind === "expiringSoon") return status.validUntil;
  return null;
}

export function filterPeople(
  people: readonly PersonStatus[],
  query: PeopleQuery,
  courseCodes: readonly string[],
): PersonStatus[] {
  const courses = selectedCourses(query, courseCodes);
  return people.filter((p) => courses.some((code) => statusMatches(p.statuses[code], query.status)));
}

export function sortPeople(
  people: readonly PersonStatus[],
  query: PeopleQuery,
  courseCodes: readonly string[],
  unitLabel: (unitId: number) => string,
): PersonStatus[] {
  const courses = selectedCourses(query, courseCodes);
  const earliestDate = (p: PersonStatus) =>
    courses
      .map((c) => statusDate(p.statuses[c]))
      .filter((d): d is Day => d !== null)
      .sort()[0] ?? "9999-12-31";
  const value = (p: PersonStatus): string => {
    switch (query.sort) {
      case "nummer":
        return p.employeeNumber;
      case "enhed":
        return unitLabel(p.unitId);
      case "frist":
        return earliestDate(p);
      default:
        return p.name;
    }
  };
  const direction = query.dir === "asc" ? 1 : -1;
  return [...people].sort(
    (a, b) =>
      direction * danish.compare(value(a), value(b)) ||
      danish.compare(a.name, b.name) ||
      a.employeeId - b.employeeId,
  );
}

export function paginate<T>(rows: readonly T[], page: number, size = PAGE_SIZE) {
  const pageCount = Math.max(1, Math.ceil(rows.length / size));
  const current = Math.min(page, pageCount);
  return {
    rows: rows.slice((current - 1) * size, current * size),
    page: current,
    pageCount,
    total: rows.length,
  };
}

/** One row per employee and course, for the people the filters select, in the screen's order. */
export function* exportRows(
  people: Iterable<PersonStatus>,
  query: PeopleQuery,
  courses: readonly { code: string; title: string }[],
  unitLabel: (unitId: number) => string,
): Generator<ExportRow> {
  const selected = selectedCourses(
    query,
    courses.map((c) => c.code),
  );
  for (const p of people) {
    for (const course of courses) {
      const status = p.statuses[course.code];
      if (!selected.includes(course.code) || !status || status.kind === "notListed") continue;
      if (!statusMatches(status, query.status)) continue;
      yield {
        employeeNumber: p.employeeNumber,
        name: p.name,
        email: p.email,
        unitPath: unitLabel(p.unitId),
        course: course.title,
        status: STATUS_LABEL[status.kind],
        due: status.kind === "missing" || status.kind === "overdue" ? status.due : null,
        validThrough:
          status.kind === "completed" || status.kind === "expiringSoon"
            ? addDaysToDay(status.validUntil, -1)
            : null,
        lastCompleted: "lastCompletedOn" in status ? status.lastCompletedOn : null,
      };
    }
  }
}

/** A short Danish description of the filters, for file names, title blocks and the audit log. */
export function describeQuery(
  query: PeopleQuery,
  courses: readonly { code: string; title: string }[],
): string {
  const course = courses.find((c) => c.code === query.course)?.title ?? "Alle kurser";
  const parts = [`Kursus: ${course}`, `Status: ${STATUS_FILTERS[query.status].label}`];
  if (query.q) parts.push(`Søgning: ${query.q}`);
  return parts.join("; ");
}
