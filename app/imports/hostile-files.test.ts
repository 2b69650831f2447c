// The review's hostile import files, generated here (never committed), against the parser's caps.
// Each must get its Danish answer quickly and without holding the file's rows in memory.
import { describe, expect, it } from "vitest";
import { LIMIT_TEXT, MAX_REPORTED_PROBLEMS } from "./limits";
import { prepare } from "./prepare";
import { checkInflatedSize, ImportFileError, readTable } from "./table";
import { HOSTILE_HEADER, repeatedFile, zipBomb } from "./test-fixtures";

const MB = 1024 * 1024;

async function refusal(bytes: Uint8Array): Promise<string> {
  const error = await readTable(bytes, "fil.csv").then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof ImportFileError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return error.message;
}

function measure<T>(label: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const rss = process.memoryUsage().rss;
  return run().then((result) => {
    const ms = Math.round(performance.now() - started);
    const grew = Math.round((process.memoryUsage().rss - rss) / MB);
    console.log(`${label}: ${ms} ms, RSS ${grew >= 0 ? "+" : ""}${grew} MB`);
    return result;
  });
}

describe("hostile import files", () => {
  it("refuses 9.5 million invalid rows at the row cap", async () => {
    const file = repeatedFile("1;;bad;;xx\n", 9_500_000 * 11);
    const message = await measure("9.5 million invalid rows (104 MB)", () => refusal(file));
    expect(message).toBe(LIMIT_TEXT.rows);
  });

  it("refuses one 50 MB line at the line cap", async () => {
    const message = await measure("one 50 MB line", () => refusal(repeatedFile("x", 50 * MB, "")));
    expect(message).toBe(LIMIT_TEXT.line(1));
  });

  it("refuses a million columns, and 201 short ones", async () => {
    const million = await measure("a million columns", () => refusal(repeatedFile("a;", 1_000_000 * 2, "")));
    expect(million).toBe(LIMIT_TEXT.line(1));
    const wide = `${Array.from({ length: 201 }, (_, i) => `k${i}`).join(";")}\n`;
    expect(await refusal(Buffer.from(wide))).toBe(LIMIT_TEXT.columns(1));
  });

  it("refuses a cell longer than the cell cap", async () => {
    const row = `1;${"n".repeat(1001)};a@b.dk;Enhed;01-01-2020\n`;
    expect(await refusal(Buffer.from(HOSTILE_HEADER + row))).toBe(LIMIT_TEXT.cell(2));
  });

  it("stops inflating an XLSX bomb at the cap, before any sheet is parsed", async () => {
    const bomb = zipBomb(2048 * MB);
    console.log(`zip bomb: ${(bomb.length / MB).toFixed(1)} MB inflating to 2 GB`);
    const message = await measure("XLSX that inflates to 2 GB", () => refusal(bomb));
    expect(message).toBe(LIMIT_TEXT.inflated);
    // A small zip of the same kind passes the size check (the check counts, it does not guess).
    await expect(checkInflatedSize(zipBomb(2 * MB))).resolves.toBeUndefined();
  });

  it("keeps 200 errors and counts the rest", async () => {
    const bad = repeatedFile("1;;bad;;xx\n", 5000 * 11);
    const result = await measure("5,000 invalid rows", () =>
      prepare({
        kind: "roster",
        bytes: bad,
        fileName: "x.csv",
        importDate: "2026-01-01",
        snapshot: { employees: [], unitPaths: [] },
      }),
    );
    if (result.ok) throw new Error("expected errors");
    expect(result.errors).toHaveLength(MAX_REPORTED_PROBLEMS);
    // Every invalid row has five problems (number twice, name, e-mail, unit, start date).
    expect(result.errors.length + result.moreErrors).toBeGreaterThan(5000);
  });
});
