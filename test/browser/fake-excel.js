// An in-memory Excel host for the browser test, injected with page.addInitScript before the
// page's own scripts run. The production bundle carries no test host: this file is test-only.
// It implements the slice of Office.js the task pane and the exhibit writer use, and records
// every write in window.__workbook so the test can assert what the pane did.
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
    const m = /^([A-Z]+)(\d+)?(?::([A-Z]+)(\d+)?)?$/i.exec(cells);
    const r0 = m[2] ? Number(m[2]) - 1 : 0;
    const c0 = colIndex(m[1]);
    const c1 = m[3] ? colIndex(m[3]) : c0;
    const r1 = m[4] ? Number(m[4]) - 1 : m[2] ? r0 : 1048575;
    return { r0, c0, r1, c1 };
  }
  const workbook = { sheets: {}, order: [], tables: [], charts: [], names: [], active: null, syncs: 0 };
  window.__workbook = workbook;
  function addSheet(name, grid) {
    if (workbook.sheets[name]) throw new Error("A sheet named " + name + " exists");
    workbook.sheets[name] = { name, cells: {}, formats: {}, frozen: 0 };
    workbook.order.push(name);
    (grid || []).forEach((row, r) => row.forEach((value, c) => (workbook.sheets[name].cells[r + "," + c] = value)));
    return sheetObject(name);
  }
  function usedAddress(name) {
    const keys = Object.keys(workbook.sheets[name].cells);
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
    const grid = (source) => {
      const rows = [];
      for (let r = a.r0; r <= a.r1; r++) {
        const row = [];
        for (let c = a.c0; c <= a.c1; c++) row.push(source[r + "," + c] === undefined ? "" : source[r + "," + c]);
        rows.push(row);
      }
      return rows;
    };
    const each = (value, store) =>
      value.forEach((row, r) => row.forEach((v, c) => (store[a.r0 + r + "," + (a.c0 + c)] = v)));
    const range = {
      load() {},
      get address() {
        return "'" + sheetName + "'!" + colName(a.c0) + (a.r0 + 1) + ":" + colName(a.c1) + (a.r1 + 1);
      },
      get values() {
        return grid(sheet().cells);
      },
      set values(value) {
        each(value, sheet().cells);
      },
      get formulas() {
        return grid(sheet().cells);
      },
      set formulas(value) {
        each(value, sheet().cells);
      },
      set numberFormat(value) {
        each(value, sheet().formats);
      },
      format: { font: {}, autofitColumns() {} },
      isNullObject: false,
    };
    return range;
  }
  function sheetObject(name) {
    return {
      name,
      getRange: (address) => rangeObject(name, address),
      getUsedRangeOrNullObject: () => {
        const address = usedAddress(name);
        return address ? rangeObject(name, address.split("!")[1]) : { isNullObject: true, load() {} };
      },
      getUsedRange: () => rangeObject(name, usedAddress(name).split("!")[1]),
      tables: {
        add: (address, headers) => {
          const table = { sheet: name, address, headers, name: "", style: "", showBandedRows: false };
          workbook.tables.push(table);
          return table;
        },
      },
      charts: {
        add: (type, source, seriesBy) => {
          const chart = { sheet: name, type, seriesBy, title: {}, legend: {}, setPosition() {} };
          workbook.charts.push(chart);
          return chart;
        },
      },
      freezePanes: { freezeRows: (n) => (workbook.sheets[name].frozen = n) },
      activate: () => (workbook.active = name),
      delete: () => {
        delete workbook.sheets[name];
        workbook.order = workbook.order.filter((n) => n !== name);
      },
    };
  }
  for (const [name, grid] of Object.entries(options.sheets)) addSheet(name, grid);
  workbook.active = workbook.order[0];
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
      },
      tables: {
        load() {},
        get items() {
          return workbook.tables.map((t) => ({ name: t.name, getRange: () => rangeObject(t.sheet, t.address) }));
        },
      },
      names: {
        load() {},
        get items() {
          return workbook.names;
        },
        add: (name, range, comment) =>
          workbook.names.push({ name, type: "Range", value: "=" + range.address, visible: true, comment }),
      },
      getSelectedRange: () => rangeObject(workbook.active, "A1:A1"),
      getActiveCell: () => rangeObject(workbook.active, "A1"),
    },
    sync: async () => {
      workbook.syncs++;
    },
  };
  window.Excel = {
    run: async (callback) => callback(context),
    ChartType: { barStacked100: "BarStacked100" },
    ChartSeriesBy: { columns: "Columns" },
    ChartLegendPosition: { bottom: "Bottom" },
  };
  window.Office = {
    HostType: { Excel: "Excel" },
    context: { officeTheme: { isDarkTheme: options.dark, bodyBackgroundColor: options.dark ? "#1f1f1f" : "#ffffff" } },
    onReady: (callback) => Promise.resolve().then(() => callback({ host: "Excel", platform: "OfficeOnline" })),
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
