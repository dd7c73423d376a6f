// An in-memory Excel host for the browser test, injected with page.addInitScript before the
// page's own scripts run. The production bundle carries no test host: this file is test-only.
// It implements the slice of Office.js the task pane, its gateway and the exhibit writer use
// (ranges, tables, names, sheets, events, document settings, and what the exhibit writer's
// presentation queues: merges, row heights, charts with their titles and positions, the page
// layout and page breaks), records every write in
// window.__workbook, and lets the test slow it down (window.__excel.delay, ms per sync), hold it
// (window.__excel.hold(): every sync waits until window.__excel.release()), make a step fail
// (window.__excel.fail = "tables" | "read"), and change the workbook as a user would.
window.__installFakeExcel = function (options) {
  function colIndex(letters) {
    let n = 0;
    for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
    return n - 1;
  }
  function colName(index) {
    let name = "";
    for (let c = index + 1; c > 0; c = Math.floor((c - 1) / 26)) name = String.fromCharCode(65 + ((c - 1) % 26)) + name;
    return name;
  }
  function parse(address) {
    const bang = address.lastIndexOf("!");
    const cells = (bang < 0 ? address : address.slice(bang + 1)).replace(/\$/g, "");
    // Whole rows ("5:7").
    const rows = /^(\d+):(\d+)$/.exec(cells);
    if (rows) return { r0: Number(rows[1]) - 1, c0: 0, r1: Number(rows[2]) - 1, c1: 16383 };
    const m = /^([A-Z]+)(\d+)?(?::([A-Z]+)(\d+)?)?$/i.exec(cells);
    const r0 = m[2] ? Number(m[2]) - 1 : 0;
    const c0 = colIndex(m[1]);
    const c1 = m[3] ? colIndex(m[3]) : c0;
    const r1 = m[4] ? Number(m[4]) - 1 : m[2] ? r0 : 1048575;
    return { r0, c0, r1, c1 };
  }
  const control = { delay: 0, fail: null, readDelay: 0, held: null, waiting: 0 };
  // A held host: syncs wait (and are counted) until released — a test waits on that state, not on time.
  control.hold = () => {
    if (!control.held) {
      let release;
      const gate = new Promise((resolve) => (release = resolve));
      control.held = { gate, release };
    }
  };
  // Reads held: a sync that reads values waits until releaseReads() (the pane shows "Reading…").
  control.holdReads = () => {
    let release;
    const gate = new Promise((resolve) => (release = resolve));
    control.readsHeld = { gate, release };
  };
  control.releaseReads = () => {
    const held = control.readsHeld;
    control.readsHeld = null;
    if (held) held.release();
  };
  control.release = () => {
    const held = control.held;
    control.held = null;
    if (held) held.release();
  };
  window.__excel = control;
  const workbook = {
    sheets: {},
    order: [],
    tables: [],
    charts: [],
    // Workbook names: the test's (e.g. COMP_AS_OF, as the sample carries it), then the rules sheet's.
    names: (options.names || []).map((item) => ({ visible: true, ...item })),
    active: null,
    selection: null,
    syncs: 0,
    settings: options.settings || {},
  };
  window.__workbook = workbook;
  const handlers = { sheetAdded: [], sheetDeleted: [], tableAdded: [], tableDeleted: [], changed: [] };
  const fire = (list, event) => list.forEach((handler) => Promise.resolve().then(() => handler(event)));
  function addSheet(name, grid) {
    if (workbook.sheets[name]) throw new Error("A sheet named " + name + " exists");
    workbook.sheets[name] = {
      name,
      cells: {},
      formats: {},
      formulas: {},
      frozen: 0,
      names: [],
      merges: [],
      rowHeights: {},
      print: {},
      breaks: [],
    };
    workbook.order.push(name);
    (grid || []).forEach((row, r) => row.forEach((value, c) => (workbook.sheets[name].cells[r + "," + c] = value)));
    return sheetObject(name);
  }
  function usedAddress(name) {
    const keys = Object.keys(workbook.sheets[name].cells).filter((key) => workbook.sheets[name].cells[key] !== "");
    if (keys.length === 0) return null;
    let maxR = 0;
    let maxC = 0;
    for (const key of keys) {
      const [r, c] = key.split(",").map(Number);
      maxR = Math.max(maxR, r);
      maxC = Math.max(maxC, c);
    }
    return "'" + name + "'!A1:" + colName(maxC) + (maxR + 1);
  }
  function rangeObject(sheetName, address) {
    const a = parse(address);
    const sheet = () => workbook.sheets[sheetName];
    const grid = (source, fallback) => {
      const rows = [];
      for (let r = a.r0; r <= a.r1; r++) {
        const row = [];
        for (let c = a.c0; c <= a.c1; c++) {
          const key = r + "," + c;
          row.push(
            source[key] !== undefined ? source[key] : fallback && fallback[key] !== undefined ? fallback[key] : "",
          );
        }
        rows.push(row);
      }
      return rows;
    };
    // As Office.js: a null in the array leaves its cell (value, format) as it is.
    const each = (value, store) =>
      value.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v !== null) store[a.r0 + r + "," + (a.c0 + c)] = v;
        }),
      );
    const format = {
      font: {},
      autofitColumns() {},
      autofitRows() {},
      set rowHeight(points) {
        for (let r = a.r0; r <= a.r1; r++) sheet().rowHeights[r] = points;
      },
    };
    return {
      // A read of values waits at the next sync while reads are held.
      load(what) {
        if (String(what || "").includes("values")) control.readPending = true;
      },
      get address() {
        return "'" + sheetName + "'!" + colName(a.c0) + (a.r0 + 1) + ":" + colName(a.c1) + (a.r1 + 1);
      },
      get values() {
        if (control.fail === "read") throw new Error("GeneralException: the range could not be read");
        return grid(sheet().cells);
      },
      set values(value) {
        each(value, sheet().cells);
      },
      get formulas() {
        return grid(sheet().formulas, sheet().cells);
      },
      set formulas(value) {
        each(value, sheet().formulas);
        // A formula's value: what the test says COMP functions return (not computed here).
        value.forEach((row, r) => row.forEach((v, c) => (sheet().cells[a.r0 + r + "," + (a.c0 + c)] = v)));
      },
      set numberFormat(value) {
        each(value, sheet().formats);
      },
      get rowCount() {
        return a.r1 - a.r0 + 1;
      },
      get columnCount() {
        return a.c1 - a.c0 + 1;
      },
      // No row of the fake workbook is hidden (Office.js: false when none is, null when some are).
      rowHidden: false,
      format,
      // Neighbouring ranges (Write to row): the last row, a shifted copy, one row of it.
      getLastRow: () => rangeObject(sheetName, colName(a.c0) + (a.r1 + 1) + ":" + colName(a.c1) + (a.r1 + 1)),
      getOffsetRange: (rows, columns) =>
        rangeObject(
          sheetName,
          colName(a.c0 + columns) + (a.r0 + rows + 1) + ":" + colName(a.c1 + columns) + (a.r1 + rows + 1),
        ),
      getRow: (index) =>
        rangeObject(sheetName, colName(a.c0) + (a.r0 + index + 1) + ":" + colName(a.c1) + (a.r0 + index + 1)),
      select() {
        workbook.active = sheetName;
        workbook.selection = this.address.split("!")[1];
      },
      merge() {
        sheet().merges.push(colName(a.c0) + (a.r0 + 1) + ":" + colName(a.c1) + (a.r1 + 1));
      },
      isNullObject: false,
    };
  }
  function sheetObject(initial) {
    let name = initial;
    return {
      get name() {
        return name;
      },
      // Renaming keeps the sheet's cells, names and place.
      set name(next) {
        if (next === name) return;
        if (workbook.sheets[next]) throw new Error("A sheet named " + next + " exists");
        workbook.sheets[next] = workbook.sheets[name];
        workbook.sheets[next].name = next;
        delete workbook.sheets[name];
        workbook.order = workbook.order.map((n) => (n === name ? next : n));
        workbook.tables.forEach((t) => t.sheet === name && (t.sheet = next));
        workbook.charts.forEach((c) => c.sheet === name && (c.sheet = next));
        if (workbook.active === name) workbook.active = next;
        name = next;
      },
      get position() {
        return workbook.order.indexOf(name);
      },
      set position(index) {
        workbook.order = workbook.order.filter((n) => n !== name);
        workbook.order.splice(index, 0, name);
      },
      // Names scoped to the sheet (the pane's marker).
      get names() {
        const list = workbook.sheets[name].names;
        return {
          load() {},
          get items() {
            return list;
          },
          add: (item, formula) => {
            const value = String(formula).replace(/^="(.*)"$/, "$1");
            const named = { name: item, type: "String", value, formula, visible: true };
            list.push(named);
            return named;
          },
        };
      },
      load() {},
      getRange: (address) => rangeObject(name, address),
      getUsedRangeOrNullObject: () => {
        const address = usedAddress(name);
        return address ? rangeObject(name, address.split("!")[1]) : { isNullObject: true, load() {} };
      },
      getUsedRange: () => rangeObject(name, (usedAddress(name) || "'x'!A1").split("!")[1]),
      tables: {
        add: (address, headers) => {
          if (control.fail === "tables") throw new Error("InvalidArgument: the table overlaps another table");
          const table = { sheet: name, address, headers, name: "", style: "", showBandedRows: false };
          workbook.tables.push(table);
          return table;
        },
      },
      charts: {
        add: (type, source, seriesBy) => {
          const axis = () => ({ title: {} });
          const colours = [];
          const chart = {
            sheet: name,
            type,
            seriesBy,
            source: source.address.split("!")[1],
            title: { format: { font: {} } },
            format: { font: {} },
            legend: {},
            axes: { categoryAxis: axis(), valueAxis: axis() },
            colours,
            series: { getItemAt: (index) => ({ format: { fill: { setSolidColor: (c) => (colours[index] = c) } } }) },
            setPosition(from, to) {
              chart.position = from + ":" + to;
            },
          };
          workbook.charts.push(chart);
          return chart;
        },
      },
      get pageLayout() {
        const print = workbook.sheets[name].print;
        return {
          set orientation(value) {
            print.orientation = value;
          },
          set paperSize(value) {
            print.paperSize = value;
          },
          set zoom(value) {
            print.zoom = value;
          },
          setPrintArea: (area) => (print.area = area),
          setPrintTitleRows: (rows) => (print.titleRows = rows),
          setPrintTitleColumns: (columns) => (print.titleColumns = columns),
          headersFooters: { defaultForAllPages: print },
        };
      },
      horizontalPageBreaks: { add: (at) => workbook.sheets[name].breaks.push(at) },
      freezePanes: { freezeRows: (n) => (workbook.sheets[name].frozen = n) },
      activate: () => {
        workbook.active = name;
        workbook.selection = null;
      },
      delete: () => {
        delete workbook.sheets[name];
        workbook.order = workbook.order.filter((n) => n !== name);
        workbook.tables = workbook.tables.filter((t) => t.sheet !== name);
        workbook.charts = workbook.charts.filter((c) => c.sheet !== name);
      },
    };
  }
  for (const [name, grid] of Object.entries(options.sheets)) addSheet(name, grid);
  for (const table of options.tables || [])
    workbook.tables.push({ showBandedRows: true, style: "", headers: true, ...table });
  workbook.active = workbook.order[0] || null;
  const event = (list) => ({
    add: (handler) => {
      list.push(handler);
      return {
        context,
        remove: () => list.splice(list.indexOf(handler), 1),
      };
    },
  });
  const context = {
    workbook: {
      worksheets: {
        load() {},
        get items() {
          return workbook.order.map((name) => sheetObject(name));
        },
        add: (name) => addSheet(name),
        getItem: (name) => sheetObject(name),
        getItemOrNullObject: (name) => (workbook.sheets[name] ? sheetObject(name) : { isNullObject: true }),
        getActiveWorksheet: () => sheetObject(workbook.active),
        onAdded: event(handlers.sheetAdded),
        onDeleted: event(handlers.sheetDeleted),
        onChanged: event(handlers.changed),
      },
      tables: {
        load() {},
        get items() {
          return workbook.tables.map((t) => ({ name: t.name, getRange: () => rangeObject(t.sheet, t.address) }));
        },
        getItem: (name) => {
          const t = workbook.tables.find((table) => table.name === name);
          if (!t) throw new Error("ItemNotFound: no table " + name);
          return {
            name,
            getRange: () => rangeObject(t.sheet, t.address),
            rows: {
              // A table grows by one row at its end (the test checks the row below is empty first).
              add: () => {
                const a = parse(t.address);
                t.address = colName(a.c0) + (a.r0 + 1) + ":" + colName(a.c1) + (a.r1 + 2);
                const row = colName(a.c0) + (a.r1 + 2) + ":" + colName(a.c1) + (a.r1 + 2);
                return { getRange: () => rangeObject(t.sheet, row) };
              },
            },
          };
        },
        onAdded: event(handlers.tableAdded),
        onDeleted: event(handlers.tableDeleted),
      },
      names: {
        load() {},
        get items() {
          return workbook.names;
        },
        add: (name, range, comment) =>
          workbook.names.push({ name, type: "Range", value: "=" + range.address, visible: true, comment }),
        getItemOrNullObject: (name) => {
          const item = workbook.names.find((n) => n.name.toLowerCase() === name.toLowerCase());
          return item ? { ...item, load() {}, isNullObject: false } : { isNullObject: true, load() {} };
        },
        getItem: (name) => {
          const item = workbook.names.find((n) => n.name === name);
          const address = item.value.replace(/^=/, "");
          const bang = address.lastIndexOf("!");
          return {
            getRange: () => rangeObject(address.slice(0, bang).replace(/^'(.*)'$/, "$1"), address.slice(bang + 1)),
          };
        },
      },
      getSelectedRange: () => rangeObject(workbook.active, (workbook.selection || "A1:A1").split("!").pop()),
      getActiveCell: () => rangeObject(workbook.active, (workbook.selection || "A1").split("!").pop().split(":")[0]),
    },
    sync: async () => {
      workbook.syncs++;
      if (control.readPending && control.readsHeld) {
        control.waiting++;
        await control.readsHeld.gate;
        control.waiting--;
      }
      control.readPending = false;
      if (control.held) {
        control.waiting++;
        await control.held.gate;
        control.waiting--;
      }
      if (control.delay > 0) await new Promise((resolve) => setTimeout(resolve, control.delay));
    },
  };
  // What a user does in the workbook while the pane is open.
  control.addTable = (sheet, name, grid) => {
    addSheet(sheet, grid);
    const address = "A1:" + colName(grid[0].length - 1) + grid.length;
    workbook.tables.push({ sheet, address, headers: true, name, style: "", showBandedRows: true });
    fire(handlers.tableAdded, { type: "TableAdded" });
  };
  control.setCell = (sheet, row, column, value) => {
    workbook.sheets[sheet].cells[row + "," + column] = value;
    fire(handlers.changed, { worksheetId: sheet, address: colName(column) + (row + 1) });
  };
  control.select = (address) => {
    workbook.active = address.split("!")[0].replace(/^'(.*)'$/, "$1");
    workbook.selection = address.split("!")[1];
  };
  window.Excel = {
    run: async (first, second) => (typeof first === "function" ? first(context) : second(context)),
    ChartType: {
      barClustered: "BarClustered",
      barStacked: "BarStacked",
      barStacked100: "BarStacked100",
      stockHLC: "StockHLC",
    },
    ChartSeriesBy: { columns: "Columns" },
    ChartLegendPosition: { bottom: "Bottom" },
    PageOrientation: { landscape: "Landscape" },
    PaperType: { letter: "Letter" },
  };
  window.Office = {
    HostType: { Excel: "Excel" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    context: {
      officeTheme: { isDarkTheme: options.dark, bodyBackgroundColor: options.dark ? "#1f1f1f" : "#ffffff" },
      document: {
        settings: {
          get: (key) =>
            workbook.settings[key] === undefined ? null : JSON.parse(JSON.stringify(workbook.settings[key])),
          set: (key, value) => (workbook.settings[key] = JSON.parse(JSON.stringify(value))),
          saveAsync: (callback) => setTimeout(() => callback({ status: "succeeded" }), 0),
        },
      },
    },
    onReady: (callback) => Promise.resolve().then(() => callback({ host: "Excel", platform: "OfficeOnline" })),
    // The ribbon's ExecuteFunction buttons (shared runtime): the test calls window.__actions[name].
    actions: { associate: (name, action) => ((window.__actions = window.__actions || {})[name] = action) },
    addin: { showAsTaskpane: async () => (window.__shown = (window.__shown || 0) + 1) },
  };
  window.CustomFunctions = {
    associate() {},
    Error: class {
      constructor(code, message) {
        this.code = code;
        this.message = message;
      }
    },
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", invalidNumber: "#NUM!", divisionByZero: "#DIV/0!" },
  };
};
