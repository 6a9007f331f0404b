// Builds the WPS add-in (WPS加载项) as an offline folder: dist-wps/banli_<version>/ with ribbon.xml, index.html,
// main.js, the <JsPlugin> manifest, the task pane and its chunks, plus dist-wps/jsplugins.xml for central
// deployment. Transpiled with the shared rules (webpack.common.js: swc, core-js by usage), node_modules included,
// but for the older Chromium that WPS embeds (WPS_TARGETS); src/wps/setup.ts adds, before anything else runs, what
// core-js does not (crypto.randomUUID, WeakRef) and, should a build lack them, the built-ins the pane calls.
const path = require('path');
const webpack = require('webpack');
const common = require('./webpack.common.js');
const fs = require('fs');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { version } = require('./package.json');

const NAME = 'banli';
const FOLDER = `${NAME}_${version}`;
const OUT = path.resolve(__dirname, 'dist-wps');
/** Where the add-in folder is served for central deployment (jsplugins.xml); set BANLI_WPS_URL for yours. */
const CENTRAL_URL = process.env.BANLI_WPS_URL || `file:///opt/banli/wps/${FOLDER}/`;

function xmlAttr(s) {
  return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}

/** Writes dist-wps/jsplugins.xml from the template, after the add-in folder is emitted. */
class CentralListPlugin {
  apply(compiler) {
    compiler.hooks.afterEmit.tap('CentralListPlugin', () => {
      const template = fs.readFileSync(path.join(__dirname, 'wps/jsplugins.xml'), 'utf8');
      const xml = template.replace(/\{\{NAME\}\}/g, NAME).replace(/\{\{VERSION\}\}/g, version).replace(/\{\{URL\}\}/g, xmlAttr(CENTRAL_URL));
      fs.writeFileSync(path.join(OUT, 'jsplugins.xml'), xml);
    });
  }
}

/** The engine floor for WPS: Chromium 64 (ES2018; the core's regular expressions use lookbehind). */
const WPS_TARGETS = ['chrome >= 64'];
const moduleRules = common.moduleRules.map((r) => ({ ...r, options: { ...r.options, sourceMaps: false, env: { ...r.options.env, targets: WPS_TARGETS } } }));
/** The sample ledger, inlined in a chunk of its own (src/browser/sample.wps.ts): no fetch from disk. */
const SAMPLE = path.join(__dirname, 'samples', 'ledger-2021.xlsx');

module.exports = (env, argv) => ({
  mode: argv.mode || 'production',
  devtool: false,
  target: `browserslist:${WPS_TARGETS.join(', ')}`,
  entry: { taskpane: ['./src/wps/setup.ts', './src/wps/index.tsx'] },
  output: { path: path.join(OUT, FOLDER), filename: '[name].js', chunkFilename: '[name].[contenthash:8].js', clean: true },
  resolve: { ...common.resolve, alias: { ...(common.resolve.alias || {}), 'banli-sample$': SAMPLE } },
  module: { rules: [{ test: (p) => p === SAMPLE, type: 'asset/inline' }, ...moduleRules] },
  plugins: [
    new webpack.NormalModuleReplacementPlugin(/^\.\/sample$/, './sample.wps'),
    new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './wps/taskpane.html', chunks: ['taskpane'], inject: 'body' }),
    new CopyWebpackPlugin({
      patterns: [
        // As written: WPS reads these itself (no minifying).
        { from: 'wps/ribbon.xml', to: 'ribbon.xml', info: { minimized: true } },
        { from: 'wps/index.html', to: 'index.html', info: { minimized: true } },
        { from: 'wps/main.js', to: 'main.js', info: { minimized: true } },
        { from: 'wps/manifest.xml', to: 'manifest.xml', info: { minimized: true } },
        { from: 'assets', to: 'assets' },
        { from: 'samples/ledger-2021.xlsx', to: 'samples/ledger-2021.xlsx' },
        // The installers next to the add-in folder, so dist-wps/ alone can be handed out.
        ...['install-wps.sh', 'uninstall-wps.sh', 'install-wps.ps1', 'install-wps.cmd'].map((f) => ({ from: `scripts/${f}`, to: `../${f}`, info: { minimized: true } })),
      ],
    }),
    new CentralListPlugin(),
  ],
  optimization: {
    splitChunks: common.splitChunks,
  },
  performance: { hints: false },
});
