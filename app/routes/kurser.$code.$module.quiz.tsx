import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { z } from "zod";
import type { CourseModule } from "~/content/parse";
import { notFound, requireEmployee } from "~/courses/guard.server";
import { findModule, loadCourseState, submitQuizAttempt } from "~/courses/player.server";
import { optionOrder, type QuizAnswers, readAnswers } from "~/courses/quiz";

// One form, three steps without JavaScript: answer → review (WCAG 3.3.4) → submit.
const QuizStep = z.object({
  attemptId: z.uuid(),
  intent: z.enum(["review", "edit", "submit"]),
});

function loadQuiz(request: Request, params: LoaderFunctionArgs["params"]) {
  const user = requireEmployee(request);
  const state = loadCourseState(user.employeeId, params.code ?? "");
  const module = state && findModule(state.content, params.module ?? "");
  const overview = state?.modules.find((m) => m.slug === module?.slug);
  if (!state || !module || !overview) notFound("Quizzen findes ikke.");
  // The first time, the module is read before its quiz.
  if (!overview.quizOpen) throw redirect(`/kurser/${state.content.code}/${module.slug}?side=1`);
  return { user, state, module };
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
  const { state, module } = loadQuiz(request, params);
  return {
    courseCode: state.content.code,
    courseTitle: state.content.title,
    slug: module.slug,
    title: module.title,
    passMark: module.passMark,
    questions: publicQuestions(module),
    // A fresh attempt per visit; it also fixes the shuffled order of the answers.
    attemptId: crypto.randomUUID(),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, state, module } = loadQuiz(request, params);
  const form = Object.fromEntries(await request.formData());
  const step = QuizStep.safeParse(form);
  if (!step.success) throw data({ message: "Ugyldig formular." }, { status: 400 });
  const { attemptId, intent } = step.data;
  const { answers, missing } = readAnswers(module.quiz, form);

  if (intent === "edit") return { step: "answer" as const, attemptId, answers, missing: [] as string[] };
  if (missing.length > 0) {
    return data({ step: "answer" as const, attemptId, answers, missing }, { status: 400 });
  }
  if (intent === "review") return { step: "review" as const, attemptId, answers, missing };

  submitQuizAttempt({ employeeId: user.employeeId, state, module, attemptId, answers });
  return redirect(`/kurser/${state.content.code}/${module.slug}/resultat/${attemptId}`);
}

export default function Quiz() {
  const q = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const attemptId = result?.attemptId ?? q.attemptId;
  const answers: QuizAnswers = result?.answers ?? {};
  const missing = new Set(result?.missing ?? []);
  const reviewing = result?.step === "review";
  const summaryRef = useRef<HTMLDivElement>(null);
  const reviewRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (result?.missing.length) summaryRef.current?.focus();
    else if (result?.step === "review") reviewRef.current?.focus();
  }, [result]);

  const numbered = q.questions.map((question, i) => ({ ...question, number: i + 1 }));

  return (
    <div>
      <nav aria-label="Brødkrumme" className="text-sm">
        <Link to={`/kurser/${q.courseCode}`}>{q.courseTitle}</Link>
      </nav>
      <h1 className="mt-1 text-2xl font-bold">Quiz: {q.title}</h1>
      <p className="mt-2 max-w-prose">
        {q.questions.length} spørgsmål. Du skal have mindst {q.passMark} % rigtige for at bestå. Du kan prøve
        igen, så mange gange du vil.
      </p>

      {missing.size > 0 ? (
        <div
          ref={summaryRef}
          tabIndex={-1}
          role="alert"
          aria-labelledby="mangler-titel"
          className="mt-4 rounded border-2 border-bad bg-white p-4"
        >
          <h2 id="mangler-titel" className="font-semibold text-bad">
            Du mangler at svare på {missing.size === 1 ? "1 spørgsmål" : `${missing.size} spørgsmål`}
          </h2>
          <ul className="mt-1 list-disc pl-5">
            {numbered
              .filter((question) => missing.has(question.id))
              .map((question) => (
                <li key={question.id}>
                  <a href={`#${question.id}-0`}>Vælg et svar til spørgsmål {question.number}</a>
                </li>
              ))}
          </ul>
        </div>
      ) : null}

      <Form method="post" className="mt-6" noValidate>
        <input type="hidden" name="attemptId" value={attemptId} />
        {reviewing ? (
          <section aria-labelledby="gennemse" className="rounded-lg bg-white p-5 shadow-sm">
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
                  <input type="hidden" name={question.id} value={answers[question.id]} />
                </li>
              ))}
            </ol>
            <div className="mt-6 flex flex-wrap gap-3">
              <button
                type="submit"
                name="intent"
                value="submit"
                className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
              >
                Indsend svar
              </button>
              <button
                type="submit"
                name="intent"
                value="edit"
                className="rounded border border-brand-700 px-4 py-2"
              >
                Ret svar
              </button>
            </div>
          </section>
        ) : (
          <>
            <ol className="space-y-6">
              {numbered.map((question) => {
                const invalid = missing.has(question.id);
                return (
                  <li key={question.id}>
                    <fieldset
                      className={`rounded-lg bg-white p-5 shadow-sm ${invalid ? "border-2 border-bad" : ""}`}
                      aria-describedby={invalid ? `${question.id}-fejl` : undefined}
                    >
                      <legend className="float-left w-full font-semibold">
                        <span className="block text-sm text-muted">
                          Spørgsmål {question.number} af {numbered.length}
                        </span>
                        {question.question}
                      </legend>
                      {invalid ? (
                        <p
                          id={`${question.id}-fejl`}
                          className="clear-both pt-2 text-sm font-semibold text-bad"
                        >
                          Vælg et svar.
                        </p>
                      ) : null}
                      <div className="clear-both space-y-2 pt-3">
                        {optionOrder(attemptId, question.id, question.options.length).map(
                          (index, position) => {
                            const option = question.options[index];
                            const id = `${question.id}-${position}`;
                            return option ? (
                              <div
                                key={index}
                                className="flex items-start gap-3 rounded border border-gray-300 p-3"
                              >
                                <input
                                  id={id}
                                  type="radio"
                                  name={question.id}
                                  value={index}
                                  defaultChecked={answers[question.id] === index}
                                  aria-invalid={invalid ? true : undefined}
                                  className="mt-1 size-5 shrink-0"
                                />
                                <label htmlFor={id} className="flex-1">
                                  {option.text}
                                </label>
                              </div>
                            ) : null;
                          },
                        )}
                      </div>
                    </fieldset>
                  </li>
                );
              })}
            </ol>
            <button
              type="submit"
              name="intent"
              value="review"
              className="mt-6 rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
            >
              Gennemse svar
            </button>
          </>
        )}
      </Form>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Quiz: ${data?.title ?? ""} · Albertslund Kommune` },
];
