// One `analyse` per fresh Node process, as `banli check` runs it (nothing compiled yet): this working tree against
// another git revision, processes alternating (A, B, A, B…), medians. The Grid is read before the clock starts.
// node bench/analyse-once.js REV [FILE] [ROUNDS]   (FILE: bench-output/ledger-100000.xlsx by default)
'use strict';
const path = require('path');
const { execFileSync } = require('child_process');
const { ROOT, buildRevision, median } = require('./rev');

const [rev, file = path.join(ROOT, 'bench-output/ledger-100000.xlsx'), rounds = '9'] = process.argv.slice(2);

if (process.env.BANLI_ONCE_LIB) {
  // The child: read the file with this tree's reader, then time one analyse of the given lib.
  const fs = require('fs');
  const { readWorkbookBuffer } = require(path.join(ROOT, 'lib/xlsx/read.js'));
  const core = require(path.join(process.env.BANLI_ONCE_LIB, 'core/index.js'));
  readWorkbookBuffer(fs.readFileSync(file), path.basename(file)).then((grids) => {
    const t = process.hrtime.bigint();
    core.analyse(grids, { asOf: '2021-07-19' });
    process.stdout.write(String(Number(process.hrtime.bigint() - t) / 1e6));
  });
} else {
  if (!rev) {
    console.error('usage: node bench/analyse-once.js REV [FILE] [ROUNDS]');
    process.exit(2);
  }
  const base = buildRevision(rev);
  const once = (lib) => Number(execFileSync(process.execPath, [__filename, rev, file], { env: { ...process.env, BANLI_ONCE_LIB: lib }, encoding: 'utf8' }));
  const ta = [];
  const tb = [];
  for (let i = 0; i < Number(rounds); i++) {
    ta.push(once(path.join(ROOT, 'lib')));
    tb.push(once(base.lib));
  }
  const ma = median(ta);
  const mb = median(tb);
  console.log(
    `analyse once per process on ${path.basename(file)}: this tree ${ma.toFixed(0)} ms, ${base.sha} ${mb.toFixed(0)} ms (medians of ${rounds} alternating processes): ${(mb / ma).toFixed(2)} × faster`,
  );
}
