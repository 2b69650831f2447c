// Page titles name the page, the site and the organisation that runs it. The names come from the
// configuration (SITE_NAME, MUNICIPALITY_NAME) through the root loader, since meta also runs in
// the browser, where the configuration cannot be read.
import type { MetaArgs } from "@remix-run/node";
import { useRouteLoaderData } from "@remix-run/react";

export interface SiteNames {
  siteName: string;
  municipalityName: string;
}

/** The defaults of app/env.server.ts, for a page whose root data is missing (an error page). */
export const DEFAULT_SITE_NAMES: SiteNames = {
  siteName: "AI og GDPR",
  municipalityName: "Albertslund Kommune",
};

type Matches = MetaArgs["matches"];

/** The site's names from the root loader's data among the meta function's matches. */
export function siteNames(matches: Matches): SiteNames {
  const data = matches.find((m) => m.id === "root")?.data as { site?: SiteNames } | undefined;
  return data?.site ?? DEFAULT_SITE_NAMES;
}

/** `pageTitle(matches, "Mine kurser")` gives "Mine kurser · AI og GDPR · Albertslund Kommune". */
export function pageTitle(matches: Matches, ...parts: string[]): string {
  const { siteName, municipalityName } = siteNames(matches);
  return [...parts.filter((p) => p !== ""), siteName, municipalityName].join(" · ");
}

/** The site's names in a component (from the root loader's data). */
export function useSiteNames(): SiteNames {
  return useRouteLoaderData<{ site?: SiteNames }>("root")?.site ?? DEFAULT_SITE_NAMES;
}
