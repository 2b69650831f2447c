// The day the evidence pack is made for: ISO (as a date field sends it) or Danish 01-12-2026 /
// 01.12.2026; from the day the AI Act's literacy duty began to apply, and not in the future.
import { z } from "zod";
import { type Day, isDay } from "~/compliance/day";

/** AI-forordningens art. 4 (AI-kompetencer) has applied since 2 February 2025. */
export const AI_LITERACY_FROM: Day = "2025-02-02";

function toIso(value: string): string {
  const danish = /^(\d{1,2})[-.](\d{1,2})[-.](\d{4})$/.exec(value);
  return danish ? `${danish[3]}-${danish[2]?.padStart(2, "0")}-${danish[1]?.padStart(2, "0")}` : value;
}

export function evidenceDate(today: Day) {
  return z
    .string({ error: "Vælg den dato, dokumentationen skal opgøres pr." })
    .trim()
    .min(1, "Vælg den dato, dokumentationen skal opgøres pr.")
    .transform(toIso)
    .refine(isDay, "Skriv en gyldig dato, fx 01-12-2026.")
    .refine((d) => d <= today, "Datoen må ikke ligge i fremtiden.")
    .refine(
      (d) => d >= AI_LITERACY_FROM,
      "AI-forordningens krav om AI-kompetencer gælder fra 2. februar 2025. Vælg en dato fra den dag.",
    );
}
