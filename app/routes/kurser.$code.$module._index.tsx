import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { z } from "zod";
import { notFound, requireEmployee } from "~/auth/guard.server";
import { fillPlaceholders } from "~/content/placeholders";
import { awaitsAttestation } from "~/courses/attestation";
import { findModule, loadCourseState, savePageProgress } from "~/courses/player.server";
import { pageTurn } from "~/courses/progress";
import { loadContacts } from "~/site-settings.server";
import { AttestationReminder } from "~/ui/attestation";
import { Meter } from "~/ui/course-progress";
import { Markdown } from "~/ui/markdown";
import { renderMarkdown } from "~/ui/markdown.server";
import { pageTitle } from "~/ui/page-title";
import { RouteErrorBoundary } from "~/ui/route-error-boundary";

// Turning a page is a POST: it saves how far the employee has read (GET never writes).
const PageTurn = z.object({ page: z.coerce.number().int().min(0) });

function loadModule(request: Request, params: LoaderFunctionArgs["params"]) {
  const user = requireEmployee(request);
  const state = loadCourseState(user.employeeId, params.code ?? "");
  const module = state && findModule(state.content, params.module ?? "");
  if (!state || !module) notFound("Modulet findes ikke.");
  const index = state.content.modules.indexOf(module);
  return { user, state, module, index };
}

export function loader({ request, params }: LoaderFunctionArgs) {
  const { state, module, index } = loadModule(request, params);
  const requested = Number(new URL(request.url).searchParams.get("side") ?? "1");
  const pageIndex = Number.isInteger(requested)
    ? Math.min(Math.max(requested, 1), module.pages.length) - 1
    : 0;
  const overview = state.modules[index];
  const page = module.pages[pageIndex];
  if (!page || !overview) notFound();
  return {
    courseCode: state.content.code,
    courseTitle: state.content.title,
    moduleNumber: index + 1,
    moduleCount: state.modules.length,
    slug: module.slug,
    title: module.title,
    // {{medarbejdersiden}} and the other placeholders become links from the admin settings.
    // Rendered here, so the browser gets HTML and no Markdown library.
    page: { heading: page.heading, html: renderMarkdown(fillPlaceholders(page.markdown, loadContacts())) },
    awaitsAttestation: awaitsAttestation(state),
    pageIndex,
    pageCount: module.pages.length,
    sources: pageIndex === module.pages.length - 1 ? module.sources : [],
    quizOpen: overview.quizOpen,
    passed: overview.state === "passed",
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, state, module, index } = loadModule(request, params);
  const parsed = PageTurn.safeParse(Object.fromEntries(await request.formData()));
  const base = `/kurser/${state.content.code}/${module.slug}`;
  if (!parsed.success) return redirect(base);
  const turn = pageTurn({
    requested: parsed.data.page,
    pageCount: module.pages.length,
    quizOpen: state.modules[index]?.quizOpen ?? false,
  });
  savePageProgress(user.employeeId, state.courseId, module.slug, turn.save);
  return redirect(turn.goTo === "quiz" ? `${base}/quiz` : `${base}?side=${turn.goTo.page + 1}`);
}

export default function ModulePage() {
  const m = useLoaderData<typeof loader>();
  const isLast = m.pageIndex === m.pageCount - 1;
  const base = `/kurser/${m.courseCode}/${m.slug}`;
  const headingRef = usePageTurnFocus(`${m.slug}:${m.pageIndex}`);
  return (
    <article>
      <nav aria-label="Brødkrumme" className="text-sm">
        <ol className="flex flex-wrap gap-1">
          <li className="after:ml-1 after:content-['›']">
            <Link to="/mine-kurser">Mine kurser</Link>
          </li>
          <li>
            <Link to={`/kurser/${m.courseCode}`}>{m.courseTitle}</Link>
          </li>
        </ol>
      </nav>
      <p className="mt-2 text-sm font-semibold text-muted">
        Modul {m.moduleNumber} af {m.moduleCount}
      </p>
      <h1 className="text-2xl font-bold">{m.title}</h1>
      {m.awaitsAttestation ? <AttestationReminder code={m.courseCode} /> : null}
      <div className="mt-3">
        <p className="text-sm">
          Side {m.pageIndex + 1} af {m.pageCount}
        </p>
        <Meter
          value={m.pageIndex + 1}
          max={m.pageCount}
          label="Sider læst i modulet"
          valueText={`Side ${m.pageIndex + 1} af ${m.pageCount}`}
          className="h-2"
        />
      </div>

      <section aria-labelledby="side-titel" className="mt-6 rounded-lg bg-white p-5 shadow-sm sm:p-8">
        <h2 id="side-titel" ref={headingRef} tabIndex={-1} className="text-xl font-semibold">
          {m.page.heading}
        </h2>
        <Markdown html={m.page.html} />
        {m.sources.length > 0 ? (
          <aside aria-labelledby="kilder" className="mt-8 border-t border-brand-100 pt-4 text-sm">
            <h3 id="kilder" className="font-semibold">
              Kilder
            </h3>
            <ul className="mt-1 list-disc space-y-1 pl-5">
              {m.sources.map((s) => (
                <li key={s.title}>{s.url ? <a href={s.url}>{s.title}</a> : s.title}</li>
              ))}
            </ul>
          </aside>
        ) : null}
      </section>

      <div className="mt-6 flex flex-wrap items-center gap-4">
        {m.pageIndex > 0 ? <Link to={`${base}?side=${m.pageIndex}`}>Forrige side</Link> : null}
        <Form method="post">
          <input type="hidden" name="page" value={m.pageIndex + 1} />
          <button
            type="submit"
            className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
          >
            {isLast ? (m.passed ? "Tag quizzen igen" : "Gå til quizzen") : "Næste side"}
          </button>
        </Form>
        {m.quizOpen && !isLast && !m.passed ? (
          <Link to={`${base}/quiz`}>Spring læsningen over og tag quizzen</Link>
        ) : null}
      </div>
    </article>
  );
}

/**
 * After a page turn in the browser (JavaScript on), focus goes to the new page's heading, so a
 * keyboard or screen reader user starts reading there instead of on "Næste side". Not on the first
 * load: a page that arrives by an ordinary request starts from the top, as every page does.
 */
function usePageTurnFocus(pageKey: string) {
  const ref = useRef<HTMLHeadingElement>(null);
  const shown = useRef(pageKey);
  useEffect(() => {
    if (shown.current === pageKey) return;
    shown.current = pageKey;
    ref.current?.focus();
  }, [pageKey]);
  return ref;
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: pageTitle(matches, `${data?.title ?? "Modul"} · ${data?.courseTitle ?? ""}`) },
];

export function ErrorBoundary() {
  return <RouteErrorBoundary to="/mine-kurser" label="Gå til Mine kurser" />;
}
