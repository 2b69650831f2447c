// The AI super users of an afdeling: which unit is an afdeling, and whether an afdeling has the
// number Chefforum decided on 19 June 2025 ("hver afdeling udpeger 2-4 superbrugere"). Pure, so
// the page, the exports and the evidence pack say the same thing.

/** Chefforum's range: at least 2 and at most 4 AI super users per afdeling. */
export const SUPER_USER_MIN = 2;
export const SUPER_USER_MAX = 4;

/**
 * The afdelinger are the units on the second level of the tree (under the direktørområder, e.g.
 * "Børn, Sundhed & Velfærd > Børn & Familie"). Everyone in an afdeling or below it belongs to it.
 */
export const AFDELING_DEPTH = 2;

export type SuperUserRange = "tooFew" | "ok" | "tooMany";

export function superUserRange(count: number): SuperUserRange {
  if (count < SUPER_USER_MIN) return "tooFew";
  if (count > SUPER_USER_MAX) return "tooMany";
  return "ok";
}

/** In words, so the verdict never depends on colour alone. */
export const SUPER_USER_RANGE_TEXT: Record<SuperUserRange, string> = {
  tooFew: `For få (under ${SUPER_USER_MIN})`,
  ok: `I orden (${SUPER_USER_MIN}-${SUPER_USER_MAX})`,
  tooMany: `For mange (over ${SUPER_USER_MAX})`,
};

/** The afdeling a unit belongs to, as its path ("/1/5/"), or null above the afdeling level. */
export function afdelingPathOf(unitPath: string): string | null {
  const ids = unitPath.split("/").filter(Boolean);
  if (ids.length < AFDELING_DEPTH) return null;
  return `/${ids.slice(0, AFDELING_DEPTH).join("/")}/`;
}

export function isAfdelingPath(unitPath: string): boolean {
  return afdelingPathOf(unitPath) === unitPath;
}
