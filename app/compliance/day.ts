// Calendar days as ISO text ("YYYY-MM-DD"). Arithmetic goes through date-fns on local
// midnight and back, so month ends follow date-fns `addMonths` (31 Jan + 1 month = 28/29 Feb)
// and the host's time zone never shifts a day.
import { addDays, addMonths, differenceInCalendarDays, format, isValid, parse } from "date-fns";

export type Day = string;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export function isDay(value: string): value is Day {
  return ISO_DAY.test(value) && isValid(parse(value, "yyyy-MM-dd", new Date()));
}

function toDate(day: Day): Date {
  if (!isDay(day)) throw new Error(`Ugyldig dato: ${day}`);
  return parse(day, "yyyy-MM-dd", new Date());
}

function fromDate(date: Date): Day {
  return format(date, "yyyy-MM-dd");
}

export function addMonthsToDay(day: Day, months: number): Day {
  return fromDate(addMonths(toDate(day), months));
}

export function addDaysToDay(day: Day, days: number): Day {
  return fromDate(addDays(toDate(day), days));
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: Day, to: Day): number {
  return differenceInCalendarDays(toDate(to), toDate(from));
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
