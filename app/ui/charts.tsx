// Server-rendered SVG charts for managers and HR: no client JS, no chart library.
// Every chart is a <figure> with a visible caption, an <svg role="img"> named by its own
// <title>/<desc>, and the same numbers as an HTML table (WCAG 1.1.1 / 1.3.1).
import type { JSX, ReactNode } from "react";
import { formatPercent } from "./format";

export interface BarDatum {
  label: string;
  /** Share 0..1; null = no one is required, shown as "–". */
  value: number | null;
  /** Extra context for the table, e.g. "26 af 30". */
  detail?: string;
}

export interface TrendPoint {
  /** e.g. "nov. 2026" */
  label: string;
  /** Share 0..1; null = no data, the line is broken there. */
  value: number | null;
}

export interface TrendSeries {
  /** Course title */
  name: string;
  points: TrendPoint[];
}

// Colours: all at least 3:1 against white (WCAG 1.4.11); lines also differ in dash and marker.
const INK = "#1c2526";
const MUTED = "#4d5a5c";
const GRID = "#d9dee0";
const BAR = "#0f6b5f";
// In viewBox units: a 320-unit chart is ~256 px wide on a 320 px phone, so 15-16 units stay
// at 12-13 px there (the review measured ~10 px with 12).
const FONT_SIZE = 16;
const SMALL_FONT_SIZE = 15;

interface SeriesStyle {
  colour: string;
  dash?: string;
  marker: "circle" | "square" | "diamond";
}
const SERIES_STYLES: SeriesStyle[] = [
  { colour: "#0f6b5f", marker: "circle" },
  { colour: "#1d4ed8", dash: "7 4", marker: "square" },
  { colour: "#7a4d00", dash: "2 3", marker: "diamond" },
];
const styleFor = (index: number): SeriesStyle =>
  SERIES_STYLES[index % SERIES_STYLES.length] ?? { colour: INK, marker: "circle" };

const PERCENT_TICKS = [0, 0.25, 0.5, 0.75, 1];
const NO_ONE_REQUIRED = "ingen skal gennemføre";

/** A share usable for geometry: clamped to 0..1, or null when missing/invalid. */
function plottable(value: number | null): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  return Math.min(1, Math.max(0, value));
}

/** Keeps long labels on one line inside the chart; the full label is in the table. */
function truncate(label: string, maxChars: number): string {
  return label.length <= maxChars ? label : `${label.slice(0, maxChars - 1).trimEnd()}…`;
}

const round = (n: number) => Math.round(n * 100) / 100;

function svgIds(id: string) {
  return { title: `${id}-title`, desc: `${id}-desc` };
}

function Figure({ title, children }: { title: string; children: ReactNode }) {
  return (
    <figure className="min-w-0 rounded-lg bg-white p-4 shadow-sm sm:p-5">
      <figcaption className="text-base font-semibold text-ink">{title}</figcaption>
      {children}
    </figure>
  );
}

function EmptyChart({ title }: { title: string }) {
  return (
    <Figure title={title}>
      <p className="mt-2 text-sm text-muted">Der er ingen tal at vise.</p>
    </Figure>
  );
}

/**
 * The numbers behind a chart. On screen it sits in a closed <details>; closed <details>
 * are not printed by most browsers, so a print-only copy of the table follows it.
 */
function DataTable({ table }: { table: (className: string) => JSX.Element }) {
  return (
    <>
      <details className="mt-3 text-sm print:hidden">
        <summary className="cursor-pointer font-semibold text-brand-700">Vis tallene som tabel</summary>
        {table("mt-2")}
      </details>
      <div className="hidden print:block">{table("mt-3")}</div>
    </>
  );
}

const tableClass = "w-full border-collapse text-left text-sm";
const thClass = "border-b border-brand-100 px-2 py-1 font-semibold";
const tdClass = "border-b border-brand-100 px-2 py-1 tabular-nums";

function PercentCell({ value }: { value: number | null }) {
  if (value === null) {
    return (
      <td className={tdClass}>
        <span aria-hidden="true">{formatPercent(null)}</span>
        <span className="sr-only">{NO_ONE_REQUIRED}</span>
      </td>
    );
  }
  return <td className={tdClass}>{formatPercent(value)}</td>;
}

// ---------------------------------------------------------------------------------------
// Bar chart

// viewBox units; close to the width a chart gets on a 360 px phone, so text stays readable there.
const BAR_WIDTH = 320;
const BAR_LEFT = 4;
const BAR_PLOT = 264; // 100 % bar length; leaves room for "100 %" to the right
const BAR_HEIGHT = 22;
const BAR_LABEL_LINE = 22; // label on its own line above the bar
const BAR_ROW_GAP = 12;
const BAR_ROW = BAR_LABEL_LINE + BAR_HEIGHT + BAR_ROW_GAP;
const BAR_TOP = 4;
const BAR_AXIS = 26;
const BAR_LABEL_MAX_CHARS = 34;

const barX = (share: number) => round(BAR_LEFT + share * BAR_PLOT);

/**
 * Horizontal bars, one per sub-unit, with the completion rate printed next to each bar
 * on an axis from 0 to 100 % and a dashed reference line at 100 %.
 */
export function BarChart({
  title,
  description,
  data,
  id,
  labelHeading = "Enhed",
  valueHeading = "Gennemført",
}: {
  title: string;
  description: string;
  data: BarDatum[];
  id: string;
  /** Header of the table's first column. */
  labelHeading?: string;
  /** Header of the table's value column. */
  valueHeading?: string;
}): JSX.Element {
  if (data.length === 0) return <EmptyChart title={title} />;

  const ids = svgIds(id);
  const plotBottom = BAR_TOP + data.length * BAR_ROW - BAR_ROW_GAP / 2;
  const height = plotBottom + BAR_AXIS;
  const hasDetail = data.some((d) => d.detail !== undefined && d.detail !== "");

  return (
    <Figure title={title}>
      <svg
        role="img"
        aria-labelledby={`${ids.title} ${ids.desc}`}
        viewBox={`0 0 ${BAR_WIDTH} ${height}`}
        width="100%"
        className="mt-3 block h-auto w-full max-w-md"
        fontSize={FONT_SIZE}
      >
        <title id={ids.title}>{title}</title>
        <desc id={ids.desc}>{description}</desc>

        {/* Gridlines and axis labels */}
        {PERCENT_TICKS.map((tick) => (
          <g key={tick}>
            {tick < 1 && (
              <line
                x1={barX(tick)}
                x2={barX(tick)}
                y1={BAR_TOP}
                y2={plotBottom}
                stroke={tick === 0 ? MUTED : GRID}
                strokeWidth={1}
              />
            )}
            <text
              x={barX(tick)}
              y={plotBottom + 19}
              fontSize={SMALL_FONT_SIZE}
              fill={MUTED}
              textAnchor={tick === 0 ? "start" : tick === 1 ? "end" : "middle"}
            >
              {formatPercent(tick)}
            </text>
          </g>
        ))}

        {/* Reference line at 100 %, drawn under the value labels' white halo */}
        <line
          data-reference=""
          x1={barX(1)}
          x2={barX(1)}
          y1={BAR_TOP}
          y2={plotBottom}
          stroke={MUTED}
          strokeWidth={1.5}
          strokeDasharray="4 3"
        />

        {data.map((d, i) => {
          const rowTop = BAR_TOP + i * BAR_ROW;
          const barTop = rowTop + BAR_LABEL_LINE;
          const share = plottable(d.value);
          const width = share === null ? 0 : round(share * BAR_PLOT);
          const shown = truncate(d.label, BAR_LABEL_MAX_CHARS);
          return (
            <g key={d.label}>
              <text x={BAR_LEFT} y={rowTop + 16} fill={INK}>
                {shown !== d.label && <title>{d.label}</title>}
                {shown}
              </text>
              {share !== null && (
                <rect
                  data-bar=""
                  x={BAR_LEFT}
                  y={barTop}
                  width={width}
                  height={BAR_HEIGHT}
                  rx={2}
                  fill={BAR}
                />
              )}
              <text
                x={round(BAR_LEFT + width + 6)}
                y={barTop + BAR_HEIGHT / 2 + 5}
                fill={INK}
                fontWeight={600}
                stroke="#ffffff"
                strokeWidth={3}
                paintOrder="stroke"
              >
                {formatPercent(d.value)}
              </text>
            </g>
          );
        })}
      </svg>
      <p className="mt-1 text-sm text-muted">Den stiplede lodrette linje er 100 %: alle har gennemført.</p>

      <DataTable
        table={(className) => (
          <div className="overflow-x-auto">
            <table className={`${tableClass} ${className}`}>
              <caption className="sr-only">{title}</caption>
              <thead>
                <tr>
                  <th scope="col" className={thClass}>
                    {labelHeading}
                  </th>
                  <th scope="col" className={thClass}>
                    {valueHeading}
                  </th>
                  {hasDetail && (
                    <th scope="col" className={thClass}>
                      Detaljer
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {data.map((d) => (
                  <tr key={d.label}>
                    <th scope="row" className={`${thClass} font-normal`}>
                      {d.label}
                    </th>
                    <PercentCell value={d.value} />
                    {hasDetail && <td className={tdClass}>{d.detail ?? ""}</td>}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      />
    </Figure>
  );
}

// ---------------------------------------------------------------------------------------
// Trend chart

const TREND_WIDTH = 320;
const TREND_LEFT = 48; // room for "100 %"
const TREND_RIGHT = 20; // room for half of the last month label
const TREND_TOP = 10;
const TREND_PLOT_HEIGHT = 150;
const TREND_BOTTOM = 44; // two-line month labels
const TREND_HEIGHT = TREND_TOP + TREND_PLOT_HEIGHT + TREND_BOTTOM;
const TREND_PLOT_WIDTH = TREND_WIDTH - TREND_LEFT - TREND_RIGHT;

const trendY = (share: number) => round(TREND_TOP + (1 - share) * TREND_PLOT_HEIGHT);

/** The months across all series, in first-seen order. */
function monthLabels(series: TrendSeries[]): string[] {
  const labels: string[] = [];
  for (const s of series) {
    for (const p of s.points) if (!labels.includes(p.label)) labels.push(p.label);
  }
  return labels;
}

/** "nov. 2026" → ["nov.", "2026"], so month labels fit between points. */
function splitLabel(label: string): [string, string?] {
  const at = label.lastIndexOf(" ");
  return at <= 0 ? [label] : [label.slice(0, at), label.slice(at + 1)];
}

/** Runs of consecutive points with a value; a missing month breaks the line. */
function segments(points: { x: number; y: number | null }[]): { x: number; y: number }[][] {
  const runs: { x: number; y: number }[][] = [];
  let current: { x: number; y: number }[] = [];
  for (const p of points) {
    if (p.y === null) {
      if (current.length > 0) runs.push(current);
      current = [];
    } else {
      current.push({ x: p.x, y: p.y });
    }
  }
  if (current.length > 0) runs.push(current);
  return runs;
}

function Marker({ style, x, y }: { style: SeriesStyle; x: number; y: number }) {
  const common = { fill: style.colour, stroke: "#ffffff", strokeWidth: 1 };
  if (style.marker === "square") {
    return <rect data-point="" x={round(x - 3.5)} y={round(y - 3.5)} width={7} height={7} {...common} />;
  }
  if (style.marker === "diamond") {
    return (
      <path
        data-point=""
        d={`M${x} ${round(y - 4.5)}L${round(x + 4.5)} ${y}L${x} ${round(y + 4.5)}L${round(x - 4.5)} ${y}Z`}
        {...common}
      />
    );
  }
  return <circle data-point="" cx={x} cy={y} r={3.5} {...common} />;
}

/** A short sample of a series' line and marker, for the legend. */
function LegendSwatch({ style }: { style: SeriesStyle }) {
  return (
    <svg aria-hidden="true" focusable="false" width="32" height="12" viewBox="0 0 32 12" className="shrink-0">
      <line
        x1={1}
        x2={31}
        y1={6}
        y2={6}
        stroke={style.colour}
        strokeWidth={2.5}
        strokeDasharray={style.dash}
      />
      <Marker style={style} x={16} y={6} />
    </svg>
  );
}

/**
 * Completion rate per month-end, one line per course. Lines differ in colour, dash
 * pattern and marker shape, so colour is never the only cue; the legend is real text.
 */
export function TrendChart({
  title,
  description,
  series,
  id,
}: {
  title: string;
  description: string;
  series: TrendSeries[];
  id: string;
}): JSX.Element {
  const months = monthLabels(series);
  if (series.length === 0 || months.length === 0) return <EmptyChart title={title} />;

  const ids = svgIds(id);
  const step = months.length > 1 ? TREND_PLOT_WIDTH / (months.length - 1) : 0;
  const x = (index: number) =>
    round(months.length > 1 ? TREND_LEFT + index * step : TREND_LEFT + TREND_PLOT_WIDTH / 2);
  // Every other month label when there are many, always including the latest month.
  const labelEvery = months.length > 6 ? 2 : 1;
  const valueAt = (s: TrendSeries, month: string) => s.points.find((p) => p.label === month)?.value ?? null;
  const plotBottom = TREND_TOP + TREND_PLOT_HEIGHT;

  return (
    <Figure title={title}>
      <ul className="mt-2 flex flex-wrap gap-x-5 gap-y-1 text-sm">
        {series.map((s, i) => (
          <li key={s.name} className="flex items-center gap-2">
            <LegendSwatch style={styleFor(i)} />
            <span>{s.name}</span>
          </li>
        ))}
      </ul>

      <svg
        role="img"
        aria-labelledby={`${ids.title} ${ids.desc}`}
        viewBox={`0 0 ${TREND_WIDTH} ${TREND_HEIGHT}`}
        width="100%"
        className="mt-2 block h-auto w-full max-w-md"
        fontSize={SMALL_FONT_SIZE}
      >
        <title id={ids.title}>{title}</title>
        <desc id={ids.desc}>{description}</desc>

        {PERCENT_TICKS.map((tick) => (
          <g key={tick}>
            <line
              x1={TREND_LEFT}
              x2={TREND_WIDTH - TREND_RIGHT}
              y1={trendY(tick)}
              y2={trendY(tick)}
              stroke={tick === 0 ? MUTED : GRID}
              strokeWidth={1}
            />
            <text x={TREND_LEFT - 6} y={trendY(tick) + 5} textAnchor="end" fill={MUTED}>
              {formatPercent(tick)}
            </text>
          </g>
        ))}

        {months.map((month, i) => {
          if ((months.length - 1 - i) % labelEvery !== 0) return null;
          const [first, second] = splitLabel(month);
          return (
            <g key={month}>
              <line x1={x(i)} x2={x(i)} y1={plotBottom} y2={plotBottom + 4} stroke={MUTED} />
              <text x={x(i)} y={plotBottom + 18} textAnchor="middle" fill={MUTED}>
                <tspan x={x(i)}>{first}</tspan>
                {second !== undefined && (
                  <tspan x={x(i)} dy={16}>
                    {second}
                  </tspan>
                )}
              </text>
            </g>
          );
        })}

        {series.map((s, seriesIndex) => {
          const style = styleFor(seriesIndex);
          const points = months.map((month, i) => {
            const share = plottable(valueAt(s, month));
            return { x: x(i), y: share === null ? null : trendY(share) };
          });
          const runs = segments(points);
          return (
            <g key={s.name} data-series={seriesIndex}>
              {runs
                .filter((run) => run.length > 1)
                .map((run) => (
                  <polyline
                    key={run[0]?.x}
                    points={run.map((p) => `${p.x},${p.y}`).join(" ")}
                    fill="none"
                    stroke={style.colour}
                    strokeWidth={2.5}
                    strokeDasharray={style.dash}
                    strokeLinejoin="round"
                  />
                ))}
              {runs.flat().map((p) => (
                <Marker key={p.x} style={style} x={p.x} y={p.y} />
              ))}
            </g>
          );
        })}
      </svg>

      <DataTable
        table={(className) => (
          <div className="overflow-x-auto">
            <table className={`${tableClass} ${className}`}>
              <caption className="sr-only">{title}</caption>
              <thead>
                <tr>
                  <th scope="col" className={thClass}>
                    Måned
                  </th>
                  {series.map((s) => (
                    <th key={s.name} scope="col" className={thClass}>
                      {s.name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {months.map((month) => (
                  <tr key={month}>
                    <th scope="row" className={`${thClass} font-normal`}>
                      {month}
                    </th>
                    {series.map((s) => (
                      <TrendCell key={s.name} value={valueAt(s, month)} />
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      />
    </Figure>
  );
}

function TrendCell({ value }: { value: number | null }) {
  if (value === null) {
    return (
      <td className={tdClass}>
        <span aria-hidden="true">{formatPercent(null)}</span>
        <span className="sr-only">ingen tal</span>
      </td>
    );
  }
  return <td className={tdClass}>{formatPercent(value)}</td>;
}
