/**
 * The fixed and small parts of the exhibits package (SpreadsheetML, ECMA-376 Part 1): content
 * types, relationships, workbook, document properties, theme, styles and tables. The sheets
 * and shared strings, which grow with the data, are written by sheet.ts.
 */
import { NUMBER_FORMATS, type NumberFormat } from "../layout";
import { columnName, escapeXml, escapeXstring } from "./xml";

export const XML_HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
export const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const CT = "application/vnd.openxmlformats-officedocument";

/** A sheet of the package as the parts need it. */
export type SheetEntry = {
  name: string;
  /** 1-based: sheetN.xml. */
  index: number;
  table?: { id: number; name: string; ref: string; columns: string[]; style: string };
  /** Rows repeated on every printed page, 1-based inclusive (the table header). */
  printTitleRow?: number;
  /** Columns repeated on every page to the right, 0-based inclusive. */
  printTitleColumns?: { first: number; last: number };
  /** What prints: 0-based ranges, printed one after the other. */
  printAreas?: { row: number; column: number; rows: number; columns: number }[];
  /** The sheet's drawing (drawingN.xml) and the numbers of its charts (chartN.xml), when it has charts. */
  drawing?: { id: number; charts: number[] };
};

export function contentTypes(sheets: readonly SheetEntry[]): string {
  const overrides = [
    ["/xl/workbook.xml", `${CT}.spreadsheetml.sheet.main+xml`],
    ...sheets.map((sheet) => [`/xl/worksheets/sheet${sheet.index}.xml`, `${CT}.spreadsheetml.worksheet+xml`]),
    ...sheets.flatMap((sheet) =>
      sheet.table ? [[`/xl/tables/table${sheet.table.id}.xml`, `${CT}.spreadsheetml.table+xml`]] : [],
    ),
    ...sheets.flatMap((sheet) =>
      sheet.drawing
        ? [
            [`/xl/drawings/drawing${sheet.drawing.id}.xml`, `${CT}.drawing+xml`],
            ...sheet.drawing.charts.map((chart) => [`/xl/charts/chart${chart}.xml`, `${CT}.drawingml.chart+xml`]),
          ]
        : [],
    ),
    ["/xl/theme/theme1.xml", `${CT}.theme+xml`],
    ["/xl/styles.xml", `${CT}.spreadsheetml.styles+xml`],
    ["/xl/sharedStrings.xml", `${CT}.spreadsheetml.sharedStrings+xml`],
    ["/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"],
    ["/docProps/app.xml", `${CT}.extended-properties+xml`],
  ];
  return (
    `${XML_HEADER}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    overrides.map(([part, type]) => `<Override PartName="${part}" ContentType="${type}"/>`).join("") +
    "</Types>"
  );
}

function relationships(entries: readonly [id: string, type: string, target: string][]): string {
  return (
    `${XML_HEADER}<Relationships xmlns="${PACKAGE_REL_NS}">` +
    entries.map(([id, type, target]) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`).join("") +
    "</Relationships>"
  );
}

export function packageRels(): string {
  return relationships([
    ["rId1", `${REL_NS}/officeDocument`, "xl/workbook.xml"],
    ["rId2", `${PACKAGE_REL_NS}/metadata/core-properties`, "docProps/core.xml"],
    ["rId3", `${REL_NS}/extended-properties`, "docProps/app.xml"],
  ]);
}

export function workbookRels(sheets: readonly SheetEntry[]): string {
  const n = sheets.length;
  return relationships([
    ...sheets.map((sheet): [string, string, string] => [
      `rId${sheet.index}`,
      `${REL_NS}/worksheet`,
      `worksheets/sheet${sheet.index}.xml`,
    ]),
    [`rId${n + 1}`, `${REL_NS}/styles`, "styles.xml"],
    [`rId${n + 2}`, `${REL_NS}/theme`, "theme/theme1.xml"],
    [`rId${n + 3}`, `${REL_NS}/sharedStrings`, "sharedStrings.xml"],
  ]);
}

/** The relationship ids a sheet's parts get: its table rId1, its drawing the next. */
export function sheetRelIds(sheet: SheetEntry): { table?: string; drawing?: string } {
  return {
    ...(sheet.table ? { table: "rId1" } : {}),
    ...(sheet.drawing ? { drawing: sheet.table ? "rId2" : "rId1" } : {}),
  };
}

export function sheetRels(sheet: SheetEntry): string | undefined {
  const ids = sheetRelIds(sheet);
  const entries: [string, string, string][] = [];
  if (sheet.table && ids.table) entries.push([ids.table, `${REL_NS}/table`, `../tables/table${sheet.table.id}.xml`]);
  if (sheet.drawing && ids.drawing)
    entries.push([ids.drawing, `${REL_NS}/drawing`, `../drawings/drawing${sheet.drawing.id}.xml`]);
  return entries.length === 0 ? undefined : relationships(entries);
}

/** A drawing's relationships: its charts, rId1 … in order. */
export function drawingRels(drawing: NonNullable<SheetEntry["drawing"]>): string {
  return relationships(
    drawing.charts.map((chart, index): [string, string, string] => [
      `rId${index + 1}`,
      `${REL_NS}/chart`,
      `../charts/chart${chart}.xml`,
    ]),
  );
}

/** A sheet name in a formula: always quoted, quotes doubled ('It''s'!$4:$4). */
function quotedSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** An absolute A1 range of a 0-based rectangle on a sheet ('Sheet'!$A$1:$I$40). */
function absoluteRange(sheet: string, area: { row: number; column: number; rows: number; columns: number }): string {
  const from = `$${columnName(area.column)}$${area.row + 1}`;
  const to = `$${columnName(area.column + area.columns - 1)}$${area.row + area.rows}`;
  return `${quotedSheet(sheet)}!${from}:${to}`;
}

export function workbookXml(sheets: readonly SheetEntry[]): string {
  // Defined names are sorted by name, as Excel writes them: Print_Area before Print_Titles.
  const areas = sheets.flatMap((sheet, position) =>
    sheet.printAreas === undefined || sheet.printAreas.length === 0
      ? []
      : [
          `<definedName name="_xlnm.Print_Area" localSheetId="${position}">${escapeXml(
            sheet.printAreas.map((area) => absoluteRange(sheet.name, area)).join(","),
          )}</definedName>`,
        ],
  );
  const titles = sheets.flatMap((sheet, position) => {
    const parts = [
      ...(sheet.printTitleColumns
        ? [
            `${quotedSheet(sheet.name)}!$${columnName(sheet.printTitleColumns.first)}:$${columnName(sheet.printTitleColumns.last)}`,
          ]
        : []),
      ...(sheet.printTitleRow === undefined
        ? []
        : [`${quotedSheet(sheet.name)}!$${sheet.printTitleRow}:$${sheet.printTitleRow}`]),
    ];
    return parts.length === 0
      ? []
      : [
          `<definedName name="_xlnm.Print_Titles" localSheetId="${position}">${escapeXml(parts.join(","))}</definedName>`,
        ];
  });
  const names = [...areas, ...titles];
  return (
    `${XML_HEADER}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    '<workbookPr/><bookViews><workbookView activeTab="0"/></bookViews><sheets>' +
    sheets
      .map((sheet) => `<sheet name="${escapeXml(sheet.name)}" sheetId="${sheet.index}" r:id="rId${sheet.index}"/>`)
      .join("") +
    "</sheets>" +
    (names.length ? `<definedNames>${names.join("")}</definedNames>` : "") +
    "</workbook>"
  );
}

/** Core properties: CompStudy as the creator (how a later run recognises its own output), dates fixed by the study. */
export function coreXml(created: string | undefined): string {
  const dates = created
    ? `<dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created>` +
      `<dcterms:modified xsi:type="dcterms:W3CDTF">${created}</dcterms:modified>`
    : "";
  return (
    `${XML_HEADER}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:creator>${CREATOR}</dc:creator>${dates}</cp:coreProperties>`
  );
}

/** The creator written in docProps/core.xml (src/cli/outputs.ts recognises earlier outputs by it). */
export const CREATOR = "CompStudy";

export function appXml(sheets: readonly SheetEntry[]): string {
  return (
    `${XML_HEADER}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ` +
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    `<Application>${CREATOR}</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>` +
    '<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant>' +
    `<vt:variant><vt:i4>${sheets.length}</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
    `<TitlesOfParts><vt:vector size="${sheets.length}" baseType="lpstr">` +
    sheets.map((sheet) => `<vt:lpstr>${escapeXml(sheet.name)}</vt:lpstr>`).join("") +
    "</vt:vector></TitlesOfParts><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>" +
    "<HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion></Properties>"
  );
}

export function tableXml(table: NonNullable<SheetEntry["table"]>): string {
  return (
    `${XML_HEADER}<table xmlns="${MAIN_NS}" id="${table.id}" name="${table.name}" displayName="${table.name}" ` +
    `ref="${table.ref}" headerRowCount="1" totalsRowShown="0"><autoFilter ref="${table.ref}"/>` +
    `<tableColumns count="${table.columns.length}">` +
    table.columns.map((name, index) => `<tableColumn id="${index + 1}" name="${escapeXstring(name)}"/>`).join("") +
    `</tableColumns><tableStyleInfo name="${table.style}" showFirstColumn="0" showLastColumn="0" ` +
    'showRowStripes="1" showColumnStripes="0"/></table>'
  );
}

/** What a cell's text looks like: the body font, bold (totals, headers), the title, or the grey italic subtitle. */
export type FontRole = "body" | "bold" | "title" | "subtitle";

/** How a cell's content sits: right-aligned (numbers' headers, marks in number columns), wrapped, at the top. */
export type Alignment = { right?: boolean; wrap?: boolean; top?: boolean };

// Fonts name their face and size: a bare bold makes some readers (LibreOffice) fall back to a serif.
const FONTS: Record<FontRole, string> = {
  body: '<font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>',
  bold: '<font><b/><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>',
  title: '<font><b/><sz val="14"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>',
  subtitle: '<font><i/><sz val="11"/><color rgb="FF4A5A6A"/><name val="Calibri"/><family val="2"/></font>',
};
const FONT_ORDER: readonly FontRole[] = ["body", "bold", "title", "subtitle"];

/** Excel's built-in number formats (ECMA-376 18.8.30) among ours; the others get custom ids from 164. */
const BUILT_IN_FORMATS: Partial<Record<NumberFormat, number>> = {
  [NUMBER_FORMATS.number]: 0,
  [NUMBER_FORMATS.index]: 2,
  [NUMBER_FORMATS.count]: 3,
  [NUMBER_FORMATS.decimal2]: 4,
  [NUMBER_FORMATS.text]: 49,
};

/** The cell formats (cellXfs) a workbook uses, numbered as they are first asked for. */
export class Styles {
  private readonly formats = new Map<NumberFormat, number>();
  private readonly xfs: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly ids = new Map<string, number>();

  /** The style index (the cell's `s`) of a number format, font and alignment. */
  id(format: NumberFormat, font: FontRole, align: boolean | Alignment = {}): number {
    const alignment: Alignment = typeof align === "boolean" ? { right: align } : align;
    const key = `${format}\u0000${font}\u0000${alignment.right ? 1 : 0}${alignment.wrap ? 1 : 0}${alignment.top ? 1 : 0}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      const numFmtId = this.numFmtId(format);
      const fontId = FONT_ORDER.indexOf(font);
      const attributes = [
        alignment.right ? ' horizontal="right"' : "",
        alignment.top ? ' vertical="top"' : "",
        alignment.wrap ? ' wrapText="1"' : "",
      ].join("");
      id = this.xfs.length;
      this.xfs.push(
        `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"` +
          `${fontId ? ' applyFont="1"' : ""}` +
          (attributes ? ` applyAlignment="1"><alignment${attributes}/></xf>` : "/>"),
      );
      this.ids.set(key, id);
    }
    return id;
  }

  private numFmtId(format: NumberFormat): number {
    const builtIn = BUILT_IN_FORMATS[format];
    if (builtIn !== undefined) return builtIn;
    let id = this.formats.get(format);
    if (id === undefined) {
      id = 164 + this.formats.size;
      this.formats.set(format, id);
    }
    return id;
  }

  xml(): string {
    const numFmts = [...this.formats].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    return (
      `${XML_HEADER}<styleSheet xmlns="${MAIN_NS}">` +
      (numFmts.length ? `<numFmts count="${numFmts.length}">${numFmts.join("")}</numFmts>` : "") +
      `<fonts count="${FONT_ORDER.length}">${FONT_ORDER.map((role) => FONTS[role]).join("")}</fonts>` +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfs.length}">${this.xfs.join("")}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
      "</styleSheet>"
    );
  }
}

/**
 * The Office 2007–2010 theme (the colours TableStyleMedium2 draws with: accent 1 = #4F81BD;
 * Calibri body, Cambria headings), with the minimum of font and format schemes a theme needs.
 */
export function themeXml(): string {
  const colour = (name: string, rgb: string) => `<a:${name}><a:srgbClr val="${rgb}"/></a:${name}>`;
  const fill = (alpha = "") => `<a:solidFill><a:schemeClr val="phClr"${alpha}/></a:solidFill>`;
  const line = (width: number) =>
    `<a:ln w="${width}" cap="flat" cmpd="sng" algn="ctr"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:prstDash val="solid"/></a:ln>`;
  const font = (latin: string) => `<a:latin typeface="${latin}"/><a:ea typeface=""/><a:cs typeface=""/>`;
  return (
    `${XML_HEADER}<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office Theme">` +
    '<a:themeElements><a:clrScheme name="Office">' +
    '<a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1>' +
    colour("dk2", "1F497D") +
    colour("lt2", "EEECE1") +
    colour("accent1", "4F81BD") +
    colour("accent2", "C0504D") +
    colour("accent3", "9BBB59") +
    colour("accent4", "8064A2") +
    colour("accent5", "4BACC6") +
    colour("accent6", "F79646") +
    colour("hlink", "0000FF") +
    colour("folHlink", "800080") +
    "</a:clrScheme>" +
    `<a:fontScheme name="Office"><a:majorFont>${font("Cambria")}</a:majorFont><a:minorFont>${font("Calibri")}</a:minorFont></a:fontScheme>` +
    '<a:fmtScheme name="Office">' +
    `<a:fillStyleLst>${fill()}${fill()}${fill()}</a:fillStyleLst>` +
    `<a:lnStyleLst>${line(9525)}${line(25400)}${line(38100)}</a:lnStyleLst>` +
    "<a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle>" +
    "<a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst>" +
    `<a:bgFillStyleLst>${fill()}${fill()}${fill()}</a:bgFillStyleLst>` +
    "</a:fmtScheme></a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>"
  );
}
