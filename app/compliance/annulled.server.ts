// Rows HR has annulled count as if they never were. Queries that feed the status rule either
// filter with these conditions or pass `annulled` to it (the history shows annulled rows too).
import { sql } from "drizzle-orm";
import { schema } from "~/db.server";

const { completion, exemption, annulment } = schema;

export const notAnnulledCompletion = sql`NOT EXISTS (SELECT 1 FROM ${annulment} WHERE ${annulment.completionId} = ${completion.id})`;
export const notAnnulledExemption = sql`NOT EXISTS (SELECT 1 FROM ${annulment} WHERE ${annulment.exemptionId} = ${exemption.id})`;
