import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { AI_TOOL_STATUS_LABEL, type AiToolFields, AiToolForm } from "~/ai-tools/tools";
import { createTool, getTool, setToolRetired, ToolNameTaken, updateTool } from "~/ai-tools/tools.server";
import { notFound, requireRole } from "~/auth/guard.server";
import { pageTitle } from "~/ui/page-title";
import { useErrorFocus } from "~/ui/use-error-focus";
import { AI_TOOL_STATUSES } from "../../db/schema";

// Add (/admin/ai-vaerktoejer/ny) or edit one AI tool, retire it or bring it back. Admin only.

const NEW = "ny";
const FIELDS = ["name", "status", "summary", "allowed", "notAllowed", "note"] as const;
type Field = (typeof FIELDS)[number];
const FIELD_LABEL: Record<Field, string> = {
  name: "Navn",
  status: "Status",
  summary: "Kort beskrivelse",
  allowed: "Du må (én ting pr. linje)",
  notAllowed: "Du må ikke (én ting pr. linje)",
  note: "Note (vises under værktøjet, kan være tom)",
};

function toolIdOf(param: string | undefined): number | null {
  if (param === NEW) return null;
  const id = z.coerce.number().int().positive().safeParse(param);
  if (!id.success) notFound("Værktøjet findes ikke.");
  return id.data;
}

export function loader({ request, params }: LoaderFunctionArgs) {
  requireRole(request, "admin");
  const id = toolIdOf(params.toolId);
  const empty: AiToolFields = {
    name: "",
    status: "approved",
    summary: "",
    allowed: "",
    notAllowed: "",
    note: "",
  };
  if (id === null) return { id: null, retired: false, fields: empty };
  const tool = getTool(id);
  if (!tool) notFound("Værktøjet findes ikke.");
  const { name, status, summary, allowed, notAllowed, note } = tool;
  return {
    id,
    retired: tool.retiredAt !== null,
    fields: { name, status, summary, allowed, notAllowed, note },
  };
}

type Errors = Partial<Record<Field | "material", string>>;

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = requireRole(request, "admin");
  const id = toolIdOf(params.toolId);
  const form = Object.fromEntries(await request.formData());
  const fail = (error: string, errors: Errors = {}) =>
    data({ error, errors, values: form as Record<string, string> }, { status: 400 });

  if (form.intent === "retire" || form.intent === "reinstate") {
    if (id === null || !getTool(id)) notFound("Værktøjet findes ikke.");
    setToolRetired(id, form.intent === "retire", admin);
    return redirect("/admin/ai-vaerktoejer");
  }
  if (form.intent !== "save") return fail("Formularen er ufuldstændig. Hent siden igen.");

  const parsed = AiToolForm.safeParse(form);
  if (!parsed.success) {
    const errors: Errors = {};
    for (const issue of parsed.error.issues) errors[issue.path[0] as Field] ??= issue.message;
    return fail("Ret fejlene nedenfor.", errors);
  }
  try {
    if (id === null) {
      if (parsed.data.material)
        return fail("Ret fejlene nedenfor.", {
          material: "Et nyt værktøj kan ikke være en væsentlig ændring.",
        });
      createTool(parsed.data, admin);
    } else {
      if (!getTool(id)) notFound("Værktøjet findes ikke.");
      const result = updateTool(id, parsed.data, admin);
      if (!result.ok) return fail("Ret fejlene nedenfor.", { material: result.error });
    }
  } catch (error) {
    if (error instanceof ToolNameTaken)
      return fail("Ret fejlene nedenfor.", { name: "Der findes allerede et værktøj med det navn." });
    throw error;
  }
  return redirect("/admin/ai-vaerktoejer");
}

const fieldId = (f: Field | "material") => `vaerktoej-${f}`;
const input = "mt-1 w-full rounded border border-gray-500 px-3 py-2";

export default function EditAiTool() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errorRef = useErrorFocus(result);
  const errors: Errors = result?.errors ?? {};
  const value = (f: Field) => (result?.values?.[f] as string | undefined) ?? d.fields[f];
  const described = (f: Field | "material") => (errors[f] ? `${fieldId(f)}-fejl` : undefined);
  const errorText = (f: Field | "material") =>
    errors[f] ? (
      <p id={`${fieldId(f)}-fejl`} className="text-sm font-semibold text-bad">
        {errors[f]}
      </p>
    ) : null;
  const title = d.id === null ? "Tilføj et AI-værktøj" : `Redigér ${d.fields.name}`;

  return (
    <div className="max-w-2xl">
      <nav aria-label="Brødkrumme" className="text-sm">
        <Link to="/admin/ai-vaerktoejer">Redigér AI-værktøjer</Link>
      </nav>
      <h1 className="mt-1 break-words text-2xl font-bold">{title}</h1>
      {result?.error ? (
        <div
          ref={errorRef}
          tabIndex={-1}
          role="alert"
          className="mt-3 rounded border-2 border-bad bg-white p-3 text-bad"
        >
          <h2 className="font-semibold">{result.error}</h2>
          <ul className="mt-1 list-disc pl-5">
            {(Object.keys(errors) as (Field | "material")[]).map((f) => (
              <li key={f}>
                <a href={`#${fieldId(f)}`}>{errors[f]}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <Form method="post" noValidate className="mt-4 space-y-4 rounded-lg bg-white p-5 shadow-sm">
        <input type="hidden" name="intent" value="save" />
        <div>
          <label htmlFor={fieldId("name")} className="block font-semibold">
            {FIELD_LABEL.name}
          </label>
          {errorText("name")}
          <input
            id={fieldId("name")}
            name="name"
            defaultValue={value("name")}
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={described("name")}
            className={input}
          />
        </div>
        <div>
          <label htmlFor={fieldId("status")} className="block font-semibold">
            {FIELD_LABEL.status}
          </label>
          {errorText("status")}
          <select
            id={fieldId("status")}
            name="status"
            defaultValue={value("status")}
            aria-describedby={described("status")}
            className={`${input} bg-white`}
          >
            {AI_TOOL_STATUSES.map((s) => (
              <option key={s} value={s}>
                {AI_TOOL_STATUS_LABEL[s]}
              </option>
            ))}
          </select>
        </div>
        {d.id !== null ? (
          <div>
            {errorText("material")}
            <div className="flex items-start gap-3">
              <input
                id={fieldId("material")}
                name="material"
                type="checkbox"
                value="ja"
                defaultChecked={result?.values?.material === "ja"}
                aria-invalid={errors.material ? true : undefined}
                aria-describedby={`${fieldId("material")}-hjaelp ${described("material") ?? ""}`.trim()}
                className="mt-1 size-6 shrink-0"
              />
              <label htmlFor={fieldId("material")} className="font-semibold">
                Væsentlig ændring af status
              </label>
            </div>
            <p id={`${fieldId("material")}-hjaelp`} className="mt-1 text-sm text-muted">
              Alle skal så gennemføre AI-kurset og bekræfte retningslinjerne igen. Deres gennemførelse gælder
              højst til fristen for at bekræfte igen (normalt 30 dage).
            </p>
          </div>
        ) : null}
        {(["summary", "allowed", "notAllowed", "note"] as const).map((f) => (
          <div key={f}>
            <label htmlFor={fieldId(f)} className="block font-semibold">
              {FIELD_LABEL[f]}
            </label>
            {errorText(f)}
            <textarea
              id={fieldId(f)}
              name={f}
              rows={f === "note" ? 2 : 4}
              defaultValue={value(f)}
              aria-invalid={errors[f] ? true : undefined}
              aria-describedby={described(f)}
              className={input}
            />
          </div>
        ))}
        <button
          type="submit"
          className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
        >
          {d.id === null ? "Tilføj værktøjet" : "Gem ændringerne"}
        </button>
      </Form>
      {d.id !== null ? (
        <Form method="post" className="mt-6">
          <input type="hidden" name="intent" value={d.retired ? "reinstate" : "retire"} />
          <button type="submit" className="rounded border border-gray-600 bg-white px-4 py-2">
            {d.retired ? "Sæt værktøjet på oversigten igen" : "Fjern værktøjet fra oversigten"}
          </button>
        </Form>
      ) : null}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  {
    title: pageTitle(
      matches,
      `${data?.id === null ? "Tilføj AI-værktøj" : `Redigér ${data?.fields.name ?? "AI-værktøj"}`}`,
    ),
  },
];
