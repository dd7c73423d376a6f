/* eslint-disable no-undef */
// Builds the add-in: one shared-runtime page (taskpane.html) loading the functions and
// task-pane chunks (the ribbon tab's buttons call functions the task-pane chunk registers with
// Office.actions); the sample tables for "Try with sample data" as a chunk of their own, read
// from samples/portland-2013.xlsx at build time; functions.json generated from the JSDoc of
// every src/functions module holding a @customfunction (scripts/function-sources.js); manifest.xml
// copied with its URLs set for the build.
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const fs = require("fs");
const ExcelJS = require("exceljs");
const { toProductionManifest } = require("./scripts/manifest-url");
const { functionSources } = require("./scripts/function-sources");

// Where the production build is hosted; set COMPSTUDY_URL when building for deployment.
const urlProd = process.env.COMPSTUDY_URL || "https://compstudy.example.org/";

async function httpsOptions() {
  // Only the dev server needs certificates; builds and tests never do (TOOLCHAIN-NOTES 7).
  const devCerts = require("office-addin-dev-certs");
  const options = await devCerts.getHttpsServerOptions();
  return { ca: options.ca, key: options.key, cert: options.cert };
}

// The sample's as-of date (scripts/make-samples.ts SAMPLE_AS_OF): the pane sets it with the sample.
const SAMPLE_AS_OF = "2013-04-01";

/** A sample cell as the pane writes it: dates as yyyy-mm-dd text, formulas by their result. */
function sampleCell(value) {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("result" in value) return sampleCell(value.result);
    if ("richText" in value) return value.richText.map((part) => part.text).join("");
    if ("text" in value) return String(value.text);
    return null;
  }
  return value;
}

/**
 * Every sheet of the bundled sample as { sheet, table, rows }, written to a JSON module the pane
 * imports on demand ("compstudy-sample"). Built from the workbook, so the sheets the analyses
 * add to the sample (npm run samples) come along without a change here.
 */
async function sampleModule() {
  const file = path.resolve(__dirname, "samples", "portland-2013.xlsx");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const tables = [];
  workbook.eachSheet((sheet) => {
    const rows = [];
    sheet.eachRow({ includeEmpty: true }, (row, number) => {
      while (rows.length < number - 1) rows.push([]);
      const cells = [];
      for (let column = 1; column <= sheet.columnCount; column++) cells.push(sampleCell(row.getCell(column).value));
      rows.push(cells);
    });
    const table = sheet.name.replace(/[^A-Za-z0-9]+/g, "") || "Sample";
    // A note above the table (scripts/make-samples.ts: one cell, then a blank row) stays outside it.
    const filled = (row) => (row ?? []).some((cell) => cell !== null && cell !== "");
    const noted =
      rows.length > 2 && rows[0].filter((cell) => cell !== null && cell !== "").length === 1 && !filled(rows[1]);
    tables.push(
      noted
        ? {
            sheet: sheet.name,
            table,
            rows: rows.slice(2),
            note: String(rows[0].find((cell) => cell !== null && cell !== "")),
          }
        : { sheet: sheet.name, table, rows },
    );
  });
  const folder = path.resolve(__dirname, "node_modules", ".cache", "compstudy");
  fs.mkdirSync(folder, { recursive: true });
  const out = path.join(folder, "sample.json");
  fs.writeFileSync(out, JSON.stringify({ asOf: SAMPLE_AS_OF, tables }));
  return out;
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const serving = Boolean(env && env.WEBPACK_SERVE);
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      functions: "./src/functions/index.ts",
      taskpane: "./src/taskpane/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      // Chunks (the sample) load from beside the page: a fixed public path, so the runtime carries
      // no worker-only publicPath detection (importScripts), which the bundle test forbids.
      publicPath: "",
      // dist/node holds the headless build (tsc -p tsconfig.cli.json); keep it.
      clean: { keep: /^node\// },
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      alias: { "compstudy-sample$": await sampleModule() },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, configFile: "tsconfig.json" } },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: functionSources(),
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/support.html", to: "support.html" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (dev ? content : toProductionManifest(content, urlProd)),
          },
        ],
      }),
    ],
    devServer: serving
      ? {
          headers: { "Access-Control-Allow-Origin": "*" },
          server: { type: "https", options: await httpsOptions() },
          port: Number(process.env.npm_package_config_dev_server_port || 3000),
          static: { directory: path.resolve(__dirname, "dist") },
        }
      : undefined,
  };
};

// For the test of the sample (test/taskpane/sample.test.ts): the tables as the pane adds them.
module.exports.sampleModule = sampleModule;
