import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { notFound, requireEmployee } from "~/auth/guard.server";
import { listCourses } from "~/compliance/courses.server";
import { today } from "~/compliance/day";
import { fillPlaceholders } from "~/content/placeholders";
import { awaitsAttestation } from "~/courses/attestation";
import { loadCourseState } from "~/courses/player.server";
import { loadContacts } from "~/site-settings.server";
import { askSuperUsersData } from "~/super-users/super-users.server";
import { AskSuperUsers } from "~/ui/ask-super-users";
import { AttestationForm, GUIDELINES_LINE } from "~/ui/attestation";
import { CompletedElsewhere, ModuleStateLabel, ProgressBar } from "~/ui/course-progress";
import { formatShortDate } from "~/ui/format";
import { Markdown } from "~/ui/markdown";
import { renderMarkdown } from "~/ui/markdown.server";
import { pageTitle } from "~/ui/page-title";
import { RouteErrorBoundary } from "~/ui/route-error-boundary";
import { StatusBadge, statusDetail } from "~/ui/status-badge";

// What counts for a requirement that can also be met at the vendor (MetaCompliance), said
// plainly (the GDPR course says it in its own course.md). The AI text keeps to the minutes of 19 June 2025: Chefforum approved the vendor's
// AI-Awareness course for all staff; that this site's course counts too is how the site counts.
const ALSO_COUNTS: Record<string, string> = {
  ai:
    "Chefforum har besluttet, at alle medarbejdere skal gennemføre et AI-Awareness-forløb fra kommunens " +
    "kursusleverandør, MetaCompliance. Dette kursus gennemgår kommunens AI-retningslinjer. Her på siden " +
    "tæller begge dele: Du står som gennemført, når du har gennemført enten dette kursus eller " +
    "AI-Awareness hos MetaCompliance. Har du taget AI-Awareness, bliver det registreret her, når HR " +
    "indlæser listen fra MetaCompliance.",
};

export function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireEmployee(request);
  const state = loadCourseState(user.employeeId, params.code ?? "");
  if (!state) notFound("Kurset findes ikke.");
  const { content } = state;
  const kind = listCourses().find((c) => c.id === state.courseId)?.kind;
  return {
    code: content.code,
    title: content.title,
    introHtml: renderMarkdown(content.intro),
    alsoCounts: kind === "site_and_import" ? (ALSO_COUNTS[content.code] ?? null) : null,
    attestationText: content.attestation,
    guidelinesHtml: renderMarkdown(fillPlaceholders(GUIDELINES_LINE, loadContacts())),
    status: state.status,
    done: state.done,
    modules: state.modules,
    passedCount: state.passedCount,
    awaitsAttestation: awaitsAttestation(state),
    completedOn: state.validCompletion?.completedOn ?? null,
    completionSource: state.validCompletion?.source ?? null,
    // The AI course points to the afdeling's AI super users (Chefforum, 19 June 2025).
    askSuperUsers: content.code === "ai" ? askSuperUsersData(user.employeeId, today()) : null,
  };
}

export default function CoursePage() {
  const c = useLoaderData<typeof loader>();
  const next = c.modules.find((m) => m.state !== "passed");
  // A valid completion from the vendor or HR: the site's own modules have not been taken.
  const elsewhere =
    !c.done && c.completionSource !== null && c.completionSource !== "site" && c.passedCount === 0;

  return (
    <div>
      <nav aria-label="Brødkrumme" className="text-sm">
        <Link to="/mine-kurser">Mine kurser</Link>
      </nav>
      <h1 className="mt-1 text-2xl font-bold">{c.title}</h1>
      <p className="mt-2 flex flex-wrap items-center gap-2">
        <StatusBadge status={c.status} />
        <span className="text-sm text-muted">{statusDetail(c.status)}</span>
      </p>

      {c.awaitsAttestation && c.attestationText ? (
        <AttestationForm code={c.code} statement={c.attestationText} guidelinesHtml={c.guidelinesHtml} />
      ) : null}

      {c.done && c.completedOn ? (
        <section
          aria-labelledby="gennemfoert"
          className="mt-4 rounded-lg border-2 border-green-700 bg-white p-5"
        >
          <h2 id="gennemfoert" className="text-lg font-semibold text-ok">
            Du har gennemført kurset
          </h2>
          <p className="mt-1">
            Gennemført {formatShortDate(c.completedOn)}. {statusDetail(c.status)}.
          </p>
          <p className="mt-3">
            <a href={`/mine-kurser/${c.code}/kursusbevis`} className="font-semibold">
              Hent kursusbevis (PDF)
            </a>
          </p>
        </section>
      ) : null}

      <div className="mt-6 max-w-prose">
        <Markdown html={c.introHtml} />
      </div>
      {c.alsoCounts ? (
        <section aria-labelledby="hvad-taeller" className="mt-6 max-w-prose">
          <h2 id="hvad-taeller" className="text-xl font-semibold">
            Hvad tæller som gennemført?
          </h2>
          <p className="mt-2">{c.alsoCounts}</p>
        </section>
      ) : null}

      <h2 className="mt-8 text-xl font-semibold">Moduler</h2>
      {elsewhere && c.completionSource ? (
        <CompletedElsewhere source={c.completionSource} />
      ) : (
        <ProgressBar passed={c.passedCount} total={c.modules.length} label={`Fremskridt i ${c.title}`} />
      )}
      <ol className="mt-4 space-y-3">
        {c.modules.map((m, i) => (
          <li key={m.slug} className="rounded-lg bg-white p-4 shadow-sm">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h3 className="font-semibold">
                {i + 1}. {m.title}
              </h3>
              <span className="text-sm text-muted">ca. {m.minutes} min.</span>
            </div>
            <p className="mt-1 text-sm">
              <ModuleStateLabel state={m.state} currentPage={m.currentPage} pageCount={m.pageCount} />
            </p>
            <p className="mt-2 flex flex-wrap gap-x-4 gap-y-1">
              <Link
                to={`/kurser/${c.code}/${m.slug}?side=${m.state === "inProgress" ? m.currentPage + 1 : 1}`}
                aria-label={`${m.state === "notStarted" ? "Start" : m.state === "inProgress" ? "Fortsæt" : "Læs"} modul ${i + 1}: ${m.title}`}
                className="font-semibold"
              >
                {m.state === "notStarted" ? "Start" : m.state === "inProgress" ? "Fortsæt" : "Læs igen"}
              </Link>
              {m.quizOpen && m.state !== "passed" ? (
                <Link
                  to={`/kurser/${c.code}/${m.slug}/quiz`}
                  aria-label={`Tag quizzen i modul ${i + 1}: ${m.title}`}
                >
                  Tag quizzen
                </Link>
              ) : null}
            </p>
          </li>
        ))}
      </ol>

      {next && !c.done ? (
        <p className="mt-6">
          <Link
            to={`/kurser/${c.code}/${next.slug}?side=${next.state === "inProgress" ? next.currentPage + 1 : 1}`}
            className="inline-block rounded bg-brand-700 px-4 py-2 font-semibold text-white no-underline hover:bg-brand-800 hover:text-white"
          >
            {c.passedCount === 0 && next.state === "notStarted" ? "Start kurset" : "Fortsæt kurset"}
          </Link>
        </p>
      ) : null}
      {c.askSuperUsers ? <AskSuperUsers data={c.askSuperUsers} /> : null}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: pageTitle(matches, `${data?.title ?? "Kursus"}`) },
];

export function ErrorBoundary() {
  return <RouteErrorBoundary to="/mine-kurser" label="Gå til Mine kurser" />;
}
