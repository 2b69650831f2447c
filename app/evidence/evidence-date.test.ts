import { describe, expect, it } from "vitest";
import { evidenceDate } from "./evidence-date";

const parse = (value: unknown) => evidenceDate("2026-12-01").safeParse(value);

describe("evidenceDate", () => {
  it("takes an ISO date and a Danish one", () => {
    expect(parse("2026-06-30")).toMatchObject({ success: true, data: "2026-06-30" });
    expect(parse("1.7.2026")).toMatchObject({ success: true, data: "2026-07-01" });
    expect(parse("01-12-2026")).toMatchObject({ success: true, data: "2026-12-01" });
  });

  it("refuses nonsense, the future and days before the AI Act's literacy duty, in Danish", () => {
    expect(parse("2026-02-30").error?.issues[0]?.message).toBe("Skriv en gyldig dato, fx 01-12-2026.");
    expect(parse("2026-12-02").error?.issues[0]?.message).toBe("Datoen må ikke ligge i fremtiden.");
    expect(parse("2025-02-01").error?.issues[0]?.message).toContain("2. februar 2025");
    expect(parse("").error?.issues[0]?.message).toBe("Vælg den dato, dokumentationen skal opgøres pr.");
  });
});
