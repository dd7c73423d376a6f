/**
 * An exhibit's chart as inline SVG (src/engine/exhibit.ts ExhibitChart): horizontal bars, one
 * row per category — clustered ("bar"), stacked ("stacked"), shares of a whole ("stacked100"),
 * or a value with a whisker over its interval ("interval") — an optional shaded band on the
 * value axis, a legend, gridlines and axis labels. No script, no external resource; every label
 * escaped. <title> and <desc> name and describe the chart for screen readers, and each bar
 * carries its own tooltip. The colours are the workbook's (layout.ts seriesColour).
 */
import { chartAxis, seriesColour } from "../layout";
import type { ExhibitChart } from "../spec/types";
import { escapeHtml } from "./escape";
import { formatPercent, formatShare, formatValue } from "./format";

const WIDTH = 760;
const LABEL_WIDTH = 190;
const RIGHT = 56;
const PLOT_WIDTH = WIDTH - LABEL_WIDTH - RIGHT;
const ROW_HEIGHT = 26;
const LEGEND_HEIGHT = 30;
const AXIS_HEIGHT = 40;
const MIN_LABEL_WIDTH = 34;

function round(value: number): string {
  return (Math.round(value * 100) / 100).toString();
}

/** Shortens a long category label for the axis (the full text stays in the tooltip). */
function axisLabel(text: string): string {
  return text.length > 28 ? `${text.slice(0, 27)}…` : text;
}

/** A value as the chart's axis and tooltips show it. */
function shown(chart: ExhibitChart, value: number, axis = false): string {
  if (chart.value.kind === "percent") return axis ? formatShare(value) : formatPercent(value);
  if (chart.value.kind === "years")
    return `${formatValue(value, { name: "", kind: "number", decimals: axis ? 0 : 1 })}${axis ? "" : " years"}`;
  return formatValue(value, { name: "", kind: chart.value.kind, money: chart.value.money ?? "whole" });
}

/** Renders one chart; `id` must be unique in the page (it ties the <title> and <desc> to the <svg>). */
export function renderChartSvg(chart: ExhibitChart, id: string): string {
  const rows = chart.categories.length;
  const legend = chart.series.length > 1 || chart.band !== undefined;
  const plotTop = legend ? LEGEND_HEIGHT : 8;
  const plotBottom = plotTop + rows * ROW_HEIGHT;
  const height = plotBottom + AXIS_HEIGHT;
  const { min, max, step } = chartAxis(chart);
  const x = (value: number): number => LABEL_WIDTH + ((value - min) / (max - min)) * PLOT_WIDTH;
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  const parts: string[] = [
    `<svg class="chart" xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="${titleId}" aria-describedby="${descId}" ` +
      `viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}">`,
    `<title id="${titleId}">${escapeHtml(chart.title)}</title>`,
    `<desc id="${descId}">${escapeHtml(chart.description)}</desc>`,
  ];

  if (legend) {
    let legendX = LABEL_WIDTH;
    const swatch = (colour: string, name: string, opacity = 1): void => {
      parts.push(
        `<rect x="${legendX}" y="8" width="12" height="12" fill="${colour}" fill-opacity="${opacity}" stroke="#4a5a6a" stroke-width="0.5"/>`,
        `<text x="${legendX + 17}" y="18" class="legend">${escapeHtml(name)}</text>`,
      );
      legendX += 24 + name.length * 7 + 14;
    };
    if (chart.band) swatch("#2e7d32", chart.band.label, 0.14);
    chart.series.forEach((series, index) => swatch(seriesColour(chart, index), series.name));
  }

  if (chart.band)
    parts.push(
      `<rect x="${round(x(chart.band.from))}" y="${plotTop}" width="${round(x(chart.band.to) - x(chart.band.from))}" ` +
        `height="${rows * ROW_HEIGHT}" fill="#2e7d32" fill-opacity="0.14"><title>${escapeHtml(chart.band.label)}</title></rect>`,
    );

  // Gridlines and axis labels.
  for (let tick = min; tick <= max + step / 1e6; tick += step) {
    const at = x(tick);
    const zero = Math.abs(tick) < step / 1e6;
    parts.push(
      `<line x1="${round(at)}" y1="${plotTop - 2}" x2="${round(at)}" y2="${plotBottom}" stroke="${zero ? "#4a5a6a" : "#c8d0d8"}" stroke-width="1"/>`,
      `<text x="${round(at)}" y="${plotBottom + 15}" text-anchor="middle" class="axis">${escapeHtml(shown(chart, zero ? 0 : tick, true))}</text>`,
    );
  }
  parts.push(
    `<text x="${round(LABEL_WIDTH + PLOT_WIDTH / 2)}" y="${plotBottom + 33}" text-anchor="middle" class="axis-title">${escapeHtml(chart.valueTitle)}</text>`,
  );

  chart.categories.forEach((category, row) => {
    const top = plotTop + row * ROW_HEIGHT;
    parts.push(
      `<text x="${LABEL_WIDTH - 8}" y="${round(top + ROW_HEIGHT / 2 + 4)}" text-anchor="end" class="category">` +
        `<title>${escapeHtml(category)}</title>${escapeHtml(axisLabel(category))}</text>`,
    );
    const bar = (from: number, to: number, y: number, h: number, colour: string, tip: string): void => {
      const left = Math.min(x(from), x(to));
      const width = Math.abs(x(to) - x(from));
      parts.push(
        `<rect x="${round(left)}" y="${round(y)}" width="${round(width)}" height="${round(h)}" fill="${colour}">` +
          `<title>${escapeHtml(tip)}</title></rect>`,
      );
    };
    // A stacked bar's segment: the row's full height, in its series' colour.
    const segment = (from: number, to: number, index: number, tip: string): void =>
      bar(from, to, top + 4, ROW_HEIGHT - 8, seriesColour(chart, index), tip);
    if (chart.kind === "stacked100") {
      const values = chart.series.map((series) => Math.max(0, series.values[row] ?? 0));
      const total = values.reduce((sum, value) => sum + value, 0);
      let from = 0;
      values.forEach((value, index) => {
        if (total <= 0 || value <= 0) return;
        // Shares are drawn against their own sum so that rounding never over- or under-fills a bar.
        const to = from + value / total;
        const name = chart.series[index].name;
        segment(from, to, index, `${category} · ${name}: ${formatPercent(value)}`);
        if (x(to) - x(from) >= MIN_LABEL_WIDTH)
          parts.push(
            `<text x="${round((x(from) + x(to)) / 2)}" y="${round(top + ROW_HEIGHT / 2 + 4)}" text-anchor="middle" ` +
              `class="value${index >= 2 ? " on-dark" : ""}">${formatShare(value)}</text>`,
          );
        from = to;
      });
    } else if (chart.kind === "stacked") {
      let up = 0;
      let down = 0;
      chart.series.forEach((series, index) => {
        const value = series.values[row];
        if (value === null || value === undefined) return;
        const from = value >= 0 ? up : down;
        const to = from + value;
        if (value >= 0) up = to;
        else down = to;
        segment(from, to, index, `${category} · ${series.name}: ${shown(chart, value)}`);
      });
    } else {
      const count = chart.series.length;
      const inner = (ROW_HEIGHT - 8) / count;
      chart.series.forEach((series, index) => {
        const value = series.values[row];
        if (value === null || value === undefined) return;
        const y = top + 4 + index * inner;
        const low = series.low?.[row];
        const high = series.high?.[row];
        const interval =
          chart.kind === "interval" && typeof low === "number" && typeof high === "number"
            ? ` (95 % interval ${shown(chart, low)} to ${shown(chart, high)})`
            : "";
        bar(
          0,
          value,
          y + (chart.kind === "interval" ? inner / 4 : 0),
          chart.kind === "interval" ? inner / 2 : inner - 1,
          seriesColour(chart, index),
          `${category} · ${series.name}: ${shown(chart, value)}${interval}`,
        );
        if (interval) {
          const mid = y + inner / 2;
          parts.push(
            `<line x1="${round(x(low as number))}" y1="${round(mid)}" x2="${round(x(high as number))}" y2="${round(mid)}" stroke="#1b2733" stroke-width="1.5"/>`,
            ...[low as number, high as number].map(
              (end) =>
                `<line x1="${round(x(end))}" y1="${round(mid - 5)}" x2="${round(x(end))}" y2="${round(mid + 5)}" stroke="#1b2733" stroke-width="1.5"/>`,
            ),
          );
        }
      });
    }
  });
  parts.push("</svg>");
  return parts.join("\n");
}
