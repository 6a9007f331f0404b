// `analyse` of this working tree against the same of another git revision, in one process on one Grid, interleaved
// (A, B, A, B… each after a garbage collection), medians: a speed-up that holds on a busy machine, where the time
// of either alone does not. The revision is built once into bench-output/rev-REV/ (git archive + tsc).
// node --expose-gc bench/analyse-ab.js REV [FILE] [ROUNDS]   (FILE: bench-output/ledger-100000.xlsx by default)
'use strict';
const path = require('path');
const fs = require('fs');
const { execFileSync } = require('child_process');

const ROOT = path.join(__dirname, '..');
const [rev, file = path.join(ROOT, 'bench-output/ledger-100000.xlsx'), rounds = '11'] = process.argv.slice(2);
if (!rev) {
  console.error('usage: node --expose-gc bench/analyse-ab.js REV [FILE] [ROUNDS]');
  process.exit(2);
}
const gc = global.gc || (() => undefined);

function build(r) {
  const sha = execFileSync('git', ['rev-parse', '--short', r], { cwd: ROOT, encoding: 'utf8' }).trim();
  const dir = path.join(ROOT, 'bench-output', `rev-${sha}`);
  if (!fs.existsSync(path.join(dir, 'lib/core/index.js'))) {
    fs.mkdirSync(dir, { recursive: true });
    const tar = execFileSync('git', ['archive', sha, 'src', 'tsconfig.json', 'tsconfig.cli.json', 'package.json'], { cwd: ROOT, maxBuffer: 1 << 28 });
    execFileSync('tar', ['-x', '-C', dir], { input: tar });
    if (!fs.existsSync(path.join(dir, 'node_modules'))) fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.cli.json'], { cwd: dir, stdio: 'inherit' });
  }
  return { sha, lib: path.join(dir, 'lib') };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

async function main() {
  const base = build(rev);
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
    `analyse on ${path.basename(file)}: this tree ${ma.toFixed(0)} ms, ${base.sha} ${mb.toFixed(0)} ms (medians of ${rounds} interleaved rounds): ${(mb / ma).toFixed(2)} × faster`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
