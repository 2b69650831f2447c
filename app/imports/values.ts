// Small pure parsers for the cell values HR files contain. Each returns null (or "invalid") for
// what it cannot read, so the caller can name the line and the value in its message.
import { type Day, isDay } from "../compliance/day";

// A time after the date is allowed and dropped: HR systems export timestamps ("15-01-2026 13:45",
// "2026-01-15T13:45:00Z", "15.01.2026 kl. 13.45"). Anything else after the date is not a date.
const TIME = String.raw`(?:(?:T|\s+)(?:kl\.?\s*)?\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?`;
const DANISH_DATE = new RegExp(String.raw`^(\d{1,2})([-./])(\d{1,2})\2(\d{4})${TIME}$`, "i");
const ISO_DATE = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})${TIME}$`, "i");

/**
 * dd-mm-yyyy, dd.mm.yyyy, dd/mm/yyyy (day first, as Danes write it) or yyyy-mm-dd, with or without
 * leading zeros. Two-digit years are refused: "01-02-25" is too easy to misread.
 */
export function parseDanishDate(value: string): Day | null {
  const text = value.trim();
  const danish = DANISH_DATE.exec(text);
  const iso = danish ? null : ISO_DATE.exec(text);
  const [year, month, day] = danish ? [danish[4], danish[3], danish[1]] : iso ? [iso[1], iso[2], iso[3]] : [];
  if (!year || !month || !day) return null;
  const candidate = `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
  // isDay rejects dates the calendar does not have, such as 31-02-2025.
  return isDay(candidate) ? candidate : null;
}

// "sand"/"falsk" is how Danish Excel writes TRUE/FALSE when it saves a CSV.
const YES = new Set(["ja", "yes", "x", "1", "true", "sand"]);
const NO = new Set(["nej", "no", "", "0", "false", "falsk"]);

/** A yes/no cell; an empty cell means no (a manager column usually only marks the managers). */
export function parseYesNo(value: string): boolean | null {
  const text = value.trim().toLowerCase();
  if (YES.has(text)) return true;
  if (NO.has(text)) return false;
  return null;
}

/**
 * The form in which header and course names are compared: "E-mail", "e_mail" and "E mail" are
 * the same column. NFC first, because some systems write "æ" or "å" as a letter plus an accent.
 */
export function normalizeKey(value: string): string {
  return value
    .normalize("NFC")
    .toLowerCase()
    .replace(/[\s\-\u2013\u2014_.]+/g, "");
}

/** "Børn > Dagtilbud > Børnehuset Lærken" as its levels, top first. */
export function parseUnitPath(value: string): string[] {
  return value
    .split(">")
    .map((part) => part.trim())
    .filter((part) => part !== "");
}

const SCORE = /^(\d{1,3})(?:[,.](\d+))?\s*%?$/;

/**
 * A test score in percent: "87", "87 %", "87,5" (or "87.5" from an Excel number cell), rounded to
 * a whole number from 0 to 100. Empty means no score; anything else is "invalid".
 */
export function parseScore(value: string): number | null | "invalid" {
  const text = value.trim();
  if (text === "") return null;
  const match = SCORE.exec(text);
  if (!match) return "invalid";
  const score = Math.round(Number(`${match[1]}.${match[2] ?? "0"}`));
  return score <= 100 ? score : "invalid";
}
