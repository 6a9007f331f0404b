/**
 * Outputs never replace inputs; every file is written atomically; system errors are said in Chinese with the path.
 * Each case gets its own temporary folder; each refused command leaves the ledger's sha256 unchanged.
 */
import { spawn, spawnSync } from 'child_process';
import { promises as fs } from 'fs';
import * as path from 'path';
import { runCli } from '../helpers/cli';
import { setBeforeRenameHook } from '../../src/node/safeWrite';
import { systemMessage } from '../../src/node/errors';
import { sha256, smallLedger } from '../helpers/hostile';
import { tempDir } from '../helpers/xlsx';

const ROOT = path.join(__dirname, '../..');
const BIN = path.join(ROOT, 'bin/banli.js');
const LIB = path.join(ROOT, 'lib/node');

const run = runCli;

/** A fresh folder holding 台账.xlsx (and 郊区台账.xlsx). */
async function fresh(): Promise<{ dir: string; ledger: string; other: string; before: string; otherBefore: string }> {
  const dir = await tempDir('banli-out-');
  const ledger = await smallLedger(path.join(dir, '台账.xlsx'));
  const other = await smallLedger(path.join(dir, '郊区台账.xlsx'));
  return { dir, ledger, other, before: await sha256(ledger), otherBefore: await sha256(other) };
}

/**
 * A refusal: exit 2, a Chinese message on stderr naming the file, no system code; on stdout nothing, or with --json
 * the JSON document saying no file was checked and why.
 */
function expectRefused(r: { code: number; out: string; err: string }, message: RegExp) {
  expect(r.code).toBe(2);
  expect(r.err).toMatch(message);
  // No system code (EEXIST, EACCES …) and no stack; paths left out (a temporary folder may be called banli-out-EFEUTE).
  expect(r.err.replace(/\/[^\s“”]*/g, '')).not.toMatch(/\bE[A-Z]{3,}\b|\n\s+at /);
  if (r.out) expect(JSON.parse(r.out)).toEqual({ asOf: null, files: [], skipped: [], error: { code: expect.any(String), message: expect.stringMatching(message) } });
}

afterEach(() => setBeforeRenameHook(null));

describe('an output that would replace an input is refused before any work', () => {
  test('banli report 台账.xlsx -o 台账.xlsx', async () => {
    const f = await fresh();
    expectRefused(await run('report', '--as-of', '2021-07-19', f.ledger, '-o', f.ledger), /台账\.xlsx/);
    expect(await sha256(f.ledger)).toBe(f.before);
  });

  test('report -o with a workbook name (another ledger, or a new one): refused, .docx asked for', async () => {
    const f = await fresh();
    const r = await run('report', '--as-of', '2021-07-19', f.ledger, '-o', f.other);
    expectRefused(r, /-o 要写出通报（\.docx 文件）/);
    expect(await sha256(f.other)).toBe(f.otherBefore);
    expectRefused(await run('report', f.ledger, '-o', path.join(f.dir, 'new.xlsx')), /\.docx/);
    await expect(fs.stat(path.join(f.dir, 'new.xlsx'))).rejects.toThrow();
  });

  test('check --html 城区台账.xlsx 郊区台账.xlsx (the report name forgotten): refused, neither file touched', async () => {
    const f = await fresh();
    const r = await run('check', '--as-of', '2021-07-19', '--html', f.ledger, f.other);
    expectRefused(r, /--html 要写出HTML 报告.*Excel 工作簿或 Word 文档的名字.*没有开始检查/);
    expect(await sha256(f.ledger)).toBe(f.before);
    expect(await sha256(f.other)).toBe(f.otherBefore);
    expectRefused(await run('check', '--html', f.ledger, f.ledger), /--html/);
    expect(await sha256(f.ledger)).toBe(f.before);
    expectRefused(await run('check', '--html', path.join(f.dir, 'x.DOCX'), f.ledger), /Word 文档/);
  });

  test('the same file under another name (a symbolic link, a hard link, ./ and ../): refused by identity', async () => {
    const f = await fresh();
    const link = path.join(f.dir, 'report.html');
    await fs.symlink(f.ledger, link);
    expectRefused(await run('check', '--html', link, f.ledger), /report\.html.*是要读取的输入文件/);
    const hard = path.join(f.dir, 'hard.html');
    await fs.link(f.ledger, hard);
    expectRefused(await run('check', '--html', hard, f.dir), /hard\.html.*与.*台账\.xlsx.*是同一个文件/);
    const units = path.join(f.dir, 'units.html');
    await fs.link(f.other, units);
    expectRefused(await run('check', '--units', f.other, '--html', units, f.ledger), /是要读取的输入文件/);
    const spelled = path.join(f.dir, '..', path.basename(f.dir), '.', 'hard.html');
    expectRefused(await run('check', '--html', spelled, f.ledger), /输入文件/);
    expect(await sha256(f.ledger)).toBe(f.before);
    expect(await sha256(f.other)).toBe(f.otherBefore);
  });

  test('-o and --flat-opc naming the same file: refused', async () => {
    const f = await fresh();
    const out = path.join(f.dir, '通报.docx');
    expectRefused(await run('report', f.ledger, '-o', out, '--flat-opc', out), /Word 文档|同一个文件/);
    expect((await run('report', '--as-of', '2021-07-19', f.ledger, '-o', out)).code).toBe(0);
    const xml = path.join(f.dir, 'a.xml');
    await fs.link(out, xml);
    const before = await sha256(out);
    expectRefused(await run('report', f.ledger, '-o', out, '--flat-opc', xml), /--flat-opc 与 -o 给出的是同一个文件/);
    expect(await sha256(out)).toBe(before);
  });

  test('--annotate naming a file, or the ledger itself: refused', async () => {
    const f = await fresh();
    expectRefused(await run('check', '--annotate', f.other, f.ledger), /--annotate 需要一个文件夹/);
    expect(await sha256(f.other)).toBe(f.otherBefore);
  });

  test('an existing report is replaced when named as the output (-o 通报.docx twice)', async () => {
    const f = await fresh();
    const out = path.join(f.dir, '通报.docx');
    expect((await run('report', '--as-of', '2021-07-19', f.ledger, '-o', out)).code).toBe(0);
    const first = await fs.stat(out);
    expect((await run('report', '--as-of', '2021-07-19', f.ledger, '-o', out)).code).toBe(0);
    expect((await fs.stat(out)).ino).not.toBe(first.ino); // a new file renamed over the old one
    expect((await fs.readdir(f.dir)).sort()).toEqual(['台账.xlsx', '通报.docx', '郊区台账.xlsx'].sort());
  });
});

describe('output folders and unwritable paths, before the check starts', () => {
  test('a missing folder for --html, -o and --annotate is created', async () => {
    const f = await fresh();
    const html = path.join(f.dir, 'a/b/报告.html');
    const r = await run('check', '--as-of', '2021-07-19', '--html', html, '--annotate', path.join(f.dir, 'c/d'), f.ledger);
    expect(r.code).toBe(0);
    expect(await fs.readFile(html, 'utf8')).toMatch(/^<!doctype html>/i);
    expect(await fs.readdir(path.join(f.dir, 'c/d'))).toEqual(['台账（已标注）.xlsx']);
    expect((await run('report', '--as-of', '2021-07-19', f.ledger, '-o', path.join(f.dir, 'e/通报.docx'))).code).toBe(0);
    await fs.stat(path.join(f.dir, 'e/通报.docx'));
  });

  test('a refused command creates no folder either', async () => {
    const f = await fresh();
    expectRefused(await run('check', '--html', path.join(f.dir, 'new/r.html'), '--annotate', f.other, f.ledger), /--annotate 需要一个文件夹/);
    expect((await fs.readdir(f.dir)).sort()).toEqual(['台账.xlsx', '郊区台账.xlsx'].sort());
  });

  test('--html naming a folder: exit 2 before the check, in Chinese (no EISDIR)', async () => {
    const f = await fresh();
    const r = await run('check', '--json', '--html', f.dir, f.ledger);
    expectRefused(r, /“.*”是一个文件夹，不能当作文件写入：请在后面加上文件名/);
    expect(JSON.parse(r.out).error.code).toBe('cannot-write');
    const refused = await run('check', '--json', '--html', f.ledger, f.other);
    expect(JSON.parse(refused.out).error.code).toBe('output-conflict');
  });

  test('--html out/ (a folder-looking name that does not exist yet): refused before the check', async () => {
    const f = await fresh();
    expectRefused(await run('check', '--html', path.join(f.dir, 'out') + '/', f.ledger), /是文件夹，不是文件名：请在后面加上文件名，例如 .*out\/报告\.html/);
    expect((await fs.readdir(f.dir)).sort()).toEqual(['台账.xlsx', '郊区台账.xlsx'].sort());
  });

  test('a folder path through a file (ENOTDIR / EEXIST): exit 2, in Chinese', async () => {
    const f = await fresh();
    const r = await run('check', '--html', path.join(f.ledger, 'sub', 'x.html'), f.other);
    expectRefused(r, /台账\.xlsx/);
    expect(r.err).toMatch(/路径中有一段是文件而不是文件夹|同名的文件已经存在/);
    expect(await sha256(f.ledger)).toBe(f.before);
  });

  test('an unwritable output folder (EACCES, as an ordinary user): exit 2 before the check, naming the folder', async () => {
    const f = await fresh();
    const locked = path.join(f.dir, 'locked');
    await fs.mkdir(locked);
    await fs.chmod(locked, 0o555);
    await fs.chmod(f.dir, 0o755);
    // root may write anywhere: run as nobody then (the test runs as whoever runs npm test).
    const asUser = process.getuid?.() === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', process.execPath] : [process.execPath];
    const t0 = Date.now();
    const r = spawnSync(asUser[0], [...asUser.slice(1), BIN, 'check', '--json', '--html', path.join(locked, 'r.html'), f.ledger], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`没有权限写入 ${locked}`);
    expect(JSON.parse(r.stdout)).toMatchObject({ files: [], error: { code: 'cannot-write' } });
    const annotate = spawnSync(asUser[0], [...asUser.slice(1), BIN, 'check', '--annotate', path.join(locked, 'copies'), f.ledger], { encoding: 'utf8' });
    expect(annotate.status).toBe(2);
    expect(annotate.stderr).toContain(`没有权限创建文件夹 ${path.join(locked, 'copies')}`);
    expect(Date.now() - t0).toBeLessThan(30000);
  });

  test('a read-only file system (EROFS): exit 2, in Chinese', () => {
    const dir = spawnSync('mktemp', ['-d'], { encoding: 'utf8' }).stdout.trim();
    // A private mount namespace, so nothing outside this command sees the read-only mount.
    const script = `mount -t tmpfs -o ro tmpfs '${dir}' && cd '${dir}' && exec '${process.execPath}' '${BIN}' demo`;
    // Root may mount in a new mount namespace; anyone else in a new user namespace too (unshare -r).
    const r = spawnSync('unshare', [process.getuid?.() === 0 ? '-m' : '-rm', 'sh', '-c', script], { encoding: 'utf8' });
    expect(r.stderr).toBe(`banli：${path.join(dir, 'banli-demo')} 所在的磁盘是只读的，无法创建文件夹：请换一个可以写入的位置。\n`);
    expect(r.status).toBe(2);
  });

  test.each(['EACCES', 'EPERM', 'ENOSPC', 'EEXIST', 'EISDIR', 'ENOENT', 'EROFS', 'ENOTDIR', 'ELOOP', 'EBUSY'])(
    '%s is said in Chinese with the path',
    (code) => {
      for (const action of ['read', 'write', 'create-folder'] as const) {
        const m = systemMessage(Object.assign(new Error('x'), { code }), '/数据/台账.xlsx', action);
        expect(m).toContain('/数据/台账.xlsx');
        expect(m).not.toContain(code);
        expect(m).toMatch(/[\u4e00-\u9fff]/);
      }
    },
  );
});

describe('atomic writes', () => {
  /** Runs the CLI in a child whose writes stop between the flushed temporary file and the rename. */
  function pausedRun(argv: string[]): Promise<{ child: ReturnType<typeof spawn>; paused: { tmp: string; final: string } }> {
    const script = `
      const sw = require(${JSON.stringify(path.join(LIB, 'safeWrite.js'))});
      sw.setBeforeRenameHook((tmp, final) => {
        process.stdout.write('PAUSED ' + JSON.stringify({ tmp, final }) + '\\n');
        setInterval(() => {}, 1000);
        return new Promise(() => {});
      });
      require(${JSON.stringify(path.join(LIB, 'cli.js'))}).main(${JSON.stringify(argv)});`;
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    return new Promise((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (d) => {
        out += d;
        const m = /PAUSED (.*)\n/.exec(out);
        if (m) resolve({ child, paused: JSON.parse(m[1]) });
      });
      child.on('exit', (code) => reject(new Error(`exited ${code} before pausing: ${out}`)));
    });
  }

  const exited = (child: ReturnType<typeof spawn>) => new Promise<NodeJS.Signals | null>((r) => child.on('exit', (_c, s) => r(s)));

  test.each([
    ['SIGTERM', 'report'],
    ['SIGINT', 'annotate'],
    ['SIGINT', 'html'],
  ] as const)('%s between write and rename (%s): no file under the final name, the temporary file removed', async (signal, what) => {
    const f = await fresh();
    const argv =
      what === 'report'
        ? ['report', '--as-of', '2021-07-19', f.ledger, '-o', path.join(f.dir, '通报.docx')]
        : what === 'html'
          ? ['check', '--as-of', '2021-07-19', '--html', path.join(f.dir, 'r.html'), f.ledger]
          : ['check', '--jobs', '1', '--as-of', '2021-07-19', '--annotate', path.join(f.dir, 'out'), f.ledger];
    const { child, paused } = await pausedRun(argv);
    expect((await fs.stat(paused.tmp)).size).toBeGreaterThan(100); // written and flushed, not yet renamed
    await expect(fs.stat(paused.final)).rejects.toThrow();
    const done = exited(child);
    child.kill(signal);
    expect(await done).toBe(signal);
    await expect(fs.stat(paused.final)).rejects.toThrow();
    await expect(fs.stat(paused.tmp)).rejects.toThrow();
    expect(await sha256(f.ledger)).toBe(f.before);
  });

  test('killed outright (SIGKILL) between write and rename: still no file under the final name; an earlier copy stays whole', async () => {
    const f = await fresh();
    const out = path.join(f.dir, 'out');
    expect((await run('check', '--jobs', '1', '--as-of', '2021-07-19', '--annotate', out, f.ledger)).code).toBe(0);
    const earlier = await sha256(path.join(out, '台账（已标注）.xlsx'));
    const { child, paused } = await pausedRun(['check', '--jobs', '1', '--as-of', '2021-07-19', '--annotate', out, f.ledger]);
    expect(paused.final).toBe(path.join(out, '台账（已标注）.xlsx'));
    const done = exited(child);
    child.kill('SIGKILL');
    expect(await done).toBe('SIGKILL');
    expect(await sha256(paused.final)).toBe(earlier);
    // The leftover temporary file is hidden, and a folder walk never picks it up.
    expect(path.basename(paused.tmp).startsWith('.')).toBe(true);
    const r = await run('check', '--json', '--as-of', '2021-07-19', out);
    expect(JSON.parse(r.out).files).toEqual([]);
  });

  test('a write that fails (ENOSPC) leaves no temporary file, and the JSON report is still printed', async () => {
    const f = await fresh();
    const html = path.join(f.dir, 'r.html');
    setBeforeRenameHook(() => {
      throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    });
    const r = await run('check', '--json', '--as-of', '2021-07-19', '--html', html, f.ledger);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.out);
    expect(doc.files[0]).toMatchObject({ ok: true, items: 2 });
    expect(doc.html).toEqual({ ok: false, error: { code: 'cannot-write', message: `磁盘空间不足，无法写入 ${html}：请清理磁盘或换一个位置后重试。` } });
    expect(r.err).toContain('HTML 报告没有写出：磁盘空间不足');
    expect((await fs.readdir(f.dir)).sort()).toEqual(['台账.xlsx', '郊区台账.xlsx'].sort());
    const text = await run('check', '--as-of', '2021-07-19', '--html', html, f.ledger);
    expect(text.out).toContain('共 2 件');
    expect(text.out).toContain('HTML 报告没有写出：磁盘空间不足');
  });

  test('the demo writes its circular atomically too (nothing but the circular in banli-demo/)', () => {
    const cwd = spawnSync('mktemp', ['-d'], { encoding: 'utf8' }).stdout.trim();
    const r = spawnSync(process.execPath, [BIN, 'demo'], { cwd, encoding: 'utf8' });
    expect(r.status).toBe(0);
    return expect(fs.readdir(path.join(cwd, 'banli-demo'))).resolves.toEqual(['通报-2021.docx']);
  });
});
