import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/guard.server";
import { loadOwnCourses } from "~/compliance/own-courses.server";
import { OwnCourseList } from "~/ui/own-courses";

export function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request);
  return { courses: loadOwnCourses(user), hasEmployeeRecord: user.employeeId !== null };
}

export default function MyCourses() {
  const { courses, hasEmployeeRecord } = useLoaderData<typeof loader>();
  return (
    <div>
      <h1 className="text-2xl font-bold">Mine kurser</h1>
      {hasEmployeeRecord ? (
        <OwnCourseList courses={courses} />
      ) : (
        <p className="mt-4 max-w-prose">
          Din bruger er ikke knyttet til en medarbejder i personalelisten, så du har ingen obligatoriske
          kurser her.
        </p>
      )}
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Mine kurser · AI og GDPR · Albertslund Kommune" }];
