import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, schema } from "~/db.server";
import { createAccount } from "~/test-fixtures";
import {
  CONTACT_SETTING_NAMES,
  ContactSettingsForm,
  loadContacts,
  saveContacts,
} from "./site-settings.server";

const empty = Object.fromEntries(CONTACT_SETTING_NAMES.map((n) => [n, ""])) as Record<
  (typeof CONTACT_SETTING_NAMES)[number],
  string
>;
const request = () =>
  new Request("http://localhost/admin/indstillinger", { headers: { "x-request-id": "t-1" } });

describe("contact settings validation", () => {
  it("accepts https addresses, e-mail addresses, Danish phone numbers and empty fields", () => {
    const ok = ContactSettingsForm.safeParse({
      ...empty,
      medarbejdersidenUrl: " https://medarbejder.albertslund.test/ ",
      helpdeskPhone: "+45 43 00 00 00",
      dpoEmail: "dpo@albertslund.test",
    });
    expect(ok.success).toBe(true);
    expect(ok.data?.medarbejdersidenUrl).toBe("https://medarbejder.albertslund.test/");
    expect(ContactSettingsForm.safeParse(empty).success).toBe(true);
  });

  it("refuses http and javascript addresses, bad e-mail and phone numbers, with Danish messages", () => {
    const result = ContactSettingsForm.safeParse({
      ...empty,
      medarbejdersidenUrl: "http://medarbejder.albertslund.test/",
      aiGuidelinesUrl: "javascript:alert(1)",
      helpdeskEmail: "it-helpdesk",
      helpdeskPhone: "1234",
    });
    expect(result.success).toBe(false);
    const byField = Object.fromEntries(result.error?.issues.map((i) => [i.path[0], i.message]) ?? []);
    expect(byField).toEqual({
      medarbejdersidenUrl: "Skriv en hel adresse, der begynder med https://",
      aiGuidelinesUrl: "Skriv en hel adresse, der begynder med https://",
      helpdeskEmail: "Skriv en gyldig e-mailadresse, fx it-helpdesk@albertslund.dk",
      helpdeskPhone: "Skriv et dansk telefonnummer med 8 cifre, fx 43 68 68 68",
    });
  });
});

describe("saving contact settings", () => {
  const db = getDb();
  const admin = createAccount(db, "admin");
  const actor = { id: admin.id, name: admin.name, role: admin.role };
  const auditRows = () =>
    db.select().from(schema.auditEvent).where(eq(schema.auditEvent.action, "change_setting")).all();

  it("stores what changed and audits each change with the setting and its old and new value", () => {
    const first = saveContacts({
      values: { ...empty, medarbejdersidenUrl: "https://a.test/", dpoEmail: "dpo@a.test" },
      actor,
      request: request(),
    });
    expect(first.sort()).toEqual(["dpoEmail", "medarbejdersidenUrl"]);
    expect(loadContacts()).toMatchObject({ medarbejdersidenUrl: "https://a.test/", dpoEmail: "dpo@a.test" });

    const second = saveContacts({
      values: { ...empty, medarbejdersidenUrl: "https://b.test/", dpoEmail: "dpo@a.test" },
      actor,
      request: request(),
    });
    expect(second).toEqual(["medarbejdersidenUrl"]);
    const last = auditRows().at(-1);
    expect(last).toMatchObject({
      actorUserId: admin.id,
      actorRole: "admin",
      scope: "Adressen på Medarbejdersiden",
      filters: "https://a.test/ → https://b.test/",
      requestId: "t-1",
    });
  });

  it("removes a setting that is emptied, and writes nothing when nothing changed", () => {
    saveContacts({
      values: { ...empty, medarbejdersidenUrl: "https://b.test/", dpoEmail: "dpo@a.test" },
      actor,
      request: request(),
    });
    const before = auditRows().length;
    saveContacts({ values: { ...empty, medarbejdersidenUrl: "https://b.test/" }, actor, request: request() });
    expect(loadContacts().dpoEmail).toBeNull();
    expect(auditRows().at(-1)?.filters).toBe("dpo@a.test → (tom)");
    const count = auditRows().length;
    expect(count).toBe(before + 1);
    expect(
      saveContacts({
        values: { ...empty, medarbejdersidenUrl: "https://b.test/" },
        actor,
        request: request(),
      }),
    ).toEqual([]);
    expect(auditRows().length).toBe(count);
  });
});
