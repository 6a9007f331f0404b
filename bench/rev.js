// Another git revision of the tree, built once into bench-output/rev-SHA/ (git archive + tsc), for A/B benchmarks.
'use strict';
const path = require('path');
const fs = require('fs');
const { execFileSync } = require('child_process');

const ROOT = path.join(__dirname, '..');

/** { sha, lib }: the revision's short hash and its compiled lib/ folder. */
function buildRevision(rev) {
  const sha = execFileSync('git', ['rev-parse', '--short', rev], { cwd: ROOT, encoding: 'utf8' }).trim();
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

module.exports = { ROOT, buildRevision, median };
