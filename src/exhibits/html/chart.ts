/**
 * A 100 % stacked horizontal bar chart as inline SVG: one bar per grade, one segment per
 * quartile. No script, no external resource; every label escaped. A <title> names the chart
 * for screen readers and each segment carries its own tooltip.
 */
import type { StackedBarChart } from "../spec/types";
import { escapeHtml } from "./escape";
import { formatPercent, formatShare } from "./format";

/** Quartile colours, light to dark (sequential blues, readable when printed in grey). */
export const SERIES_COLOURS = ["#c6dbef", "#6baed6", "#2171b5", "#08306b"] as const;
/** Label class per series: dark text on the light blues, white on the dark ones. */
const LABEL_CLASS = ["value", "value", "value on-dark", "value on-dark"] as const;

const WIDTH = 760;
const LABEL_WIDTH = 120;
const PLOT_WIDTH = WIDTH - LABEL_WIDTH - 20;
const BAR_HEIGHT = 20;
const BAR_GAP = 8;
const LEGEND_HEIGHT = 28;
const AXIS_HEIGHT = 22;
const MIN_LABEL_WIDTH = 30;

function round(value: number): string {
  return (Math.round(value * 100) / 100).toString();
}

/** Shortens a long category label for the axis (the full text stays in the tooltip). */
function axisLabel(text: string): string {
  return text.length > 18 ? `${text.slice(0, 17)}…` : text;
}

/** Renders one chart; `id` must be unique in the page (it ties the <title> to the <svg>). */
export function renderStackedBarSvg(chart: StackedBarChart, id: string): string {
  const rows = chart.categories.length;
  const plotTop = LEGEND_HEIGHT;
  const height = plotTop + rows * (BAR_HEIGHT + BAR_GAP) + AXIS_HEIGHT;
  const titleId = `${id}-title`;
  const parts: string[] = [];
  parts.push(
    `<svg class="chart" xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="${titleId}" ` +
      `viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}">`,
    `<title id="${titleId}">${escapeHtml(chart.title)}</title>`,
  );

  // Legend: one swatch per series, left to right.
  let legendX = LABEL_WIDTH;
  chart.series.forEach((series, index) => {
    const colour = SERIES_COLOURS[index % SERIES_COLOURS.length];
    parts.push(
      `<rect x="${legendX}" y="6" width="12" height="12" fill="${colour}" stroke="#4a5a6a" stroke-width="0.5"/>`,
      `<text x="${legendX + 17}" y="16" class="legend">${escapeHtml(series.name)}</text>`,
    );
    legendX += 24 + series.name.length * 7 + 18;
  });

  // Gridlines and axis labels at 0, 25, 50, 75, 100 %.
  const plotBottom = plotTop + rows * (BAR_HEIGHT + BAR_GAP);
  for (let tick = 0; tick <= 4; tick++) {
    const x = LABEL_WIDTH + (PLOT_WIDTH * tick) / 4;
    parts.push(
      `<line x1="${round(x)}" y1="${plotTop - 2}" x2="${round(x)}" y2="${plotBottom}" stroke="#c8d0d8" stroke-width="1"/>`,
      `<text x="${round(x)}" y="${plotBottom + 15}" text-anchor="middle" class="axis">${tick * 25}%</text>`,
    );
  }

  chart.categories.forEach((category, row) => {
    const y = plotTop + row * (BAR_HEIGHT + BAR_GAP) + BAR_GAP / 2;
    parts.push(
      `<text x="${LABEL_WIDTH - 8}" y="${round(y + BAR_HEIGHT / 2 + 4)}" text-anchor="end" class="category">` +
        `<title>${escapeHtml(category)}</title>${escapeHtml(axisLabel(category))}</text>`,
    );
    const values = chart.series.map((series) => {
      const value = series.values[row];
      return typeof value === "number" && Number.isFinite(value) && value > 0 ? value : 0;
    });
    const total = values.reduce((sum, value) => sum + value, 0);
    let x = LABEL_WIDTH;
    values.forEach((value, index) => {
      if (total <= 0 || value <= 0) return;
      // Shares are drawn against their own sum so that rounding never over- or under-fills a bar.
      const width = (PLOT_WIDTH * value) / total;
      const name = chart.series[index].name;
      parts.push(
        `<rect x="${round(x)}" y="${round(y)}" width="${round(width)}" height="${BAR_HEIGHT}" ` +
          `fill="${SERIES_COLOURS[index % SERIES_COLOURS.length]}">` +
          `<title>${escapeHtml(`${category} · ${name}: ${formatPercent(value)}`)}</title></rect>`,
      );
      if (width >= MIN_LABEL_WIDTH) {
        parts.push(
          `<text x="${round(x + width / 2)}" y="${round(y + BAR_HEIGHT / 2 + 4)}" text-anchor="middle" ` +
            `class="${LABEL_CLASS[index % LABEL_CLASS.length]}">${formatShare(value)}</text>`,
        );
      }
      x += width;
    });
  });
  parts.push("</svg>");
  return parts.join("\n");
}
