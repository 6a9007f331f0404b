// Builds the task pane into dist/.
//
//   BANLI_OFFICE_JS=local (default)  office.js served by the add-in's own server (intranets have no internet): copied
//                                   into dist/office-js/ from an installed CDN snapshot (npm run office-js:update) or,
//                                   failing that, from the npm package @microsoft/office-js.
//   BANLI_OFFICE_JS=cdn             office.js from Microsoft's CDN (Microsoft's supported production path); the page's
//                                   Content-Security-Policy allows scripts only from this server and that origin.
//   BANLI_URL=https://host/path/    also writes dist/manifest.xml with every URL under that base (production).
//
// Transpilation (TypeScript and node_modules → EdgeHTML 18 / Safari 14 / Chromium 80) is in webpack.common.js.
const path = require('path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const common = require('./webpack.common');
const officeJs = require('./scripts/office-js-update');
const { productionManifest } = require('./scripts/manifest');
const pkg = require('./package.json');

const port = Number(process.env.BANLI_PORT || 3000);

function officeJsMode() {
  // BANLI_OFFICE_CDN=1 was the old switch; kept as an alias.
  const mode = (process.env.BANLI_OFFICE_JS || (process.env.BANLI_OFFICE_CDN === '1' ? 'cdn' : 'local')).toLowerCase();
  if (mode !== 'cdn' && mode !== 'local') throw new Error(`BANLI_OFFICE_JS 只能是 cdn 或 local，而不是「${mode}」。`);
  return mode;
}

module.exports = (env, argv) => {
  const production = argv.mode === 'production';
  const mode = officeJsMode();
  const source = officeJs.officeJsSource();
  const cdnOrigin = new URL(officeJs.CDN_URL).origin;
  const officeJsUrl = mode === 'cdn' ? officeJs.CDN_URL : 'office-js/office.js';
  // What the pane's 关于 line says about office.js (the running build is read from office.js itself).
  const officeJsInfo =
    mode === 'cdn'
      ? { mode, source: '微软 CDN' }
      : { mode, source: source.kind === 'npm' ? `npm 包 @microsoft/office-js ${require('@microsoft/office-js/package.json').version}（备用快照）` : 'CDN 快照（office-js/）', build: officeJs.officeJsBuild(source.dir) };
  const manifestBase = process.env.BANLI_URL;
  const manifestXml = manifestBase ? productionManifest(manifestBase) : null;

  return {
    mode: argv.mode || 'development',
    devtool: production ? false : 'source-map',
    entry: { taskpane: './src/taskpane/index.tsx' },
    output: { path: path.resolve(__dirname, 'dist'), filename: '[name].js', chunkFilename: '[name].[contenthash:8].js', clean: true },
    target: common.target,
    // Module builds are cached on disk (node_modules/.cache/webpack): the tests build the pane several times.
    cache: { type: 'filesystem', version: mode, buildDependencies: { config: [__filename, require.resolve('./webpack.common.js')] } },
    resolve: common.resolve,
    module: { rules: common.moduleRules },
    plugins: [
      new webpack.DefinePlugin({
        BANLI_VERSION: JSON.stringify(pkg.version),
        BANLI_OFFICE_JS: JSON.stringify(officeJsInfo),
      }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        templateParameters: {
          officeJsUrl,
          // office.js (CDN) loads its host file, strings and telemetry agent from the same origin and frames its error page.
          scriptSrc: mode === 'cdn' ? `'self' ${cdnOrigin}` : "'self'",
          otherSrc: mode === 'cdn' ? ` ${cdnOrigin}` : '',
        },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets' },
          { from: 'src/taskpane/help.html', to: 'help.html' },
          { from: 'src/taskpane/legacy.js', to: 'legacy.js', info: { minimized: true } },
          { from: 'samples/ledger-2021.xlsx', to: 'samples/ledger-2021.xlsx' },
          ...(mode === 'cdn'
            ? []
            : officeJs.filesToCopy(source.dir).map((rel) => ({ from: path.join(source.dir, rel), to: `office-js/${rel}`, info: { minimized: true } }))),
        ],
      }),
      ...(manifestXml
        ? [
            {
              apply(compiler) {
                compiler.hooks.thisCompilation.tap('BanliManifest', (compilation) => {
                  compilation.hooks.processAssets.tap({ name: 'BanliManifest', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
                    compilation.emitAsset('manifest.xml', new webpack.sources.RawSource(manifestXml));
                  });
                });
              },
            },
          ]
        : []),
    ],
    devServer: {
      port,
      // Only this machine: government data never leaves it, and nobody else should reach the dev server.
      host: 'localhost',
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: mode === 'cdn' ? [] : [{ directory: source.dir, publicPath: '/office-js' }],
      client: { overlay: false, webSocketURL: 'auto://0.0.0.0:0/ws' },
    },
    optimization: {
      splitChunks: common.splitChunks,
    },
    performance: { hints: false },
  };
};
