import { describe, expect, it } from "vitest";
import { parseCommandArgs } from "./args";
import { CREATE_USER_OPTIONS, CreateUserArgs } from "./create-user";
import { IMPORT_OPTIONS, ImportArgs } from "./import";
import { REPORT_OPTIONS, ReportCommandArgs } from "./report";
import { RETENTION_OPTIONS, RetentionArgs } from "./retention";

const report = (...argv: string[]) => parseCommandArgs(argv, REPORT_OPTIONS, ReportCommandArgs);
const importArgs = (...argv: string[]) => parseCommandArgs(argv, IMPORT_OPTIONS, ImportArgs);

describe("npm run report's arguments", () => {
  it("not-completed: the course, unit, sort and day as given, sorted by unit by default", () => {
    expect(
      report("not-completed", "--course", "all", "--unit", "A > B", "--format", "csv", "--out", "f.csv"),
    ).toEqual({
      ok: true,
      args: {
        report: "not-completed",
        course: "all",
        unit: "A > B",
        sort: "enhed",
        format: "csv",
        out: "f.csv",
      },
    });
    expect(
      report("not-completed", "--course", "ai", "--as-of", "2026-02-30", "--format", "csv", "--out", "f"),
    ).toMatchObject({ ok: false, message: "--as-of skal være en dato som 2026-11-26." });
  });

  it("refuses an option the report does not take, and a format of another report", () => {
    expect(report("summary", "--course", "ai", "--format", "csv", "--out", "f")).toEqual({
      ok: false,
      message: "Rapporten summary tager ikke --course.",
    });
    expect(report("summary", "--format", "xapi", "--out", "f")).toMatchObject({ ok: false });
    expect(report("completions", "--format", "csv", "--out", "f")).toEqual({
      ok: false,
      message: "completions findes kun som --format xapi.",
    });
  });

  it("completions needs a file, a send or both", () => {
    expect(report("completions", "--format", "xapi")).toEqual({
      ok: false,
      message: "Angiv --out FIL, --send eller begge.",
    });
    expect(report("completions", "--format", "xapi", "--send")).toEqual({
      ok: true,
      args: { report: "completions", format: "xapi", send: true },
    });
  });

  it("names the reports when none or an unknown one is given, and refuses unknown options", () => {
    const known = "Rapporten skal være not-completed, summary eller completions.";
    expect(report("--format", "csv")).toEqual({ ok: false, message: known });
    expect(report("alle", "--format", "csv")).toEqual({ ok: false, message: known });
    expect(report("summary", "--colour", "red")).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Ugyldige argumenter: .*--colour/),
    });
  });
});

describe("npm run import's arguments", () => {
  it("the kind and file, with the flags in camel case", () => {
    expect(importArgs("roster", "liste.csv", "--confirm-leavers")).toEqual({
      ok: true,
      args: {
        kind: "roster",
        file: "liste.csv",
        dryRun: false,
        confirmLeavers: true,
        allowMassLeavers: false,
      },
    });
  });

  it("refuses a missing file, an unknown kind and the leaver flags on completions", () => {
    const usage = { ok: false, message: "Angiv roster eller completions og en fil." };
    expect(importArgs("roster")).toEqual(usage);
    expect(importArgs("personer", "liste.csv")).toMatchObject({ ok: false });
    expect(importArgs("roster", "a.csv", "b.csv")).toMatchObject({ ok: false });
    expect(importArgs("completions", "fil.csv", "--allow-mass-leavers")).toEqual({
      ok: false,
      message: "--confirm-leavers og --allow-mass-leavers hører til roster.",
    });
  });
});

describe("npm run retention's and create-user's arguments", () => {
  it("months are whole and at least 1; without --months the configuration decides", () => {
    expect(parseCommandArgs(["--months", "36"], RETENTION_OPTIONS, RetentionArgs)).toEqual({
      ok: true,
      args: { positionals: [], months: 36, dryRun: false },
    });
    for (const months of ["0", "1.5", "to"]) {
      expect(parseCommandArgs(["--months", months], RETENTION_OPTIONS, RetentionArgs)).toEqual({
        ok: false,
        message: "--months skal være et helt antal måneder (mindst 1).",
      });
    }
    expect(parseCommandArgs(["--dry-run"], RETENTION_OPTIONS, RetentionArgs)).toEqual({
      ok: true,
      args: { positionals: [], dryRun: true },
    });
  });

  it("a unit only for a manager; the e-mail in lower case; every problem at once", () => {
    const base = ["--email", "Ny@Albertslund.dk", "--name", "Ny Leder"];
    expect(
      parseCommandArgs(
        [...base, "--role", "manager", "--unit", "A > B"],
        CREATE_USER_OPTIONS,
        CreateUserArgs,
      ),
    ).toMatchObject({ ok: true, args: { email: "ny@albertslund.dk", unit: ["A > B"] } });
    expect(
      parseCommandArgs([...base, "--role", "hr", "--unit", "A"], CREATE_USER_OPTIONS, CreateUserArgs),
    ).toEqual({ ok: false, message: "--unit giver kun mening med --role manager." });
    expect(parseCommandArgs(["--role", "chef"], CREATE_USER_OPTIONS, CreateUserArgs)).toEqual({
      ok: false,
      message: [
        "--email skal være en e-mailadresse",
        "--name mangler",
        "--role skal være en af employee, manager, hr, admin",
      ].join("\n"),
    });
  });
});
