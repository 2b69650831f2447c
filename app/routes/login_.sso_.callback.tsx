// GET /login/sso/callback: the provider sends the browser back here with a code. Every refusal
// gets a Danish page and one log line with the reason (never a token or code).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { clearedSsoCookie, finishSignIn, type SignInRefusal } from "~/auth/oidc.server";
import { createSession, sessionCookie } from "~/auth/session.server";
import { config } from "~/env.server";
import { logger } from "~/logger.server";
import { pageTitle } from "~/ui/page-title";
import { SignInMessage } from "~/ui/sign-in-message";

const REFUSAL: Record<SignInRefusal, { status: number; text: string | (() => string) }> = {
  "no-pending": {
    status: 400,
    text: "Log ind tog for lang tid, eller siden blev åbnet igen. Prøv at logge ind igen.",
  },
  "provider-error": {
    status: 400,
    text: "Log ind hos Microsoft blev afbrudt. Prøv igen. Sker det igen, så kontakt IT-Helpdesk.",
  },
  "token-invalid": {
    status: 400,
    text: "Vi kunne ikke bekræfte dit log ind hos Microsoft, så du er ikke logget ind. Prøv igen. Sker det igen, så kontakt IT-Helpdesk.",
  },
  "wrong-tenant": {
    status: 403,
    text: () =>
      `Du loggede ind med en konto, der ikke hører til ${config().municipalityName}. Log ind med din arbejdskonto.`,
  },
  "not-on-roster": {
    status: 403,
    text: "Du står ikke i kommunens medarbejderliste, så du kan ikke logge ind her. Er det en fejl, så kontakt HR.",
  },
  left: {
    status: 403,
    text: "Du står som fratrådt i kommunens medarbejderliste, så du kan ikke logge ind. Er det en fejl, så kontakt HR.",
  },
  closed: { status: 403, text: "Din konto er lukket. Kontakt din leder eller HR, hvis du skal bruge den." },
  "bound-to-other": {
    status: 403,
    text: "Din plads i medarbejderlisten er allerede knyttet til en anden arbejdskonto. Kontakt IT-Helpdesk.",
  },
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (!config().oidc) throw data({ message: "Log ind med arbejdskonto er ikke sat op." }, { status: 404 });
  const result = await finishSignIn(request);
  const headers = new Headers({ "Set-Cookie": clearedSsoCookie() });
  if (!result.ok) {
    const level = result.refusal === "token-invalid" || result.refusal === "wrong-tenant" ? "warn" : "info";
    logger[level](
      { requestId: context.requestId, refusal: result.refusal, reason: result.detail },
      "sso sign-in refused",
    );
    const { status, text } = REFUSAL[result.refusal];
    return data(
      { refusal: result.refusal, text: typeof text === "function" ? text() : text },
      { status, headers },
    );
  }
  headers.append("Set-Cookie", sessionCookie(createSession(result.userId)));
  return redirect(result.returnTo, { headers });
}

export default function SsoRefused() {
  const { text } = useLoaderData<typeof loader>();
  return (
    <SignInMessage title="Du blev ikke logget ind">
      <p role="alert">{text}</p>
    </SignInMessage>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Log ind mislykkedes") }];
