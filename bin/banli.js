#!/usr/bin/env node
'use strict';
let cli;
try {
  // One file (esbuild, npm run build:cli): Node loads it in about half the time of tsc's tree of modules.
  cli = require('../lib/node/cli.bundle.js');
} catch {
  process.stderr.write('banli：程序还没有编译。请先运行 npm install（或 npm run build:cli）。\n');
  process.exit(2);
}
cli.main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`banli：${String((e && e.message) || e)}\n`);
    process.exitCode = 2;
  },
);
