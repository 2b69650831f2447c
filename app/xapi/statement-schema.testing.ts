// For tests only: a JSON Schema of the xAPI 1.0.3 statement rules (xAPI-Data.md, part two, §2.4
// and §4), validated with Ajv. It covers what a statement may hold and the rules a record store
// checks: exactly one inverse functional identifier per agent, accounts with homePage and name,
// language maps, IRIs, UUIDs, RFC 3339 timestamps with a time zone, scores in range, the four
// contextActivities keys, "revision"/"platform" only with an Activity object, a voiding statement's
// StatementRef object and no "version" other than 1.0.x. IRIs are checked as URIs (stricter).
import Ajv, { type ErrorObject } from "ajv";
import addFormats from "ajv-formats";

const languageMap = {
  type: "object",
  minProperties: 1,
  propertyNames: { pattern: "^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$" },
  additionalProperties: { type: "string" },
};
const iri = { type: "string", format: "uri" };
const uuid = { type: "string", format: "uuid" };
const extensions = { type: "object", propertyNames: { format: "uri" } };

const account = {
  type: "object",
  required: ["homePage", "name"],
  additionalProperties: false,
  properties: { homePage: { type: "string", format: "uri" }, name: { type: "string", minLength: 1 } },
};
const ifis = {
  mbox: { type: "string", pattern: "^mailto:[^@\\s]+@[^@\\s]+$" },
  mbox_sha1sum: { type: "string", pattern: "^[0-9a-f]{40}$" },
  openid: iri,
  account: { $ref: "#/definitions/account" },
};
const exactlyOneIfi = {
  oneOf: Object.keys(ifis).map((k) => ({ required: [k] })),
};

const schema = {
  $id: "https://albertslund.test/xapi/statement-1.0.3.json",
  definitions: {
    account,
    agent: {
      type: "object",
      additionalProperties: false,
      properties: { objectType: { const: "Agent" }, name: { type: "string" }, ...ifis },
      ...exactlyOneIfi,
    },
    group: {
      type: "object",
      required: ["objectType"],
      additionalProperties: false,
      properties: {
        objectType: { const: "Group" },
        name: { type: "string" },
        member: { type: "array", items: { $ref: "#/definitions/agent" } },
        ...ifis,
      },
      // Anonymous (members, no identifier) or identified (exactly one identifier).
      oneOf: [
        { required: ["member"], not: { anyOf: Object.keys(ifis).map((k) => ({ required: [k] })) } },
        exactlyOneIfi,
      ],
    },
    actor: {
      if: { required: ["objectType"], properties: { objectType: { const: "Group" } } },
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keyword
      then: { $ref: "#/definitions/group" },
      else: { $ref: "#/definitions/agent" },
    },
    activity: {
      type: "object",
      required: ["id"],
      additionalProperties: false,
      properties: {
        objectType: { const: "Activity" },
        id: iri,
        definition: {
          type: "object",
          additionalProperties: false,
          properties: {
            name: languageMap,
            description: languageMap,
            type: iri,
            moreInfo: iri,
            extensions,
            interactionType: {
              enum: [
                "true-false",
                "choice",
                "fill-in",
                "long-fill-in",
                "matching",
                "performance",
                "sequencing",
                "likert",
                "numeric",
                "other",
              ],
            },
            correctResponsesPattern: { type: "array", items: { type: "string" } },
            choices: { type: "array" },
            scale: { type: "array" },
            source: { type: "array" },
            target: { type: "array" },
            steps: { type: "array" },
          },
        },
      },
    },
    statementRef: {
      type: "object",
      required: ["objectType", "id"],
      additionalProperties: false,
      properties: { objectType: { const: "StatementRef" }, id: uuid },
    },
    verb: {
      type: "object",
      required: ["id"],
      additionalProperties: false,
      properties: { id: iri, display: languageMap },
    },
    score: {
      type: "object",
      additionalProperties: false,
      properties: {
        scaled: { type: "number", minimum: -1, maximum: 1 },
        raw: { type: "number" },
        min: { type: "number" },
        max: { type: "number" },
      },
    },
    result: {
      type: "object",
      additionalProperties: false,
      properties: {
        score: { $ref: "#/definitions/score" },
        success: { type: "boolean" },
        completion: { type: "boolean" },
        response: { type: "string" },
        duration: { type: "string", format: "duration" },
        extensions,
      },
    },
    contextActivityList: {
      anyOf: [
        { $ref: "#/definitions/activity" },
        { type: "array", items: { $ref: "#/definitions/activity" } },
      ],
    },
    context: {
      type: "object",
      additionalProperties: false,
      properties: {
        registration: uuid,
        instructor: { $ref: "#/definitions/actor" },
        team: { $ref: "#/definitions/group" },
        contextActivities: {
          type: "object",
          additionalProperties: false,
          properties: {
            parent: { $ref: "#/definitions/contextActivityList" },
            grouping: { $ref: "#/definitions/contextActivityList" },
            category: { $ref: "#/definitions/contextActivityList" },
            other: { $ref: "#/definitions/contextActivityList" },
          },
        },
        revision: { type: "string" },
        platform: { type: "string" },
        language: { type: "string", pattern: "^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$" },
        statement: { $ref: "#/definitions/statementRef" },
        extensions,
      },
    },
  },
  type: "object",
  required: ["actor", "verb", "object"],
  additionalProperties: false,
  properties: {
    id: uuid,
    actor: { $ref: "#/definitions/actor" },
    verb: { $ref: "#/definitions/verb" },
    object: {
      oneOf: [
        {
          allOf: [{ not: { required: ["objectType"] } }, { $ref: "#/definitions/activity" }],
        },
        {
          allOf: [
            { required: ["objectType"], properties: { objectType: { const: "Activity" } } },
            { $ref: "#/definitions/activity" },
          ],
        },
        { $ref: "#/definitions/statementRef" },
        {
          required: ["objectType"],
          properties: { objectType: { const: "Agent" } },
          allOf: [{ $ref: "#/definitions/agent" }],
        },
        { $ref: "#/definitions/group" },
      ],
    },
    result: { $ref: "#/definitions/result" },
    context: { $ref: "#/definitions/context" },
    timestamp: { type: "string", format: "date-time" },
    stored: { type: "string", format: "date-time" },
    authority: { $ref: "#/definitions/actor" },
    version: { type: "string", pattern: "^1\\.0(\\.\\d+)?$" },
    attachments: { type: "array" },
  },
  allOf: [
    {
      // "revision" and "platform" MUST only be used when the object is an Activity.
      if: {
        required: ["object"],
        properties: {
          object: { required: ["objectType"], properties: { objectType: { not: { const: "Activity" } } } },
        },
      },
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keyword
      then: {
        properties: {
          context: { not: { anyOf: [{ required: ["revision"] }, { required: ["platform"] }] } },
        },
      },
    },
    {
      // A voiding statement's object MUST be a StatementRef.
      if: {
        required: ["verb"],
        properties: { verb: { properties: { id: { const: "http://adlnet.gov/expapi/verbs/voided" } } } },
      },
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keyword
      then: { properties: { object: { $ref: "#/definitions/statementRef" } } },
    },
  ],
};

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validateStatement = ajv.compile(schema);

/** The problems of one statement against the xAPI 1.0.3 rules, [] when it is valid. */
export function statementProblems(statement: unknown): string[] {
  if (validateStatement(statement)) return [];
  return (validateStatement.errors ?? []).map((e: ErrorObject) =>
    `${e.instancePath || "/"} ${e.message ?? ""}`.trim(),
  );
}

/** Every place in a value where an e-mail could identify someone: mbox keys or an address. */
export function emailTraces(value: unknown, at = ""): string[] {
  if (typeof value === "string") return /[^\s@/]+@[^\s@/]+\.[a-z]{2,}/i.test(value) ? [at] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => emailTraces(v, `${at}/${i}`));
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => [
      ...(k === "mbox" || k === "mbox_sha1sum" ? [`${at}/${k}`] : []),
      ...emailTraces(v, `${at}/${k}`),
    ]);
  }
  return [];
}
