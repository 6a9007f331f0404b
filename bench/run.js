// npm run bench: whole processes, interleaved (each round runs every method once per size), medians and peak RSS:
//   banli check --json      the product
//   lower bound             bench/lower-bound.js: unzip (fflate) + tokenise (saxes), building nothing
//   exceljs load            the old read path, loading only
// at 1,388 (the sample), 10k, 50k, 100k and 200k items; plus a zip bomb (refusal time and memory) and the browser
// reader chunk's gzipped size; then, in-process at each size (bench/analyse.js), `analyse` on a Grid already read
// against one pass over the Grid's cells, beside the 0.67 s `analyse` took at 100k when issue #10 was filed. Not a test: nothing here asserts a time. BANLI_BENCH_SIZES, BANLI_BENCH_RUNS to vary.
'use strict';
const path = require('path');
const { median } = require('./rev');
const fs = require('fs');
const os = require('os');
const zlib = require('zlib');
const { execFileSync, spawnSync } = require('child_process');

const ROOT = path.join(__dirname, '..');
const OUT = path.join(ROOT, 'bench-output');
const SIZES = (process.env.BANLI_BENCH_SIZES || '1388,10000,50000,100000,200000').split(',').map(Number);
const RUNS = Number(process.env.BANLI_BENCH_RUNS || 5);

/** One whole process under /usr/bin/time: wall seconds and peak RSS (MB). */
function timed(args) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const line = r.stderr.trim().split('\n').pop();
  const [s, kb] = line.split(' ').map(Number);
  return { ms: s * 1000, mb: kb / 1024, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const METHODS = {
  check: (file) => [path.join(ROOT, 'bin/banli.js'), 'check', '--json', '--as-of', '2021-07-19', file],
  lower: (file) => [path.join(__dirname, 'lower-bound.js'), file],
  exceljs: (file) => [path.join(__dirname, 'exceljs-load.js'), file],
};

async function ledgerFile(n) {
  if (n === 1388) return path.join(ROOT, 'samples/ledger-2021.xlsx');
  const file = path.join(OUT, `ledger-${n}.xlsx`);
  if (!fs.existsSync(file)) await require('../lib/node/sample/big.js').writeBigLedger(file, n);
  return file;
}

/** A zip bomb: a ~3 MB package whose sheet inflates to 1.1 GB of rows, the sizes in its directory a lie. */
function zipBomb(file) {
  if (fs.existsSync(file)) return;
  const row = '<row><c><v>1</v></c></row>';
  const chunk = Buffer.from(row.repeat(40000));
  const z = zlib.deflateRawSync;
  const head = '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
  const stream = [Buffer.from(head)];
  let size = head.length;
  while (size < 1.1e9) {
    stream.push(chunk);
    size += chunk.length;
  }
  stream.push(Buffer.from('</sheetData></worksheet>'));
  // Deflate in one go from a repeated buffer list without holding 1.1 GB: a deflate stream, synchronously fed.
  const d = zlib.createDeflateRaw({ level: 9 });
  const out = [];
  d.on('data', (c) => out.push(c));
  return new Promise((resolve) => {
    d.on('end', () => {
      const data = Buffer.concat(out);
      const files = [
        ['[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'],
        ['_rels/.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'],
        ['xl/workbook.xml', '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>'],
        ['xl/_rels/workbook.xml.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'],
      ].map(([name, text]) => ({ name, data: z(Buffer.from(text)), size: Buffer.byteLength(text) }));
      files.push({ name: 'xl/worksheets/sheet1.xml', data, size: 1000 });
      const local = [];
      const central = [];
      let offset = 0;
      for (const f of files) {
        const name = Buffer.from(f.name);
        const h = Buffer.alloc(30);
        h.writeUInt32LE(0x04034b50, 0);
        h.writeUInt16LE(20, 4);
        h.writeUInt16LE(8, 8);
        h.writeUInt32LE(f.data.length, 18);
        h.writeUInt32LE(f.size, 22);
        h.writeUInt16LE(name.length, 26);
        local.push(h, name, f.data);
        const c = Buffer.alloc(46);
        c.writeUInt32LE(0x02014b50, 0);
        c.writeUInt16LE(20, 4);
        c.writeUInt16LE(20, 6);
        c.writeUInt16LE(8, 10);
        c.writeUInt32LE(f.data.length, 20);
        c.writeUInt32LE(f.size, 24);
        c.writeUInt16LE(name.length, 28);
        c.writeUInt32LE(offset, 42);
        central.push(c, name);
        offset += 30 + name.length + f.data.length;
      }
      const cd = Buffer.concat(central);
      const end = Buffer.alloc(22);
      end.writeUInt32LE(0x06054b50, 0);
      end.writeUInt16LE(files.length, 8);
      end.writeUInt16LE(files.length, 10);
      end.writeUInt32LE(cd.length, 12);
      end.writeUInt32LE(offset, 16);
      fs.writeFileSync(file, Buffer.concat([...local, cd, end]));
      resolve();
    });
    (function feed(i) {
      while (i < stream.length) {
        if (!d.write(stream[i++])) {
          d.once('drain', () => feed(i));
          return;
        }
      }
      d.end();
    })(0);
  });
}

/** The browser reader alone (src/xlsx/read.ts and what it imports), built by webpack for production, gzip -9. */
function readerChunk() {
  const dir = path.join(OUT, 'reader-chunk');
  const config = path.join(dir, 'webpack.config.js');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    config,
    `module.exports = { mode: 'production', target: 'webworker', entry: ${JSON.stringify(path.join(ROOT, 'src/xlsx/read.ts'))},
      output: { path: ${JSON.stringify(dir)}, filename: 'reader.js', library: { type: 'module' } }, experiments: { outputModule: true },
      resolve: { extensions: ['.ts', '.js'] },
      module: { rules: [{ test: /\\.ts$/, loader: 'ts-loader', options: { transpileOnly: true, configFile: ${JSON.stringify(path.join(ROOT, 'tsconfig.json'))} } }] } };`,
  );
  execFileSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--config', config], { cwd: ROOT, stdio: 'ignore' });
  const js = fs.readFileSync(path.join(dir, 'reader.js'));
  return { bytes: js.length, gzip: zlib.gzipSync(js, { level: 9 }).length };
}

/** When issue #10 was filed, `analyse` took 0.67 s at 100,000 items (readLedger 0.26 s, checkLedger 0.28 s, totals the rest). */
const ISSUE_ANALYSE_100K_MS = 670;

/** bench/analyse.js in a process of its own per size (only that Grid in its heap), its rounds interleaved inside. */
function analyseRuns(file) {
  const r = spawnSync(process.execPath, ['--expose-gc', path.join(__dirname, 'analyse.js'), file, String(RUNS)], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`analyse ${file}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

const ms = (x) => (x >= 1000 ? (x / 1000).toFixed(2) + ' s' : x >= 10 ? x.toFixed(0) + ' ms' : x.toFixed(1) + ' ms');
const fmt = (x) => `${x.ms >= 1000 ? (x.ms / 1000).toFixed(2) + ' s' : x.ms.toFixed(0) + ' ms'} / ${x.mb.toFixed(0)} MB`;

async function main() {
  const loadAtStart = os.loadavg()[0];
  fs.mkdirSync(OUT, { recursive: true });
  const files = [];
  for (const n of SIZES) files.push({ n, file: await ledgerFile(n) });
  const bomb = path.join(OUT, 'zip-bomb.xlsx');
  await zipBomb(bomb);
  const samples = new Map();
  for (let round = 0; round < RUNS; round++) {
    for (const { n, file } of files) {
      for (const [m, args] of Object.entries(METHODS)) {
        const r = timed(args(file));
        if (r.status !== 0 && !(m === 'check' && r.status === 1)) throw new Error(`${m} ${n}: ${r.stderr}`);
        const key = `${n}:${m}`;
        samples.set(key, [...(samples.get(key) || []), r]);
      }
    }
    const b = timed([path.join(ROOT, 'bin/banli.js'), 'check', '--json', bomb]);
    samples.set('bomb', [...(samples.get('bomb') || []), b]);
    process.stderr.write(`round ${round + 1}/${RUNS}\n`);
  }
  const stat = (key) => {
    const rs = samples.get(key);
    return { ms: median(rs.map((r) => r.ms)), mb: Math.max(...rs.map((r) => r.mb)) };
  };
  const cpu = os.cpus()[0].model.trim();
  const lines = [
    `Banli benchmark — ${cpu}, ${os.cpus().length} cores, Node ${process.version}, load ${loadAtStart.toFixed(1)} at the start, ${os.loadavg()[0].toFixed(1)} at the end of the whole-process rounds; ${RUNS} interleaved rounds, median wall time of the whole process / peak RSS`,
    '',
    '| items | file | `banli check --json` | lower bound (unzip + saxes) | exceljs load | check ÷ lower bound | same, paired | exceljs ÷ lower bound |',
    '|---|---|---|---|---|---|---|---|',
  ];
  // Paired: check ÷ lower bound within each round (the two ran one after the other), then the median of those
  // ratios: steadier than the ratio of the medians when the machine's load drifts during the run.
  const paired = (n, m) => median(samples.get(`${n}:${m}`).map((r, i) => r.ms / samples.get(`${n}:lower`)[i].ms));
  for (const { n, file } of files) {
    const c = stat(`${n}:check`);
    const l = stat(`${n}:lower`);
    const e = stat(`${n}:exceljs`);
    lines.push(
      `| ${n.toLocaleString('en')} | ${(fs.statSync(file).size / 1e6).toFixed(1)} MB | ${fmt(c)} | ${fmt(l)} | ${fmt(e)} | ${(c.ms / l.ms).toFixed(2)} × | ${paired(n, 'check').toFixed(2)} × | ${(e.ms / l.ms).toFixed(2)} × |`,
    );
  }
  const b = stat('bomb');
  const bombJson = JSON.parse(samples.get('bomb')[0].stdout || '{}');
  const code = bombJson.files?.[0]?.error?.code ?? '?';
  lines.push('', `Zip bomb (${(fs.statSync(bomb).size / 1e6).toFixed(1)} MB file, sheet inflating to 1.1 GB, sizes in its directory a lie): refused as "${code}" in ${fmt(b)}.`);
  const chunk = readerChunk();
  lines.push(`Browser reader (src/xlsx/read.ts with fflate and saxes, webpack production): ${(chunk.bytes / 1024).toFixed(1)} KB, ${(chunk.gzip / 1024).toFixed(1)} KB gzipped.`);
  // In-process analyse, after the whole-process rounds (never alongside them).
  lines.push(
    '',
    `In-process \`analyse\` (readLedger + checkLedger + totals + unit figures) on a Grid already read, against one pass over every cell of the same Grid in the same process; ${RUNS} interleaved rounds, medians:`,
    '',
    '| items | cells | `analyse` | lower bound (one pass over the cells) | analyse ÷ lower bound |',
    '|---|---|---|---|---|',
  );
  let at100k = null;
  for (const { n, file } of files) {
    const a = analyseRuns(file);
    const am = median(a.analyse);
    const lm = median(a.lower);
    if (n === 100000) at100k = am;
    lines.push(`| ${n.toLocaleString('en')} | ${a.cells.toLocaleString('en')} | ${ms(am)} | ${ms(lm)} | ${(am / lm).toFixed(1)} × |`);
  }
  if (at100k !== null) {
    lines.push(
      '',
      `\`analyse\` at 100,000 items: ${ms(at100k)}, against ${ms(ISSUE_ANALYSE_100K_MS)} when issue #10 was filed: ${(ISSUE_ANALYSE_100K_MS / at100k).toFixed(1)} × faster (the issue's goal: 5 ×).`,
    );
  }
  console.log(lines.join('\n'));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
