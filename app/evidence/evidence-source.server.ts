// Loads what the evidence pack needs for a day, through the same service functions as the
// overview on /enheder (listCourses, loadPeopleData, statusesAsOf, summarizeUnits,
// countStatusesAsOf, completionTrend), so its figures follow the one status rule. The result is
// plain, JSON-serialisable data: buildEvidencePack and the renderers are pure functions of it and
// can run in a worker thread.
import { and, asc, gte, lt, ne, sql } from "drizzle-orm";
import { danishMidnight } from "~/audit/audit.server";
import type { Viewer } from "~/auth/scope";
import { listCourses } from "~/compliance/courses.server";
import { addDaysToDay, addMonthsToDay, type Day } from "~/compliance/day";
import { loadPeopleData } from "~/compliance/people.server";
import { countStatusesAsOf, statusesAsOf } from "~/compliance/people-data";
import { completionTrend, monthEnds } from "~/compliance/trend";
import { summarizeUnits } from "~/compliance/units.server";
import { allCourseContent } from "~/content/content.server";
import { getDb, schema } from "~/db.server";
import { config } from "~/env.server";
import { listAfdelinger, superUsersOn } from "~/super-users/super-users.server";
import type { EvidenceSource } from "./evidence-pack";
import { toolsAsOf } from "./tools-as-of";

/** The whole organisation, as HR sees it. */
const ORGANISATION: Viewer = { role: "hr", scopePaths: [] };

export function loadEvidenceSource(asOf: Day, now = Date.now()): EvidenceSource {
  const db = getDb();
  const courses = listCourses();
  const content = allCourseContent();
  const days = monthEnds(asOf);
  const endOfDay = danishMidnight(addDaysToDay(asOf, 1));

  // One load serves the day's counts and every month end of the trend, as on /enheder/:id.
  const data = loadPeopleData({
    viewer: ORGANISATION,
    unitPath: "/",
    from: days[0] ?? asOf,
    to: asOf,
    courses,
  });
  const people = statusesAsOf(data, asOf);
  const afdelinger = listAfdelinger(ORGANISATION);
  const summaries = summarizeUnits(people, afdelinger, courses);
  const superUsers = superUsersOn(
    asOf,
    afdelinger.map((a) => a.id),
  );

  const toolChanges = db
    .select({
      toolId: schema.aiToolChange.toolId,
      at: schema.aiToolChange.at,
      kind: schema.aiToolChange.kind,
      description: schema.aiToolChange.description,
      publishedVersion: schema.aiToolChange.publishedVersion,
    })
    .from(schema.aiToolChange)
    .orderBy(asc(schema.aiToolChange.at), asc(schema.aiToolChange.id))
    .all();
  const tools = db.select().from(schema.aiTool).all();
  const origins = new Map(
    db
      .select()
      .from(schema.courseVersion)
      .all()
      .map((v) => [`${v.courseId}:${v.version}`, v.origin]),
  );

  const mail = db
    .select({ kind: schema.mailOutbox.kind, status: schema.mailOutbox.status, count: sql<number>`count(*)` })
    .from(schema.mailOutbox)
    .where(
      and(
        ne(schema.mailOutbox.kind, "login_link"),
        gte(schema.mailOutbox.createdAt, danishMidnight(addDaysToDay(addMonthsToDay(asOf, -12), 1))),
        lt(schema.mailOutbox.createdAt, endOfDay),
      ),
    )
    .groupBy(schema.mailOutbox.kind, schema.mailOutbox.status)
    .all();

  const retention = config().retentionMonths;
  return {
    asOf,
    generatedAt: now,
    courses: courses.map((c) => ({
      code: c.code,
      title: c.title,
      kind: c.kind,
      validityMonths: c.validityMonths,
      dueDays: c.dueDays,
      requiredFrom: c.requiredFrom,
      campaignDeadline: c.campaignDeadline,
      attestation: content.find((k) => k.code === c.code)?.attestation ?? null,
      versions: c.versions.map((v) => ({
        version: v.version,
        publishedOn: v.publishedOn,
        material: v.material,
        reattestDays: v.reattestDays,
        origin: origins.get(`${c.id}:${v.version}`) ?? "content",
        toolChanges: toolChanges
          .filter((t) => t.publishedVersion === v.version && c.code === "ai")
          .map((t) => t.description),
      })),
    })),
    tools: toolsAsOf(tools, toolChanges, endOfDay),
    organisation: {
      label: "Hele organisationen",
      headcount: people.length,
      counts: countStatusesAsOf(data, asOf),
    },
    afdelinger: summaries.map((s) => ({
      label: s.unit.name,
      headcount: people.filter((p) => p.unitPath.startsWith(s.unit.path)).length,
      counts: s.counts,
      superUsers: superUsers
        .filter((u) => u.afdelingUnitId === s.unit.id)
        .map((u) => ({ name: u.name, unitName: u.unitName, email: u.email, startDate: u.startDate })),
    })),
    trend: completionTrend(data, days),
    mail,
    retentionMonths: retention,
  };
}
