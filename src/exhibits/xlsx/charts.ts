/**
 * Native charts (DrawingML, ECMA-376 Part 1 §21.2) for the exhibits package: one chart part per
 * chart, drawn from its data block on the sheet (with the values cached, so a reader shows it
 * before any recalculation), placed by the sheet's drawing part. Editable in Excel and
 * LibreOffice like any chart made there. Every text is escaped; each chart carries its title
 * and, on its frame, a description (the alt text screen readers read).
 *
 * Kinds (src/engine/exhibit.ts): "bar" clustered bars, "stacked" and "stacked100" stacked bars,
 * "interval" a bar per value with a whisker from its lower to its upper bound (custom error
 * bars). Bars run across, categories top to bottom in the table's order.
 */
import { chartAxis, chartData, chartFormat, seriesColour, type ChartPlacement } from "../layout";
import type { ExhibitChart } from "../spec/types";
import { XML_HEADER } from "./parts";
import { cellText, columnName, escapeXml, noRepairs } from "./xml";

const C_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main";
const R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const XDR_NS = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
/** English Metric Units per point. */
const EMU_PER_POINT = 12_700;
/** Charts start 3 points below their row's top: a frame on the line between two pages would print on both. */
const ROW_OFFSET = 3 * EMU_PER_POINT;

/**
 * Text of a chart (titles, categories, series names), escaped, with the characters XML forbids
 * replaced as in the cells (their cells counted the repair already).
 */
function chartText(text: string): string {
  return escapeXml(cellText(text, noRepairs()));
}

/** A sheet name in a reference: always quoted, quotes doubled. */
function quoted(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

function ref(sheet: string, column: number, firstRow: number, lastRow: number): string {
  const letter = columnName(column);
  return escapeXml(`${quoted(sheet)}!$${letter}$${firstRow + 1}:$${letter}$${lastRow + 1}`);
}

function strCache(values: readonly string[]): string {
  return (
    `<c:strCache><c:ptCount val="${values.length}"/>` +
    values.map((value, index) => `<c:pt idx="${index}"><c:v>${chartText(value)}</c:v></c:pt>`).join("") +
    "</c:strCache>"
  );
}

function numCache(values: readonly (number | null)[], format: string): string {
  return (
    `<c:numCache><c:formatCode>${escapeXml(format)}</c:formatCode><c:ptCount val="${values.length}"/>` +
    values
      .map((value, index) =>
        value === null || !Number.isFinite(value) ? "" : `<c:pt idx="${index}"><c:v>${value}</c:v></c:pt>`,
      )
      .join("") +
    "</c:numCache>"
  );
}

function text(size: number, bold = false): string {
  return (
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size * 100}"${bold ? ' b="1"' : ""}/></a:pPr>` +
    '<a:endParaRPr lang="en-US"/></a:p></c:txPr>'
  );
}

function rich(value: string, size: number, bold: boolean): string {
  return (
    `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size * 100}" b="${bold ? 1 : 0}"/></a:pPr>` +
    `<a:r><a:rPr lang="en-US" sz="${size * 100}" b="${bold ? 1 : 0}"/><a:t>${chartText(value)}</a:t></a:r></a:p></c:rich></c:tx>`
  );
}

function fill(colour: string): string {
  return `<c:spPr><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill></c:spPr>`;
}

/** One chart part: the chart of `placement`, its data read from sheet `sheet`. */
export function chartXml(placement: ChartPlacement, sheet: string): string {
  const { chart, data } = placement;
  const format = chartFormat(chart);
  const axisFormat = format === "0.0%" ? "0%" : format === '0.0" years"' ? "0" : format;
  const first = data.row + 1;
  const last = data.row + data.rows - 1;
  const categories = ref(sheet, data.column, first, last);
  const cells = chartData(chart);
  // An interval series' columns: upper bound, lower bound, value, distance up, distance down.
  const perSeries = chart.kind === "interval" ? 5 : 1;
  const series = chart.series
    .map((entry, index) => {
      const column = data.column + 1 + index * perSeries + (chart.kind === "interval" ? 2 : 0);
      const header = data.row;
      const whisker = (offset: number): string => {
        const at = column - data.column + offset;
        const values = cells.slice(1).map((line) => (typeof line[at] === "number" ? (line[at] as number) : null));
        return `<c:numRef><c:f>${ref(sheet, column + offset, first, last)}</c:f>${numCache(values, format)}</c:numRef>`;
      };
      return (
        `<c:ser><c:idx val="${index}"/><c:order val="${index}"/>` +
        `<c:tx><c:strRef><c:f>${ref(sheet, column, header, header)}</c:f>${strCache([entry.name])}</c:strRef></c:tx>` +
        fill(seriesColour(chart, index).slice(1)) +
        '<c:invertIfNegative val="0"/>' +
        (chart.kind === "interval"
          ? '<c:errBars><c:errDir val="y"/><c:errBarType val="both"/><c:errValType val="cust"/><c:noEndCap val="0"/>' +
            `<c:plus>${whisker(1)}</c:plus><c:minus>${whisker(2)}</c:minus>` +
            '<c:spPr><a:ln w="19050"><a:solidFill><a:srgbClr val="1B2733"/></a:solidFill></a:ln></c:spPr></c:errBars>'
          : "") +
        // The categories' cache once, on the first series (readers read the cells; a cache is for the first view).
        `<c:cat><c:strRef><c:f>${categories}</c:f>${index === 0 ? strCache(chart.categories) : ""}</c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${ref(sheet, column, first, last)}</c:f>${numCache(entry.values, format)}</c:numRef></c:val>` +
        "</c:ser>"
      );
    })
    .join("");
  const grouping = chart.kind === "stacked100" ? "percentStacked" : chart.kind === "stacked" ? "stacked" : "clustered";
  const overlap = chart.kind === "stacked" || chart.kind === "stacked100" ? '<c:overlap val="100"/>' : "";
  const size = placement.fontSize;
  // Intervals and bands set their axis (a reader's automatic one stops at the bars); bars keep theirs.
  const axis = chart.kind === "interval" || chart.band ? chartAxis(chart) : undefined;
  const band = chart.band ? majorUnit(chart) : undefined;
  return (
    `${XML_HEADER}<c:chartSpace xmlns:c="${C_NS}" xmlns:a="${A_NS}" xmlns:r="${R_NS}">` +
    '<c:roundedCorners val="0"/><c:chart>' +
    `<c:title>${rich(chart.title, size + 2, true)}<c:overlay val="0"/></c:title>` +
    '<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>' +
    `<c:barChart><c:barDir val="bar"/><c:grouping val="${grouping}"/><c:varyColors val="0"/>${series}` +
    `<c:gapWidth val="60"/>${overlap}<c:axId val="1001"/><c:axId val="1002"/></c:barChart>` +
    // Categories top to bottom as in the table; the value axis at the bottom.
    '<c:catAx><c:axId val="1001"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/>' +
    `<c:axPos val="l"/><c:title>${rich(chart.categoryTitle, size, false)}<c:overlay val="0"/></c:title>` +
    '<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/>' +
    '<c:tickLblPos val="low"/><c:crossAx val="1002"/><c:crosses val="autoZero"/><c:auto val="1"/>' +
    '<c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>' +
    `<c:valAx><c:axId val="1002"/><c:scaling><c:orientation val="minMax"/>${chart.kind === "stacked100" ? '<c:max val="1"/><c:min val="0"/>' : axis ? `<c:max val="${axis.max}"/><c:min val="${axis.min}"/>` : ""}</c:scaling>` +
    '<c:delete val="0"/><c:axPos val="b"/><c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D0D7DE"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>' +
    `<c:title>${rich(chart.valueTitle, size, false)}<c:overlay val="0"/></c:title>` +
    `<c:numFmt formatCode="${escapeXml(axisFormat)}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/>` +
    '<c:tickLblPos val="nextTo"/><c:crossAx val="1001"/><c:crosses val="max"/><c:crossBetween val="between"/>' +
    (band === undefined ? "" : `<c:majorUnit val="${band}"/>`) +
    "</c:valAx></c:plotArea>" +
    (chart.series.length > 1 ? '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>' : "") +
    '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>' +
    '<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln w="6350"><a:solidFill><a:srgbClr val="C8D0D8"/></a:solidFill></a:ln></c:spPr>' +
    `${text(size)}</c:chartSpace>`
  );
}

/**
 * A band's width as the value axis' major unit, so that its gridlines mark the band's edges
 * (the competitive band ±5 %): when that gives a readable number of gridlines.
 */
function majorUnit(chart: ExhibitChart): number | undefined {
  const band = chart.band;
  if (!band) return undefined;
  const unit = band.to - band.from === 0 ? undefined : (band.to - band.from) / 2;
  if (unit === undefined || unit <= 0) return undefined;
  const values = chart.series.flatMap((series) => series.values.filter((value): value is number => value !== null));
  const low = Math.min(band.from, ...values);
  const high = Math.max(band.to, ...values);
  return (high - low) / unit <= 12 ? unit : undefined;
}

/** The drawing part of a sheet: each chart at its cell, in its size; relationship ids rId1 … in order. */
export function drawingXml(placements: readonly ChartPlacement[]): string {
  const anchors = placements.map(
    (placement, index) =>
      `<xdr:oneCellAnchor><xdr:from><xdr:col>${placement.anchor.column}</xdr:col><xdr:colOff>0</xdr:colOff>` +
      `<xdr:row>${placement.anchor.row}</xdr:row><xdr:rowOff>${ROW_OFFSET}</xdr:rowOff></xdr:from>` +
      `<xdr:ext cx="${Math.round(placement.width * EMU_PER_POINT)}" cy="${Math.round(placement.height * EMU_PER_POINT)}"/>` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${index + 2}" name="Chart ${index + 1}" ` +
      `title="${chartText(placement.title)}" descr="${chartText(placement.chart.description)}"/><xdr:cNvGraphicFramePr/>` +
      '</xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic>' +
      `<a:graphicData uri="${C_NS}"><c:chart xmlns:c="${C_NS}" r:id="rId${index + 1}"/></a:graphicData></a:graphic>` +
      "</xdr:graphicFrame><xdr:clientData/></xdr:oneCellAnchor>",
  );
  return `${XML_HEADER}<xdr:wsDr xmlns:xdr="${XDR_NS}" xmlns:a="${A_NS}" xmlns:r="${R_NS}">${anchors.join("")}</xdr:wsDr>`;
}
