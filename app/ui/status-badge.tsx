import type { CourseStatus } from "~/compliance/status";
import { STATUS_LABEL } from "~/compliance/status";
import { formatShortDate, formatValidThrough } from "./format";

const STYLE: Record<Exclude<CourseStatus["kind"], "notListed">, string> = {
  completed: "bg-green-100 text-ok border-green-700",
  expiringSoon: "bg-amber-50 text-warn border-amber-700",
  missing: "bg-sky-50 text-sky-900 border-sky-800",
  overdue: "bg-red-50 text-bad border-red-800",
  exempt: "bg-gray-100 text-ink border-gray-600",
};

/** The status word, always as text (colour is only a second cue). */
export function StatusBadge({ status }: { status: CourseStatus }) {
  if (status.kind === "notListed") return null;
  return (
    <span className={`inline-block rounded border px-2 py-0.5 text-sm font-semibold ${STYLE[status.kind]}`}>
      {STATUS_LABEL[status.kind]}
    </span>
  );
}

/** The date that matters for the status: valid until, or the due date. */
export function statusDetail(status: CourseStatus): string | null {
  switch (status.kind) {
    case "completed":
    case "expiringSoon":
      return formatValidThrough(status.validUntil);
    case "missing":
    case "overdue":
      return `Frist ${formatShortDate(status.due)}`;
    case "exempt":
      return status.until ? `Fritaget til og med ${formatShortDate(status.until)}` : "Fritaget indtil videre";
    default:
      return null;
  }
}
