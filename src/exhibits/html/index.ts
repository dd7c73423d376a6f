/** The printable HTML report (host-free: builds a string). */
export { renderHtmlReport, REPORT_CSP } from "./report";
export type { HtmlReportOptions } from "./report";
export { escapeHtml } from "./escape";
export { formatValue } from "./format";
export { renderChartSvg } from "./chart";
