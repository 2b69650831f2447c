import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./markdown.server";

describe("renderMarkdown", () => {
  it("renders the course texts' Markdown with the site's classes", () => {
    const html = renderMarkdown("Læs [retningslinjerne](https://example.dk/ai).\n\n- ét\n- to\n\n> Husk det");
    expect(html).toContain('<a href="https://example.dk/ai" rel="noreferrer">retningslinjerne</a>');
    expect(html).toContain('<ul class="mt-3 list-disc space-y-1 pl-6">');
    expect(html).toContain('<blockquote class="mt-4 border-l-4 border-brand-600 bg-brand-50 px-4 py-2">');
  });

  it("escapes raw HTML and drops javascript: links", () => {
    const html = renderMarkdown(
      "<script>alert(1)</script> <img src=x onerror=alert(1)>\n\n[klik](javascript:alert(1))",
    );
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).not.toContain("javascript:");
    expect(html).toContain("klik");
  });
});
