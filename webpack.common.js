// Shared by every webpack build of the pane (webpack.config.js and the other single-purpose configs): how source and
// node_modules are transpiled for the oldest engine Office still runs panes in.
//
// Targets (package.json "browserslist"): EdgeHTML 18 (Office 2016/2019 retail on Windows without WebView2),
// Safari 14 (WKWebView on older Macs), Chromium 80 (the first WebView2 builds). Everything — our TypeScript AND the
// packages in node_modules (Fluent UI's tabster ships class static blocks and `??=`) — goes through swc with those
// targets; core-js polyfills are added where a module actually uses a missing built-in (`mode: 'usage'`).
// tests/build/syntax.test.ts parses every emitted script with acorn at ECMA_VERSION.
'use strict';
const path = require('path');

const pkg = require('./package.json');
const coreJsVersion = require('core-js/package.json').version.split('.').slice(0, 2).join('.');

/** The engines the bundle must run on (also read by eslint-plugin-compat and by webpack's `target`). */
const browserslist = pkg.browserslist;
/** What EdgeHTML 18 parses: ES2017 (no object spread, no optional catch binding, no `?.`/`??`, no static blocks). */
const ECMA_VERSION = 2017;

function swcOptions(syntax) {
  return {
    // node_modules hold both CommonJS and ES modules: let swc tell which, so injected imports match the file.
    isModule: syntax === 'typescript' ? true : 'unknown',
    jsc: {
      parser: syntax === 'typescript' ? { syntax: 'typescript', tsx: true } : { syntax: 'ecmascript', jsx: false },
      transform: syntax === 'typescript' ? { react: { runtime: 'automatic' } } : undefined,
      // One shared copy of each helper (object spread, class fields…) instead of one per module.
      externalHelpers: true,
      loose: false,
    },
    env: { targets: browserslist, mode: 'usage', coreJs: coreJsVersion },
    sourceMaps: true,
  };
}

// Not transpiled: core-js and swc's helpers themselves (polyfilling the polyfills would make import cycles),
// and webpack's own runtime modules.
const NOT_TRANSPILED = /[\\/]node_modules[\\/](core-js|core-js-pure|@swc[\\/]helpers|webpack|css-loader|style-loader)[\\/]/;

const moduleRules = [
  { test: /\.tsx?$/, exclude: /node_modules/, loader: require.resolve('swc-loader'), options: swcOptions('typescript') },
  {
    test: /\.[cm]?js$/,
    include: /[\\/]node_modules[\\/]/,
    exclude: NOT_TRANSPILED,
    loader: require.resolve('swc-loader'),
    options: swcOptions('ecmascript'),
    // Some packages' ESM files import without extensions.
    resolve: { fullySpecified: false },
  },
];

const resolve = { extensions: ['.ts', '.tsx', '.js'] };

/** webpack `target`: the runtime webpack writes itself (chunk loading etc.) must also suit the oldest engine. */
const target = `browserslist:${browserslist.join(', ')}`;

/**
 * The libraries only the file side loads, each in its own async chunk: jszip for the downloads, and exceljs named so
 * a test can see it is never requested (Banli reads with its own reader; exceljs only writes the sample, in Node).
 */
const splitChunks = {
  cacheGroups: {
    exceljs: { test: /[\\/]node_modules[\\/]exceljs[\\/]/, name: 'exceljs', chunks: 'async', enforce: true },
    jszip: { test: /[\\/]node_modules[\\/]jszip[\\/]/, name: 'jszip', chunks: 'async', enforce: true },
  },
};

module.exports = { browserslist, ECMA_VERSION, moduleRules, resolve, splitChunks, target, swcOptions, root: path.resolve(__dirname) };
