// xAPI 1.0.3 statements for what happened on the site: a completion of a course ("completed") and
// each quiz attempt ("passed"/"failed"). Pure: the rows come from statements.server.ts.
//
// Rules kept here, in one place:
// - The actor is an account on this site (homePage = PUBLIC_ORIGIN, name = employee number):
//   never an e-mail address (mbox) or a person's name, so the record store holds no contact data.
// - Ids are UUID v5 in a namespace made from the site's origin: the same completion or attempt
//   always gives the same statement id (re-sending is idempotent) and the same registration.
// - A registration is one cycle of a course for one employee: the rounds the course player counts
//   (app/courses/progress.ts), each starting after the previous completion.
// - The statement `version` is left out: the spec asks providers not to set it.
import { v5 as uuidv5 } from "uuid";
import type { Day } from "~/compliance/day";
import type { CompletionSource } from "../../db/constants";

export const XAPI_VERSION = "1.0.3";

export const VERBS = {
  completed: {
    id: "http://adlnet.gov/expapi/verbs/completed",
    display: { "da-DK": "gennemførte", "en-US": "completed" },
  },
  passed: { id: "http://adlnet.gov/expapi/verbs/passed", display: { "da-DK": "bestod", "en-US": "passed" } },
  failed: {
    id: "http://adlnet.gov/expapi/verbs/failed",
    display: { "da-DK": "bestod ikke", "en-US": "failed" },
  },
  voided: {
    id: "http://adlnet.gov/expapi/verbs/voided",
    display: { "da-DK": "annullerede", "en-US": "voided" },
  },
} as const;

const ACTIVITY_TYPES = {
  course: "http://adlnet.gov/expapi/activities/course",
  module: "http://adlnet.gov/expapi/activities/module",
  assessment: "http://adlnet.gov/expapi/activities/assessment",
} as const;

const PLATFORM = "Albertslund Kommune · AI og GDPR";

export type LanguageMap = Record<string, string>;

export interface XapiAgent {
  objectType: "Agent";
  account: { homePage: string; name: string };
}

export interface XapiActivity {
  objectType: "Activity";
  id: string;
  definition: { type: string; name: LanguageMap };
}

export interface XapiStatement {
  id: string;
  actor: XapiAgent;
  verb: { id: string; display: LanguageMap };
  object: XapiActivity | { objectType: "StatementRef"; id: string };
  result?: {
    score?: { scaled: number; raw: number; min: number; max: number };
    success?: boolean;
    completion?: boolean;
  };
  context?: {
    registration: string;
    contextActivities?: { parent?: XapiActivity[]; grouping?: XapiActivity[] };
    platform: string;
    language: string;
    extensions: Record<string, string>;
  };
  timestamp: string;
}

/** A completion as the statement needs it (not annulled: annulled rows are never exported). */
export interface CompletionFact {
  completionId: number;
  employeeNumber: string;
  courseCode: string;
  courseTitle: string;
  completedOn: Day;
  recordedAt: number;
  courseVersion: string;
  score: number | null;
  source: CompletionSource;
  /** The day of the previous (not annulled) completion of the course, or null: the cycle. */
  cycleStartsAfter: Day | null;
}

export interface QuizAttemptFact {
  attemptId: string;
  employeeNumber: string;
  courseCode: string;
  courseTitle: string;
  moduleSlug: string;
  moduleTitle: string;
  courseVersion: string;
  score: number;
  passed: boolean;
  submittedAt: number;
  cycleStartsAfter: Day | null;
}

/** The namespace every id of this installation is made in: two sites never share an id. */
export function xapiNamespace(origin: string): string {
  return uuidv5(origin, uuidv5.URL);
}

export function completionStatementId(origin: string, completionId: number): string {
  return uuidv5(`completion/${completionId}`, xapiNamespace(origin));
}

export function quizAttemptStatementId(origin: string, attemptId: string): string {
  return uuidv5(`quiz-attempt/${attemptId}`, xapiNamespace(origin));
}

export function voidingStatementId(origin: string, voidedId: string): string {
  return uuidv5(`void/${voidedId}`, xapiNamespace(origin));
}

/** One registration per employee x course x cycle. */
export function registrationId(
  origin: string,
  employeeNumber: string,
  courseCode: string,
  cycleStartsAfter: Day | null,
): string {
  return uuidv5(
    `registration/${employeeNumber}/${courseCode}/${cycleStartsAfter ?? "first"}`,
    xapiNamespace(origin),
  );
}

/**
 * The day of the latest completion strictly before `day`: the cycle `day` belongs to. An attempt
 * on the day of a completion belongs to that completion's cycle, as in the course player.
 */
export function cycleStartsAfter(completionDays: readonly Day[], day: Day): Day | null {
  let latest: Day | null = null;
  for (const d of completionDays) if (d < day && (latest === null || d > latest)) latest = d;
  return latest;
}

export function actorFor(origin: string, employeeNumber: string): XapiAgent {
  return { objectType: "Agent", account: { homePage: origin, name: employeeNumber } };
}

export function courseActivity(origin: string, code: string, title: string): XapiActivity {
  return {
    objectType: "Activity",
    id: `${origin}/kurser/${encodeURIComponent(code)}`,
    definition: { type: ACTIVITY_TYPES.course, name: { "da-DK": title } },
  };
}

function moduleActivity(origin: string, code: string, slug: string, title: string): XapiActivity {
  return {
    objectType: "Activity",
    id: `${origin}/kurser/${encodeURIComponent(code)}/${encodeURIComponent(slug)}`,
    definition: { type: ACTIVITY_TYPES.module, name: { "da-DK": title } },
  };
}

function quizActivity(origin: string, code: string, slug: string, title: string): XapiActivity {
  return {
    objectType: "Activity",
    id: `${origin}/kurser/${encodeURIComponent(code)}/${encodeURIComponent(slug)}/quiz`,
    definition: { type: ACTIVITY_TYPES.assessment, name: { "da-DK": `Quiz: ${title}` } },
  };
}

/** Extension keys are IRIs under the site's origin. */
export function extensionKeys(origin: string) {
  return {
    courseVersion: `${origin}/xapi/extensions/course-version`,
    source: `${origin}/xapi/extensions/source`,
  };
}

function percentScore(percent: number) {
  return { scaled: Math.round(percent) / 100, raw: Math.round(percent), min: 0, max: 100 };
}

/** A day without a time (imported or registered by HR) as an instant: noon UTC keeps the day. */
function dayTimestamp(day: Day): string {
  return `${day}T12:00:00.000Z`;
}

export function completedStatement(origin: string, c: CompletionFact): XapiStatement {
  const keys = extensionKeys(origin);
  return {
    id: completionStatementId(origin, c.completionId),
    actor: actorFor(origin, c.employeeNumber),
    verb: VERBS.completed,
    object: courseActivity(origin, c.courseCode, c.courseTitle),
    result: {
      completion: true,
      // Known for the site (every quiz passed) and the vendor's import (it lists passed courses);
      // a registration by HR says the course was taken, not how it went.
      ...(c.source === "manual" ? {} : { success: true }),
      ...(c.score === null ? {} : { score: percentScore(c.score) }),
    },
    context: {
      registration: registrationId(origin, c.employeeNumber, c.courseCode, c.cycleStartsAfter),
      platform: PLATFORM,
      language: "da-DK",
      extensions: { [keys.courseVersion]: c.courseVersion, [keys.source]: c.source },
    },
    // The site records the moment; an imported or manual completion only has its day.
    timestamp: c.source === "site" ? new Date(c.recordedAt).toISOString() : dayTimestamp(c.completedOn),
  };
}

export function quizAttemptStatement(origin: string, a: QuizAttemptFact): XapiStatement {
  const keys = extensionKeys(origin);
  return {
    id: quizAttemptStatementId(origin, a.attemptId),
    actor: actorFor(origin, a.employeeNumber),
    verb: a.passed ? VERBS.passed : VERBS.failed,
    object: quizActivity(origin, a.courseCode, a.moduleSlug, a.moduleTitle),
    result: { score: percentScore(a.score), success: a.passed, completion: true },
    context: {
      registration: registrationId(origin, a.employeeNumber, a.courseCode, a.cycleStartsAfter),
      contextActivities: {
        parent: [moduleActivity(origin, a.courseCode, a.moduleSlug, a.moduleTitle)],
        grouping: [courseActivity(origin, a.courseCode, a.courseTitle)],
      },
      platform: PLATFORM,
      language: "da-DK",
      extensions: { [keys.courseVersion]: a.courseVersion, [keys.source]: "site" },
    },
    timestamp: new Date(a.submittedAt).toISOString(),
  };
}

/**
 * Voids a statement the record store already holds (a completion HR has since annulled). The
 * actor is the site itself, an account named "system", not the HR user who annulled.
 */
export function voidingStatement(origin: string, voidedId: string, annulledAt: number): XapiStatement {
  return {
    id: voidingStatementId(origin, voidedId),
    actor: { objectType: "Agent", account: { homePage: origin, name: "system" } },
    verb: VERBS.voided,
    object: { objectType: "StatementRef", id: voidedId },
    timestamp: new Date(annulledAt).toISOString(),
  };
}
