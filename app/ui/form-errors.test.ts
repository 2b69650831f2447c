import { describe, expect, it } from "vitest";
import { z } from "zod";
import { formErrorOf, formErrorsFrom, hasFormErrors, submittedValues } from "./form-errors";

const Schema = z
  .object({
    email: z.string().min(1, "Skriv din e-mailadresse.").email("Skriv en gyldig e-mailadresse."),
    phone: z.string().regex(/^\d{8}$/, "Skriv et telefonnummer med 8 cifre."),
    from: z.string(),
    to: z.string(),
  })
  .refine((v) => v.from <= v.to, { message: "Slutdatoen ligger før startdatoen." });

describe("formErrorsFrom", () => {
  it("keys every issue by its field, several per field, not just the first", () => {
    const parsed = Schema.safeParse({ email: "", phone: "12", from: "2026-01-01", to: "2026-02-01" });
    expect(parsed.success).toBe(false);
    expect(formErrorsFrom(parsed.error as z.ZodError)).toEqual({
      fieldErrors: {
        email: ["Skriv din e-mailadresse.", "Skriv en gyldig e-mailadresse."],
        phone: ["Skriv et telefonnummer med 8 cifre."],
      },
    });
  });

  it("gives an issue without a path as the form's error", () => {
    const parsed = Schema.safeParse({
      email: "a@b.dk",
      phone: "12345678",
      from: "2026-03-01",
      to: "2026-02-01",
    });
    expect(formErrorsFrom(parsed.error as z.ZodError)).toEqual({
      fieldErrors: {},
      formError: "Slutdatoen ligger før startdatoen.",
    });
  });
});

describe("formErrorOf and hasFormErrors", () => {
  it("builds one field's or the whole form's error in the same shape", () => {
    expect(formErrorOf("name", "Navnet er taget.")).toEqual({ fieldErrors: { name: ["Navnet er taget."] } });
    expect(formErrorOf(null, "Hent siden igen.")).toEqual({ fieldErrors: {}, formError: "Hent siden igen." });
  });

  it("tells an empty result from one with errors", () => {
    expect(hasFormErrors(null)).toBe(false);
    expect(hasFormErrors({ fieldErrors: {} })).toBe(false);
    expect(hasFormErrors(formErrorOf(null, "Fejl"))).toBe(true);
    expect(hasFormErrors(formErrorOf("x", "Fejl"))).toBe(true);
  });
});

describe("submittedValues", () => {
  it("keeps the typed text values and leaves files out", () => {
    const form = new FormData();
    form.append("name", "Søren");
    form.append("name", "second");
    form.append("file", new File(["x"], "liste.csv"));
    expect(submittedValues(form)).toEqual({ name: "Søren" });
  });
});
