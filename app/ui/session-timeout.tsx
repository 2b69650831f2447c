import { useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";

/** Warn this long before an idle logout (WCAG 2.2.1 asks for at least 20 seconds). */
const WARN_MS = 2 * 60 * 1000;

/**
 * For managers, HR and admins, whose sessions end after 30 idle minutes: a warning with a
 * "Forlæng" button before it happens, and a clear message after. Times are relative to the
 * server's answer, so a wrong clock on the device does not matter.
 */
export function SessionTimeoutWarning({ expiresIn }: { expiresIn: number }) {
  const fetcher = useFetcher<{ expiresIn: number }>();
  const [deadline, setDeadline] = useState<number | null>(null);
  const [now, setNow] = useState<number | null>(null);

  useEffect(() => setDeadline(Date.now() + expiresIn), [expiresIn]);
  useEffect(() => {
    if (fetcher.data) setDeadline(Date.now() + fetcher.data.expiresIn);
  }, [fetcher.data]);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  const left = now === null || deadline === null ? null : deadline - now;
  const warning = left !== null && left > 0 && left <= WARN_MS;
  const extendButton = useRef<HTMLButtonElement>(null);
  // The warning takes focus, so a keyboard or screen-reader user can extend at once.
  useEffect(() => {
    if (warning) extendButton.current?.focus();
  }, [warning]);

  if (left === null || left > WARN_MS) return null;
  return (
    <div
      role="alertdialog"
      aria-labelledby="timeout-titel"
      aria-describedby="timeout-tekst"
      className="fixed inset-x-2 bottom-2 z-50 mx-auto max-w-lg rounded-lg border-2 border-brand-700 bg-white p-5 shadow-lg"
    >
      {left > 0 ? (
        <>
          <h2 id="timeout-titel" className="text-lg font-semibold">
            Du bliver snart logget ud
          </h2>
          <p id="timeout-tekst" className="mt-1">
            Af hensyn til sikkerheden logges du ud om {Math.ceil(left / 1000)} sekunder, fordi du ikke har
            brugt siden i et stykke tid.
          </p>
          <fetcher.Form method="post" action="/session/forlaeng" className="mt-3">
            <button
              type="submit"
              ref={extendButton}
              className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
            >
              Forlæng
            </button>
          </fetcher.Form>
        </>
      ) : (
        <>
          <h2 id="timeout-titel" className="text-lg font-semibold">
            Du er logget ud
          </h2>
          <p id="timeout-tekst" className="mt-1">
            Du blev logget ud, fordi du ikke havde brugt siden i 30 minutter.{" "}
            <a href="/login">Log ind igen</a>.
          </p>
        </>
      )}
    </div>
  );
}
