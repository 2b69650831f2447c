import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { notFound, requireEmployee } from "~/auth/guard.server";
import { loadCourseState } from "~/courses/player.server";
import { pageTitle } from "~/ui/page-title";
import { RouteErrorBoundary } from "~/ui/route-error-boundary";

// Where an old certificate link lands when the completion no longer counts.
export function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireEmployee(request);
  const state = loadCourseState(user.employeeId, params.code ?? "");
  if (!state) notFound();
  return { code: state.content.code, title: state.content.title };
}

export default function NoCertificate() {
  const course = useLoaderData<typeof loader>();
  return (
    <div className="max-w-prose">
      <h1 className="text-2xl font-bold">Intet kursusbevis for {course.title}</h1>
      <p className="mt-4">
        Du har ingen gyldig gennemførelse af kurset, så der er intet kursusbevis. Har du gennemført det før,
        er gennemførelsen udløbet, og kurset skal tages igen.
      </p>
      <p className="mt-4">
        <Link to={`/kurser/${course.code}`} className="font-semibold">
          Gå til kurset {course.title}
        </Link>
      </p>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: pageTitle(matches, `Intet kursusbevis for ${data?.title ?? "kurset"}`) },
];

export function ErrorBoundary() {
  return <RouteErrorBoundary to="/mine-kurser" label="Gå til Mine kurser" />;
}
