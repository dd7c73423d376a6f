/**
 * What makes an inserted exhibit sheet read and print like the .xlsx the CLI writes, from the
 * same layout (src/exhibits/layout.ts): text blocks merged across the table and wrapped at
 * their height, the header wrapped, long text and suppression marks placed as in the workbook,
 * the native charts of each kind, and the print setup (Letter landscape at the layout's scale,
 * the header row repeated, the page breaks, a header and footer). Queued on the caller's
 * context; never syncs (the writer syncs once for the whole formatting step).
 *
 * Requirement sets: ExcelApi 1.2 (merge, row heights, autofit), 1.7 (series fill, reversed
 * category axis), 1.8 (axis number format), 1.9 (page layout, page breaks): the manifest's 1.9.
 */
import { chartFormat, seriesColour, type ChartPlacement, type SheetLayout } from "../exhibits/layout";

/** A1 address of a 0-based cell. */
function cell(row: number, column: number): string {
  let name = "";
  for (let c = column + 1; c > 0; c = Math.floor((c - 1) / 26)) name = String.fromCharCode(65 + ((c - 1) % 26)) + name;
  return `${name}${row + 1}`;
}

function area(row: number, column: number, rows: number, columns: number): string {
  return rows === 1 && columns === 1
    ? cell(row, column)
    : `${cell(row, column)}:${cell(row + rows - 1, column + columns - 1)}`;
}

/** The column letters of a 0-based column. */
function letters(column: number): string {
  return cell(0, column).replace(/\d+$/, "");
}

/** Header and footer text: "&" is Excel's code character, written "&&" to print one. */
function headerText(text: string): string {
  return text.replace(/&/g, "&&");
}

/** Merged and wrapped text blocks, row heights, the wrapped header and long text, right-aligned marks. */
export function presentText(sheet: Excel.Worksheet, layout: SheetLayout): void {
  for (const block of layout.blocks) {
    if (block.span !== undefined && block.span > 1) {
      const range = sheet.getRange(area(block.row, block.column, 1, block.span));
      range.merge(false);
      range.format.wrapText = true;
      range.format.verticalAlignment = "Top";
    }
    if (block.role !== "table") continue;
    const columns = block.values[0].length;
    const header = sheet.getRange(area(block.row, block.column, 1, columns));
    header.format.wrapText = true;
    for (const column of block.wrapColumns ?? []) {
      const range = sheet.getRange(area(block.row + 1, block.column + column, block.values.length - 1, 1));
      range.format.wrapText = true;
      range.format.verticalAlignment = "Top";
    }
    // Text in a number column (a suppression mark) sits right, like the numbers around it.
    for (const column of block.rightAlignedHeader ?? []) {
      if (block.values.some((values, r) => r > 0 && typeof values[column] === "string"))
        sheet.getRange(
          area(block.row + 1, block.column + column, block.values.length - 1, 1),
        ).format.horizontalAlignment = "Right";
    }
    if ((block.wrapColumns ?? []).length > 0) {
      // Rows of a table whose long text wraps read from the top, and are as tall as their text.
      const rows = sheet.getRange(area(block.row + 1, block.column, block.values.length - 1, columns));
      rows.format.verticalAlignment = "Top";
      rows.format.autofitRows();
    }
  }
  // Rows above and below the table (wrapped text, the header): heights from the layout.
  const table = layout.table;
  for (const [row, height] of layout.rowHeights)
    if (row <= table.row || row >= table.row + table.rows)
      sheet.getRange(`${row + 1}:${row + 1}`).format.rowHeight = height;
}

/** The Excel chart type that draws a kind (an interval as high-low-close: its data block's order). */
function chartType(placement: ChartPlacement): Excel.ChartType {
  switch (placement.chart.kind) {
    case "bar":
      return Excel.ChartType.barClustered;
    case "stacked":
      return Excel.ChartType.barStacked;
    case "stacked100":
      return Excel.ChartType.barStacked100;
    case "interval":
      return Excel.ChartType.stockHLC;
  }
}

/** Each chart of the layout, from its data block, at its place, with its titles, colours and formats. */
export function drawCharts(sheet: Excel.Worksheet, layout: SheetLayout): void {
  for (const placement of layout.charts) {
    const { chart, data, anchor, size } = placement;
    // An interval chart reads the category and one series' upper bound, lower bound and value.
    const columns = chart.kind === "interval" ? Math.min(data.columns, 4) : data.columns;
    const source = sheet.getRange(area(data.row, data.column, data.rows, columns));
    const added = sheet.charts.add(chartType(placement), source, Excel.ChartSeriesBy.columns);
    added.title.text = chart.title;
    added.title.format.font.size = placement.fontSize + 2;
    added.format.font.size = placement.fontSize;
    added.legend.visible = chart.series.length > 1 && chart.kind !== "interval";
    added.legend.position = Excel.ChartLegendPosition.bottom;
    added.axes.categoryAxis.title.text = chart.categoryTitle;
    added.axes.valueAxis.title.text = chart.valueTitle;
    added.axes.valueAxis.numberFormat = chartFormat(chart) === "0.0%" ? "0%" : chartFormat(chart);
    if (chart.kind !== "interval") {
      // Categories top to bottom in the table's order, as the workbook and the report draw them.
      added.axes.categoryAxis.reversePlotOrder = true;
      chart.series.forEach((_, index) =>
        added.series.getItemAt(index).format.fill.setSolidColor(seriesColour(chart, index)),
      );
    }
    added.setPosition(
      cell(anchor.row, anchor.column),
      cell(anchor.row + size.rows - 1, anchor.column + size.columns - 1),
    );
  }
}

/** Letter landscape at the layout's scale, its print areas and titles, page breaks, header and footer. */
export function presentPrint(sheet: Excel.Worksheet, layout: SheetLayout): void {
  const { print } = layout;
  const page = sheet.pageLayout;
  page.orientation = Excel.PageOrientation.landscape;
  page.paperSize = Excel.PaperType.letter;
  page.zoom = print.fit ? { horizontalFitToPages: 1, verticalFitToPages: 0 } : { scale: print.scale };
  page.setPrintArea(print.areas.map((range) => area(range.row, range.column, range.rows, range.columns)).join(","));
  if (print.titleRows) page.setPrintTitleRows(`$${print.titleRows.first + 1}:$${print.titleRows.last + 1}`);
  if (print.titleColumns)
    page.setPrintTitleColumns(`$${letters(print.titleColumns.first)}:$${letters(print.titleColumns.last)}`);
  const headers = page.headersFooters.defaultForAllPages;
  headers.leftHeader = headerText(print.header.left);
  headers.leftFooter = headerText(print.footer.left);
  headers.rightFooter = "Page &P of &N";
  for (const row of print.rowBreaks) sheet.horizontalPageBreaks.add(cell(row, 0));
}
