import { ALL_COURSES_SLUG, courseSlug } from "~/compliance/people-list";
import { SelectField } from "./form";

/** The "Kursus" picker of the lists: every course (`allLabel`) or one, as the URL's `kursus`. */
export function CourseFilter({
  id = "kursus",
  course,
  courses,
  allLabel = "Alle kurser",
}: {
  id?: string;
  /** The chosen course code, or ALL_COURSES. */
  course: string;
  courses: readonly { code: string; title: string }[];
  allLabel?: string;
}) {
  return (
    <SelectField
      id={id}
      name="kursus"
      label="Kursus"
      defaultValue={courseSlug(course)}
      options={[
        { value: ALL_COURSES_SLUG, label: allLabel },
        ...courses.map((c) => ({ value: c.code, label: c.title })),
      ]}
    />
  );
}
