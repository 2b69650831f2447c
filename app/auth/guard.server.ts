// Guards every loader and action calls before reading data. They throw a Response (a redirect
// to the login page, or 403), so a route cannot forget to stop.
import { data, redirect } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { getDb, schema } from "~/db.server";
import { config } from "~/env.server";
import type { Role } from "../../db/schema";
import { safeReturnTo } from "./return-to";
import { canViewPeople, canViewUnit, type Viewer } from "./scope";
import { readSessionToken, type SessionUser, validateSessionToken } from "./session.server";

export interface CurrentUser extends SessionUser, Viewer {
  sessionId: string;
  /** When the session ends unless the person does something (ms since the epoch). */
  sessionExpiresAt: number;
}

// The layout's loader and the page's loader both ask for the user of the same request; the
// session is read once per request. (After an action, Remix gives the loaders a new Request, so a
// sign-in or sign-out is seen by them.)
const usersOfRequests = new WeakMap<Request, CurrentUser | null>();

/** The signed-in user, or null. Roles and scopes are read fresh on every request. */
export function getCurrentUser(request: Request): CurrentUser | null {
  const known = usersOfRequests.get(request);
  if (known !== undefined) return known;
  const user = readCurrentUser(request);
  usersOfRequests.set(request, user);
  return user;
}

function readCurrentUser(request: Request): CurrentUser | null {
  const token = readSessionToken(request);
  if (!token) return null;
  const result = validateSessionToken(token);
  if (!result) return null;
  const scopePaths =
    result.user.role === "manager"
      ? getDb()
          .select({ path: schema.orgUnit.path })
          .from(schema.managerScope)
          .innerJoin(schema.orgUnit, eq(schema.orgUnit.id, schema.managerScope.orgUnitId))
          .where(eq(schema.managerScope.userId, result.user.id))
          .all()
          .map((r) => r.path)
      : [];
  return { ...result.user, sessionId: result.sessionId, sessionExpiresAt: result.expiresAt, scopePaths };
}

/** A safe place to return to after login: a path on this site only (see return-to.ts). */
export function safeRedirectPath(to: FormDataEntryValue | string | null | undefined): string {
  return safeReturnTo(to, config().publicOrigin);
}

export function requireUser(request: Request): CurrentUser {
  const user = getCurrentUser(request);
  if (!user) {
    const url = new URL(request.url);
    const back = url.pathname + url.search;
    throw redirect(back === "/" ? "/login" : `/login?redirectTo=${encodeURIComponent(back)}`);
  }
  return user;
}

export function forbidden(): never {
  throw data({ message: "Du har ikke adgang til denne side." }, { status: 403 });
}

export function requireRole(request: Request, ...roles: Role[]): CurrentUser {
  const user = requireUser(request);
  if (!roles.includes(user.role)) forbidden();
  return user;
}

/** A manager with at least one unit, or HR. */
export function requirePeopleViewer(request: Request): CurrentUser {
  const user = requireUser(request);
  if (!canViewPeople(user)) forbidden();
  return user;
}

export function requireUnitInScope(user: CurrentUser, unit: { path: string }): void {
  if (!canViewUnit(user, unit.path)) forbidden();
}

/** A signed-in person with an employee record: only they take courses. */
export function requireEmployee(request: Request): CurrentUser & { employeeId: number } {
  const user = requireUser(request);
  if (user.employeeId === null) {
    throw data(
      { message: "Din bruger er ikke knyttet til en medarbejder, så du har ingen kurser." },
      { status: 403 },
    );
  }
  return { ...user, employeeId: user.employeeId };
}

export function notFound(message = "Siden findes ikke."): never {
  throw data({ message }, { status: 404 });
}
