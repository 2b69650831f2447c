// Site-wide facts the layout needs on every page.
import { eq } from "drizzle-orm";
import { getDb, schema } from "~/db.server";

export const DEMO_SETTING = "demo_data";

/** True when the database was filled by the demo seed: the site then says so on every page. */
export function isDemoDatabase(): boolean {
  const row = getDb()
    .select({ value: schema.siteSetting.value })
    .from(schema.siteSetting)
    .where(eq(schema.siteSetting.key, DEMO_SETTING))
    .get();
  return row?.value === "true";
}

// Danish law requires a link to the accessibility statement made in Digitaliseringsstyrelsen's
// WAS tool; each installation configures its own address.
export function accessibilityStatementUrl(): string {
  return process.env.ACCESSIBILITY_STATEMENT_URL || "https://was.digst.dk/";
}
