// The demo's postkasse: the outbox's messages, on a demo database only (404 otherwise), so a
// person can try "Send mig et link" without SMTP. The outbox holds no usable link (see
// mail/outbox.server.ts); "Åbn mailen" is the demo's delivery: it mints a fresh token for that
// one answer, exactly as an SMTP delivery would, and stores only its hash.
import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { desc, eq } from "drizzle-orm";
import { z } from "zod";
import { canShowLinksInPostkasse, mintLoginLinkToken } from "~/auth/login-link.server";
import { getDb, schema } from "~/db.server";
import { config } from "~/env.server";
import { LINK_PLACEHOLDER } from "~/mail/outbox.server";
import { isDemoDatabase } from "~/site-settings.server";
import { formatTimestamp } from "~/ui/format";
import { pageTitle } from "~/ui/page-title";

const { mailOutbox } = schema;

function requireDemo() {
  if (!isDemoDatabase()) throw data({ message: "Siden findes ikke." }, { status: 404 });
}

const STATUS_LABEL = { queued: "Ikke sendt", sent: "Sendt", failed: "Fejlede" } as const;

export function loader() {
  requireDemo();
  const messages = getDb()
    .select({
      id: mailOutbox.id,
      to: mailOutbox.to,
      subject: mailOutbox.subject,
      status: mailOutbox.status,
      lastError: mailOutbox.lastError,
      createdAt: mailOutbox.createdAt,
    })
    .from(mailOutbox)
    .orderBy(desc(mailOutbox.id))
    .limit(50)
    .all()
    .map((m) => ({ ...m, createdAt: formatTimestamp(m.createdAt) }));
  return { messages };
}

export async function action({ request }: ActionFunctionArgs) {
  requireDemo();
  const id = z.coerce
    .number()
    .int()
    .positive()
    .safeParse((await request.formData()).get("id"));
  if (!id.success) throw data({ message: "Ukendt mail." }, { status: 400 });
  const mail = getDb().select().from(mailOutbox).where(eq(mailOutbox.id, id.data)).get();
  if (!mail) throw data({ message: "Ukendt mail." }, { status: 404 });
  // The text around the link, and the link itself (for a sign-in mail).
  const [before = "", after = ""] = mail.text.split(LINK_PLACEHOLDER);
  let link: string | null = null;
  if (mail.loginLinkId !== null) {
    const token = canShowLinksInPostkasse() ? mintLoginLinkToken(mail.loginLinkId) : null;
    link = token ? `${config().publicOrigin}/login/link/${token}` : "";
  }
  return { opened: { id: mail.id, to: mail.to, subject: mail.subject, before, link, after } };
}

export default function Postkasse() {
  const { messages } = useLoaderData<typeof loader>();
  const opened = useActionData<typeof action>()?.opened;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Demo-postkasse</h1>
        <p className="mt-2 max-w-prose">
          Demoen sender ikke rigtige mails. Her ligger de mails, siden ville have sendt, så du kan prøve at
          logge ind med et link. Siden findes kun i demoen.
        </p>
      </div>
      {opened ? (
        <section aria-labelledby="aaben-mail" className="rounded-lg bg-white p-6 shadow-sm">
          <h2 id="aaben-mail" className="text-lg font-semibold">
            {opened.subject}
          </h2>
          <p className="text-sm text-muted">Til {opened.to}</p>
          <div className="mt-3 whitespace-pre-line break-words">
            {opened.before}
            {opened.link === null ? null : opened.link ? (
              <a href={opened.link}>{opened.link}</a>
            ) : (
              <em>[Linket er udløbet eller brugt. Bed om et nyt.]</em>
            )}
            {opened.after}
          </div>
        </section>
      ) : null}
      <section aria-labelledby="mails">
        <h2 id="mails" className="text-lg font-semibold">
          Mails
        </h2>
        {messages.length === 0 ? (
          <p className="mt-2">Postkassen er tom.</p>
        ) : (
          <ul className="mt-2 space-y-2">
            {messages.map((m) => (
              <li key={m.id} className="rounded-lg bg-white p-4 shadow-sm">
                <p className="font-semibold">{m.subject}</p>
                <p className="text-sm">
                  Til {m.to} · {m.createdAt} · {STATUS_LABEL[m.status]}
                  {m.status !== "sent" && m.lastError ? ` (${m.lastError})` : ""}
                </p>
                <Form method="post" className="mt-2">
                  <input type="hidden" name="id" value={m.id} />
                  <button type="submit" className="rounded border border-brand-700 px-3 py-1 text-brand-700">
                    Åbn mailen til {m.to}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Demo-postkasse") }];
