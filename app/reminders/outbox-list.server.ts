// HR's view of the mail outbox: every message the site sent or tried to send, filtered and paged
// in SQL. Sign-in mails hold no usable link (see mail/outbox.server.ts), so showing them is safe.
import { and, count, desc, eq, isNotNull, isNull, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, schema } from "~/db.server";
import { OUTBOX_STATUS_FILTERS } from "./outbox-labels";
import { REMINDER_MAIL_KINDS } from "./reminders.server";

const { mailOutbox, mailAttachment } = schema;

export const OUTBOX_KIND_LABEL: Record<string, string> = {
  login_link: "Login-link",
  ...REMINDER_MAIL_KINDS,
};

export const OUTBOX_PAGE_SIZE = 50;

const Filters = z.object({
  status: z.enum(Object.keys(OUTBOX_STATUS_FILTERS) as [keyof typeof OUTBOX_STATUS_FILTERS]).catch("alle"),
  type: z.string().catch("alle"),
  q: z.string().trim().max(100).catch(""),
  side: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type OutboxFilters = z.infer<typeof Filters>;

export function parseOutboxFilters(params: URLSearchParams): OutboxFilters {
  const f = Filters.parse({
    status: params.get("status") ?? undefined,
    type: params.get("type") ?? undefined,
    q: params.get("q") ?? undefined,
    side: params.get("side") ?? undefined,
  });
  return { ...f, type: f.type in OUTBOX_KIND_LABEL ? f.type : "alle" };
}

function statusCondition(status: OutboxFilters["status"]): SQL | undefined {
  switch (status) {
    case "sendt":
      return eq(mailOutbox.status, "sent");
    case "fejlet":
      return eq(mailOutbox.status, "failed");
    case "venter":
      return and(eq(mailOutbox.status, "queued"), isNotNull(mailOutbox.nextAttemptAt));
    case "ikke-sendt":
      return and(eq(mailOutbox.status, "queued"), isNull(mailOutbox.nextAttemptAt));
    default:
      return undefined;
  }
}

export function listOutbox(filters: OutboxFilters) {
  const where = and(
    statusCondition(filters.status),
    filters.type === "alle" ? undefined : eq(mailOutbox.kind, filters.type),
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
