// Builds the task pane. office.js is served by the add-in's own server from @microsoft/office-js
// (intranets have no internet); BANLI_OFFICE_CDN=1 switches to Microsoft's CDN for store-style deployments.
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const common = require('./webpack.common');

const OFFICE_DIST = path.dirname(require.resolve('@microsoft/office-js/dist/office.js'));
const useCdn = process.env.BANLI_OFFICE_CDN === '1';
const officeJsUrl = useCdn ? 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js' : 'office-js/office.js';
const port = Number(process.env.BANLI_PORT || 3000);

module.exports = (env, argv) => ({
  mode: argv.mode || 'development',
  devtool: argv.mode === 'production' ? false : 'source-map',
  entry: { taskpane: './src/taskpane/index.tsx' },
  output: { path: path.resolve(__dirname, 'dist'), filename: '[name].js', chunkFilename: '[name].[contenthash:8].js', clean: true },
  target: common.target,
  // Module builds are cached on disk (node_modules/.cache/webpack): the tests build the pane several times.
  cache: { type: 'filesystem', version: `${useCdn ? 'cdn' : 'local'}`, buildDependencies: { config: [__filename, require.resolve('./webpack.common.js')] } },
  resolve: common.resolve,
  module: { rules: common.moduleRules },
  plugins: [
    new HtmlWebpackPlugin({
      filename: 'taskpane.html',
      template: './src/taskpane/taskpane.html',
      chunks: ['taskpane'],
      templateParameters: { officeJsUrl, scriptSrc: useCdn ? "'self' https://appsforoffice.microsoft.com" : "'self'" },
    }),
    new CopyWebpackPlugin({
      patterns: [
        { from: 'assets', to: 'assets' },
        { from: 'src/taskpane/help.html', to: 'help.html' },
        { from: 'src/taskpane/legacy.js', to: 'legacy.js', info: { minimized: true } },
        { from: 'samples/ledger-2021.xlsx', to: 'samples/ledger-2021.xlsx' },
        ...(useCdn
          ? []
          : [
              {
                from: OFFICE_DIST,
                to: 'office-js',
                info: { minimized: true },
                globOptions: { ignore: ['**/*.debug.js', '**/*.d.ts', '**/office-vsdoc.js'] },
                filter: (p) => {
                  const rel = path.relative(OFFICE_DIST, p).split(path.sep);
                  if (rel.length === 1) return /^(office|excel|word|o15apptofilemappingtable|es6-promise)/i.test(rel[0]);
                  return ['zh-cn', 'en-us'].includes(rel[0].toLowerCase());
                },
              },
            ]),
      ],
    }),
  ],
  devServer: {
    port,
    // Only this machine: government data never leaves it, and nobody else should reach the dev server.
    host: 'localhost',
    headers: { 'Access-Control-Allow-Origin': '*' },
    static: [{ directory: OFFICE_DIST, publicPath: '/office-js' }],
    client: { overlay: false, webSocketURL: 'auto://0.0.0.0:0/ws' },
  },
  optimization: {
    splitChunks: { cacheGroups: { exceljs: { test: /[\\/]node_modules[\\/]exceljs[\\/]/, name: 'exceljs', chunks: 'async', enforce: true },
        jszip: { test: /[\\/]node_modules[\\/]jszip[\\/]/, name: 'jszip', chunks: 'async', enforce: true } } },
  },
  performance: { hints: false },
});
