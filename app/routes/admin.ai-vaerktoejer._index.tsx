import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AI_TOOL_STATUS_LABEL } from "~/ai-tools/tools";
import { listToolChanges, listTools } from "~/ai-tools/tools.server";
import { requireRole } from "~/auth/guard.server";
import { pageTitle } from "~/ui/page-title";
import { RouteErrorBoundary } from "~/ui/route-error-boundary";

// IT & Digitalisering (admins) keep the AI tools list here; /ai-vaerktoejer shows it to everyone.

const when = (at: number) => new Date(at).toLocaleString("da-DK", { timeZone: "Europe/Copenhagen" });

export function loader({ request }: LoaderFunctionArgs) {
  requireRole(request, "admin");
  return {
    tools: listTools({ includeRetired: true }).map((t) => ({
      id: t.id,
      name: t.name,
      status: AI_TOOL_STATUS_LABEL[t.status],
      retired: t.retiredAt !== null,
    })),
    history: listToolChanges(50).map((c) => ({ ...c, at: when(c.at) })),
  };
}

export default function AdminAiTools() {
  const { tools, history } = useLoaderData<typeof loader>();
  return (
    <div className="max-w-3xl">
      <nav aria-label="Brødkrumme" className="text-sm">
        <Link to="/">Forside</Link>
      </nav>
      <h1 className="mt-1 text-2xl font-bold">Redigér AI-værktøjer</h1>
      <p className="mt-2 max-w-prose">
        Oversigten <Link to="/ai-vaerktoejer">AI-værktøjer – hvad må du bruge?</Link> viser de værktøjer, der
        står her. Hver ændring gemmes med hvem og hvornår.
      </p>
      <p className="mt-4">
        <Link
          to="/admin/ai-vaerktoejer/ny"
          className="inline-block rounded bg-brand-700 px-4 py-2 font-semibold text-white no-underline hover:bg-brand-800 hover:text-white"
        >
          Tilføj et værktøj
        </Link>
      </p>
      <h2 className="mt-6 text-xl font-semibold">Værktøjer</h2>
      <ul className="mt-2 space-y-2">
        {tools.map((t) => (
          <li key={t.id} className="rounded-lg bg-white p-4 shadow-sm">
            <Link to={`/admin/ai-vaerktoejer/${t.id}`} className="font-semibold">
              {t.name}
            </Link>
            <p className="text-sm">
              {t.status}
              {t.retired ? " · fjernet fra oversigten" : ""}
            </p>
          </li>
        ))}
      </ul>
      <h2 className="mt-8 text-xl font-semibold">Historik</h2>
      {history.length === 0 ? (
        <p className="mt-2">Ingen ændringer endnu.</p>
      ) : (
        <ol className="mt-2 space-y-2">
          {history.map((h) => (
            <li key={h.id} className="break-words rounded bg-white p-3 text-sm shadow-sm">
              <span className="font-semibold">{h.toolName}</span>: {h.description}
              {h.publishedVersion ? ` (kursusversion ${h.publishedVersion})` : ""}
              <br />
              <span className="text-muted">
                {h.at} af {h.actorName}
              </span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Redigér AI-værktøjer") }];

export function ErrorBoundary() {
  return <RouteErrorBoundary to="/" label="Gå til forsiden" />;
}
