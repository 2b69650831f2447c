import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Form,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  type ShouldRevalidateFunction,
  useLocation,
  useRouteLoaderData,
} from "@remix-run/react";
import { type ReactNode, useEffect, useRef } from "react";
import { getCurrentUser } from "~/auth/guard.server";
import { ROLE_LABEL } from "~/auth/roles";
import { config } from "~/env.server";
import { useRequestContext } from "~/request-context";
import { accessibilityStatementUrl, isDemoDatabase } from "~/site-settings.server";
import tailwindHref from "~/tailwind.css?url";
import { DEFAULT_SITE_NAMES, pageTitle, type SiteNames } from "~/ui/page-title";
import { ErrorPage } from "~/ui/route-error-boundary";
import { SessionTimeoutWarning } from "~/ui/session-timeout";
import type { Role } from "../db/constants";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: tailwindHref },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches) }];

export function loader({ request }: LoaderFunctionArgs) {
  const user = getCurrentUser(request);
  return {
    user: user && {
      name: user.name,
      role: user.role,
      hasEmployeeRecord: user.employeeId !== null,
      // Only the short, privileged sessions get a warning before they end.
      sessionExpiresIn: user.role === "employee" ? null : user.sessionExpiresAt - Date.now(),
    },
    demo: isDemoDatabase(),
    accessibilityUrl: accessibilityStatementUrl(),
    site: { siteName: config().siteName, municipalityName: config().municipalityName } satisfies SiteNames,
  };
}

type RootData = ReturnType<typeof loader>;

// "Forlæng" answers with the session's new end itself; reloading the layout's data would only set
// the idle timer a second time, a moment later.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formAction, defaultShouldRevalidate }) =>
  formAction === "/session/forlaeng" ? false : defaultShouldRevalidate;

interface NavItem {
  to: string;
  label: string;
}

function navFor(role: Role, hasEmployeeRecord: boolean): NavItem[] {
  const items: NavItem[] = [{ to: "/", label: "Forside" }];
  if (role === "manager")
    items.push({ to: "/enheder", label: "Mine enheder" }, { to: "/superbrugere", label: "AI-superbrugere" });
  if (role === "hr")
    items.push(
      { to: "/enheder", label: "Organisationen" },
      { to: "/hr/import", label: "Indlæs data" },
      { to: "/hr/xapi", label: "Læringsdata" },
      { to: "/hr/udbakke", label: "Udbakke" },
      { to: "/superbrugere", label: "AI-superbrugere" },
      { to: "/hr/ai-dokumentation", label: "AI-dokumentation" },
    );
  if (role === "admin")
    items.push(
      { to: "/admin/brugere", label: "Brugere" },
      { to: "/admin/kurser", label: "Kurser og frister" },
    );
  if (role === "hr" || role === "admin") items.push({ to: "/revision", label: "Revisionsspor" });
  if (hasEmployeeRecord)
    items.push({ to: "/mine-kurser", label: "Mine kurser" }, { to: "/mine-data", label: "Mine data" });
  items.push({ to: "/ai-vaerktoejer", label: "AI-værktøjer" });
  return items;
}

export function Layout({ children }: { children: ReactNode }) {
  // In the error boundary the loader data may be missing; the layout then renders without it.
  const root = useRouteLoaderData<RootData>("root");
  const user = root?.user ?? null;
  const site = root?.site ?? DEFAULT_SITE_NAMES;
  const { cspNonce: nonce } = useRequestContext();
  // With JavaScript, a link in the phone menu navigates without a page load: fold the menu again.
  const location = useLocation();
  const menu = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (menu.current && location) menu.current.open = false;
  }, [location]);
  // Marks the page as hydrated (after every component's first effects), for the e2e tests.
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return (
    <html lang="da">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="flex min-h-screen flex-col bg-brand-50 font-sans text-base leading-relaxed">
        <a
          href="#indhold"
          className="sr-only z-50 rounded bg-white px-4 py-2 focus:not-sr-only focus:absolute focus:left-2 focus:top-2"
        >
          Gå til indhold
        </a>
        {root?.demo ? (
          <p className="bg-amber-100 px-4 py-1 text-center text-sm font-semibold text-amber-900">
            Demo: siden viser opdigtede personer og data.
          </p>
        ) : null}
        <header className="print:hidden relative bg-brand-700 text-white">
          <div className="mx-auto flex max-w-5xl items-center justify-between gap-x-3 gap-y-2 px-4 py-2 sm:flex-wrap sm:gap-x-6 sm:py-3">
            <a href="/" className="min-w-0 py-1 font-semibold text-white no-underline hover:text-white">
              {site.siteName} <span className="font-normal">· {site.municipalityName}</span>
            </a>
            {user ? (
              <div className="flex flex-wrap items-center justify-end gap-2 text-sm sm:gap-3">
                <span className="hidden sm:inline">
                  <UserName user={user} />
                </span>
                {/* On a phone the menu folds into one button; <details> needs no JavaScript. */}
                <details ref={menu} className="header-menu sm:hidden">
                  <summary className="flex min-h-11 cursor-pointer list-none items-center rounded border border-white/70 px-3 font-semibold">
                    Menu
                  </summary>
                  <div className="absolute inset-x-0 top-full z-40 border-t border-brand-600 bg-brand-800 px-4 pb-3 shadow-lg">
                    <p className="pt-3 text-sm">
                      <UserName user={user} />
                    </p>
                    <MainNav items={navFor(user.role, user.hasEmployeeRecord)} />
                  </div>
                </details>
                <LogoutButton />
              </div>
            ) : null}
          </div>
          {user ? (
            <div className="hidden bg-brand-800 sm:block">
              <div className="mx-auto max-w-5xl px-2">
                <MainNav items={navFor(user.role, user.hasEmployeeRecord)} />
              </div>
            </div>
          ) : null}
        </header>
        <main id="indhold" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-6">
          {children}
        </main>
        <footer className="print:hidden border-t border-brand-100 bg-white">
          <div className="mx-auto flex max-w-5xl flex-wrap gap-x-6 gap-y-1 px-4 py-4 text-sm text-muted">
            <span>{site.municipalityName} · IT &amp; Digitalisering</span>
            <a href="/ai-vaerktoejer">Godkendte AI-værktøjer</a>
            <a href={root?.accessibilityUrl ?? "https://was.digst.dk/"}>Tilgængelighedserklæring</a>
          </div>
        </footer>
        {user?.sessionExpiresIn != null ? <SessionTimeoutWarning expiresIn={user.sessionExpiresIn} /> : null}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

function UserName({ user }: { user: { name: string; role: Role } }) {
  return (
    <span>
      {user.name} <span className="text-brand-100">({ROLE_LABEL[user.role]})</span>
    </span>
  );
}

function LogoutButton() {
  return (
    <Form method="post" action="/logout">
      <button type="submit" className="min-h-11 rounded border border-white/70 px-3 py-1 hover:bg-brand-700">
        Log ud
      </button>
    </Form>
  );
}

function MainNav({ items }: { items: NavItem[] }) {
  return (
    <nav aria-label="Hovedmenu">
      <ul className="my-2 flex flex-col sm:my-0 sm:flex-row sm:flex-wrap sm:gap-x-1">
        {items.map((item) => (
          <li key={item.to}>
            <NavLink
              to={item.to}
              end={item.to === "/"}
              className={({ isActive }) =>
                `flex min-h-11 items-center px-3 text-sm text-white no-underline hover:bg-brand-700 hover:text-white ${isActive ? "underline decoration-2 underline-offset-4" : ""}`
              }
            >
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <ErrorPage back={{ to: "/", label: "Gå til forsiden" }} showMessage={false} />;
}
