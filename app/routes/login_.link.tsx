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
import { pageTitle } from "~/ui/page-title";
import { SignInMessage } from "~/ui/sign-in-message";
import { useErrorFocus } from "~/ui/use-error-focus";

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
  const parsed = LinkForm.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) {
    return data(
      { error: parsed.error.issues[0]?.message ?? "Skriv din arbejdsmail.", demo },
      { status: 400 },
    );
  }
  requestLoginLink(parsed.data.email, context.clientIp ?? "");
  return { error: null, demo };
}

export default function LinkRequested() {
  const result = useActionData<typeof action>();
  const errorRef = useErrorFocus(result ?? undefined);
  if (!result) {
    return (
      <SignInMessage title="Log ind med et link">
        <p>Bed om et link på siden Log ind.</p>
      </SignInMessage>
    );
  }
  if (result.error) {
    return (
      <SignInMessage title="Vi kunne ikke sende et link">
        <div ref={errorRef} tabIndex={-1} role="alert" className="rounded border-2 border-bad p-3">
          <p className="text-bad">{result.error}</p>
        </div>
        <p>Gå tilbage, og skriv din arbejdsmail igen.</p>
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
