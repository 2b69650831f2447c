// Site-wide facts and the municipality's own links and contacts, kept in `site_setting`.
import { eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "~/audit/audit.server";
import type { CurrentUser } from "~/auth/guard.server";
import type { MunicipalContacts } from "~/content/placeholders";
import { getDb, schema } from "~/db.server";
import { config } from "~/env.server";

const { siteSetting } = schema;

export const DEMO_SETTING = "demo_data";

/** True when the database was filled by the demo seed: the site then says so on every page. */
export function isDemoDatabase(): boolean {
  const row = getDb()
    .select({ value: siteSetting.value })
    .from(siteSetting)
    .where(eq(siteSetting.key, DEMO_SETTING))
    .get();
  return row?.value === "true";
}

// Danish law requires a link to the accessibility statement made in Digitaliseringsstyrelsen's
// WAS tool; each installation configures its own address.
export function accessibilityStatementUrl(): string {
  return config().accessibilityStatementUrl;
}

// ---------------------------------------------------------------------------------------------
// Links and contacts (/admin/indstillinger). The module texts refer to them by placeholder.

export type ContactSetting = keyof MunicipalContacts;

const httpsUrl = z
  .string()
  .trim()
  .refine((v) => v === "" || z.url({ protocol: /^https$/ }).safeParse(v).success, {
    message: "Skriv en hel adresse, der begynder med https://",
  });
const email = z
  .string()
  .trim()
  .refine((v) => v === "" || z.email().safeParse(v).success, {
    message: "Skriv en gyldig e-mailadresse, fx it-helpdesk@albertslund.dk",
  });
// Danish numbers: 8 digits, optionally +45 first, spaces allowed between digits.
const phone = z
  .string()
  .trim()
  .refine((v) => v === "" || /^(\+45\s?)?(\d\s?){7}\d$/.test(v), {
    message: "Skriv et dansk telefonnummer med 8 cifre, fx 43 68 68 68",
  });

/** The settings in the order the page shows them: database key, label and rule. */
export const CONTACT_SETTINGS: Record<
  ContactSetting,
  { key: string; label: string; hint: string; schema: z.ZodType<string> }
> = {
  medarbejdersidenUrl: {
    key: "contact.medarbejdersiden_url",
    label: "Adressen på Medarbejdersiden",
    hint: "Modulerne linker til den, hvor de nævner Medarbejdersiden.",
    schema: httpsUrl,
  },
  aiGuidelinesUrl: {
    key: "contact.ai_guidelines_url",
    label: "Adressen på kommunens AI-retningslinjer",
    hint: "Dokumentet, som medarbejderne bekræfter at kende, når de afslutter AI-kurset.",
    schema: httpsUrl,
  },
  breachProcedureUrl: {
    key: "contact.breach_procedure_url",
    label: "Adressen på proceduren for brud på persondatasikkerheden",
    hint: "Hvad man gør, når personoplysninger er kommet forkert ud.",
    schema: httpsUrl,
  },
  helpdeskPhone: {
    key: "contact.helpdesk_phone",
    label: "IT-Helpdesks telefonnummer",
    hint: "8 cifre, fx 43 68 68 68.",
    schema: phone,
  },
  helpdeskEmail: {
    key: "contact.helpdesk_email",
    label: "IT-Helpdesks e-mailadresse",
    hint: "",
    schema: email,
  },
  dpoEmail: {
    key: "contact.dpo_email",
    label: "Databeskyttelsesrådgiverens (DPO) e-mailadresse",
    hint: "",
    schema: email,
  },
};

export const CONTACT_SETTING_NAMES = Object.keys(CONTACT_SETTINGS) as ContactSetting[];

/** Every field may be left empty: the texts then say "(spørg din leder)" instead of linking. */
export const ContactSettingsForm = z.object(
  Object.fromEntries(CONTACT_SETTING_NAMES.map((name) => [name, CONTACT_SETTINGS[name].schema])) as Record<
    ContactSetting,
    z.ZodType<string>
  >,
);

export function loadContacts(): MunicipalContacts {
  const keys = CONTACT_SETTING_NAMES.map((n) => CONTACT_SETTINGS[n].key);
  const rows = getDb().select().from(siteSetting).where(inArray(siteSetting.key, keys)).all();
  const value = (name: ContactSetting) =>
    rows.find((r) => r.key === CONTACT_SETTINGS[name].key)?.value || null;
  return {
    medarbejdersidenUrl: value("medarbejdersidenUrl"),
    aiGuidelinesUrl: value("aiGuidelinesUrl"),
    breachProcedureUrl: value("breachProcedureUrl"),
    helpdeskPhone: value("helpdeskPhone"),
    helpdeskEmail: value("helpdeskEmail"),
    dpoEmail: value("dpoEmail"),
  };
}

/**
 * Saves the settings that changed, each with an audit event naming the setting and the old and
 * new value, in one transaction. Returns the names that changed.
 */
export function saveContacts(input: {
  values: Record<ContactSetting, string>;
  actor: Pick<CurrentUser, "id" | "name" | "role">;
  request: Request;
}): ContactSetting[] {
  const db = getDb();
  return db.transaction(
    (tx) => {
      const before = loadContacts();
      const changed = CONTACT_SETTING_NAMES.filter((n) => (before[n] ?? "") !== input.values[n]);
      for (const name of changed) {
        const { key, label } = CONTACT_SETTINGS[name];
        const value = input.values[name];
        if (value === "") tx.delete(siteSetting).where(eq(siteSetting.key, key)).run();
        else
          tx.insert(siteSetting)
            .values({ key, value })
            .onConflictDoUpdate({ target: siteSetting.key, set: { value } })
            .run();
        // Same connection, so the audit row is part of this transaction.
        recordAudit({
          request: input.request,
          actor: input.actor,
          action: "change_setting",
          scope: label,
          filters: `${before[name] ?? "(tom)"} → ${value || "(tom)"}`,
          rowCount: 0,
        });
      }
      return changed;
    },
    { behavior: "immediate" },
  );
}

/** Clearly invented values for the demo database (the .test domain cannot exist). */
export const DEMO_CONTACTS: MunicipalContacts = {
  medarbejdersidenUrl: "https://medarbejder.albertslund.test/",
  aiGuidelinesUrl: "https://medarbejder.albertslund.test/ai/retningslinjer-juni-2025",
  breachProcedureUrl: "https://medarbejder.albertslund.test/gdpr/brud-paa-persondatasikkerheden",
  helpdeskPhone: "43 00 00 00",
  helpdeskEmail: "it-helpdesk@albertslund.test",
  dpoEmail: "dpo@albertslund.test",
};

export function demoContactRows(): { key: string; value: string }[] {
  return CONTACT_SETTING_NAMES.flatMap((n) => {
    const value = DEMO_CONTACTS[n];
    return value ? [{ key: CONTACT_SETTINGS[n].key, value }] : [];
  });
}
