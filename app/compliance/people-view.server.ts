// The people list for a unit as the page, the export and the report command see it: one place
// that loads, filters and sorts, so the file always holds the people on screen.
import type { Viewer } from "~/auth/scope";
import { type CourseInfo, listCourses } from "./courses.server";
import type { Day } from "./day";
import { keptStatusCovers, listPeopleStatusesByRule } from "./people.server";
import type { PersonStatus } from "./people-data";
import {
  ALL_COURSES,
  describeQuery,
  exportRows,
  filterPeople,
  PAGE_SIZE,
  type PeopleQuery,
  paginate,
  STATUS_FILTERS,
  sortPeople,
} from "./people-list";
import {
  countExportRows,
  countPeople,
  type PeopleListInput,
  peopleIds,
  peopleStatusesByIds,
  streamPeople,
} from "./status-queries.server";
import { type Unit, unitPathLabeler } from "./units.server";

export interface PeopleView {
  unit: Unit | null;
  scopeLabel: string;
  courses: CourseInfo[];
  people: PersonStatus[];
  unitLabel: (unitId: number) => string;
  filters: string;
}

/** `unit` null means the whole organisation (HR and the report command). */
export function buildPeopleView(input: {
  viewer: Viewer;
  unit: Unit | null;
  query: PeopleQuery;
  asOf: Day;
}): PeopleView {
  const list = buildPeopleList(input);
  return { ...list, people: [...list.rows()] };
}

/**
 * The people list without loading it: the count, one page and all rows streamed, each in screen
 * order from SQL over the kept status (or, for a day before the kept rows' last change, from the
 * history with the rule).
 */
export interface PeopleList extends Omit<PeopleView, "people"> {
  total: () => number;
  page: (page: number) => ReturnType<typeof paginate<PersonStatus>>;
  rows: () => Iterable<PersonStatus>;
  /** How many export rows (person x course) the filters select. */
  exportRowCount: () => number;
}

export function buildPeopleList(input: {
  viewer: Viewer;
  unit: Unit | null;
  query: PeopleQuery;
  asOf: Day;
}): PeopleList {
  const courses = listCourses();
  const codes = courses.map((c) => c.code);
  const unitLabel = unitPathLabeler();
  const base = {
    unit: input.unit,
    scopeLabel: input.unit ? unitLabel(input.unit.id) : "Hele organisationen",
    courses,
    unitLabel,
    filters: describeQuery(input.query, courses),
  };
  const unitPath = input.unit?.path ?? "/";
  if (!keptStatusCovers(input.asOf)) {
    const all = listPeopleStatusesByRule({
      viewer: input.viewer,
      unitPath,
      asOf: input.asOf,
      search: input.query.q,
      courses,
    });
    const people = sortPeople(filterPeople(all, input.query, codes), input.query, codes, unitLabel);
    return {
      ...base,
      total: () => people.length,
      page: (page) => paginate(people, page),
      rows: () => people,
      exportRowCount: () => [...exportRows(people, input.query, courses, unitLabel)].length,
    };
  }
  const sqlInput: PeopleListInput = {
    viewer: input.viewer,
    unitPath,
    asOf: input.asOf,
    query: input.query,
    courses,
  };
  return {
    ...base,
    total: () => countPeople(sqlInput),
    page: (requested) => {
      const total = countPeople(sqlInput);
      const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
      const page = Math.min(requested, pageCount);
      const ids = peopleIds(sqlInput, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
      return { rows: peopleStatusesByIds(ids, input.asOf, courses), page, pageCount, total };
    },
    rows: () => ({ [Symbol.iterator]: () => streamPeople(sqlInput) }),
    exportRowCount: () => countExportRows(sqlInput),
  };
}

/** One row per person and course in screen order; streamed from SQL for a PeopleList. */
export function peopleViewExportRows(view: PeopleView | PeopleList, query: PeopleQuery) {
  const people = "people" in view ? view.people : view.rows();
  return exportRows(people, query, view.courses, view.unitLabel);
}

/** The title inside the file: says what the file is ("Hvem mangler? Børn & Familie"). */
export function exportTitle(view: Pick<PeopleView, "scopeLabel">, query: PeopleQuery): string {
  return query.status === "notCompleted"
    ? `Hvem mangler? ${view.scopeLabel}`
    : `Status for obligatoriske kurser: ${view.scopeLabel}`;
}

/** "hvem-mangler_boern-og-familie_ai_2026-11-26": says what the file holds. */
export function exportFileName(
  view: Pick<PeopleView, "unit">,
  query: PeopleQuery,
  asOf: Day,
  extension: "csv" | "xlsx",
): string {
  return peopleFileName(view.unit ? fileSlug(view.unit.name) : "hele-organisationen", query, asOf, extension);
}

/** "hvem-mangler_<scope>_<course>_<day>.<extension>" (or "status-<filter>_…"). */
export function peopleFileName(scope: string, query: PeopleQuery, asOf: Day, extension: "csv" | "xlsx") {
  const what =
    query.status === "notCompleted" ? "hvem-mangler" : `status-${STATUS_FILTERS[query.status].slug}`;
  const course = query.course === ALL_COURSES ? "alle-kurser" : query.course;
  return `${what}_${scope}_${course}_${asOf}.${extension}`;
}

/** "Børn & Familie" as "boern-familie", for file names. */
export function fileSlug(text: string): string {
  return text
    .toLowerCase()
    .replaceAll("æ", "ae")
    .replaceAll("ø", "oe")
    .replaceAll("å", "aa")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}
