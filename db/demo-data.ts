// Demo data: an invented organisation shaped like Albertslund Kommune (the departments named in
// Chefforum's minutes of 19 June 2025), about 1,500 invented employees, and two years of
// completions spread so that every status occurs. Dates are relative to the day of seeding, so
// the demo looks current whenever it is loaded. A fixed random seed makes it repeatable.

import { and, asc, eq, isNull, like, lte, notInArray } from "drizzle-orm";
import { hashPassword } from "~/auth/password.server";
import { addDaysToDay, addMonthsToDay, type Day, daysBetween } from "~/compliance/day";
import { rebuildInTransaction } from "~/compliance/kept-status.server";
import { versionOn } from "~/courses/version-on";
import type { AppDatabase } from "~/db.server";
import { DEMO_SETTING, demoContactRows } from "~/site-settings.server";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./demo-accounts";
import * as schema from "./schema";

/** Tree of units; a number is the relative size of a leaf unit's staff. */
type UnitTree = { [name: string]: UnitTree | number };

const ORGANISATION: UnitTree = {
  "Kommunaldirektørens område": {
    "Økonomi & Stab": {
      "IT & Digitalisering": 3,
      "HR & Løn": 2,
      Økonomi: 2,
      Sekretariatet: 2,
    },
  },
  "Børn, Sundhed & Velfærd": {
    "Børn & Familie": {
      Familierådgivningen: 4,
      "Dagtilbud Nord": { "Børnehuset Solsikken": 4, "Vuggestuen Mælkebøtten": 3 },
      "Dagtilbud Syd": { "Børnehuset Regnbuen": 4, "Naturbørnehaven Skovly": 3 },
      Sundhedsplejen: 2,
    },
    "Ældre, Sundhed & Social": {
      Hjemmeplejen: { "Hjemmeplejen Nord": 8, "Hjemmeplejen Syd": 8 },
      "Plejecenter Humlehaven": 7,
      "Plejecenter Birkely": 6,
      Socialpsykiatrien: 3,
      "Træning & Rehabilitering": 3,
    },
  },
  "By, Kultur, Miljø & Beskæftigelse": {
    "Miljø & Teknik": { "Vej & Park": 4, Byggesag: 2, "Natur & Miljø": 2 },
    "Kultur, Fritid & Ejendomme": { Biblioteket: 3, Ejendomsservice: 3, "Fritid & Idræt": 2 },
    "Borger, Arbejdsmarked & Erhverv": { Jobcenter: 5, Borgerservice: 3, Ydelse: 2 },
  },
};

const FIRST_NAMES = [
  "Anne",
  "Mette",
  "Hanne",
  "Susanne",
  "Lene",
  "Marianne",
  "Camilla",
  "Louise",
  "Charlotte",
  "Pia",
  "Maria",
  "Tina",
  "Julie",
  "Sofie",
  "Ida",
  "Emma",
  "Line",
  "Nanna",
  "Signe",
  "Rikke",
  "Birgitte",
  "Fatima",
  "Aisha",
  "Zeynep",
  "Malene",
  "Trine",
  "Jens",
  "Peter",
  "Michael",
  "Lars",
  "Thomas",
  "Henrik",
  "Søren",
  "Martin",
  "Jesper",
  "Rasmus",
  "Mads",
  "Anders",
  "Kasper",
  "Christian",
  "Ali",
  "Mohammad",
  "Emil",
  "Frederik",
  "Jonas",
  "Morten",
  "Ole",
  "Niels",
  "Jakob",
  "Bo",
  "Kim",
];
const LAST_NAMES = [
  "Nielsen",
  "Jensen",
  "Hansen",
  "Pedersen",
  "Andersen",
  "Christensen",
  "Larsen",
  "Sørensen",
  "Rasmussen",
  "Jørgensen",
  "Petersen",
  "Madsen",
  "Kristensen",
  "Olsen",
  "Thomsen",
  "Christiansen",
  "Poulsen",
  "Johansen",
  "Møller",
  "Mortensen",
  "Knudsen",
  "Jakobsen",
  "Mikkelsen",
  "Frederiksen",
  "Holm",
  "Lund",
  "Dahl",
  "Bak",
  "Vestergaard",
  "Kaya",
  "Yilmaz",
  "Hussein",
  "Ahmadi",
  "Østergaard",
  "Brandt",
  "Skov",
  "Kjær",
  "Bech",
  "Friis",
  "Lindberg",
];

const EMPLOYEE_COUNT = 1500;
/** Rows per INSERT: 500 rows of at most 11 columns stay far below SQLite's 32,766 variables. */
const INSERT_CHUNK = 500;

// mulberry32: a tiny seeded generator, so the same demo comes out every time.
function randomGenerator(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function asciiEmailPart(name: string): string {
  return name
    .toLowerCase()
    .replaceAll("æ", "ae")
    .replaceAll("ø", "oe")
    .replaceAll("å", "aa")
    .replace(/[^a-z]/g, "");
}

interface LeafUnit {
  id: number;
  weight: number;
}

function insertUnits(
  db: AppDatabase,
  tree: UnitTree,
  parent: { id: number; path: string } | null,
  leaves: LeafUnit[],
  byName: Map<string, number>,
) {
  for (const [name, value] of Object.entries(tree)) {
    const inserted = db
      .insert(schema.orgUnit)
      .values({ name, parentId: parent?.id ?? null, path: `pending-${name}-${parent?.id ?? 0}` })
      .returning({ id: schema.orgUnit.id })
      .get();
    const path = `${parent?.path ?? "/"}${inserted.id}/`;
    db.update(schema.orgUnit).set({ path }).where(eq(schema.orgUnit.id, inserted.id)).run();
    byName.set(name, inserted.id);
    if (typeof value === "number") leaves.push({ id: inserted.id, weight: value });
    else insertUnits(db, value, { id: inserted.id, path }, leaves, byName);
  }
}

/** Loads the demo organisation. Returns how many employees it created. */
/** Days ago of the demo logins' completions (the demo employee's are set where they are made). */
const DEMO_LOGIN_RECORDS: Record<string, { gdprDaysAgo: number; aiDaysAgo?: number }> = {
  "leder@albertslund.test": { gdprDaysAgo: 60 },
  "hr@albertslund.test": { gdprDaysAgo: 430, aiDaysAgo: 40 },
  "admin@albertslund.test": { gdprDaysAgo: 90, aiDaysAgo: 45 },
};

export async function seedDemoData(
  db: AppDatabase,
  today: Day,
  { employees: employeeCount = EMPLOYEE_COUNT }: { employees?: number } = {},
): Promise<{ employees: number; completions: number }> {
  const random = randomGenerator(20250619);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const daysAgo = (min: number, max: number): Day =>
    addDaysToDay(today, -Math.floor(min + random() * (max - min)));

  // Argon2 is async; hash before the synchronous transaction.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const courses = db.select().from(schema.course).all();
  const ai = courses.find((c) => c.code === "ai");
  const gdpr = courses.find((c) => c.code === "gdpr");
  if (!ai || !gdpr) throw new Error("Kurserne ai og gdpr mangler; kør migreringerne først.");
  const aiPublished: Day = "2025-08-11";
  // Each completion carries the course version in force on its day (course.md, synced on open).
  const versions = db
    .select()
    .from(schema.courseVersion)
    .orderBy(asc(schema.courseVersion.publishedOn))
    .all();
  const aiVersions = versions.filter((v) => v.courseId === ai.id);
  const gdprVersions = versions.filter((v) => v.courseId === gdpr.id);

  return db.transaction(
    (tx) => {
      const leaves: LeafUnit[] = [];
      const unitIds = new Map<string, number>();
      insertUnits(tx as unknown as AppDatabase, ORGANISATION, null, leaves, unitIds);
      const totalWeight = leaves.reduce((sum, l) => sum + l.weight, 0);
      const pickUnit = () => {
        let r = random() * totalWeight;
        for (const leaf of leaves) {
          r -= leaf.weight;
          if (r <= 0) return leaf.id;
        }
        return (leaves[leaves.length - 1] as LeafUnit).id;
      };

      const usedEmails = new Set<string>();
      const employees: (typeof schema.employee.$inferInsert)[] = [];
      for (let i = 0; i < employeeCount; i++) {
        const first = pick(FIRST_NAMES);
        const last = pick(LAST_NAMES);
        let email = `${asciiEmailPart(first)}.${asciiEmailPart(last)}@albertslund.test`;
        for (let n = 2; usedEmails.has(email); n++) {
          email = `${asciiEmailPart(first)}.${asciiEmailPart(last)}${n}@albertslund.test`;
        }
        usedEmails.add(email);
        const roll = random();
        // 4 % future starters, 6 % new hires in the last two months, the rest up to 20 years back.
        const startDate =
          roll < 0.04
            ? addDaysToDay(today, 1 + Math.floor(random() * 30))
            : roll < 0.1
              ? daysAgo(0, 60)
              : daysAgo(60, 7300);
        // 6 % have left within the last year; 1 % leave within the next month.
        const endRoll = random();
        const endDate =
          startDate < today && endRoll < 0.06
            ? daysAgo(1, 365)
            : startDate < today && endRoll < 0.07
              ? addDaysToDay(today, 1 + Math.floor(random() * 30))
              : null;
        employees.push({
          employeeNumber: String(100001 + i),
          name: `${first} ${last}`,
          email,
          orgUnitId: pickUnit(),
          startDate,
          endDate: endDate !== null && endDate <= startDate ? null : endDate,
        });
      }

      // The people behind the demo logins.
      const demoPeople: Record<string, { name: string; unit: string }> = {
        "medarbejder@albertslund.test": { name: "Camilla Demo Holm", unit: "Hjemmeplejen Syd" },
        "leder@albertslund.test": { name: "Lars Demo Brandt", unit: "Børn & Familie" },
        "hr@albertslund.test": { name: "Helle Demo Friis", unit: "HR & Løn" },
        "admin@albertslund.test": { name: "Adam Demo Skov", unit: "IT & Digitalisering" },
      };
      Object.entries(demoPeople).forEach(([email, person], i) => {
        employees.push({
          employeeNumber: String(900001 + i),
          name: person.name,
          email,
          orgUnitId: unitIds.get(person.unit) as number,
          startDate: "2019-04-01",
          endDate: null,
        });
      });

      const insertedEmployees = [];
      for (let i = 0; i < employees.length; i += INSERT_CHUNK) {
        insertedEmployees.push(
          ...tx
            .insert(schema.employee)
            .values(employees.slice(i, i + INSERT_CHUNK))
            .returning({
              id: schema.employee.id,
              email: schema.employee.email,
              startDate: schema.employee.startDate,
            })
            .all(),
        );
      }

      const recordedAt = Date.now();
      const completions: (typeof schema.completion.$inferInsert)[] = [];
      const exemptions: (typeof schema.exemption.$inferInsert)[] = [];
      for (const person of insertedEmployees) {
        if (person.startDate > today) continue;
        if (person.email === "medarbejder@albertslund.test") {
          // The demo employee: GDPR done 11½ months ago (expires soon), AI still to do.
          completions.push({
            employeeId: person.id,
            courseId: gdpr.id,
            completedOn: addDaysToDay(addMonthsToDay(today, -12), 14),
            courseVersion: versionOn(gdprVersions, addDaysToDay(addMonthsToDay(today, -12), 14)),
            score: 90,
            source: "import",
            sourceRef: "metacompliance-eksport.csv",
            recordedAt,
          });
          continue;
        }
        // The other demo logins get fixed records (not random draws), so what they see never
        // depends on the day the demo was loaded (e2e/authz-matrix.json describes these states):
        // manager and admin a valid GDPR completion, HR an expired one; HR and admin an AI one.
        const fixed = DEMO_LOGIN_RECORDS[person.email];
        if (fixed) {
          const record = (courseId: number, versions: typeof aiVersions, completedOn: Day) =>
            completions.push({
              employeeId: person.id,
              courseId,
              completedOn,
              courseVersion: versionOn(versions, completedOn),
              score: 90,
              source: "import",
              sourceRef: "metacompliance-eksport.csv",
              recordedAt,
            });
          record(gdpr.id, gdprVersions, addDaysToDay(today, -fixed.gdprDaysAgo));
          if (fixed.aiDaysAgo !== undefined) record(ai.id, aiVersions, addDaysToDay(today, -fixed.aiDaysAgo));
          continue;
        }
        // GDPR: most did it within the year, some only the year before, some never.
        const g = random();
        if (g < 0.75) {
          // Drawn in the order they always were, so the generated demo stays the same.
          const completedOn = maxDay(daysAgo(0, 365), person.startDate);
          const score = 80 + Math.floor(random() * 21);
          // This draw once made 30 % of these "site" completions; the demo has no quiz attempts
          // behind any completion, so all are imports now. The draw stays for the same reason.
          random();
          completions.push({
            employeeId: person.id,
            courseId: gdpr.id,
            completedOn,
            courseVersion: versionOn(gdprVersions, completedOn),
            score,
            source: "import",
            sourceRef: "metacompliance-eksport.csv",
            recordedAt,
          });
        } else if (g < 0.9) {
          const gdprOn = maxDay(daysAgo(366, 730), person.startDate);
          completions.push({
            employeeId: person.id,
            courseId: gdpr.id,
            completedOn: gdprOn,
            courseVersion: versionOn(gdprVersions, gdprOn),
            score: 80 + Math.floor(random() * 21),
            source: "import",
            sourceRef: "metacompliance-eksport.csv",
            recordedAt,
          });
        }
        // AI: required since 19 June 2025, published 11 August 2025; most have taken it since.
        // The demo has no quiz attempts behind these, so they are recorded as what they would be
        // without them: completions imported from the vendor's AI-Awareness course, not "her på siden".
        const a = random();
        if (a < 0.8) {
          const earliest = maxDay(aiPublished, person.startDate);
          const span = Math.max(0, daysBetween(earliest, today));
          const aiOn = addDaysToDay(earliest, Math.floor(random() * span));
          completions.push({
            employeeId: person.id,
            courseId: ai.id,
            completedOn: aiOn,
            courseVersion: versionOn(aiVersions, aiOn),
            score: 80 + Math.floor(random() * 21),
            source: "import",
            sourceRef: "metacompliance-eksport.csv",
            recordedAt,
          });
          // A material version published since then: most have already retaken the course
          // within its re-attestation window; the rest show the window's deadline.
          const material = aiVersions
            .filter((v) => v.material && aiOn < v.publishedOn && v.publishedOn < today)
            .at(-1);
          if (material && random() < 0.85) {
            const window = Math.min(daysBetween(material.publishedOn, today), material.reattestDays);
            completions.push({
              employeeId: person.id,
              courseId: ai.id,
              completedOn: addDaysToDay(material.publishedOn, Math.floor(random() * window)),
              courseVersion: material.version,
              score: 80 + Math.floor(random() * 21),
              source: "import",
              sourceRef: "metacompliance-eksport.csv",
              recordedAt,
            });
          }
        }
        if (random() < 0.015) {
          exemptions.push({
            employeeId: person.id,
            courseId: random() < 0.5 ? ai.id : gdpr.id,
            reason: "Langtidssygemeldt",
            validFrom: daysAgo(10, 120),
            validUntil: addDaysToDay(today, 30 + Math.floor(random() * 120)),
            createdAt: recordedAt,
          });
        }
      }
      // In chunks: one INSERT of every row would pass SQLite's limit of 32,766 bound variables
      // at large sizes ("too many SQL variables" at 500,000 employees).
      for (let i = 0; i < completions.length; i += INSERT_CHUNK)
        tx.insert(schema.completion)
          .values(completions.slice(i, i + INSERT_CHUNK))
          .run();
      for (let i = 0; i < exemptions.length; i += INSERT_CHUNK)
        tx.insert(schema.exemption)
          .values(exemptions.slice(i, i + INSERT_CHUNK))
          .run();

      for (const account of DEMO_ACCOUNTS) {
        const person = insertedEmployees.find((e) => e.email === account.email);
        const user = tx
          .insert(schema.userAccount)
          .values({
            email: account.email,
            name: demoPeople[account.email]?.name ?? account.email,
            role: account.role,
            employeeId: person?.id ?? null,
            passwordHash,
            createdAt: recordedAt,
          })
          .returning({ id: schema.userAccount.id })
          .get();
        if (account.role === "manager") {
          tx.insert(schema.managerScope)
            .values({ userId: user.id, orgUnitId: unitIds.get("Børn & Familie") as number })
            .run();
        }
      }

      // AI super users: three in Ældre, Sundhed & Social (the demo employee's afdeling, within the
      // range) and one in Børn & Familie (too few, so HR's page shows the red verdict).
      for (const [afdeling, count] of [
        ["Ældre, Sundhed & Social", 3],
        ["Børn & Familie", 1],
      ] as const) {
        const unit = tx
          .select({ id: schema.orgUnit.id, path: schema.orgUnit.path })
          .from(schema.orgUnit)
          .where(eq(schema.orgUnit.id, unitIds.get(afdeling) as number))
          .get();
        if (!unit) continue;
        const chosen = tx
          .select({ id: schema.employee.id })
          .from(schema.employee)
          .innerJoin(schema.orgUnit, eq(schema.orgUnit.id, schema.employee.orgUnitId))
          .where(
            and(
              like(schema.orgUnit.path, `${unit.path}%`),
              isNull(schema.employee.endDate),
              lte(schema.employee.startDate, "2025-09-01"),
              notInArray(
                schema.employee.email,
                DEMO_ACCOUNTS.map((a) => a.email),
              ),
            ),
          )
          .orderBy(asc(schema.employee.id))
          .limit(count)
          .all();
        for (const person of chosen) {
          tx.insert(schema.aiSuperUser)
            .values({
              employeeId: person.id,
              afdelingUnitId: unit.id,
              startDate: "2025-09-01",
              appointedAt: recordedAt,
            })
            .run();
        }
      }

      // When each requirement began (the reference data sets the same dates; the demo states them
      // so it never depends on that): GDPR has applied since 25 May 2018, so nobody employed for
      // decades is due in 2007; Chefforum made the AI course mandatory on 19 June 2025.
      tx.update(schema.course).set({ requiredFrom: "2018-05-25" }).where(eq(schema.course.id, gdpr.id)).run();
      // In the demo, HR has set a campaign deadline for the AI course six weeks ahead, so staff
      // who never took it show as "Mangler" with that deadline rather than long overdue.
      tx.update(schema.course)
        .set({ requiredFrom: "2025-08-11", campaignDeadline: addDaysToDay(today, 45) })
        .where(eq(schema.course.id, ai.id))
        .run();

      tx.insert(schema.siteSetting)
        .values({ key: DEMO_SETTING, value: "true" })
        .onConflictDoUpdate({ target: schema.siteSetting.key, set: { value: "true" } })
        .run();
      // Invented links and contacts, so the module texts show working placeholders in the demo.
      for (const row of demoContactRows()) {
        tx.insert(schema.siteSetting)
          .values(row)
          .onConflictDoUpdate({ target: schema.siteSetting.key, set: { value: row.value } })
          .run();
      }
      // The kept status of everyone just seeded, in the same transaction.
      rebuildInTransaction(tx);
      return { employees: insertedEmployees.length, completions: completions.length };
    },
    { behavior: "immediate" },
  );
}

function maxDay(a: Day, b: Day): Day {
  return a > b ? a : b;
}
