// npm run bench: measures Banli against its floor and prints ratios. Not a test: nothing here asserts a time.
'use strict';
const path = require('path');
const fs = require('fs');
const os = require('os');
const ExcelJS = require('exceljs');
const { readWorkbookBuffer } = require('../lib/node/workbook.js');
const { analyse } = require('../lib/core/index.js');

const ROOT = path.join(__dirname, '..');

async function median(times, fn) {
  const ms = [];
  for (let i = 0; i < times; i++) {
    const t = process.hrtime.bigint();
    await fn();
    ms.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  ms.sort((a, b) => a - b);
  return ms[Math.floor(ms.length / 2)];
}

async function main() {
  const file = path.join(ROOT, 'samples/ledger-2021.xlsx');
  const buf = fs.readFileSync(file);
  const runs = Number(process.env.BANLI_BENCH_RUNS || 7);
  // Warm up both paths once so neither pays the module-loading cost.
  await new ExcelJS.Workbook().xlsx.load(buf, { ignoreNodes: ['dataValidations'] });
  analyse(await readWorkbookBuffer(buf, 'x.xlsx'), { asOf: '2021-07-19' });
  const floor = await median(runs, () => new ExcelJS.Workbook().xlsx.load(buf, { ignoreNodes: ['dataValidations'] }));
  const check = await median(runs, async () => analyse(await readWorkbookBuffer(buf, 'x.xlsx'), { asOf: '2021-07-19' }));
  const rows = [
    ['ledger', 'exceljs load (floor)', 'banli check', 'ratio'],
    [`sample, 1388 items`, `${floor.toFixed(0)} ms`, `${check.toFixed(0)} ms`, `${(check / floor).toFixed(2)} ×`],
  ];
  console.log(`Banli benchmark — ${os.cpus()[0].model}, ${os.cpus().length} cores, Node ${process.version}, median of ${runs}`);
  for (const r of rows) console.log(r.map((c, i) => String(c).padEnd(i === 0 ? 20 : 22)).join(''));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
