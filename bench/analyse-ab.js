// `analyse` of this working tree against the same of another git revision, in one process on one Grid, interleaved
// (A, B, A, B… each after a garbage collection), medians: a speed-up that holds on a busy machine, where the time
// of either alone does not. The revision is built once into bench-output/rev-REV/ (git archive + tsc).
// node --expose-gc bench/analyse-ab.js REV [FILE] [ROUNDS]   (FILE: bench-output/ledger-100000.xlsx by default)
// See also bench/analyse-once.js: one analyse per fresh process, as the command line runs it.
'use strict';
const path = require('path');
const fs = require('fs');
const { ROOT, buildRevision, median } = require('./rev');

const [rev, file = path.join(ROOT, 'bench-output/ledger-100000.xlsx'), rounds = '11'] = process.argv.slice(2);
if (!rev) {
  console.error('usage: node --expose-gc bench/analyse-ab.js REV [FILE] [ROUNDS]   (BANLI_AB_WARM=1: no forced GC between rounds)');
  process.exit(2);
}
// A forced GC before each round steadies the timings but also drops V8's compiled code, so every round runs cold,
// as a command-line run does. BANLI_AB_WARM=1 leaves both compiled between rounds, as a pane checking again does.
const warm = process.env.BANLI_AB_WARM === '1';
const gc = warm ? () => undefined : global.gc || (() => undefined);

async function main() {
  const base = buildRevision(rev);
  const { readWorkbookBuffer } = require(path.join(ROOT, 'lib/xlsx/read.js'));
  const a = require(path.join(ROOT, 'lib/core/index.js'));
  const b = require(path.join(base.lib, 'core/index.js'));
  const grids = await readWorkbookBuffer(fs.readFileSync(file), path.basename(file));
  const options = { asOf: '2021-07-19' };
  const time = (f) => {
    gc();
    const t = process.hrtime.bigint();
    f();
    return Number(process.hrtime.bigint() - t) / 1e6;
  };
  const ta = [];
  const tb = [];
  for (let i = 0; i < Number(rounds); i++) {
    ta.push(time(() => a.analyse(grids, options)));
    tb.push(time(() => b.analyse(grids, options)));
  }
  const ma = median(ta);
  const mb = median(tb);
  console.log(
    `analyse on ${path.basename(file)}: this tree ${ma.toFixed(0)} ms, ${base.sha} ${mb.toFixed(0)} ms (medians of ${rounds} interleaved rounds, ${warm ? 'warm: compiled code kept between rounds' : 'cold: a forced GC before each round'}): ${(mb / ma).toFixed(2)} × faster`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
