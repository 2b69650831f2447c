import type { ModuleState } from "~/courses/player.server";

/**
 * A progress bar. The fill is an SVG width attribute, not an inline style, so the strict
 * Content-Security-Policy (style-src 'self') allows it.
 */
export function Meter({
  value,
  max,
  label,
  valueText,
  className = "h-3",
}: {
  value: number;
  max: number;
  label: string;
  valueText: string;
  className?: string;
}) {
  const percent = max <= 0 ? 0 : Math.round((value / max) * 100);
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={value}
      aria-valuetext={valueText}
      className={`mt-1 w-full max-w-md overflow-hidden rounded-full border border-brand-700 bg-white ${className}`}
    >
      <svg width="100%" height="100%" aria-hidden="true" focusable="false" className="block">
        <rect width={`${percent}%`} height="100%" className="fill-brand-600" />
      </svg>
    </div>
  );
}

/** "3 af 6 moduler bestået" as text and as a bar; the text is what screen readers read. */
export function ProgressBar({ passed, total, label }: { passed: number; total: number; label: string }) {
  const text = `${passed} af ${total} moduler bestået`;
  return (
    <div className="mt-2">
      <p className="text-sm">{text}</p>
      <Meter value={passed} max={total} label={label} valueText={text} />
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

/** Instead of "0 af 4 moduler bestået" when the valid completion was made at the vendor or by HR. */
export function CompletedElsewhere({ source }: { source: "site" | "import" | "manual" }) {
  return (
    <p className="mt-2 text-sm font-semibold text-ok">
      {source === "import" ? "Gennemført hos kursusleverandøren" : "Registreret som gennemført af HR"}
    </p>
  );
}
