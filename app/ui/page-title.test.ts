import { describe, expect, it } from "vitest";
import { parseConfig } from "~/env.server";
import { pageTitle } from "./page-title";

type Matches = Parameters<typeof pageTitle>[0];
const rootMatch = (site?: { siteName: string; municipalityName: string }) =>
  [{ id: "root", data: site ? { site } : undefined }] as unknown as Matches;

describe("pageTitle", () => {
  it("names the page, the site and the municipality from the root loader's data", () => {
    const site = { siteName: "AI og GDPR", municipalityName: "Albertslund Kommune" };
    expect(pageTitle(rootMatch(site), "Mine kurser")).toBe("Mine kurser · AI og GDPR · Albertslund Kommune");
  });

  it("uses another municipality's names from the configuration", () => {
    const config = parseConfig({ SITE_NAME: "Kurser i AI", MUNICIPALITY_NAME: "Ballerup Kommune" });
    const site = { siteName: config.siteName, municipalityName: config.municipalityName };
    expect(pageTitle(rootMatch(site), "Brugere")).toBe("Brugere · Kurser i AI · Ballerup Kommune");
    expect(pageTitle(rootMatch(site))).toBe("Kurser i AI · Ballerup Kommune");
  });

  it("falls back to the defaults when the root's data is missing (an error page)", () => {
    expect(pageTitle(rootMatch(), "Fejl")).toBe("Fejl · AI og GDPR · Albertslund Kommune");
  });
});

describe("the site names in the configuration", () => {
  it("default to AI og GDPR and Albertslund Kommune, also when set empty", () => {
    expect(parseConfig({})).toMatchObject({
      siteName: "AI og GDPR",
      municipalityName: "Albertslund Kommune",
    });
    expect(parseConfig({ SITE_NAME: "", MUNICIPALITY_NAME: "" }).municipalityName).toBe(
      "Albertslund Kommune",
    );
  });

  it("name the sender of mail when MAIL_FROM is not set", () => {
    expect(parseConfig({ SITE_NAME: "Kurser i AI" }).mailFrom).toBe("Kurser i AI <no-reply@localhost>");
  });
});
