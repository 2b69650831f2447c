import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useMemo, useRef } from "react";
import { z } from "zod";
import { notFound, requireEmployee } from "~/auth/guard.server";
import type { CourseModule } from "~/content/parse";
import {
  findModule,
  getOwnAttempt,
  isOwnAttemptId,
  loadCourseState,
  openQuizAttempt,
  submitQuizAttempt,
} from "~/courses/player.server";
import { optionOrder, type QuizAnswers, readAnswers } from "~/courses/quiz";
import { ErrorSummary, PRIMARY_BUTTON_CLASS, SubmitButton } from "~/ui/form";
import type { FormErrors } from "~/ui/form-errors";
import { pageTitle } from "~/ui/page-title";
import { RouteErrorBoundary } from "~/ui/route-error-boundary";

// Three steps that work without JavaScript: answer -> review (WCAG 3.3.4) -> submit. Answering and
// reviewing are GET forms (the answers travel in the address, nothing is stored), and the submit
// POST redirects to the result, so every step in the browser history is a GET: Back never asks
// to send a form again. The attempt id (`forsoeg`) is made by the server when the quiz opens.
const Submit = z.object({ forsoeg: z.string().min(1) });

function loadQuiz(request: Request, params: LoaderFunctionArgs["params"]) {
  const user = requireEmployee(request);
  const state = loadCourseState(user.employeeId, params.code ?? "");
  const module = state && findModule(state.content, params.module ?? "");
  const overview = state?.modules.find((m) => m.slug === module?.slug);
  if (!state || !module || !overview) notFound("Quizzen findes ikke.");
  // The first time, the module is read before its quiz.
  if (!overview.quizOpen) throw redirect(`/kurser/${state.content.code}/${module.slug}?side=1`);
  const binding = { employeeId: user.employeeId, courseCode: state.content.code, moduleSlug: module.slug };
  const base = `/kurser/${state.content.code}/${module.slug}`;
  return { user, state, module, binding, base };
}

/** The address of a quiz step with the answers so far. */
function stepUrl(base: string, attemptId: string, answers: QuizAnswers, review: boolean) {
  const query = new URLSearchParams({ forsoeg: attemptId });
  if (review) query.set("trin", "gennemse");
  for (const [id, index] of Object.entries(answers)) query.set(id, String(index));
  return `${base}/quiz?${query}`;
}

/** The questions as the browser may see them: no correct answers, no explanations. */
function publicQuestions(module: CourseModule) {
  return module.quiz.map((q) => ({
    id: q.id,
    question: q.question,
    options: q.options.map((o, index) => ({ index, text: o.text })),
  }));
}

export function loader({ request, params }: LoaderFunctionArgs) {
  const { user, state, module, binding, base } = loadQuiz(request, params);
  const query = new URL(request.url).searchParams;
  const given = query.get("forsoeg");
  // Someone else's attempt (a shared address) or a made-up id: nothing can be answered under it.
  const refused = given !== null && !isOwnAttemptId(binding, given);
  // A fresh attempt per visit to the bare address; it also fixes the shuffled order of the answers.
  const attemptId = given !== null && !refused ? given : openQuizAttempt(binding);
  const { answers, missing } = readAnswers(module.quiz, refused ? {} : Object.fromEntries(query));
  const wantsReview = query.get("trin") === "gennemse";
  // Back from the result lands here again: the attempt is saved, so it cannot be sent twice.
  const submitted = !refused && given !== null && getOwnAttempt(user.employeeId, given) !== undefined;
  const step = refused
    ? "refused"
    : submitted
      ? "submitted"
      : wantsReview && missing.length === 0
        ? "review"
        : "answer";
  return data(
    {
      courseCode: state.content.code,
      courseTitle: state.content.title,
      slug: module.slug,
      title: module.title,
      passMark: module.passMark,
      questions: publicQuestions(module),
      attemptId,
      step,
      answers,
      missing: step === "answer" && wantsReview ? missing : [],
      resultPath: `${base}/resultat/${attemptId}`,
    } as const,
    { status: refused || (step === "answer" && wantsReview) ? 400 : 200 },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, state, module, binding, base } = loadQuiz(request, params);
  const form = Object.fromEntries(await request.formData());
  const parsed = Submit.safeParse(form);
  if (!parsed.success || !isOwnAttemptId(binding, parsed.data.forsoeg)) return refusedAttempt();
  const attemptId = parsed.data.forsoeg;
  const { answers, missing } = readAnswers(module.quiz, form);
  // Only a hand-made request gets here with answers missing: back to the list of what is missing.
  if (missing.length > 0) return redirect(stepUrl(base, attemptId, answers, true));

  const outcome = await submitQuizAttempt({ employeeId: user.employeeId, state, module, attemptId, answers });
  if (outcome === "refused") return refusedAttempt();
  // Saved now or by an earlier click of the same attempt: either way the result is there.
  return redirect(`${base}/resultat/${attemptId}`);
}

/** Nothing is saved, and the person is told so (never a silent drop). */
function refusedAttempt() {
  return data({ refused: true }, { status: 400 });
}

export default function Quiz() {
  const quizPage = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>()?.refused === true || quizPage.step === "refused";
  const missing = new Set<string>(quizPage.missing);
  const reviewRef = useRef<HTMLHeadingElement>(null);

  // The error summary takes focus itself when there is something missing.
  useEffect(() => {
    if (quizPage.step === "review") reviewRef.current?.focus();
  }, [quizPage]);

  const numbered = quizPage.questions.map((question, i) => ({ ...question, number: i + 1 }));
  // Each unanswered question, keyed by its id; the summary links to its first option. Made once
  // per page load, so the summary takes focus when it appears, not on every render.
  const missingErrors = useMemo<FormErrors>(
    () => ({
      fieldErrors: Object.fromEntries(
        quizPage.questions.flatMap((question, i) =>
          quizPage.missing.includes(question.id)
            ? [[question.id, [`Vælg et svar til spørgsmål ${i + 1}`]]]
            : [],
        ),
      ),
    }),
    [quizPage],
  );
  const answers: QuizAnswers = quizPage.answers;
  const hiddenAnswers = numbered.map((question) => (
    <input key={question.id} type="hidden" name={question.id} value={answers[question.id]} />
  ));

  return (
    <div>
      <nav aria-label="Brødkrumme" className="text-sm">
        <Link to={`/kurser/${quizPage.courseCode}`}>{quizPage.courseTitle}</Link>
      </nav>
      <h1 className="mt-1 text-2xl font-bold">Quiz: {quizPage.title}</h1>
      <p className="mt-2 max-w-prose">
        {quizPage.questions.length} spørgsmål. Du skal have mindst {quizPage.passMark} % rigtige for at bestå.
        Du kan prøve igen, så mange gange du vil.
      </p>

      <ErrorSummary
        errors={missingErrors}
        labels={{}}
        ids={Object.fromEntries(quizPage.missing.map((id) => [id, `${id}-0`]))}
        title={`Du mangler at svare på ${missing.size === 1 ? "1 spørgsmål" : `${missing.size} spørgsmål`}`}
        className="mt-4"
      />

      {refused ? (
        <section aria-labelledby="afvist" className="mt-6 rounded-lg border-2 border-bad bg-white p-5">
          <h2 id="afvist" className="text-xl font-semibold text-bad">
            Dine svar blev ikke gemt
          </h2>
          <p className="mt-1 max-w-prose">
            Quizforsøget hører ikke til dig eller til denne quiz, så der kan ikke gemmes svar under det. Start
            quizzen igen.
          </p>
          <p className="mt-4">
            <Link to={`/kurser/${quizPage.courseCode}/${quizPage.slug}/quiz`} className="font-semibold">
              Start quizzen igen
            </Link>
          </p>
        </section>
      ) : quizPage.step === "submitted" ? (
        <section aria-labelledby="indsendt" className="mt-6 rounded-lg bg-white p-5 shadow-sm">
          <h2 id="indsendt" className="text-xl font-semibold">
            Du har allerede indsendt dette forsøg
          </h2>
          <p className="mt-1">Dine svar er gemt. Vil du prøve igen, så start et nyt forsøg.</p>
          <div className="mt-4 flex flex-wrap gap-4">
            <Link to={quizPage.resultPath} className="font-semibold">
              Se resultatet
            </Link>
            <Link to={`/kurser/${quizPage.courseCode}/${quizPage.slug}/quiz`}>Tag quizzen igen</Link>
          </div>
        </section>
      ) : quizPage.step === "review" ? (
        <section aria-labelledby="gennemse" className="mt-6 rounded-lg bg-white p-5 shadow-sm">
          <h2 id="gennemse" ref={reviewRef} tabIndex={-1} className="text-xl font-semibold">
            Gennemse dine svar
          </h2>
          <p className="mt-1">Tjek dine svar, før du indsender. Du kan stadig rette dem.</p>
          <ol className="mt-4 space-y-3">
            {numbered.map((question) => (
              <li key={question.id}>
                <p className="font-semibold">
                  {question.number}. {question.question}
                </p>
                <p className="mt-1">Dit svar: {question.options[answers[question.id] ?? -1]?.text}</p>
              </li>
            ))}
          </ol>
          <div className="mt-6 flex flex-wrap gap-3">
            <Form method="post">
              <input type="hidden" name="forsoeg" value={quizPage.attemptId} />
              {hiddenAnswers}
              <SubmitButton pendingText="Indsender …">Indsend svar</SubmitButton>
            </Form>
            <Form method="get">
              <input type="hidden" name="forsoeg" value={quizPage.attemptId} />
              {hiddenAnswers}
              <SubmitButton pending={false} className="min-h-11 rounded border border-brand-700 px-4 py-2">
                Ret svar
              </SubmitButton>
            </Form>
          </div>
        </section>
      ) : (
        // Keyed by the attempt, so a new attempt starts with nothing chosen, in its own order.
        <Form key={quizPage.attemptId} method="get" className="mt-6" noValidate>
          <input type="hidden" name="forsoeg" value={quizPage.attemptId} />
          <input type="hidden" name="trin" value="gennemse" />
          <ol className="space-y-6">
            {numbered.map((question) => (
              <li key={question.id}>
                <Question
                  question={question}
                  total={numbered.length}
                  attemptId={quizPage.attemptId}
                  chosen={answers[question.id]}
                  invalid={missing.has(question.id)}
                />
              </li>
            ))}
          </ol>
          <SubmitButton pending={false} className={`mt-6 ${PRIMARY_BUTTON_CLASS}`}>
            Gennemse svar
          </SubmitButton>
        </Form>
      )}
    </div>
  );
}

/**
 * One question as a group of option cards. The whole card is the radio's label, so a tap anywhere
 * on it chooses the answer; the radio itself is 24 px (WCAG 2.5.8).
 */
function Question({
  question,
  total,
  attemptId,
  chosen,
  invalid,
}: {
  question: { id: string; number: number; question: string; options: { index: number; text: string }[] };
  total: number;
  attemptId: string;
  chosen: number | undefined;
  invalid: boolean;
}) {
  return (
    <fieldset
      className={`rounded-lg bg-white p-4 shadow-sm sm:p-5 ${invalid ? "border-2 border-bad" : ""}`}
      aria-describedby={invalid ? `${question.id}-fejl` : undefined}
    >
      <legend className="float-left w-full font-semibold">
        <span className="block text-sm text-muted">
          Spørgsmål {question.number} af {total}
        </span>
        {question.question}
      </legend>
      {invalid ? (
        <p id={`${question.id}-fejl`} className="clear-both pt-2 text-sm font-semibold text-bad">
          Vælg et svar.
        </p>
      ) : null}
      <div className="clear-both space-y-2 pt-3">
        {optionOrder(attemptId, question.id, question.options.length).map((index, position) => {
          const option = question.options[index];
          const id = `${question.id}-${position}`;
          return option ? (
            <label
              key={index}
              htmlFor={id}
              className="flex cursor-pointer items-start gap-3 rounded border border-gray-400 p-3 hover:border-brand-700 hover:bg-brand-50 has-checked:border-brand-700 has-checked:bg-brand-50 has-checked:ring-1 has-checked:ring-brand-700"
            >
              <input
                id={id}
                type="radio"
                name={question.id}
                value={index}
                defaultChecked={chosen === index}
                aria-invalid={invalid ? true : undefined}
                className="size-6 shrink-0 accent-brand-700"
              />
              <span className="min-w-0 flex-1 break-words">{option.text}</span>
            </label>
          ) : null;
        })}
      </div>
    </fieldset>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: pageTitle(matches, `Quiz: ${data?.title ?? ""}`) },
];

export function ErrorBoundary() {
  return <RouteErrorBoundary to="/mine-kurser" label="Gå til Mine kurser" />;
}
