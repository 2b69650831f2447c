// The link from the mail. GET only shows the "Log ind" button (mail scanners open links too);
// the POST uses the link, once, and signs in.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { isUsableLink, redeemLoginLink } from "~/auth/login-link.server";
import { createSession, sessionCookie } from "~/auth/session.server";
import { logger } from "~/logger.server";
import { pageTitle } from "~/ui/page-title";
import { SignInMessage } from "~/ui/sign-in-message";

export function loader({ params }: LoaderFunctionArgs) {
  const usable = isUsableLink(params.token ?? "");
  return data({ usable }, { status: usable ? 200 : 410 });
}

const REFUSED = {
  invalid: "Linket er udløbet eller allerede brugt. Bed om et nyt link på siden Log ind.",
  left: "Du står som fratrådt i kommunens medarbejderliste, så du kan ikke logge ind. Er det en fejl, så kontakt HR.",
  closed: "Din konto er lukket. Kontakt din leder eller HR, hvis du skal bruge den.",
} as const;

export function action({ params, context }: ActionFunctionArgs) {
  const result = redeemLoginLink(params.token ?? "");
  if (!result.ok) {
    logger.info({ requestId: context.requestId, reason: result.reason }, "e-mail link refused");
    return data({ refused: REFUSED[result.reason] }, { status: result.reason === "invalid" ? 410 : 403 });
  }
  return redirect("/", { headers: { "Set-Cookie": sessionCookie(createSession(result.userId)) } });
}

export default function LoginLink() {
  const { usable } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>()?.refused;
  if (refused || !usable) {
    return (
      <SignInMessage title="Linket virker ikke">
        <p role="alert">{refused ?? REFUSED.invalid}</p>
      </SignInMessage>
    );
  }
  return (
    <SignInMessage title="Log ind med dit link" back={false}>
      <p>Tryk på knappen for at logge ind. Linket kan kun bruges én gang.</p>
      <Form method="post">
        <button
          type="submit"
          className="w-full rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
        >
          Log ind
        </button>
      </Form>
    </SignInMessage>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Log ind med link") }];
