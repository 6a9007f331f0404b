// One measurement in a fresh process: node bench/measure.js METHOD FILE → JSON {ms, maxRssMb}.
'use strict';
const fs = require('fs');
const [method, file] = process.argv.slice(2);

async function run() {
  const buf = fs.readFileSync(file);
  // Modules load before the clock starts: the comparison is of the work on the file.
  const ExcelJS = method === 'exceljs' ? require('exceljs') : null;
  const XLSX = method === 'sheetjs' ? require('xlsx') : null;
  const { readWorkbookBuffer } = method === 'banli' ? require('../lib/node/workbook.js') : {};
  const { analyse } = method === 'banli' ? require('../lib/core/index.js') : {};
  const t = process.hrtime.bigint();
  if (method === 'exceljs') {
    await new ExcelJS.Workbook().xlsx.load(buf, { ignoreNodes: ['dataValidations'] });
  } else if (method === 'sheetjs') {
    XLSX.read(buf, { type: 'buffer', cellDates: true });
  } else if (method === 'banli') {
    const a = analyse(await readWorkbookBuffer(buf, 'bench.xlsx'), { asOf: '2021-07-19' });
    if (a.totals.total <= 0) throw new Error('no items');
  } else throw new Error(`unknown method ${method}`);
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  process.stdout.write(JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
}
run().catch((e) => {
  process.stderr.write(String(e && e.stack || e));
  process.exit(1);
});
