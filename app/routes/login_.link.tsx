// "Send mig et link": POST /login/link with the field `email`. The answer is the same, in status
// and text, whether or not the address is on the roster (see login-link.server.ts).
import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { z } from "zod";
import { LINK_SENT_ANSWER } from "~/auth/login-link";
import { requestLoginLink } from "~/auth/login-link.server";
import { config } from "~/env.server";
import { isDemoDatabase } from "~/site-settings.server";
import { formErrorsFrom, submittedValues } from "~/ui/form-errors";
import { LinkRequestForm } from "~/ui/link-request-form";
import { pageTitle } from "~/ui/page-title";
import { SignInMessage } from "~/ui/sign-in-message";

const LinkForm = z.object({
  email: z
    .string()
    .trim()
    .min(1, "Skriv din arbejdsmail.")
    .max(254, "E-mailadressen må højst have 254 tegn.")
    .regex(/^[^\s@]+@[^\s@]+$/, "Skriv en e-mailadresse, fx navn@albertslund.dk."),
});

// A loader, so the page after the POST renders here (a redirect would lose the answer).
export function loader() {
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  // Without SMTP a link can only be read in the demo's postkasse.
  const demo = isDemoDatabase();
  if (!config().smtp && !demo) throw data("Log ind med link er ikke sat op.", { status: 404 });
  const form = await request.formData();
  const parsed = LinkForm.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    return data(
      { errors: formErrorsFrom(parsed.error), values: submittedValues(form), demo },
      { status: 400 },
    );
  }
  requestLoginLink(parsed.data.email, context.clientIp ?? "");
  return { errors: null, values: null, demo };
}

export default function LinkRequested() {
  const result = useActionData<typeof action>();
  if (!result) {
    return (
      <SignInMessage title="Log ind med et link">
        <p>Bed om et link på siden Log ind.</p>
      </SignInMessage>
    );
  }
  if (result.errors) {
    // The form again, with the address as typed and what is wrong with it.
    return (
      <SignInMessage title="Vi kunne ikke sende et link">
        <LinkRequestForm errors={result.errors} email={result.values?.email} />
      </SignInMessage>
    );
  }
  return (
    <SignInMessage title="Tjek din mail">
      <p role="status">{LINK_SENT_ANSWER}</p>
      <p>
        Linket virker i 15 minutter og kun én gang. Åbn det på denne eller en anden enhed, og tryk på knappen{" "}
        <strong>Log ind</strong>. Kommer der ingen mail, så tjek, at du skrev din arbejdsmail, eller kontakt
        IT-Helpdesk.
      </p>
      {result.demo ? (
        <p>
          Demo: mailen sendes ikke, men ligger i <a href="/demo/postkasse">Demo-postkassen</a>.
        </p>
      ) : null}
    </SignInMessage>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Tjek din mail") }];
