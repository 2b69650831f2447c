// The people list's filters, sorting, paging and export rows. Pure: the page, the web export
// and the report command all go through these, so the file holds exactly what the screen shows.
import { z } from "zod";
import type { ExportRow } from "~/reports/export-writers.server";
import { keyOfSlug } from "~/slugs";
import { addDaysToDay, type Day } from "./day";
import type { PersonStatus } from "./people-data";
import { type CourseStatus, STATUS_LABEL } from "./status";

// Values inside the code are English; the Danish words are the URL's (`slug`) and the screen's
// (see app/slugs.ts).
export const STATUS_FILTERS = {
  all: { slug: "alle", label: "Alle", kinds: null },
  notCompleted: { slug: "ikke-gennemfoert", label: "Ikke gennemført", kinds: ["missing", "overdue"] },
  missing: { slug: "mangler", label: "Mangler", kinds: ["missing"] },
  overdue: { slug: "overskredet", label: "Overskredet", kinds: ["overdue"] },
  expiringSoon: { slug: "udloeber-snart", label: "Udløber snart", kinds: ["expiringSoon"] },
  completed: {
    slug: "gennemfoert",
    label: "Gennemført (og udløber snart)",
    kinds: ["completed", "expiringSoon"],
  },
  exempt: { slug: "fritaget", label: "Fritaget", kinds: ["exempt"] },
} as const satisfies Record<
  string,
  { slug: string; label: string; kinds: readonly CourseStatus["kind"][] | null }
>;

export type StatusFilter = keyof typeof STATUS_FILTERS;

export const SORTS = {
  name: { slug: "navn", label: "Navn" },
  number: { slug: "nummer", label: "Medarbejdernr." },
  unit: { slug: "enhed", label: "Enhed" },
  due: { slug: "frist", label: "Frist" },
} as const;

export type PeopleSort = keyof typeof SORTS;

/** The course filter's value for every course (else a course code). */
export const ALL_COURSES = "all";
/** The course filter's URL word for every course. */
export const ALL_COURSES_SLUG = "alle";

/** The course filter from its URL word: a known course code, else every course. */
export function courseOfSlug(slug: string | null | undefined, courseCodes: readonly string[]): string {
  return slug && courseCodes.includes(slug) ? slug : ALL_COURSES;
}

/** The course filter's URL word. */
export function courseSlug(course: string): string {
  return course === ALL_COURSES ? ALL_COURSES_SLUG : course;
}

export const PAGE_SIZE = 50;

// One Danish collator (æ, ø, å last; numbers by value) instead of localeCompare per comparison.
const danish = new Intl.Collator("da", { numeric: true });

export interface PeopleQuery {
  course: string; // a course code or ALL_COURSES
  status: StatusFilter;
  q: string;
  sort: PeopleSort;
  dir: "asc" | "desc";
  page: number;
}

/** The whole list: every course and status, by name. */
export const DEFAULT_PEOPLE_QUERY: PeopleQuery = {
  course: ALL_COURSES,
  status: "all",
  q: "",
  sort: "name",
  dir: "asc",
  page: 1,
};

/** "Who has not completed": every course, by unit, as the "Hvem mangler?" page and its files. */
export const NOT_COMPLETED_QUERY: PeopleQuery = {
  ...DEFAULT_PEOPLE_QUERY,
  status: "notCompleted",
  sort: "unit",
};

const QuerySchema = z.object({
  q: z.string().max(100).catch(""),
  retning: z.enum(["asc", "desc"]).catch("asc"),
  side: z.coerce.number().int().min(1).catch(1),
});

/** Reads the filters from the URL (which holds them, so a view can be bookmarked). Bad values fall back to defaults. */
export function parsePeopleQuery(params: URLSearchParams, courseCodes: readonly string[]): PeopleQuery {
  const raw = QuerySchema.parse({
    q: params.get("q") ?? undefined,
    retning: params.get("retning") ?? undefined,
    side: params.get("side") ?? undefined,
  });
  return {
    course: courseOfSlug(params.get("kursus"), courseCodes),
    status: keyOfSlug(STATUS_FILTERS, params.get("status")) ?? "all",
    q: raw.q.trim(),
    sort: keyOfSlug(SORTS, params.get("sort")) ?? "name",
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
  if (q.course !== ALL_COURSES) params.set("kursus", courseSlug(q.course));
  if (q.status !== "all") params.set("status", STATUS_FILTERS[q.status].slug);
  if (q.q) params.set("q", q.q);
  if (q.sort !== "name") params.set("sort", SORTS[q.sort].slug);
  if (q.dir !== "asc") params.set("retning", q.dir);
  if (q.page > 1) params.set("side", String(q.page));
  return params;
}

/** The courses a query selects: every course, or the one it names. */
export function selectedCourses<C extends { code: string }>(query: PeopleQuery, courses: readonly C[]): C[] {
  return query.course === ALL_COURSES ? [...courses] : courses.filter((c) => c.code === query.course);
}

const selectedCodes = (query: PeopleQuery, codes: readonly string[]) =>
  query.course === ALL_COURSES ? codes : codes.filter((code) => code === query.course);

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
  const codes = selectedCodes(query, courseCodes);
  return people.filter((p) => codes.some((code) => statusMatches(p.statuses[code], query.status)));
}

export function sortPeople(
  people: readonly PersonStatus[],
  query: PeopleQuery,
  courseCodes: readonly string[],
  unitLabel: (unitId: number) => string,
): PersonStatus[] {
  const codes = selectedCodes(query, courseCodes);
  const earliestDate = (p: PersonStatus) =>
    codes
      .map((c) => statusDate(p.statuses[c]))
      .filter((d): d is Day => d !== null)
      .sort()[0] ?? "9999-12-31";
  const value = (p: PersonStatus): string => {
    switch (query.sort) {
      case "number":
        return p.employeeNumber;
      case "unit":
        return unitLabel(p.unitId);
      case "due":
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
  const selected = selectedCourses(query, courses);
  for (const p of people) {
    for (const course of selected) {
      const status = p.statuses[course.code];
      if (!status || status.kind === "notListed") continue;
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
