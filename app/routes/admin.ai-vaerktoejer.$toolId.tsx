import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { AI_TOOL_STATUS_LABEL, type AiToolFields, AiToolForm } from "~/ai-tools/tools";
import { createTool, getTool, setToolRetired, ToolNameTaken, updateTool } from "~/ai-tools/tools.server";
import { notFound, requireRole } from "~/auth/guard.server";
import { CheckboxField, ErrorSummary, Field, SelectField, SubmitButton } from "~/ui/form";
import { type FormErrors, formErrorOf, formErrorsFrom, submittedValues } from "~/ui/form-errors";
import { pageTitle } from "~/ui/page-title";
import { RouteErrorBoundary } from "~/ui/route-error-boundary";
import { AI_TOOL_STATUSES } from "../../db/schema";

// Add (/admin/ai-vaerktoejer/ny) or edit one AI tool, retire it or bring it back. Admin only.

const NEW = "ny";
const FIELDS = ["name", "status", "summary", "allowed", "notAllowed", "note"] as const;
type ToolField = (typeof FIELDS)[number];
const FIELD_LABEL: Record<ToolField, string> = {
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

type FieldName = ToolField | "material";

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = requireRole(request, "admin");
  const id = toolIdOf(params.toolId);
  const formData = await request.formData();
  const form = Object.fromEntries(formData);
  const fail = (errors: FormErrors) => data({ errors, values: submittedValues(formData) }, { status: 400 });

  if (form.intent === "retire" || form.intent === "reinstate") {
    if (id === null || !getTool(id)) notFound("Værktøjet findes ikke.");
    setToolRetired(id, form.intent === "retire", admin);
    return redirect("/admin/ai-vaerktoejer");
  }
  if (form.intent !== "save") return fail(formErrorOf(null, "Formularen er ufuldstændig. Hent siden igen."));

  const parsed = AiToolForm.safeParse(form);
  if (!parsed.success) return fail(formErrorsFrom(parsed.error));
  try {
    if (id === null) {
      if (parsed.data.material)
        return fail(formErrorOf("material", "Et nyt værktøj kan ikke være en væsentlig ændring."));
      createTool(parsed.data, admin);
    } else {
      if (!getTool(id)) notFound("Værktøjet findes ikke.");
      const result = updateTool(id, parsed.data, admin);
      if (!result.ok) return fail(formErrorOf("material", result.error));
    }
  } catch (error) {
    if (error instanceof ToolNameTaken)
      return fail(formErrorOf("name", "Der findes allerede et værktøj med det navn."));
    throw error;
  }
  return redirect("/admin/ai-vaerktoejer");
}

const fieldId = (f: FieldName) => `vaerktoej-${f}`;
const MATERIAL_LABEL = "Væsentlig ændring af status";

export default function EditAiTool() {
  const tool = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  const value = (f: ToolField) => result?.values?.[f] ?? tool.fields[f];
  const title = tool.id === null ? "Tilføj et AI-værktøj" : `Redigér ${tool.fields.name}`;

  return (
    <div className="max-w-2xl">
      <nav aria-label="Brødkrumme" className="text-sm">
        <Link to="/admin/ai-vaerktoejer">Redigér AI-værktøjer</Link>
      </nav>
      <h1 className="mt-1 break-words text-2xl font-bold">{title}</h1>
      <ErrorSummary
        errors={errors}
        labels={{ ...FIELD_LABEL, material: MATERIAL_LABEL }}
        ids={Object.fromEntries([...FIELDS, "material" as const].map((f) => [f, fieldId(f)]))}
      />
      <Form method="post" noValidate className="mt-4 space-y-4 rounded-lg bg-white p-5 shadow-sm">
        <input type="hidden" name="intent" value="save" />
        <Field
          id={fieldId("name")}
          name="name"
          label={FIELD_LABEL.name}
          errors={errors?.fieldErrors.name}
          defaultValue={value("name")}
        />
        <SelectField
          id={fieldId("status")}
          name="status"
          label={FIELD_LABEL.status}
          errors={errors?.fieldErrors.status}
          defaultValue={value("status")}
          options={AI_TOOL_STATUSES.map((s) => ({ value: s, label: AI_TOOL_STATUS_LABEL[s] }))}
        />
        {tool.id !== null ? (
          <CheckboxField
            id={fieldId("material")}
            name="material"
            value="ja"
            label={<span className="font-semibold">{MATERIAL_LABEL}</span>}
            hint="Alle skal så gennemføre AI-kurset og bekræfte retningslinjerne igen. Deres gennemførelse gælder højst til fristen for at bekræfte igen (normalt 30 dage)."
            errors={errors?.fieldErrors.material}
            defaultChecked={result?.values?.material === "ja"}
          />
        ) : null}
        {(["summary", "allowed", "notAllowed", "note"] as const).map((f) => (
          <Field
            key={f}
            multiline
            id={fieldId(f)}
            name={f}
            label={FIELD_LABEL[f]}
            rows={f === "note" ? 2 : 4}
            errors={errors?.fieldErrors[f]}
            defaultValue={value(f)}
          />
        ))}
        <SubmitButton name="intent" value="save" pendingText="Gemmer …">
          {tool.id === null ? "Tilføj værktøjet" : "Gem ændringerne"}
        </SubmitButton>
      </Form>
      {tool.id !== null ? (
        <Form method="post" className="mt-6">
          <SubmitButton
            name="intent"
            value={tool.retired ? "reinstate" : "retire"}
            className="min-h-11 rounded border border-gray-600 bg-white px-4 py-2"
          >
            {tool.retired ? "Sæt værktøjet på oversigten igen" : "Fjern værktøjet fra oversigten"}
          </SubmitButton>
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

export function ErrorBoundary() {
  return <RouteErrorBoundary to="/admin/ai-vaerktoejer" label="Gå til AI-værktøjerne" />;
}
