import { describe, expect, it } from "vitest";
import { emailTraces, statementProblems } from "./statement-schema.testing";
import {
  type CompletionFact,
  completedStatement,
  cycleStartsAfter,
  type QuizAttemptFact,
  quizAttemptStatement,
  registrationId,
  voidingStatement,
} from "./statements";

const ORIGIN = "https://laering.albertslund.dk";

function completion(fields: Partial<CompletionFact> = {}): CompletionFact {
  return {
    completionId: 17,
    employeeNumber: "004711",
    courseCode: "gdpr",
    courseTitle: "GDPR for ansatte i Albertslund Kommune",
    completedOn: "2026-03-02",
    recordedAt: Date.UTC(2026, 2, 2, 9, 15, 30, 123),
    courseVersion: "2.1",
    score: 90,
    source: "site",
    cycleStartsAfter: null,
    ...fields,
  };
}

function attempt(fields: Partial<QuizAttemptFact> = {}): QuizAttemptFact {
  return {
    attemptId: "a1b2c3.signatur",
    employeeNumber: "004711",
    courseCode: "gdpr",
    courseTitle: "GDPR for ansatte i Albertslund Kommune",
    moduleSlug: "01-persondata",
    moduleTitle: "Hvad er personoplysninger?",
    courseVersion: "2.1",
    score: 60,
    passed: false,
    submittedAt: Date.UTC(2026, 2, 1, 8, 0, 0, 0),
    cycleStartsAfter: null,
    ...fields,
  };
}

describe("xAPI statements", () => {
  it("a completion is a valid 1.0.3 'completed' statement about the course, for an account", () => {
    const s = completedStatement(ORIGIN, completion());
    expect(statementProblems(s)).toEqual([]);
    expect(s.verb.id).toBe("http://adlnet.gov/expapi/verbs/completed");
    expect(s.actor).toEqual({ objectType: "Agent", account: { homePage: ORIGIN, name: "004711" } });
    expect(s.object).toEqual({
      objectType: "Activity",
      id: `${ORIGIN}/kurser/gdpr`,
      definition: {
        type: "http://adlnet.gov/expapi/activities/course",
        name: { "da-DK": "GDPR for ansatte i Albertslund Kommune" },
      },
    });
    expect(s.result).toEqual({
      completion: true,
      success: true,
      score: { scaled: 0.9, raw: 90, min: 0, max: 100 },
    });
    expect(s.context?.extensions[`${ORIGIN}/xapi/extensions/course-version`]).toBe("2.1");
    expect(s.timestamp).toBe("2026-03-02T09:15:30.123Z");
    expect(s).not.toHaveProperty("version");
  });

  it("quiz attempts are 'passed' or 'failed' on the module's quiz, with the module and course as context", () => {
    const failed = quizAttemptStatement(ORIGIN, attempt());
    const passed = quizAttemptStatement(ORIGIN, attempt({ attemptId: "x.y", passed: true, score: 100 }));
    for (const s of [failed, passed]) expect(statementProblems(s)).toEqual([]);
    expect(failed.verb.id).toBe("http://adlnet.gov/expapi/verbs/failed");
    expect(passed.verb.id).toBe("http://adlnet.gov/expapi/verbs/passed");
    expect(failed.result).toEqual({
      score: { scaled: 0.6, raw: 60, min: 0, max: 100 },
      success: false,
      completion: true,
    });
    expect(passed.result?.success).toBe(true);
    expect(failed.object).toMatchObject({
      id: `${ORIGIN}/kurser/gdpr/01-persondata/quiz`,
      definition: { name: { "da-DK": "Quiz: Hvad er personoplysninger?" } },
    });
    expect(failed.context?.contextActivities?.parent?.[0]?.id).toBe(`${ORIGIN}/kurser/gdpr/01-persondata`);
    expect(failed.context?.contextActivities?.grouping?.[0]?.id).toBe(`${ORIGIN}/kurser/gdpr`);
    expect(failed.timestamp).toBe("2026-03-01T08:00:00.000Z");
  });

  it("no statement carries an e-mail address, mbox or the person's name", () => {
    const all = [
      completedStatement(ORIGIN, completion()),
      completedStatement(ORIGIN, completion({ source: "manual", score: null })),
      quizAttemptStatement(ORIGIN, attempt()),
      voidingStatement(ORIGIN, completedStatement(ORIGIN, completion()).id, Date.now()),
    ];
    for (const s of all) {
      expect(emailTraces(s)).toEqual([]);
      expect(Object.keys(s.actor).sort()).toEqual(["account", "objectType"]);
    }
  });

  it("ids are the same for the same record and differ between records and installations", () => {
    const a = completedStatement(ORIGIN, completion());
    expect(completedStatement(ORIGIN, completion()).id).toBe(a.id);
    expect(completedStatement(ORIGIN, completion({ completionId: 18 })).id).not.toBe(a.id);
    expect(completedStatement("https://test.albertslund.dk", completion()).id).not.toBe(a.id);
    expect(quizAttemptStatement(ORIGIN, attempt()).id).toBe(quizAttemptStatement(ORIGIN, attempt()).id);
    expect(a.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("one registration per employee, course and cycle: the attempts and the completion they led to share it", () => {
    const reg = (s: { context?: { registration: string } }) => s.context?.registration;
    const first = completedStatement(ORIGIN, completion());
    expect(reg(quizAttemptStatement(ORIGIN, attempt()))).toBe(reg(first));
    const nextYear = completedStatement(
      ORIGIN,
      completion({ completionId: 40, completedOn: "2027-02-01", cycleStartsAfter: "2026-03-02" }),
    );
    expect(reg(nextYear)).not.toBe(reg(first));
    expect(reg(completedStatement(ORIGIN, completion({ courseCode: "ai" })))).not.toBe(reg(first));
    expect(reg(completedStatement(ORIGIN, completion({ employeeNumber: "004712" })))).not.toBe(reg(first));
    expect(registrationId(ORIGIN, "004711", "gdpr", null)).toBe(reg(first));
  });

  it("a cycle starts after the latest completion before the day; the completion day closes its cycle", () => {
    const days = ["2025-01-10", "2026-01-12"];
    expect(cycleStartsAfter(days, "2025-01-09")).toBeNull();
    expect(cycleStartsAfter(days, "2025-01-10")).toBeNull();
    expect(cycleStartsAfter(days, "2025-01-11")).toBe("2025-01-10");
    expect(cycleStartsAfter(days, "2026-01-12")).toBe("2025-01-10");
    expect(cycleStartsAfter(days, "2026-06-01")).toBe("2026-01-12");
  });

  it("an imported or registered completion has its day at noon UTC; HR's registration claims no success", () => {
    const imported = completedStatement(ORIGIN, completion({ source: "import", score: null }));
    expect(imported.timestamp).toBe("2026-03-02T12:00:00.000Z");
    expect(imported.result).toEqual({ completion: true, success: true });
    const manual = completedStatement(ORIGIN, completion({ source: "manual", score: null }));
    expect(manual.result).toEqual({ completion: true });
    expect(statementProblems(manual)).toEqual([]);
  });

  it("voiding points at the voided statement and is itself valid", () => {
    const target = completedStatement(ORIGIN, completion()).id;
    const v = voidingStatement(ORIGIN, target, Date.UTC(2026, 3, 1));
    expect(statementProblems(v)).toEqual([]);
    expect(v.verb.id).toBe("http://adlnet.gov/expapi/verbs/voided");
    expect(v.object).toEqual({ objectType: "StatementRef", id: target });
    expect(v.id).not.toBe(target);
  });
});

describe("the xAPI 1.0.3 schema used above", () => {
  const valid = completedStatement(ORIGIN, completion());

  it("refuses an agent with two identifiers, an mbox that is no mailto IRI, and a missing verb", () => {
    const twoIds = { ...valid, actor: { ...valid.actor, mbox: "mailto:a@albertslund.dk" } };
    expect(statementProblems(twoIds)).not.toEqual([]);
    expect(emailTraces(twoIds)).toEqual(["/actor/mbox", "/actor/mbox"]);
    expect(
      statementProblems({ ...valid, actor: { objectType: "Agent", mbox: "a@albertslund.dk" } }),
    ).not.toEqual([]);
    const { verb: _verb, ...noVerb } = valid;
    expect(statementProblems(noVerb)).not.toEqual([]);
  });

  it("refuses a scaled score above 1, a timestamp without zone, a bad registration and unknown properties", () => {
    const bad = (patch: object) => statementProblems({ ...valid, ...patch });
    expect(bad({ result: { score: { scaled: 90 } } })).not.toEqual([]);
    expect(bad({ timestamp: "2026-03-02T09:15:30" })).not.toEqual([]);
    expect(bad({ context: { ...valid.context, registration: "42" } })).not.toEqual([]);
    expect(bad({ context: { ...valid.context, contextActivities: { siblings: [] } } })).not.toEqual([]);
    expect(bad({ employee: "Anne" })).not.toEqual([]);
    expect(bad({ version: "2.0.0" })).not.toEqual([]);
  });

  it("refuses a voiding statement whose object is an activity", () => {
    expect(
      statementProblems({ ...valid, verb: { id: "http://adlnet.gov/expapi/verbs/voided" } }),
    ).not.toEqual([]);
  });
});
