// The error page, in two places: the root's (the whole page failed) and a route's own, which
// shows the thrown Response's Danish message in place, so the header and navigation stay and
// the link back leads to a sensible page (a course's module -> Mine kurser, a unit -> Enheder).
import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { useRequestContext } from "~/request-context";

const ERROR_TEXT: Record<number, { title: string; body: string }> = {
  403: {
    title: "Du har ikke adgang",
    body: "Siden hører ikke til dine opgaver eller enheder. Mener du, at du burde have adgang, så kontakt din leder eller HR.",
  },
  404: {
    title: "Siden findes ikke",
    body: "Adressen kan være skrevet forkert, eller siden er flyttet.",
  },
  // The worker pool's queue is full (app/server/run-in-worker.server.ts).
  503: {
    title: "Siden har travlt",
    body: "Mange henter oversigter lige nu. Vent et øjeblik, og prøv igen.",
  },
};

const UNEXPECTED = {
  title: "Der skete en fejl",
  body: "Siden kunne ikke vises. Prøv igen om lidt. Sker det igen, så kontakt IT-Helpdesk.",
};

/** The message a loader or action threw with (`data({ message }, { status })`), if any. */
function thrownMessage(error: unknown): string | null {
  if (!isRouteErrorResponse(error)) return null;
  const message = (error.data as { message?: unknown } | null)?.message;
  return typeof message === "string" && message !== "" ? message : null;
}

export function ErrorPage({
  back,
  showMessage,
}: {
  back: { to: string; label: string };
  /** Show the thrown Response's own message as the heading (a route's boundary does). */
  showMessage: boolean;
}) {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const { requestId } = useRequestContext();
  const text = ERROR_TEXT[status] ?? UNEXPECTED;
  const title = (showMessage ? thrownMessage(error) : null) ?? text.title;
  return (
    <section aria-labelledby="fejl-titel" className="rounded-lg bg-white p-6 shadow-sm">
      <p className="text-sm font-semibold text-muted">Fejl {status}</p>
      <h1 id="fejl-titel" className="mt-1 text-2xl font-bold">
        {title}
      </h1>
      <p className="mt-3 max-w-prose">{text.body}</p>
      {status >= 500 && requestId ? (
        <p className="mt-3 text-sm">
          Oplys fejlkoden <code className="font-mono">{requestId}</code>, hvis du kontakter IT-Helpdesk.
        </p>
      ) : null}
      <p className="mt-4">
        <Link to={back.to}>{back.label}</Link>
      </p>
    </section>
  );
}

/**
 * A route's in-place error: the thrown Response's Danish message, with a way back.
 * `export function ErrorBoundary() { return <RouteErrorBoundary to="/mine-kurser" label="Gå til Mine kurser" />; }`
 */
export function RouteErrorBoundary({ to, label }: { to: string; label: string }) {
  return <ErrorPage back={{ to, label }} showMessage />;
}
