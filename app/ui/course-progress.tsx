import type { ModuleState } from "~/courses/player.server";

/** "3 af 6 moduler bestået" as text and as a bar; the text is what screen readers read. */
export function ProgressBar({ passed, total, label }: { passed: number; total: number; label: string }) {
  const percent = total === 0 ? 0 : Math.round((passed / total) * 100);
  return (
    <div className="mt-2">
      <p className="text-sm">
        {passed} af {total} moduler bestået
      </p>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={passed}
        aria-valuetext={`${passed} af ${total} moduler bestået`}
        className="mt-1 h-3 w-full max-w-md overflow-hidden rounded-full border border-brand-700 bg-white"
      >
        <div className="h-full bg-brand-600" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}

export function ModuleStateLabel({
  state,
  currentPage,
  pageCount,
}: {
  state: ModuleState;
  currentPage: number;
  pageCount: number;
}) {
  if (state === "passed") return <span className="font-semibold text-ok">Bestået</span>;
  if (state === "inProgress") {
    return (
      <span>
        I gang – side {currentPage + 1} af {pageCount}
      </span>
    );
  }
  return <span>Ikke startet</span>;
}
