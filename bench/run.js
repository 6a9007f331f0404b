// npm run bench: Banli's check against its floor (exceljs merely loading the file) and against SheetJS merely
// loading it, at 1,388, 20,000 and 100,000 items; each measurement in a fresh process (time and peak memory).
// Printed as ratios. Not a test: nothing here asserts a time.
'use strict';
const path = require('path');
const fs = require('fs');
const os = require('os');
const { execFileSync } = require('child_process');
const { writeBigLedger } = require('../lib/node/sample/big.js');

const ROOT = path.join(__dirname, '..');
const OUT = path.join(ROOT, 'bench-output');
const SIZES = (process.env.BANLI_BENCH_SIZES || '1388,20000,100000').split(',').map(Number);

function measure(method, file) {
  const out = execFileSync(process.execPath, [path.join(__dirname, 'measure.js'), method, file], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out);
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function bundleSizes() {
  const dist = path.join(ROOT, 'dist');
  if (!fs.existsSync(dist)) return null;
  const js = fs.readdirSync(dist).filter((f) => f.endsWith('.js'));
  const LABELS = [
    [/^taskpane\.js$/, 'the pane, loaded in Excel, Word and the browser'],
    [/^exceljs\./, 'exceljs: only when a ledger file is opened (standalone page, Word pane); never in the Excel pane'],
    [/^standalone-files\./, 'file reading and downloads (standalone page, Word pane)'],
    [/^jszip\./, 'JSZip: annotated copies, .docx downloads, whole-document insert in Word'],
    [/^docx\./, '.docx packaging'],
    [/^legacy\.js$/, 'ES5 notice for old IE11-engine hosts'],
  ];
  const label = (f) => (LABELS.find(([re]) => re.test(f)) || [null, 'other chunk'])[1];
  return js.map((f) => [`${f} — ${label(f)}`, fs.statSync(path.join(dist, f)).size]);
}

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  execFileSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production'], { cwd: ROOT, stdio: 'ignore' });
  const rows = [];
  for (const n of SIZES) {
    const file = n === 1388 ? path.join(ROOT, 'samples/ledger-2021.xlsx') : path.join(OUT, `ledger-${n}.xlsx`);
    if (!fs.existsSync(file)) await writeBigLedger(file, n);
    const runs = n >= 100000 ? 3 : 5;
    const result = {};
    for (const m of ['exceljs', 'sheetjs', 'banli']) {
      const r = Array.from({ length: runs }, () => measure(m, file));
      result[m] = { ms: median(r.map((x) => x.ms)), mb: Math.max(...r.map((x) => x.maxRssMb)) };
    }
    rows.push({ n, size: fs.statSync(file).size, ...result });
    process.stderr.write(`measured ${n} items\n`);
  }
  const cpu = os.cpus()[0].model.trim();
  const lines = [
    `Banli benchmark — ${cpu}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; median time, peak RSS`,
    '',
    '| items | file | exceljs load (floor) | SheetJS load | banli check | check / floor | SheetJS / floor |',
    '|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.n.toLocaleString('en')} | ${(r.size / 1e6).toFixed(1)} MB | ${fmt(r.exceljs)} | ${fmt(r.sheetjs)} | ${fmt(r.banli)} | ` +
        `${(r.banli.ms / r.exceljs.ms).toFixed(2)} × | ${(r.sheetjs.ms / r.exceljs.ms).toFixed(2)} × |`,
    ),
  ];
  const bundles = bundleSizes();
  if (bundles) {
    lines.push('', 'Task pane bundles (dist/, production build):', ...bundles.map(([f, b]) => `- ${f}: ${(b / 1024).toFixed(0)} KiB`));
  }
  console.log(lines.join('\n'));
}

function fmt(x) {
  return `${x.ms >= 1000 ? (x.ms / 1000).toFixed(2) + ' s' : x.ms.toFixed(0) + ' ms'}, ${x.mb.toFixed(0)} MB`;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
