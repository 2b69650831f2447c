// Calendar days as ISO text ("YYYY-MM-DD"). Arithmetic goes through date-fns on local
// midnight and back, so month ends follow date-fns `addMonths` (31 Jan + 1 month = 28/29 Feb)
// and the host's time zone never shifts a day.
import { addMonths } from "date-fns";

export type Day = string;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

// Hand-rolled parse and format: the status rule runs these millions of times for a trend over a
// large organisation, and date-fns' generic parse() is far slower than splitting the string.
function localDate(value: string): Date | null {
  if (!ISO_DAY.test(value)) return null;
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  const date = new Date(year, month - 1, day);
  return date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day ? date : null;
}

export function isDay(value: string): value is Day {
  return localDate(value) !== null;
}

function toDate(day: Day): Date {
  const date = localDate(day);
  if (!date) throw new Error(`Ugyldig dato: ${day}`);
  return date;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

function fromDate(date: Date): Day {
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function addMonthsToDay(day: Day, months: number): Day {
  return fromDate(addMonths(toDate(day), months));
}

export function addDaysToDay(day: Day, days: number): Day {
  const date = toDate(day);
  date.setDate(date.getDate() + days);
  return fromDate(date);
}

const utcDay = (day: Day) => {
  const date = toDate(day);
  return Date.UTC(date.getFullYear(), date.getMonth(), date.getDate());
};

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: Day, to: Day): number {
  return Math.round((utcDay(to) - utcDay(from)) / 86_400_000);
}

// The municipality's calendar decides what "today" is, not the server's time zone.
const copenhagenDay = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Europe/Copenhagen",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** Today's date in Denmark. */
export function today(now: Date = new Date()): Day {
  return copenhagenDay.format(now);
}

export function minDay(a: Day, b: Day): Day {
  return a < b ? a : b;
}
