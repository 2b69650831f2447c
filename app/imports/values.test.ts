import { describe, expect, it } from "vitest";
import { normalizeKey, parseDanishDate, parseScore, parseUnitPath, parseYesNo } from "./values";

describe("parseDanishDate", () => {
  it.each([
    ["15-01-2026", "2026-01-15"],
    ["15.01.2026", "2026-01-15"],
    ["15/01/2026", "2026-01-15"],
    ["2026-01-15", "2026-01-15"],
    ["1-2-2025", "2025-02-01"],
    ["1.2.2025", "2025-02-01"],
    ["2025-2-1", "2025-02-01"],
    ["  29-02-2024 ", "2024-02-29"],
    ["15-01-2026 13:45", "2026-01-15"],
    ["15-01-2026 13:45:10", "2026-01-15"],
    ["2026-01-15T13:45:00", "2026-01-15"],
    ["2026-01-15T13:45:00.000Z", "2026-01-15"],
    ["2026-01-15 13:45:00+01:00", "2026-01-15"],
    ["15.01.2026 kl. 13.45", "2026-01-15"],
    ["15.01.2026 kl 9.05", "2026-01-15"],
  ])("reads %j as %s", (value, day) => {
    expect(parseDanishDate(value)).toBe(day);
  });

  it.each([
    "31-02-2025",
    "29-02-2025",
    "2025-13-01",
    "00-01-2025",
    "15-01-26",
    "15-01.2026",
    "01/15/2026 x",
    "15-01-2026 i morgen",
    "15. januar 2026",
    "45678",
    "",
  ])("refuses %j", (value) => {
    expect(parseDanishDate(value)).toBeNull();
  });
});

describe("parseYesNo", () => {
  it.each(["ja", "Ja", "JA", "yes", "x", "X", "1", "true", "TRUE", "sand", " ja "])("%j is yes", (value) => {
    expect(parseYesNo(value)).toBe(true);
  });
  it.each(["nej", "Nej", "no", "", "  ", "0", "false", "FALSK"])("%j is no", (value) => {
    expect(parseYesNo(value)).toBe(false);
  });
  it.each(["måske", "j", "2", "leder"])("%j is neither", (value) => {
    expect(parseYesNo(value)).toBeNull();
  });
});

describe("normalizeKey", () => {
  it("ignores case, spaces, hyphens, underscores and dots", () => {
    for (const header of ["E-mail", "email", "E_MAIL", "E mail", " e.mail "]) {
      expect(normalizeKey(header)).toBe("email");
    }
    expect(normalizeKey("Medarbejder nr.")).toBe("medarbejdernr");
    expect(normalizeKey("AI-Awareness")).toBe(normalizeKey("ai awareness"));
  });

  it("treats composed and decomposed Danish letters alike", () => {
    expect(normalizeKey("Fratra\u030Adt")).toBe(normalizeKey("Fratrådt"));
  });
});

describe("parseUnitPath", () => {
  it("splits on > and drops empty levels", () => {
    expect(parseUnitPath(" Børn, Sundhed & Velfærd > Børn & Familie>  Familierådgivningen ")).toEqual([
      "Børn, Sundhed & Velfærd",
      "Børn & Familie",
      "Familierådgivningen",
    ]);
    expect(parseUnitPath("Teknik > > ")).toEqual(["Teknik"]);
    expect(parseUnitPath("Børn / Dagtilbud")).toEqual(["Børn / Dagtilbud"]);
    expect(parseUnitPath(" > ")).toEqual([]);
  });
});

describe("parseScore", () => {
  it.each([
    ["", null],
    ["  ", null],
    ["87", 87],
    ["87 %", 87],
    ["87%", 87],
    ["87,5", 88],
    ["87,4", 87],
    ["87.5", 88],
    ["0", 0],
    ["100", 100],
  ])("reads %j as %s", (value, score) => {
    expect(parseScore(value)).toBe(score);
  });

  it.each(["101", "-5", "abc", "87 point", "8 7", "1e2", "87,"])("refuses %j", (value) => {
    expect(parseScore(value)).toBe("invalid");
  });
});
