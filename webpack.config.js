/* eslint-disable no-undef */
// Builds the add-in: one shared-runtime page (taskpane.html) loading the functions and
// task-pane chunks (the ribbon button is declarative: ShowTaskpane needs no commands code); functions.json generated from the JSDoc of
// every src/functions module holding a @customfunction (scripts/function-sources.js); manifest.xml
// copied with its URLs set for the build.
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

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
      // dist/node holds the headless build (tsc -p tsconfig.cli.json); keep it.
      clean: { keep: /^node\// },
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
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
