// The CLI's start-up path as one file each (npm run build:cli, after tsc): lib/node/cli.bundle.js, which bin/banli.js
// loads, and lib/node/worker.bundle.js for the batch's worker threads. Requiring one file instead of some sixty halves
// the time Node spends loading Banli (about 45 ms to about 20). The bundles sit beside tsc's lib/node/*.js so that
// __dirname-relative paths (samples/, schema/, package.json) resolve as they do there; source maps beside them
// (node --enable-source-maps bin/banli.js … for stack traces into src/). JSZip and exceljs stay outside: only the
// commands that write a workbook or a circular load them, when they do. worker_threads too is loaded only by a batch
// that runs workers (src/node/batch.ts).
'use strict';
const path = require('path');
const esbuild = require('esbuild');

esbuild.buildSync({
  absWorkingDir: __dirname,
  entryPoints: { 'cli.bundle': 'src/node/cli.ts', 'worker.bundle': 'src/node/worker.ts' },
  outdir: path.join(__dirname, 'lib/node'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  external: ['jszip', 'exceljs'],
  // fflate's build for Node loads worker_threads at start-up for its asynchronous functions, which Banli does not
  // use (it inflates synchronously, as in the browser); the browser build is the same code without that.
  alias: { fflate: './node_modules/fflate/esm/browser.js' },
  logLevel: 'warning',
});
