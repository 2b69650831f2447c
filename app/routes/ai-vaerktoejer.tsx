import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { getAiToolsPage } from "~/content/content.server";
import { formatLongDate } from "~/ui/format";
import { Markdown } from "~/ui/markdown";

const VERDICT = {
  godkendt: { label: "Godkendt", style: "border-green-700 bg-green-100 text-ok" },
  begrænset: { label: "Kun uden personoplysninger", style: "border-amber-700 bg-amber-50 text-warn" },
  "ikke-tilladt": { label: "Ikke tilladt", style: "border-red-800 bg-red-50 text-bad" },
} as const;

// A reference page anyone may open, without signing in or finishing a course.
export function loader() {
  return getAiToolsPage();
}

export default function AiTools() {
  const page = useLoaderData<typeof loader>();
  return (
    <div>
      <h1 className="text-2xl font-bold">{page.title}</h1>
      <p className="mt-1 text-sm text-muted">Opdateret {formatLongDate(page.updated)}</p>
      <div className="mt-4">
        <Markdown>{page.body}</Markdown>
      </div>
      <ul className="mt-6 space-y-4">
        {page.tools.map((tool) => (
          <li key={tool.name} className="rounded-lg bg-white p-5 shadow-sm">
            <h2 className="text-lg font-semibold">{tool.name}</h2>
            <p className="mt-2">
              <span
                className={`inline-block rounded border px-2 py-0.5 text-sm font-semibold ${VERDICT[tool.verdict].style}`}
              >
                {VERDICT[tool.verdict].label}
              </span>
            </p>
            <p className="mt-2 max-w-prose">{tool.summary}</p>
            {tool.allowed.length > 0 ? (
              <>
                <h3 className="mt-3 font-semibold">Du må</h3>
                <ul className="mt-1 list-disc space-y-1 pl-6">
                  {tool.allowed.map((item) => (
                    <li key={item}>{item}</li>
                  ))}
                </ul>
              </>
            ) : null}
            {tool.notAllowed.length > 0 ? (
              <>
                <h3 className="mt-3 font-semibold">Du må ikke</h3>
                <ul className="mt-1 list-disc space-y-1 pl-6">
                  {tool.notAllowed.map((item) => (
                    <li key={item}>{item}</li>
                  ))}
                </ul>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      <section aria-labelledby="kilder" className="mt-8 text-sm">
        <h2 id="kilder" className="font-semibold">
          Kilder
        </h2>
        <ul className="mt-1 list-disc space-y-1 pl-5">
          {page.sources.map((s) => (
            <li key={s.title}>{s.url ? <a href={s.url}>{s.title}</a> : s.title}</li>
          ))}
        </ul>
      </section>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Godkendte AI-værktøjer · Albertslund Kommune" }];
