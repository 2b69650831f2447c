// Danish formatting of dates and numbers (da-DK), in one place.
import { addDaysToDay, type Day } from "~/compliance/day";

const longDate = new Intl.DateTimeFormat("da-DK", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});
const shortDate = new Intl.DateTimeFormat("da-DK", {
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  timeZone: "UTC",
});
const percent = new Intl.NumberFormat("da-DK", { style: "percent", maximumFractionDigits: 0 });
const integer = new Intl.NumberFormat("da-DK");

// A Day is a calendar date; format it as that date in UTC so no time zone moves it.
const asUtc = (day: Day) => new Date(`${day}T00:00:00Z`);

/** "15. januar 2026" */
export function formatLongDate(day: Day): string {
  return longDate.format(asUtc(day));
}

/** "15.01.2026" */
export function formatShortDate(day: Day): string {
  return shortDate.format(asUtc(day));
}

/**
 * The last day a completion counts. The status rule's `validUntil` is the first day it no longer
 * does (valid while the as-of date is before it), so the day a Dane calls "til og med" is the one before.
 */
export function lastValidDay(validUntil: Day): Day {
  return addDaysToDay(validUntil, -1);
}

/** "Gyldig til og med 14.12.2026" for a `validUntil` of 2026-12-15; `long` gives "14. december 2026". */
export function formatValidThrough(validUntil: Day, style: "short" | "long" = "short"): string {
  const day = lastValidDay(validUntil);
  return `Gyldig til og med ${style === "long" ? formatLongDate(day) : formatShortDate(day)}`;
}

/**
 * The date beside a status word in lists: "gyldig til og med 14.12.2026" for a completion (from its
 * `validUntil`), "frist 15.12.2026" for a deadline; "" for other statuses.
 */
export function formatStatusDate(kind: string, date: Day): string {
  if (kind === "completed" || kind === "expiringSoon") return formatValidThrough(date).toLowerCase();
  if (kind === "missing" || kind === "overdue") return `frist ${formatShortDate(date)}`;
  return "";
}

/** "87 %" */
export function formatPercent(share: number | null): string {
  return share === null ? "–" : percent.format(share);
}

/** "1.504" */
export function formatCount(n: number): string {
  return integer.format(n);
}

const timestamp = new Intl.DateTimeFormat("da-DK", {
  dateStyle: "short",
  timeStyle: "short",
  timeZone: "Europe/Copenhagen",
});
const longTimestamp = new Intl.DateTimeFormat("da-DK", {
  dateStyle: "long",
  timeStyle: "short",
  timeZone: "Europe/Copenhagen",
});

/** "27.11.2026 00.15", Danish time, for when something happened. */
export function formatTimestamp(ms: number): string {
  return timestamp.format(new Date(ms));
}

/** "27. november 2026 kl. 00.15" */
export function formatLongTimestamp(ms: number): string {
  return longTimestamp.format(new Date(ms));
}
