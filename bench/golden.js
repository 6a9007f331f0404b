// Behaviour guard for speed work: `banli check --json` (and its text report) on the sample, the LibreOffice fixture
// and generated ledgers of 10,000 and 100,000 items, saved once and compared after every change.
//   node bench/golden.js save     writes bench-output/golden/*.json (run on the code before changing it)
//   node bench/golden.js          compares against them; exit 1 and the first difference when anything changed
// BANLI_GOLDEN_SIZES=10000,100000 to vary the generated sizes. Needs `npm run build:cli` first.
'use strict';
const path = require('path');
const fs = require('fs');
const { spawnSync } = require('child_process');

const ROOT = path.join(__dirname, '..');
const OUT = path.join(ROOT, 'bench-output');
const DIR = path.join(OUT, 'golden');
const SIZES = (process.env.BANLI_GOLDEN_SIZES || '10000,100000').split(',').map(Number);

async function ledgers() {
  fs.mkdirSync(OUT, { recursive: true });
  const files = [
    ['sample', path.join(ROOT, 'samples/ledger-2021.xlsx')],
    ['libreoffice', path.join(ROOT, 'tests/fixtures/ledger-2021-libreoffice.xlsx')],
  ];
  for (const n of SIZES) {
    const file = path.join(OUT, `ledger-${n}.xlsx`);
    if (!fs.existsSync(file)) await require('../lib/node/sample/big.js').writeBigLedger(file, n);
    files.push([String(n), file]);
  }
  return files;
}

/** The runs compared for each ledger: JSON at two dates, and the text report. */
const RUNS = [
  ['json', ['check', '--json', '--as-of', '2021-07-19']],
  ['json-late', ['check', '--json', '--as-of', '2022-03-01']],
  ['text', ['check', '--as-of', '2021-07-19']],
];

function run(args) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/banli.js'), ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30 });
  return `exit ${r.status}\n--- stderr\n${r.stderr}\n--- stdout\n${r.stdout}`;
}

function firstDifference(a, b) {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at character ${i}:\n  saved: ${JSON.stringify(a.slice(Math.max(0, i - 80), i + 120))}\n  now:   ${JSON.stringify(b.slice(Math.max(0, i - 80), i + 120))}`;
}

async function main() {
  const save = process.argv[2] === 'save';
  fs.mkdirSync(DIR, { recursive: true });
  let failed = 0;
  for (const [name, file] of await ledgers()) {
    for (const [kind, args] of RUNS) {
      const out = run([...args, path.relative(ROOT, file)]);
      const saved = path.join(DIR, `${name}.${kind}.txt`);
      if (save) {
        fs.writeFileSync(saved, out);
        console.log(`saved ${path.relative(ROOT, saved)} (${out.length} chars)`);
      } else if (!fs.existsSync(saved)) {
        console.log(`MISSING ${path.relative(ROOT, saved)}: run node bench/golden.js save on the unchanged code first`);
        failed++;
      } else {
        const before = fs.readFileSync(saved, 'utf8');
        if (before === out) console.log(`same     ${name} ${kind}`);
        else {
          console.log(`DIFFERENT ${name} ${kind} ${firstDifference(before, out)}`);
          failed++;
        }
      }
    }
  }
  if (failed) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
