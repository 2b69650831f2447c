// The one import service, as the command calls it (a file just read, the command as actor).
// The web's path (a staged file, written by the worker job) is covered by e2e/import.spec.ts.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, schema } from "~/db.server";
import { applyImport } from "./apply-import.server";
import { prepareRosterImport } from "./import.server";

const HEADER = "Medarbejdernr;Navn;Email;Enhed;Startdato;Fratrædelsesdato;Leder";
const rosterFile = (lines: string[]) => new TextEncoder().encode([HEADER, ...lines].join("\r\n"));
const COMMAND = { actor: { kind: "command", name: "import" } } as const;
const DAY = "2026-01-10";

async function plan(lines: string[]) {
  const prepared = await prepareRosterImport(rosterFile(lines), "liste.csv", DAY);
  if (!prepared.ok) throw new Error(prepared.errors.join("\n"));
  return prepared;
}

const people = Array.from(
  { length: 10 },
  (_, i) => `${7000 + i};Person ${i};p${i}@service.test;Serviceområde > Team;01-02-2020;;`,
);

describe("applyImport", { timeout: 30_000 }, () => {
  it("writes the roster, says what changed, records the command, and wants consent for many leavers", async () => {
    const prepared = await plan(people);
    const noConsent = { confirmed: false, massAllowed: false };
    const applied = await applyImport(
      {
        kind: "roster",
        fileName: "liste.csv",
        asOf: DAY,
        consent: noConsent,
        plan: prepared.plan,
        rowCount: 10,
      },
      COMMAND,
    );
    expect(applied).toMatchObject({
      kind: "roster",
      summary: "Personalelisten liste.csv er indlæst: 10 nye, 0 ændrede, 0 fratrådte og 2 nye enheder.",
    });
    const entry = getDb()
      .select()
      .from(schema.auditEvent)
      .where(eq(schema.auditEvent.scope, "Personaleliste"))
      .all()
      .at(-1);
    expect(entry).toMatchObject({
      actorUserId: null,
      actorName: "Kommandoen npm run import",
      action: "import",
      filters: "Fil: liste.csv",
      rowCount: 10,
      requestId: "kommando",
    });

    // A roster is the whole organisation: the same service refuses many leavers without consent.
    const auditRows = () => getDb().select().from(schema.auditEvent).all().length;
    // Two of ten leave: over 10 %, under half.
    const shorter = await plan(people.slice(2));
    const before = auditRows();
    const refused = await applyImport(
      {
        kind: "roster",
        fileName: "kort.csv",
        asOf: DAY,
        consent: { confirmed: false, massAllowed: false },
        plan: shorter.plan,
        rowCount: 8,
      },
      COMMAND,
    );
    expect(refused).toMatchObject({ refused: "confirm-leavers" });
    expect(auditRows()).toBe(before);
    const confirmed = await applyImport(
      {
        kind: "roster",
        fileName: "kort.csv",
        asOf: DAY,
        consent: { confirmed: true, massAllowed: false },
        plan: shorter.plan,
        rowCount: 8,
      },
      COMMAND,
    );
    expect(confirmed).toMatchObject({ result: { leavers: 2 } });
    expect(auditRows()).toBe(before + 1);
  });
});
