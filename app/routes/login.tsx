import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { getCurrentUser, safeRedirectPath } from "~/auth/guard.server";
import { passwordLogin } from "~/auth/password.server";
import { createSession, sessionCookie } from "~/auth/session.server";
import { config } from "~/env.server";
import { isDemoDatabase } from "~/site-settings.server";
import { ErrorSummary, Field, PRIMARY_BUTTON_CLASS, SubmitButton } from "~/ui/form";
import { formErrorOf, formErrorsFrom } from "~/ui/form-errors";
import { LinkRequestForm } from "~/ui/link-request-form";
import { pageTitle } from "~/ui/page-title";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../../db/demo-accounts";

// The longest e-mail address SMTP allows, and far more than any password manager makes.
export const MAX_EMAIL_LENGTH = 254;
const MAX_PASSWORD_LENGTH = 1024;

const LoginForm = z.object({
  email: z
    .string()
    .trim()
    .min(1, "Skriv din e-mailadresse.")
    .max(MAX_EMAIL_LENGTH, `E-mailadressen må højst have ${MAX_EMAIL_LENGTH} tegn.`),
  password: z
    .string()
    .min(1, "Skriv din adgangskode.")
    .max(MAX_PASSWORD_LENGTH, `Adgangskoden må højst have ${MAX_PASSWORD_LENGTH} tegn.`),
  redirectTo: z.string().max(2048).optional(),
});

// The wait before the next attempt, for scripts and browsers alike.
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter } : new Headers();
};

export function loader({ request }: LoaderFunctionArgs) {
  if (getCurrentUser(request)) {
    throw redirect(safeRedirectPath(new URL(request.url).searchParams.get("redirectTo")));
  }
  const { oidc, smtp, passwordLogin } = config();
  const demo = isDemoDatabase();
  return {
    // The page offers what this installation has configured, and nothing else.
    sso: oidc !== null,
    // Without SMTP a link can only reach the demo's postkasse.
    emailLink: smtp !== null || demo,
    password: passwordLogin,
    // The demo accounts are listed only on a demo database, never on a real installation.
    demoAccounts: demo && passwordLogin === "all" ? DEMO_ACCOUNTS : null,
    demoPassword: DEMO_PASSWORD,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = LoginForm.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ errors: formErrorsFrom(parsed.error) }, { status: 400 });
  const mode = config().passwordLogin;
  if (mode === "off") throw data("Log ind med adgangskode er slået fra.", { status: 404 });
  const { email, password, redirectTo } = parsed.data;
  const result = await passwordLogin(email, password, context.clientIp ?? "", {
    adminsOnly: mode === "admins",
  });
  if (!result.ok && result.reason === "wait") {
    const errors = formErrorOf(
      null,
      `For mange forkerte forsøg. Vent ${result.retryAfterSeconds === 1 ? "1 sekund" : `${result.retryAfterSeconds} sekunder`}, og prøv igen, eller kontakt IT-Helpdesk.`,
    );
    return data({ errors }, { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } });
  }
  if (!result.ok) {
    const errors = formErrorOf(
      null,
      "E-mail eller adgangskode er forkert. Prøv igen, eller kontakt IT-Helpdesk.",
    );
    return data({ errors }, { status: 400 });
  }
  const token = createSession(result.userId);
  return redirect(safeRedirectPath(redirectTo), { headers: { "Set-Cookie": sessionCookie(token) } });
}

export default function Login() {
  const { sso, emailLink, password, demoAccounts, demoPassword } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors;
  const [searchParams] = useSearchParams();
  const redirectTo = searchParams.get("redirectTo") ?? "/";

  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-2xl font-bold">Log ind</h1>
      <p className="mt-2 text-muted">Log ind for at se dine kurser om AI og GDPR.</p>

      {sso ? (
        <section className="mt-6 rounded-lg bg-white p-6 shadow-sm">
          <h2 className="text-lg font-semibold">Med din arbejdskonto</h2>
          <p className="mt-1 text-sm">Den samme konto, du bruger til Outlook og Teams.</p>
          <a
            href={`/login/sso?redirectTo=${encodeURIComponent(redirectTo)}`}
            className="mt-3 block w-full rounded bg-brand-700 px-4 py-2 text-center font-semibold text-white no-underline hover:bg-brand-800 hover:text-white"
          >
            Log ind med din arbejdskonto
          </a>
        </section>
      ) : null}

      {emailLink ? (
        <section className="mt-6 rounded-lg bg-white p-6 shadow-sm">
          <h2 className="text-lg font-semibold">Med et link på mail</h2>
          <p className="mt-1 text-sm">
            Har du ikke en Microsoft-konto, kan du få et link til din arbejdsmail.
          </p>
          <LinkRequestForm buttonClassName="min-h-11 w-full rounded border-2 border-brand-700 px-4 py-2 font-semibold text-brand-700 hover:bg-brand-50" />
        </section>
      ) : null}

      {password !== "off" ? (
        <section className="mt-6">
          <h2 className="text-lg font-semibold">
            {password === "admins" ? "Administratorer: med adgangskode" : "Med adgangskode"}
          </h2>
          <ErrorSummary
            errors={errors}
            labels={{ email: "E-mail", password: "Adgangskode" }}
            title="Du blev ikke logget ind"
            headingLevel={3}
            className="mt-4"
          />

          <Form method="post" noValidate className="mt-3 space-y-4 rounded-lg bg-white p-6 shadow-sm">
            <input type="hidden" name="redirectTo" value={redirectTo} />
            <Field
              name="email"
              label="E-mail"
              type="email"
              autoComplete="username"
              required
              maxLength={254}
              errors={errors?.fieldErrors.email}
            />
            <Field
              name="password"
              label="Adgangskode"
              type="password"
              autoComplete="current-password"
              required
              errors={errors?.fieldErrors.password}
            />
            <SubmitButton pendingText="Logger ind …" className={`w-full ${PRIMARY_BUTTON_CLASS}`}>
              Log ind
            </SubmitButton>
          </Form>
        </section>
      ) : null}

      {demoAccounts ? (
        <section
          aria-labelledby="demo-konti"
          className="mt-6 rounded-lg border border-amber-300 bg-amber-50 p-4"
        >
          <h2 id="demo-konti" className="font-semibold">
            Demokonti
          </h2>
          <p className="mt-1 text-sm">
            Alle har adgangskoden <code className="font-mono">{demoPassword}</code>. Vil du prøve at logge ind
            med et link, så brug din e-mail ovenfor og se mailen i{" "}
            <a href="/demo/postkasse">Demo-postkassen</a>.
          </p>
          <ul className="mt-2 space-y-1 text-sm">
            {demoAccounts.map((a) => (
              <li key={a.email}>
                <span className="font-mono">{a.email}</span> – {a.description}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Log ind") }];
