import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { BarChart, type BarDatum, TrendChart, type TrendSeries } from "./charts";

// Intl may put a (narrow) no-break space before "%"; compare with plain spaces.
const normalise = (html: string) =>
  html.replace(/&nbsp;|&#160;|&#xa0;/gi, " ").replace(/[\s\u00a0\u202f]+/g, " ");

/** The attributes of every element with the given tag, e.g. all <rect>s. */
function elements(html: string, tag: string): Record<string, string>[] {
  const found: Record<string, string>[] = [];
  for (const match of html.matchAll(new RegExp(`<${tag}\\b([^>]*)>`, "g"))) {
    const attrs: Record<string, string> = {};
    for (const a of (match[1] ?? "").matchAll(/([\w:-]+)="([^"]*)"/g)) attrs[a[1] ?? ""] = a[2] ?? "";
    found.push(attrs);
  }
  return found;
}

/** The inner HTML of the first <tag>…</tag>; tags here are never nested in themselves. */
function section(html: string, tag: string): string {
  const match = html.match(new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`));
  if (!match) throw new Error(`no <${tag}> in markup`);
  return match[1] ?? "";
}

/** The inner HTML of the chart's <svg role="img"> (the legend has small decorative svgs too). */
function chartSvg(html: string): string {
  const match = html.match(/<svg\b[^>]*role="img"[^>]*>([\s\S]*?)<\/svg>/);
  if (!match) throw new Error("no chart svg in markup");
  return match[1] ?? "";
}

/** Checks role="img" and that aria-labelledby names a <title> and a <desc> inside the svg. */
function expectLabelledSvg(html: string, title: string, description: string) {
  const svgs = elements(html, "svg").filter((a) => a.role === "img");
  expect(svgs).toHaveLength(1);
  const ids = (svgs[0]?.["aria-labelledby"] ?? "").split(" ");
  expect(ids).toHaveLength(2);
  const svg = chartSvg(html);
  expect(svg).toContain(`<title id="${ids[0]}">${title}</title>`);
  expect(svg).toContain(`<desc id="${ids[1]}">${description}</desc>`);
  // The ids are unique in the page fragment.
  for (const id of ids) expect(html.split(`id="${id}"`)).toHaveLength(2);
}

const bars: BarDatum[] = [
  { label: "Vej og Park", value: 1, detail: "12 af 12" },
  { label: "Borgerservice", value: 0.5, detail: "5 af 10" },
  { label: "Center for Børn, Unge og Familie – Familieafdelingen og Sundhedsplejen", value: 0.87 },
  { label: "Rådhusets kantine", value: null },
];

function renderBars(data: BarDatum[] = bars) {
  return renderToString(
    createElement(BarChart, {
      title: "Gennemførelse af AI-kurset",
      description: "Andel af medarbejdere pr. afdeling, der har gennemført kurset.",
      data,
      id: "ai-bars",
    }),
  );
}

describe("BarChart", () => {
  it("is a figure with a visible caption and a labelled svg image", () => {
    const html = renderBars();
    expect(section(html, "figcaption")).toBe("Gennemførelse af AI-kurset");
    expectLabelledSvg(
      html,
      "Gennemførelse af AI-kurset",
      "Andel af medarbejdere pr. afdeling, der har gennemført kurset.",
    );
    expect(html).toContain('viewBox="0 0 320 ');
    expect(html).toContain('width="100%"');
  });

  it("draws bar widths proportional to the share, on a 0–100 % axis with a dashed 100 % line", () => {
    const html = renderBars();
    const rects = elements(chartSvg(html), "rect").filter((r) => "data-bar" in r);
    // One bar per unit with a value; null draws no bar.
    expect(rects).toHaveLength(3);
    const [full, half, most] = rects.map((r) => Number(r.width));
    expect(full).toBeGreaterThan(100);
    expect(half).toBeCloseTo((full ?? 0) / 2, 5);
    expect(most).toBeCloseTo((full ?? 0) * 0.87, 5);
    for (const r of rects) expect(Number(r.height)).toBe(22);

    const reference = elements(html, "line").find((l) => "data-reference" in l);
    expect(reference?.["stroke-dasharray"]).toBeTruthy();
    // The 100 % line sits where a full bar ends.
    expect(Number(reference?.x1)).toBeCloseTo(Number(rects[0]?.x) + (full ?? 0), 5);

    const svgText = normalise(chartSvg(html));
    for (const tick of ["0 %", "50 %", "100 %", "87 %"]) expect(svgText).toContain(`>${tick}<`);
    expect(svgText).toContain(">–<");
  });

  it("keeps long labels short in the svg but gives the full label in the table", () => {
    const html = renderBars();
    const long = bars[2]?.label ?? "";
    const svg = chartSvg(html);
    // The visible text is cut with "…"; the full label is only a hover tooltip (<title>).
    expect(svg).not.toContain(`${long}</text>`);
    expect(svg).toMatch(
      /<text[^>]*><title>Center for Børn, Unge og Familie – Familieafdelingen og Sundhedsplejen<\/title>Center for Børn[^<]*…<\/text>/,
    );
    expect(section(section(html, "details"), "table")).toContain(`>${long}</th>`);
  });

  it("repeats every label and percentage in an accessible table inside <details>", () => {
    const html = renderBars();
    const details = section(html, "details");
    expect(details).toContain("<summary");
    expect(details).toContain("Vis tallene som tabel");
    const table = normalise(section(details, "table"));
    expect(section(table, "caption")).toBe("Gennemførelse af AI-kurset");
    expect(table.match(/<th scope="col"/g)).toHaveLength(3); // Enhed, Gennemført, Detaljer
    expect(table.match(/<th scope="row"/g)).toHaveLength(bars.length);

    const rows = [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => m[1] ?? "").slice(1);
    const cells = (row: string) => [...row.matchAll(/<t[hd]\b[^>]*>([\s\S]*?)<\/t[hd]>/g)].map((m) => m[1]);
    expect(cells(rows[0] ?? "")).toEqual(["Vej og Park", "100 %", "12 af 12"]);
    expect(cells(rows[1] ?? "")).toEqual(["Borgerservice", "50 %", "5 af 10"]);
    expect(cells(rows[2] ?? "")).toEqual([bars[2]?.label, "87 %", ""]);
    const nullRow = cells(rows[3] ?? "");
    expect(nullRow[0]).toBe("Rådhusets kantine");
    expect(nullRow[1]).toContain(">–<");
    expect(nullRow[1]).not.toContain("%");
  });

  it("leaves out the detail column when no datum has a detail", () => {
    const html = renderBars([{ label: "A", value: 0.2 }]);
    expect(section(html, "table").match(/<th scope="col"/g)).toHaveLength(2);
  });

  it("says so instead of drawing an empty chart", () => {
    const html = renderBars([]);
    expect(html).not.toContain("<svg");
    expect(html).toContain("Der er ingen tal at vise.");
  });
});

const months = [
  "dec. 2025",
  "jan. 2026",
  "feb. 2026",
  "mar. 2026",
  "apr. 2026",
  "maj 2026",
  "jun. 2026",
  "jul. 2026",
  "aug. 2026",
  "sep. 2026",
  "okt. 2026",
  "nov. 2026",
];
const aiValues = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1];
const gdprValues = [null, 0.5, 0.55, 0.6, 0.62, 0.7, 0.72, 0.8, 0.85, 0.87, 0.9, 0.93];
const series: TrendSeries[] = [
  { name: "AI i hverdagen", points: months.map((label, i) => ({ label, value: aiValues[i] ?? null })) },
  { name: "GDPR for alle", points: months.map((label, i) => ({ label, value: gdprValues[i] ?? null })) },
];

function renderTrend() {
  return renderToString(
    createElement(TrendChart, {
      title: "Udvikling i gennemførelse",
      description: "Andel gennemført ved hver månedsafslutning det seneste år.",
      series,
      id: "trend",
    }),
  );
}

describe("TrendChart", () => {
  it("is a figure with a visible caption and a labelled svg image", () => {
    const html = renderTrend();
    expect(section(html, "figcaption")).toBe("Udvikling i gennemførelse");
    expectLabelledSvg(
      html,
      "Udvikling i gennemførelse",
      "Andel gennemført ved hver månedsafslutning det seneste år.",
    );
  });

  it("plots higher shares higher up, with gridlines at 25/50/75/100 %", () => {
    const html = renderTrend();
    const svg = chartSvg(html);
    const firstSeries = svg.match(/<g data-series="0">([\s\S]*?)<\/g>/)?.[1] ?? "";
    const ys = elements(firstSeries, "circle").map((c) => Number(c.cy));
    expect(ys).toHaveLength(12);
    const [y0, y1] = [ys[0] ?? Number.NaN, ys[11] ?? Number.NaN];
    expect(y1).toBeLessThan(y0); // 100 % (last) above 0 % (first)
    expect(ys[5]).toBeCloseTo((y0 + y1) / 2, 5); // 50 % half-way

    const gridYs = elements(svg, "line")
      .filter((l) => l.y1 === l.y2)
      .map((l) => Number(l.y1));
    for (const share of [0.25, 0.5, 0.75, 1]) expect(gridYs).toContainEqual(y0 + (y1 - y0) * share);

    const text = normalise(svg);
    for (const tick of ["0 %", "25 %", "50 %", "75 %", "100 %"]) expect(text).toContain(`>${tick}<`);
    // Every other month is labelled, always including the latest.
    expect(text).toContain(">nov.<");
    expect(text).not.toContain(">okt.<");
  });

  it("breaks the line at a missing month instead of plotting it as 0 %", () => {
    const svg = chartSvg(renderTrend());
    const second = svg.match(/<g data-series="1">([\s\S]*?)<\/g>/)?.[1] ?? "";
    expect(elements(second, "rect").filter((r) => "data-point" in r)).toHaveLength(11);
  });

  it("gives each series its own colour and dash pattern, and a text legend", () => {
    const html = renderTrend();
    const lines = elements(chartSvg(html), "polyline");
    expect(lines).toHaveLength(2);
    const [a, b] = lines;
    expect(a?.stroke).not.toBe(b?.stroke);
    expect(a?.["stroke-dasharray"] ?? "none").not.toBe(b?.["stroke-dasharray"] ?? "none");

    const legend = section(html, "ul");
    expect(legend).toContain("AI i hverdagen");
    expect(legend).toContain("GDPR for alle");
    expect(legend).toContain('aria-hidden="true"');
  });

  it("repeats the numbers in a table with one row per month and a column per course", () => {
    const html = renderTrend();
    const table = normalise(section(section(html, "details"), "table"));
    expect(section(table, "caption")).toBe("Udvikling i gennemførelse");
    expect(table).toMatch(/<th scope="col"[^>]*>Måned<\/th>/);
    expect(table.match(/<th scope="col"/g)).toHaveLength(3);
    expect(table.match(/<th scope="row"/g)).toHaveLength(12);
    for (const month of months) expect(table).toContain(`>${month}</th>`);
    expect(table).toMatch(/>nov\. 2026<\/th><td[^>]*>100 %<\/td><td[^>]*>93 %<\/td>/);
    expect(table).toMatch(/>dec\. 2025<\/th><td[^>]*>0 %<\/td><td[^>]*><span aria-hidden="true">–<\/span>/);
  });
});
