// HR's view of the mail outbox: every message the site sent or tried to send, filtered and paged
// in SQL. Sign-in mails hold no usable link (see mail/outbox.server.ts), so showing them is safe.
import { and, count, desc, eq, isNotNull, isNull, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, schema } from "~/db.server";
import { keyOfSlug } from "~/slugs";
import { ALL_KINDS, OUTBOX_STATUS_FILTERS } from "./outbox-labels";
import { REMINDER_MAIL_KINDS } from "./reminders.server";

const { mailOutbox, mailAttachment } = schema;

export const OUTBOX_KIND_LABEL: Record<string, string> = {
  login_link: "Login-link",
  ...REMINDER_MAIL_KINDS,
};

export const OUTBOX_PAGE_SIZE = 50;

const Filters = z.object({
  q: z.string().trim().max(100).catch(""),
  side: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type OutboxFilters = z.infer<typeof Filters> & {
  status: keyof typeof OUTBOX_STATUS_FILTERS;
  /** A mail kind, or ALL_KINDS. */
  type: string;
};

export function parseOutboxFilters(params: URLSearchParams): OutboxFilters {
  const f = Filters.parse({ q: params.get("q") ?? undefined, side: params.get("side") ?? undefined });
  const type = params.get("type");
  return {
    ...f,
    status: keyOfSlug(OUTBOX_STATUS_FILTERS, params.get("status")) ?? "all",
    type: type !== null && type in OUTBOX_KIND_LABEL ? type : ALL_KINDS,
  };
}

/** The filters as URL parameters (without the page). */
export function outboxFilterParams(filters: OutboxFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.status !== "all") params.set("status", OUTBOX_STATUS_FILTERS[filters.status].slug);
  if (filters.type !== ALL_KINDS) params.set("type", filters.type);
  if (filters.q) params.set("q", filters.q);
  return params;
}

function statusCondition(status: OutboxFilters["status"]): SQL | undefined {
  switch (status) {
    case "sent":
      return eq(mailOutbox.status, "sent");
    case "failed":
      return eq(mailOutbox.status, "failed");
    case "waiting":
      return and(eq(mailOutbox.status, "queued"), isNotNull(mailOutbox.nextAttemptAt));
    case "notSent":
      return and(eq(mailOutbox.status, "queued"), isNull(mailOutbox.nextAttemptAt));
    default:
      return undefined;
  }
}

export function listOutbox(filters: OutboxFilters) {
  const where = and(
    statusCondition(filters.status),
    filters.type === ALL_KINDS ? undefined : eq(mailOutbox.kind, filters.type),
    filters.q
      ? sql`${mailOutbox.to} LIKE ${`%${filters.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`} ESCAPE '\\'`
      : undefined,
  );
  const db = getDb();
  const total = db.select({ n: count() }).from(mailOutbox).where(where).get()?.n ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE));
  const page = Math.min(filters.side, pageCount);
  const rows = db
    .select({
      id: mailOutbox.id,
      kind: mailOutbox.kind,
      to: mailOutbox.to,
      subject: mailOutbox.subject,
      text: mailOutbox.text,
      status: mailOutbox.status,
      attempts: mailOutbox.attempts,
      nextAttemptAt: mailOutbox.nextAttemptAt,
      lastError: mailOutbox.lastError,
      createdAt: mailOutbox.createdAt,
      sentAt: mailOutbox.sentAt,
      attachments: sql<
        string | null
      >`(select group_concat(${mailAttachment.fileName}, ', ') from ${mailAttachment} where ${mailAttachment.mailId} = ${mailOutbox.id})`,
    })
    .from(mailOutbox)
    .where(where)
    .orderBy(desc(mailOutbox.id))
    .limit(OUTBOX_PAGE_SIZE)
    .offset((page - 1) * OUTBOX_PAGE_SIZE)
    .all();
  return { total, page, pageCount, rows };
}
