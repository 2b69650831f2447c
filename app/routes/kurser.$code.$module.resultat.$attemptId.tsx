import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { notFound, requireEmployee } from "~/auth/guard.server";
import { awaitsAttestation } from "~/courses/attestation";
import { findModule, getOwnAttempt, loadCourseState } from "~/courses/player.server";
import { explanationWithoutVerdict, type QuizAnswers, scoreQuiz } from "~/courses/quiz";
import { AttestationReminder } from "~/ui/attestation";
import { pageTitle } from "~/ui/page-title";
import { RouteErrorBoundary } from "~/ui/route-error-boundary";

export function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireEmployee(request);
  const state = loadCourseState(user.employeeId, params.code ?? "");
  const module = state && findModule(state.content, params.module ?? "");
  const attempt = getOwnAttempt(user.employeeId, params.attemptId ?? "");
  if (!state || !module || !attempt || attempt.moduleSlug !== module.slug)
    notFound("Resultatet findes ikke.");

  const answers = JSON.parse(attempt.answers) as QuizAnswers;
  const sameVersion = attempt.courseVersion === state.content.version;
  const score = scoreQuiz(module.quiz, answers, module.passMark);
  const index = state.content.modules.indexOf(module);
  const nextModule =
    state.modules.slice(index + 1).find((m) => m.state !== "passed") ??
    state.modules.find((m) => m.state !== "passed");
  return {
    courseCode: state.content.code,
    courseTitle: state.content.title,
    slug: module.slug,
    title: module.title,
    passMark: module.passMark,
    percent: attempt.score,
    passed: attempt.passed,
    correctCount: sameVersion ? score.correctCount : null,
    total: module.quiz.length,
    courseDone: state.done,
    canAttest: awaitsAttestation(state),
    nextModule: nextModule ? { slug: nextModule.slug, title: nextModule.title } : null,
    // Feedback per question: the chosen answer explained, and the right one when it was wrong.
    feedback: sameVersion
      ? module.quiz.map((q, i) => {
          const chosen = answers[q.id];
          const correct = q.options.find((o) => o.correct);
          const chosenOption = chosen === undefined ? undefined : q.options[chosen];
          return {
            id: q.id,
            number: i + 1,
            question: q.question,
            isCorrect: score.results[i]?.isCorrect ?? false,
            chosenText: chosenOption?.text ?? null,
            chosenExplanation: chosenOption ? explanationWithoutVerdict(chosenOption.explanation) : null,
            correctText: correct?.text ?? "",
            correctExplanation: correct ? explanationWithoutVerdict(correct.explanation) : "",
          };
        })
      : [],
  };
}

export default function QuizResult() {
  const r = useLoaderData<typeof loader>();
  const base = `/kurser/${r.courseCode}`;
  return (
    <div>
      <nav aria-label="Brødkrumme" className="text-sm">
        <Link to={base}>{r.courseTitle}</Link>
      </nav>
      <h1 className="mt-1 text-2xl font-bold">Resultat: {r.title}</h1>
      <div
        role="status"
        className={`mt-4 rounded-lg border-2 bg-white p-5 ${r.passed ? "border-green-700" : "border-bad"}`}
      >
        <h2 className={`text-xl font-semibold ${r.passed ? "text-ok" : "text-bad"}`}>
          {r.passed ? "Bestået" : "Ikke bestået"}
        </h2>
        <p className="mt-1">
          {r.correctCount === null
            ? `Du fik ${r.percent} %.`
            : `Du svarede rigtigt på ${r.correctCount} af ${r.total} spørgsmål (${r.percent} %).`}{" "}
          {r.passed ? "Godt gået." : `Du skal have mindst ${r.passMark} %. Læs forklaringerne og prøv igen.`}
        </p>
      </div>

      {r.canAttest ? <AttestationReminder code={r.courseCode} /> : null}
      <div className="mt-4 flex flex-wrap gap-4">
        {r.passed ? (
          r.canAttest ? (
            <Link to={`${base}#erklaering`} className="font-semibold">
              Afslut kurset med din erklæring
            </Link>
          ) : r.nextModule ? (
            <Link to={`${base}/${r.nextModule.slug}?side=1`} className="font-semibold">
              Næste modul: {r.nextModule.title}
            </Link>
          ) : (
            <Link to={base} className="font-semibold">
              Tilbage til kurset
            </Link>
          )
        ) : (
          <Link to={`${base}/${r.slug}/quiz`} className="font-semibold">
            Prøv quizzen igen
          </Link>
        )}
        {!r.passed ? <Link to={`${base}/${r.slug}?side=1`}>Læs modulet igen</Link> : null}
      </div>

      {r.feedback.length > 0 ? (
        <section aria-labelledby="forklaringer" className="mt-8">
          <h2 id="forklaringer" className="text-xl font-semibold">
            Dine svar
          </h2>
          <ol className="mt-3 space-y-4">
            {r.feedback.map((f) => (
              <li key={f.id} className="rounded-lg bg-white p-4 shadow-sm sm:p-5">
                <h3 className="font-semibold">
                  {f.number}. {f.question}
                </h3>
                <p
                  className={`mt-2 inline-block rounded px-2 py-0.5 text-sm font-semibold ${
                    f.isCorrect ? "bg-green-50 text-ok" : "bg-red-50 text-bad"
                  }`}
                >
                  <span aria-hidden="true">{f.isCorrect ? "✓ " : "✗ "}</span>
                  {f.isCorrect ? "Rigtigt" : "Forkert"}
                </p>
                <dl className="mt-3 space-y-3">
                  <Answer
                    term="Dit svar"
                    text={f.chosenText ?? "Intet svar"}
                    explanation={f.chosenExplanation}
                    tone={f.isCorrect ? "ok" : "bad"}
                  />
                  {!f.isCorrect ? (
                    <Answer
                      term="Det rigtige svar"
                      text={f.correctText}
                      explanation={f.correctExplanation}
                      tone="ok"
                    />
                  ) : null}
                </dl>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </div>
  );
}

/** An answer and, below it in its own paragraph, why it is right or wrong. */
function Answer({
  term,
  text,
  explanation,
  tone,
}: {
  term: string;
  text: string;
  explanation: string | null;
  tone: "ok" | "bad";
}) {
  return (
    <div className={`border-l-4 pl-3 ${tone === "ok" ? "border-green-700" : "border-bad"}`}>
      <dt className="text-sm font-semibold text-muted">{term}</dt>
      <dd className="mt-0.5 font-semibold">{text}</dd>
      {explanation ? (
        <dd className="mt-1">
          <span className="sr-only">Forklaring: </span>
          {explanation}
        </dd>
      ) : null}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: pageTitle(matches, `Resultat: ${data?.title ?? ""}`) },
];

export function ErrorBoundary() {
  return <RouteErrorBoundary to="/mine-kurser" label="Gå til Mine kurser" />;
}
