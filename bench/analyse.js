// In-process: `analyse` (readLedger + checkLedger + totals + unit figures) on a Grid already read, against an
// in-process lower bound run in the same process: one pass over every cell of the same Grid, touching each value.
// Interleaved (each round runs both once, after a garbage collection), BANLI_BENCH_RUNS rounds (5 by default);
// prints JSON {items, cells, analyse: [ms…], lower: [ms…]}. Run with --expose-gc (bench/run.js does).
// node --expose-gc bench/analyse.js FILE [RUNS]
'use strict';
const fs = require('fs');
const path = require('path');

const ROOT = path.join(__dirname, '..');
const { readWorkbookBuffer } = require(path.join(ROOT, 'lib/xlsx/read.js'));
const { analyse } = require(path.join(ROOT, 'lib/core/index.js'));

const file = process.argv[2];
const RUNS = Number(process.argv[3] || process.env.BANLI_BENCH_RUNS || 5);
const gc = global.gc || (() => undefined);

/** The least any analysis must do: look at every cell once. Returns a figure so that nothing is optimised away. */
function touchEveryCell(grids) {
  let n = 0;
  for (const g of grids) {
    for (const row of g.values) {
      for (let i = 0; i < row.length; i++) {
        const v = row[i];
        if (typeof v === 'string') n += v.length;
        else if (typeof v === 'number') n += v > 0 ? 1 : 0;
        else if (v instanceof Date) n += v.getTime() > 0 ? 1 : 0;
        else if (v !== null && v !== undefined) n++;
      }
    }
  }
  return n;
}

function time(f) {
  gc();
  const t = process.hrtime.bigint();
  const out = f();
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, out };
}

async function main() {
  const grids = await readWorkbookBuffer(fs.readFileSync(file), path.basename(file));
  const options = { asOf: '2021-07-19' };
  const result = { items: 0, cells: 0, analyse: [], lower: [] };
  for (let round = 0; round < RUNS; round++) {
    const l = time(() => touchEveryCell(grids));
    const a = time(() => analyse(grids, options));
    result.lower.push(l.ms);
    result.analyse.push(a.ms);
    result.items = a.out.ledger.items.length;
  }
  result.cells = grids.reduce((n, g) => n + g.values.reduce((m, r) => m + r.length, 0), 0);
  process.stdout.write(JSON.stringify(result) + '\n');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
