// A manager or HR reminds people in a unit (and everything below it): choose people, or "alle,
// der ikke har gennemført", see the mail and the recipients, then send. Plain form posts, so it
// works without JavaScript. The 7-day rule is applied on the server at preview and again at send.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { recordAudit } from "~/audit/audit.server";
import { listCourses } from "~/compliance/courses.server";
import { today } from "~/compliance/day";
import { ALL_COURSES_SLUG, courseOfSlug, courseSlug } from "~/compliance/people-list";
import { requireUnitForViewer } from "~/compliance/units.server";
import { config } from "~/env.server";
import {
  manualReminderPreview,
  planManualReminders,
  sendManualReminders,
} from "~/reminders/reminders.server";
import { CourseFilter } from "~/ui/course-filter";
import { ErrorSummary } from "~/ui/form";
import { formErrorOf, formErrorsFrom } from "~/ui/form-errors";
import { formatShortDate } from "~/ui/format";
import { pageTitle } from "~/ui/page-title";
import { RouteErrorBoundary } from "~/ui/route-error-boundary";

function courseParam(value: string | null) {
  return courseOfSlug(
    value,
    listCourses().map((c) => c.code),
  );
}

export function loader({ request, params }: LoaderFunctionArgs) {
  const { user, unit } = requireUnitForViewer(request, params.unitId);
  const day = today();
  const course = courseParam(new URL(request.url).searchParams.get("kursus"));
  const plan = planManualReminders({ viewer: user, unitPath: unit.path, employeeIds: "all", course, day });
  const people = [
    ...plan.recipients.map((r) => ({
      id: r.employeeId,
      name: r.name,
      detail: r.items.map((i) => `${i.courseTitle}, frist ${formatShortDate(i.frist)}`).join(" · "),
      blocked: null as string | null,
    })),
    ...plan.skipped.map((s) => ({ id: s.employeeId, name: s.name, detail: "", blocked: s.reason })),
  ].sort((a, b) => a.name.localeCompare(b.name, "da"));
  recordAudit({
    request,
    actor: user,
    action: "view_not_completed",
    scope: unit.name,
    filters: `Påmindelser; Kursus: ${listCourses().find((c) => c.code === course)?.title ?? "Alle kurser"}`,
    rowCount: people.length,
  });
  return {
    unit: { id: unit.id, name: unit.name },
    course,
    courses: listCourses().map((c) => ({ code: c.code, title: c.title })),
    people,
    smtp: config().smtp !== null,
  };
}

const ReminderForm = z.object({
  intent: z.enum(["preview", "send"]).catch("preview"),
  hvem: z.enum(["valgte", "alle"]).catch("valgte"),
  kursus: z.string().catch(ALL_COURSES_SLUG),
  medarbejder: z.array(z.coerce.number().int().positive()).max(10_000),
});

type Selection = { hvem: "valgte" | "alle"; kursus: string; ids: number[] };

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, unit } = requireUnitForViewer(request, params.unitId);
  const form = await request.formData();
  const parsed = ReminderForm.safeParse({
    intent: form.get("intent"),
    hvem: form.get("hvem"),
    kursus: form.get("kursus"),
    medarbejder: form.getAll("medarbejder"),
  });
  if (!parsed.success) {
    return data({ errors: formErrorsFrom(parsed.error), selection: null }, { status: 400 });
  }
  const { intent, hvem } = parsed.data;
  const selection: Selection = {
    hvem,
    kursus: courseParam(parsed.data.kursus),
    ids: parsed.data.medarbejder,
  };
  if (hvem === "valgte" && selection.ids.length === 0) {
    return data(
      {
        errors: formErrorOf(
          "medarbejder",
          "Vælg mindst én person, eller vælg „Alle, der ikke har gennemført“.",
        ),
        selection,
      },
      { status: 400 },
    );
  }
  const day = today();
  const reminderRequest = {
    viewer: user,
    unitPath: unit.path,
    employeeIds: hvem === "alle" ? ("all" as const) : selection.ids,
    course: selection.kursus,
    day,
  };
  if (intent === "send") {
    const result = sendManualReminders(reminderRequest, user);
    // The page does not wait for SMTP; what fails is retried by the sender and shown in the outbox.
    result.delivered.catch(() => undefined);
    for (const recipient of result.recipients) {
      recordAudit({
        request,
        actor: user,
        action: "send_reminder",
        scope: unit.name,
        targetEmployeeId: recipient,
        rowCount: 1,
      });
    }
    return { errors: null, selection: null, sent: { count: result.queued.length, skipped: result.skipped } };
  }
  const plan = planManualReminders(reminderRequest);
  const first = plan.recipients[0];
  if (!first) {
    return data(
      {
        errors: formErrorOf(
          "medarbejder",
          "Ingen af de valgte kan få en påmindelse nu: de har gennemført, er fritaget eller har fået en inden for 7 dage.",
        ),
        selection,
      },
      { status: 400 },
    );
  }
  const mail = manualReminderPreview(first, user, day);
  return {
    errors: null,
    selection,
    preview: {
      subject: mail.subject,
      text: mail.text,
      sampleName: first.name,
      recipients: plan.recipients.map((r) => ({
        id: r.employeeId,
        name: r.name,
        email: r.email,
        courses: r.items.map((i) => `${i.courseTitle} (frist ${formatShortDate(i.frist)})`).join(", "),
      })),
      skipped: plan.skipped,
    },
  };
}

const button = "min-h-11 rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800";

export default function Reminders() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const preview = result && "preview" in result ? result.preview : null;
  const sent = result && "sent" in result ? result.sent : null;
  const selection = result?.selection ?? null;
  const chosen = new Set(selection?.ids ?? []);
  const selectable = page.people.filter((p) => !p.blocked);

  return (
    <div className="max-w-3xl">
      <nav aria-label="Brødkrumme" className="text-sm">
        <Link to={`/enheder/${page.unit.id}`}>{page.unit.name}</Link>
        {" · "}
        <Link to={`/enheder/${page.unit.id}/personer`}>Personer</Link>
      </nav>
      <h1 className="mt-1 text-2xl font-bold">Send påmindelse i {page.unit.name}</h1>
      <p className="mt-2">
        Vælg, hvem der skal have en mail om de kurser, de mangler. Du ser mailen og modtagerne, før noget
        bliver sendt. Ingen får mere end én påmindelse om samme kursus på 7 dage, uanset hvem der sender den.
      </p>
      {page.smtp ? null : (
        <p className="mt-3 rounded border-2 border-warn bg-white p-3">
          Der er ikke sat en mailserver op (SMTP) på denne installation. Påmindelserne bliver lagt i udbakken,
          men bliver ikke sendt.
        </p>
      )}

      <div role="status">
        {sent ? (
          <p className="mt-4 rounded bg-green-50 p-3 text-ok">
            {sent.count === 1 ? "1 påmindelse" : `${sent.count} påmindelser`}{" "}
            {page.smtp ? "er sendt" : "er lagt i udbakken"}.
            {sent.skipped > 0
              ? ` ${sent.skipped} fik ingen (gennemført, fritaget eller påmindet for nylig).`
              : ""}
          </p>
        ) : null}
      </div>
      <ErrorSummary
        errors={result?.errors}
        labels={{ medarbejder: "Hvem", hvem: "Hvem", kursus: "Kursus" }}
        ids={{ medarbejder: "personer", hvem: "personer" }}
        className="mt-4"
      />

      {preview ? (
        <section aria-labelledby="forhaandsvisning" className="mt-6 rounded-lg bg-white p-4 shadow-sm">
          <h2 id="forhaandsvisning" className="text-xl font-semibold">
            Se mailen, før du sender
          </h2>
          <p className="mt-2 text-sm">
            Sådan ser mailen ud for {preview.sampleName}. De andre får den samme mail med deres eget navn,
            kurser og frister.
          </p>
          <p className="mt-3 font-semibold">Emne: {preview.subject}</p>
          <div className="mt-2 whitespace-pre-wrap break-words rounded border border-gray-300 p-3 text-sm">
            {preview.text}
          </div>
          <h3 className="mt-4 font-semibold">
            Modtagere (
            {preview.recipients.length === 1 ? "1 person" : `${preview.recipients.length} personer`})
          </h3>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
            {preview.recipients.map((r) => (
              <li key={r.id} className="break-words">
                {r.name} ({r.email}): {r.courses}
              </li>
            ))}
          </ul>
          {preview.skipped.length > 0 ? (
            <>
              <h3 className="mt-4 font-semibold">Får ikke en påmindelse ({preview.skipped.length})</h3>
              <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
                {preview.skipped.map((s) => (
                  <li key={s.employeeId}>
                    {s.name}: {s.reason}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <Form method="post" className="mt-4 flex flex-wrap items-center gap-4">
            <input type="hidden" name="intent" value="send" />
            <input type="hidden" name="hvem" value={selection?.hvem ?? "valgte"} />
            <input type="hidden" name="kursus" value={courseSlug(selection?.kursus ?? page.course)} />
            {(selection?.ids ?? []).map((id) => (
              <input key={id} type="hidden" name="medarbejder" value={id} />
            ))}
            <button type="submit" className={button}>
              Send påmindelsen til{" "}
              {preview.recipients.length === 1 ? "1 person" : `${preview.recipients.length} personer`}
            </button>
            <a href="#personer">Ret valget</a>
          </Form>
        </section>
      ) : null}

      <Form method="get" className="mt-6 flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 shadow-sm">
        <CourseFilter id="kursus-filter" course={page.course} courses={page.courses} />
        <button type="submit" className={button}>
          Vis
        </button>
      </Form>

      <Form method="post" className="mt-4 rounded-lg bg-white p-4 shadow-sm">
        <input type="hidden" name="intent" value="preview" />
        <input type="hidden" name="kursus" value={courseSlug(page.course)} />
        <fieldset>
          <legend className="font-semibold">Hvem skal have en påmindelse?</legend>
          <div className="mt-2 space-y-2">
            <label className="flex items-center gap-2">
              <input
                type="radio"
                name="hvem"
                value="valgte"
                defaultChecked={selection?.hvem !== "alle"}
                className="h-5 w-5"
              />
              De personer, jeg vælger nedenfor
            </label>
            <label className="flex items-center gap-2">
              <input
                type="radio"
                name="hvem"
                value="alle"
                defaultChecked={selection?.hvem === "alle"}
                className="h-5 w-5"
              />
              Alle, der ikke har gennemført ({selectable.length})
            </label>
          </div>
        </fieldset>

        <fieldset
          id="personer"
          tabIndex={-1}
          className="mt-4"
          aria-describedby={result?.errors?.fieldErrors.medarbejder ? "personer-fejl" : undefined}
        >
          <legend className="font-semibold">Personer, der ikke har gennemført ({page.people.length})</legend>
          {result?.errors?.fieldErrors.medarbejder ? (
            <p id="personer-fejl" className="text-sm font-semibold text-bad">
              {result.errors.fieldErrors.medarbejder.join(" ")}
            </p>
          ) : null}
          {page.people.length === 0 ? (
            <p className="mt-2">Alle i {page.unit.name} har gennemført eller er fritaget.</p>
          ) : (
            <ul className="mt-2 divide-y divide-gray-200">
              {page.people.map((p) => (
                <li key={p.id} className="py-2">
                  {p.blocked ? (
                    <p>
                      <span className="font-semibold">{p.name}</span>
                      <span className="block text-sm text-muted">{p.blocked}</span>
                    </p>
                  ) : (
                    <label className="flex items-start gap-2">
                      <input
                        type="checkbox"
                        name="medarbejder"
                        value={p.id}
                        defaultChecked={chosen.has(p.id)}
                        className="mt-1 h-5 w-5 shrink-0"
                      />
                      <span>
                        <span className="font-semibold">{p.name}</span>
                        <span className="block text-sm text-muted">{p.detail}</span>
                      </span>
                    </label>
                  )}
                </li>
              ))}
            </ul>
          )}
        </fieldset>
        <button type="submit" className={`${button} mt-4`}>
          Se mailen og modtagerne
        </button>
      </Form>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: pageTitle(matches, `Send påmindelse i ${data?.unit.name ?? "enheden"}`) },
];

export function ErrorBoundary() {
  return <RouteErrorBoundary to="/enheder" label="Gå til enhederne" />;
}
