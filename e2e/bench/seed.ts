// The bench's synthetic organisation: every Danish municipality on one server. About 3,100 units
// five levels deep (country, 5 regions, 100 municipalities, 500 departments, 2,500 teams), the two
// courses, four years of completions, exemptions, leavers and new hires. Written with prepared
// statements in large transactions (never one INSERT with every row: SQLite allows 32,766 bound
// variables), so 500,000 employees and 2,000,000 completions seed in minutes.
import { randomUUID } from "node:crypto";
import { addDaysToDay, type Day, daysBetween } from "~/compliance/day";
import { rebuildKeptStatus } from "~/compliance/kept-status.server";
import { getCourseContent } from "~/content/content.server";
import { versionOn } from "~/courses/version-on";
import type { AppDatabase } from "~/db.server";

/** Fan-out below the country: 5 regions, 20 municipalities each, then 5 and 5. */
const FAN_OUT = [5, 20, 5, 5];
/** The manager's unit in the bench: a team of exactly this many people. */
export const MANAGER_UNIT_SIZE = 40;
/** Rows per transaction while seeding. */
const BATCH = 50_000;

export interface BenchOrganisation {
  employees: number;
  units: number;
  completions: number;
  exemptions: number;
  rootUnitId: number;
  managerUnitId: number;
  /** Active employees with no GDPR completion, set up one quiz away from completing it. */
  quizEmployeeIds: number[];
  /** Active employees for the page measurements (not touched by the quiz run). */
  pageEmployeeIds: number[];
  /** Unit id -> "Region > Kommune > …" (the names a roster file uses). */
  unitNamePath: Map<number, string>;
}

// mulberry32: seeded, so every bench run measures the same organisation.
function randomGenerator(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LEVEL_NAMES = ["Region", "Kommune", "Forvaltning", "Team"];

export function seedBenchOrganisation(
  db: AppDatabase,
  today: Day,
  { employees: employeeCount, quizEmployees }: { employees: number; quizEmployees: number },
): BenchOrganisation {
  const sqlite = db.$client;
  const random = randomGenerator(20261201);
  const between = (from: Day, to: Day): Day =>
    addDaysToDay(from, Math.floor(random() * Math.max(1, daysBetween(from, to))));
  const course = (code: string) => {
    const row = sqlite.prepare("select id from course where code = ?").get(code) as
      | { id: number }
      | undefined;
    if (!row) throw new Error(`Kurset ${code} mangler; kør migreringerne først.`);
    const versions = sqlite
      .prepare(
        "select version, published_on as publishedOn from course_version where course_id = ? order by published_on",
      )
      .all(row.id) as { version: string; publishedOn: Day }[];
    return { id: row.id, versions };
  };
  const gdpr = course("gdpr");
  const ai = course("ai");
  const recordedAt = Date.now();
  const fourYearsAgo = addDaysToDay(today, -4 * 365);

  // Units, with ids chosen here so the materialised paths are known without reading back.
  const unitNamePath = new Map<number, string>();
  const leaves: number[] = [];
  const insertUnit = sqlite.prepare("insert into org_unit (id, parent_id, name, path) values (?, ?, ?, ?)");
  let nextUnitId = 1;
  sqlite.transaction(() => {
    const rootUnitId = nextUnitId++;
    insertUnit.run(rootUnitId, null, "Danmarks kommuner", `/${rootUnitId}/`);
    const grow = (parentId: number, parentPath: string, names: string, level: number) => {
      const fanOut = FAN_OUT[level];
      if (fanOut === undefined) {
        leaves.push(parentId);
        return;
      }
      for (let i = 1; i <= fanOut; i++) {
        const id = nextUnitId++;
        const name = `${LEVEL_NAMES[level]} ${parentId}-${i}`;
        const path = `${parentPath}${id}/`;
        const namePath = names ? `${names} > ${name}` : name;
        insertUnit.run(id, parentId, name, path);
        unitNamePath.set(id, `Danmarks kommuner > ${namePath}`);
        grow(id, path, namePath, level + 1);
      }
    };
    grow(rootUnitId, `/${rootUnitId}/`, "", 0);
  })();
  const rootUnitId = 1;
  unitNamePath.set(rootUnitId, "Danmarks kommuner");
  const managerUnitId = leaves[0] as number;
  const otherLeaves = leaves.slice(1);

  const insertEmployee = sqlite.prepare(
    "insert into employee (id, employee_number, name, email, org_unit_id, start_date, end_date) values (?, ?, ?, ?, ?, ?, ?)",
  );
  const insertCompletion = sqlite.prepare(
    "insert into completion (employee_id, course_id, completed_on, course_version, score, source, source_ref, recorded_at) values (?, ?, ?, ?, ?, 'import', 'bench.csv', ?)",
  );
  const insertExemption = sqlite.prepare(
    "insert into exemption (employee_id, course_id, reason, valid_from, valid_until, created_at) values (?, ?, 'Langtidssygemeldt', ?, ?, ?)",
  );
  const aiFrom: Day = ai.versions[0]?.publishedOn ?? "2025-08-11";
  let completions = 0;
  let exemptions = 0;
  const quizEmployeeIds: number[] = [];
  const pageEmployeeIds: number[] = [];

  for (let first = 1; first <= employeeCount; first += BATCH) {
    sqlite.transaction(() => {
      for (let id = first; id < Math.min(first + BATCH, employeeCount + 1); id++) {
        const unitId =
          id <= MANAGER_UNIT_SIZE
            ? managerUnitId
            : (otherLeaves[Math.floor(random() * otherLeaves.length)] as number);
        // Set aside before the random draws: active, employed for years, nothing completed.
        const quizPerson = id > MANAGER_UNIT_SIZE && id <= MANAGER_UNIT_SIZE + quizEmployees;
        const pagePerson =
          !quizPerson && pageEmployeeIds.length < 500 && id > MANAGER_UNIT_SIZE + quizEmployees;
        const roll = random();
        // 1 % start next month, 8 % were hired within the year, the rest up to 30 years back.
        const startDate =
          quizPerson || pagePerson
            ? addDaysToDay(today, -2000)
            : roll < 0.01
              ? addDaysToDay(today, 1 + Math.floor(random() * 30))
              : roll < 0.09
                ? addDaysToDay(today, -Math.floor(random() * 365))
                : addDaysToDay(today, -366 - Math.floor(random() * 10_000));
        // 6 % left within the four years.
        const endDate =
          !quizPerson && !pagePerson && startDate < today && random() < 0.06
            ? maxDay(between(fourYearsAgo, today), addDaysToDay(startDate, 1))
            : null;
        insertEmployee.run(
          id,
          String(1_000_000 + id),
          `Person ${id}`,
          `person${id}@bench.test`,
          unitId,
          startDate,
          endDate,
        );
        if (quizPerson) {
          quizEmployeeIds.push(id);
          continue;
        }
        if (pagePerson) pageEmployeeIds.push(id);
        if (startDate > today) continue;
        const last = endDate ?? today;
        // GDPR is yearly: a completion in most of the years employed within the last four.
        for (let year = 0; year < 4; year++) {
          const from = maxDay(addDaysToDay(fourYearsAgo, year * 365), startDate);
          const to = minDay(addDaysToDay(fourYearsAgo, (year + 1) * 365), last);
          if (from >= to || random() > 0.88) continue;
          const on = between(from, to);
          insertCompletion.run(
            id,
            gdpr.id,
            on,
            versionOn(gdpr.versions, on),
            80 + Math.floor(random() * 21),
            recordedAt,
          );
          completions++;
        }
        // AI since its first version, and a retake of a later version for some.
        const aiStart = maxDay(aiFrom, startDate);
        if (aiStart < last && random() < 0.8) {
          const on = between(aiStart, last);
          insertCompletion.run(
            id,
            ai.id,
            on,
            versionOn(ai.versions, on),
            80 + Math.floor(random() * 21),
            recordedAt,
          );
          completions++;
          const later = ai.versions.filter((v) => v.publishedOn > on && v.publishedOn < last).at(-1);
          if (later && random() < 0.7) {
            const again = between(later.publishedOn, last);
            insertCompletion.run(id, ai.id, again, later.version, 80 + Math.floor(random() * 21), recordedAt);
            completions++;
          }
        }
        if (random() < 0.015) {
          const from = addDaysToDay(today, -Math.floor(random() * 200));
          insertExemption.run(
            id,
            random() < 0.5 ? ai.id : gdpr.id,
            from,
            addDaysToDay(today, 30 + Math.floor(random() * 200)),
            recordedAt,
          );
          exemptions++;
        }
      }
    })();
  }
  prepareQuizEmployees(db, today, gdpr.id, quizEmployeeIds);
  return {
    employees: employeeCount,
    units: nextUnitId - 1,
    completions,
    exemptions,
    rootUnitId,
    managerUnitId,
    quizEmployeeIds,
    pageEmployeeIds,
    unitNamePath,
  };
}

/**
 * Every GDPR module passed except the last, and the last module read to its end: one passed quiz
 * away from a completion. So each quiz submission in the bench records a completion.
 */
function prepareQuizEmployees(db: AppDatabase, today: Day, gdprId: number, employeeIds: number[]) {
  const content = getCourseContent("gdpr");
  if (!content) throw new Error("GDPR-kurset mangler i indholdet.");
  const sqlite = db.$client;
  const progress = sqlite.prepare(
    "insert into module_progress (employee_id, course_id, module_slug, current_page, furthest_page, updated_at) values (?, ?, ?, ?, ?, ?)",
  );
  const attempt = sqlite.prepare(
    "insert into quiz_attempt (id, employee_id, course_id, module_slug, course_version, answers, score, passed, submitted_at, submitted_on) values (?, ?, ?, ?, ?, '{}', 100, 1, ?, ?)",
  );
  const now = Date.now();
  const yesterday = addDaysToDay(today, -1);
  sqlite.transaction(() => {
    for (const id of employeeIds) {
      content.modules.forEach((module, index) => {
        const lastPage = module.pages.length - 1;
        progress.run(id, gdprId, module.slug, lastPage, lastPage, now);
        if (index < content.modules.length - 1) {
          attempt.run(randomUUID(), id, gdprId, module.slug, content.version, now - 86_400_000, yesterday);
        }
      });
    }
  })();
}

/**
 * Tables derived from the seeded rows, built once after seeding (the production code keeps them
 * up to date on every write): the kept status with its month-end counts, then the query
 * planner's statistics.
 */
export function buildDerivedTables(db: AppDatabase): void {
  rebuildKeptStatus(db);
  db.$client.exec("analyze");
}

function maxDay(a: Day, b: Day): Day {
  return a > b ? a : b;
}
function minDay(a: Day, b: Day): Day {
  return a < b ? a : b;
}
