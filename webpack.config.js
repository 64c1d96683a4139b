const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { OfflineBuildPlugin } = require("./scripts/offline-build-plugin");

const DEV_PORT = Number(process.env.npm_package_config_dev_server_port) || 3000;
const OFFICE_JS_DIR = path.join(path.dirname(require.resolve("@microsoft/office-js/package.json")), "dist");

/**
 * The part of the office.js distribution an Excel task pane loads, served from the add-in's own
 * origin so that it works without internet. office.js picks the rest at run time:
 * - the host file `excel-<platform>-<version>.js`, with the version clamped to its table
 *   (web 16.00, mac 16.00, win32 16.01); a Windows build that reports a lower version
 *   (16.00) keeps it, so both Windows files are needed;
 * - `o15apptofilemappingtable.js` when the page has no host information, which is the case in
 *   a plain browser: without it Office.onReady never resolves there;
 * - `<locale>/office_strings.js` for the Office UI language, falling back to en-us when that
 *   folder is missing.
 * Telemetry scripts (oteljs_agave, aria) are optional and left out; their absence only turns
 * telemetry off. iOS/Android host files are left out: the manifest targets desktop and web.
 */
const OFFICE_JS_FILES = [
  "office.js",
  "o15apptofilemappingtable.js",
  "excel-web-16.00.js",
  "excel-win32-16.01.js",
  "excel-win32-16.00.js",
  "excel-mac-16.00.js",
  "vi-vn/office_strings.js",
  "en-us/office_strings.js",
];

/**
 * Dev-certificate options for `webpack serve` only. office-addin-dev-certs is an optional
 * dependency (it may be missing on Linux), so it is required here, lazily, and its absence or
 * failure gives a plain message and an http server instead of a crash.
 */
async function devServerHttps() {
  let devCerts;
  try {
    devCerts = require("office-addin-dev-certs");
  } catch {
    console.warn(
      "\n[phuluc] office-addin-dev-certs is not installed (it is an optional dependency).\n" +
        "[phuluc] Serving over plain http: fine for a browser preview, but Office needs https.\n" +
        "[phuluc] To sideload into Office: npm install --include=optional, then npx office-addin-dev-certs install.\n",
    );
    return undefined;
  }
  try {
    return await devCerts.getHttpsOptions();
  } catch (error) {
    console.warn(
      `\n[phuluc] Could not get the development certificate: ${error && error.message ? error.message : error}\n` +
        "[phuluc] Serving over plain http. Run npx office-addin-dev-certs install, then restart the dev server.\n",
    );
    return undefined;
  }
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  // Only `webpack serve` sets WEBPACK_SERVE; a build never looks for certificates.
  const https = env && env.WEBPACK_SERVE ? await devServerHttps() : undefined;

  return {
    mode: dev ? "development" : "production",
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      // The standalone page's offline cache; it must keep one name at the root of the site.
      sw: "./src/offline/service-worker.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      // Content hashes in production: a browser cache (or the offline cache) can never hand out a
      // stale script under a current name. The development server reloads by itself.
      filename: (data) => (data.chunk && data.chunk.name === "sw" ? "sw.js" : dev ? "[name].js" : "[name].[contenthash:8].js"),
      chunkFilename: dev ? "[name].js" : "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".mjs"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              // Type errors are the job of `tsc --noEmit`; the bundle only needs the JavaScript.
              transpileOnly: true,
              // tsconfig.json stays commonjs for jest and tsc; ES modules let webpack tree-shake.
              compilerOptions: { module: "es2020", moduleResolution: "bundler" },
            },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      // The same page under the name a plain web server serves for a folder, for the standalone page.
      new HtmlWebpackPlugin({
        filename: "index.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "manifest.xml", to: "manifest.xml" },
          ...OFFICE_JS_FILES.map((file) => ({
            from: path.join(OFFICE_JS_DIR, file),
            to: `office-js/${file}`,
            // Microsoft ships these minified; running Terser over 4 MB again only costs build time.
            info: { minimized: true },
          })),
        ],
      }),
      new OfflineBuildPlugin(),
    ],
    optimization: {
      // One lazily loaded file for the spreadsheet reader, named after it, instead of a vendor split.
      splitChunks: {
        cacheGroups: {
          defaultVendors: false,
          default: false,
          // The general workbook library (0.9 MB) is loaded by two lazy parts of the standalone page
          // (corrected copies, and rewriting an earlier summary): one shared file, not a copy in each.
          exceljs: { test: /[\\/]node_modules[\\/]exceljs[\\/]/, name: "exceljs", chunks: "async", enforce: true },
        },
      },
    },
    performance: {
      hints: dev ? false : "warning",
      // React and Fluent UI make the task pane about 0.6 MB and the lazily loaded spreadsheet reader
      // 0.35 MB; a warning past 1.5 MB catches a library pulled in whole by mistake.
      maxEntrypointSize: 1.5 * 1024 * 1024,
      maxAssetSize: 1.5 * 1024 * 1024,
      assetFilter: (file) => file.endsWith(".js") && !file.startsWith("office-js/"),
    },
    devServer: {
      hot: true,
      port: DEV_PORT,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: https ? { type: "https", options: https } : { type: "http" },
      static: false,
    },
  };
};
