// The people list for a unit as the page, the export and the report command see it: one place
// that loads, filters and sorts, so the file always holds the people on screen.
import type { Viewer } from "~/auth/scope";
import { type CourseInfo, listCourses } from "./courses.server";
import type { Day } from "./day";
import { listPeopleStatuses, type PersonStatus } from "./people.server";
import { describeQuery, exportRows, filterPeople, type PeopleQuery, sortPeople } from "./people-list";
import { type Unit, unitPathLabels } from "./units.server";

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
  const courses = listCourses();
  const codes = courses.map((c) => c.code);
  const labels = unitPathLabels();
  const unitLabel = (id: number) => labels.get(id) ?? "";
  const all = listPeopleStatuses({
    viewer: input.viewer,
    unitPath: input.unit?.path ?? "/",
    asOf: input.asOf,
    search: input.query.q,
    courses,
  });
  const people = sortPeople(filterPeople(all, input.query, codes), input.query, codes, unitLabel);
  return {
    unit: input.unit,
    scopeLabel: input.unit ? unitLabel(input.unit.id) : "Hele organisationen",
    courses,
    people,
    unitLabel,
    filters: describeQuery(input.query, courses),
  };
}

export function peopleViewExportRows(view: PeopleView, query: PeopleQuery) {
  return exportRows(view.people, query, view.courses, view.unitLabel);
}

/** The title inside the file: says what the file is ("Hvem mangler? Børn & Familie"). */
export function exportTitle(view: PeopleView, query: PeopleQuery): string {
  return query.status === "ikke-gennemfoert"
    ? `Hvem mangler? ${view.scopeLabel}`
    : `Status for obligatoriske kurser: ${view.scopeLabel}`;
}

/** "hvem-mangler_boern-og-familie_ai_2026-11-26": says what the file holds. */
export function exportFileName(
  view: PeopleView,
  query: PeopleQuery,
  asOf: Day,
  extension: "csv" | "xlsx",
): string {
  const slug = (text: string) =>
    text
      .toLowerCase()
      .replaceAll("æ", "ae")
      .replaceAll("ø", "oe")
      .replaceAll("å", "aa")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "");
  const scope = view.unit ? slug(view.unit.name) : "hele-organisationen";
  const what = query.status === "ikke-gennemfoert" ? "hvem-mangler" : `status-${query.status}`;
  return `${what}_${scope}_${query.course === "alle" ? "alle-kurser" : query.course}_${asOf}.${extension}`;
}
