/**
 * Each input counted once: duplicates by identity, Banli's own annotated copies (by name and by the package marker),
 * symbolic links followed with loop protection, FIFOs/devices/sockets never opened. Annotation failures kept apart
 * from check results; .xlsm copies; Excel's cell limit; --sheet naming a missing sheet. A temporary folder each.
 */
import { spawnSync } from 'child_process';
import { promises as fs } from 'fs';
import * as net from 'net';
import * as path from 'path';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { runCli } from '../helpers/cli';
import { RULE_IDS, analyse } from '../../src/core';
import { CELL_LIMIT, TRUNCATED, annotateBuffer, fitCell, isBanliAnnotated } from '../../src/xlsx/annotate';
import { readWorkbook } from '../../src/xlsx/read';
import { setBeforeRenameHook } from '../../src/node/safeWrite';
import { sha256, smallLedger, withoutStyles, xlsmFrom } from '../helpers/hostile';
import { ledgerGrid, rows, unitGrid } from '../helpers/ledger';
import { tempDir, writeXlsx } from '../helpers/xlsx';

const ROOT = path.join(__dirname, '../..');
const BIN = path.join(ROOT, 'bin/banli.js');

const run = runCli;

const base = (f: { path: string }) => path.basename(f.path);

afterEach(() => setBeforeRenameHook(null));

describe('each input counted once', () => {
  test('the same workbook given twice, or by its folder and by name: checked once, the duplicate said', async () => {
    const dir = await tempDir('banli-in-');
    const a = await smallLedger(path.join(dir, '台账/第01单位.xlsx'));
    const b = await smallLedger(path.join(dir, '台账/第02单位.xlsx'));
    const twice = (await run('check', '--json', '--as-of', '2021-07-19', a, a)).json();
    expect(twice.files).toHaveLength(1);
    expect(twice.skipped).toEqual([{ path: a, reason: 'duplicate', sameAs: a, message: `文件 ${a} 重复给出，只检查一次。` }]);
    const both = await run('check', '--as-of', '2021-07-19', path.join(dir, '台账'), a);
    expect(both.out).toContain(`跳过：文件 ${a} 重复给出，只检查一次。`);
    expect(both.out).toMatch(/合计：2 个文件，已检查 2 个（另跳过 1 个，见上）；共 4 件/);
    // Through ./ and a symbolic link to the folder.
    await fs.symlink(path.join(dir, '台账'), path.join(dir, '链接'));
    const linked = (await run('check', '--json', '--as-of', '2021-07-19', path.join(dir, '台账'), path.join(dir, '链接', '.', '第02单位.xlsx'), path.join(dir, '链接'))).json();
    expect(linked.files.map(base)).toEqual(['第01单位.xlsx', '第02单位.xlsx']);
    expect(linked.skipped.map((s: { reason: string }) => s.reason)).toEqual(['duplicate', 'duplicate']);
    expect(linked.skipped[1].message).toMatch(/文件夹 .*链接 与 .*台账 是同一个文件夹/);
    expect(b).toBeTruthy();
  });

  test('a symbolic link to a ledger inside a folder is followed; a broken link is reported', async () => {
    const dir = await tempDir('banli-in-');
    const outside = await smallLedger(path.join(dir, 'elsewhere/城区.xlsx'));
    await fs.mkdir(path.join(dir, '台账'));
    await fs.symlink(outside, path.join(dir, '台账/城区链接.xlsx'));
    await fs.symlink(path.join(dir, 'gone.xlsx'), path.join(dir, '台账/断开.xlsx'));
    const r = await run('check', '--json', '--as-of', '2021-07-19', path.join(dir, '台账'));
    const files = r.json().files;
    expect(files.map((f: { path: string; ok: boolean }) => [base(f), f.ok])).toEqual([
      ['城区链接.xlsx', true],
      ['断开.xlsx', false],
    ]);
    expect(files[1].error).toEqual({ code: 'not-found', message: `${path.join(dir, '台账/断开.xlsx')} 是一个符号链接，但它指向的文件不存在。` });
    expect(r.code).toBe(2);
  });

  test('a symbolic link loop finishes in under a second, saying what it skipped', async () => {
    const dir = await tempDir('banli-in-');
    await smallLedger(path.join(dir, '台账/a/第01单位.xlsx'));
    await fs.symlink(path.join(dir, '台账'), path.join(dir, '台账/a/上级'));
    await fs.symlink('自己.xlsx', path.join(dir, '台账/自己.xlsx'));
    const t0 = Date.now();
    const r = await run('check', '--json', '--as-of', '2021-07-19', path.join(dir, '台账'));
    const elapsed = Date.now() - t0;
    const doc = r.json();
    expect(doc.files.map((f: { path: string; ok: boolean }) => [base(f), f.ok])).toEqual([
      ['第01单位.xlsx', true],
      ['自己.xlsx', false],
    ]);
    expect(doc.files[1].error.message).toBe(`无法读取 ${path.join(dir, '台账/自己.xlsx')}：符号链接绕成了循环，请检查这个链接。`);
    expect(doc.skipped).toEqual([
      { path: path.join(dir, '台账/a/上级'), reason: 'link-loop', message: `${path.join(dir, '台账/a/上级')} 是指回上级文件夹的符号链接，已跳过（避免无限循环）。` },
    ]);
    expect(elapsed).toBeLessThan(1000);
    console.log(`symbolic link loop: ${elapsed} ms`);
  });

  test('a FIFO, a device and a socket: not-a-file, never opened, in under a second', async () => {
    const dir = await tempDir('banli-in-');
    const good = await smallLedger(path.join(dir, '台账/good.xlsx'));
    const fifo = path.join(dir, '台账/管道.xlsx');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const sock = path.join(dir, '台账/套接字.xlsx');
    const server = net.createServer().listen(sock);
    await new Promise((r) => server.once('listening', r));
    try {
      const t0 = Date.now();
      const r = await run('check', '--json', '--as-of', '2021-07-19', path.join(dir, '台账'), fifo, '/dev/null');
      const elapsed = Date.now() - t0;
      const doc = r.json();
      expect(doc.files.map((f: { path: string; ok: boolean; error?: { code: string } }) => [base(f), f.error?.code ?? 'ok'])).toEqual([
        ['good.xlsx', 'ok'],
        ['套接字.xlsx', 'not-a-file'],
        ['管道.xlsx', 'not-a-file'],
        ['管道.xlsx', 'not-a-file'],
        ['null', 'not-a-file'],
      ]);
      expect(doc.files[2].error.message).toBe(`${fifo} 是命名管道（FIFO），不是普通文件，办理助手不会打开它。请给出 .xlsx 工作簿。`);
      expect(doc.files[4].error.message).toMatch(/^\/dev\/null 是设备文件/);
      expect(r.code).toBe(2);
      expect(elapsed).toBeLessThan(1000);
      console.log(`FIFO, socket and device: ${elapsed} ms`);
      // report, --units and --prose given a FIFO: refused without blocking either.
      const rep = spawnSync(process.execPath, [BIN, 'report', fifo, '-o', path.join(dir, 'x.docx')], { encoding: 'utf8', timeout: 10000 });
      expect(rep.status).toBe(2);
      expect(rep.stderr).toContain('命名管道');
      const units = spawnSync(process.execPath, [BIN, 'check', '--units', fifo, good], { encoding: 'utf8', timeout: 10000 });
      expect(units.status).toBe(2);
      expect(units.stderr).toContain('承办单位名单无法读取');
      const prose = spawnSync(process.execPath, [BIN, 'report', good, '-o', path.join(dir, 'x.docx'), '--prose', fifo], { encoding: 'utf8', timeout: 10000 });
      expect(prose.status).toBe(2);
      expect(prose.stderr).toContain('--prose');
    } finally {
      server.close();
    }
  });
});

describe("Banli's own annotated copies", () => {
  test('--annotate 台账/标注 run twice: the same totals, no （已标注）（已标注） copies, a line per copy skipped', async () => {
    const dir = await tempDir('banli-in-');
    const a = await smallLedger(path.join(dir, '台账/城区.xlsx'));
    await smallLedger(path.join(dir, '台账/郊区.xlsx'));
    const before = await sha256(a);
    const args = ['check', '--json', '--jobs', '1', '--as-of', '2021-07-19', '--annotate', path.join(dir, '台账/标注'), path.join(dir, '台账')];
    const first = (await run(...args)).json();
    const second = await run(...args);
    const doc = second.json();
    expect(doc.files.map(base)).toEqual(['城区.xlsx', '郊区.xlsx']);
    expect(doc.files.map((f: { items: number }) => f.items)).toEqual(first.files.map((f: { items: number }) => f.items));
    expect(doc.skipped.map((s: { reason: string; path: string }) => [s.reason, path.basename(s.path)])).toEqual([
      ['annotated-copy', '城区（已标注）.xlsx'],
      ['annotated-copy', '郊区（已标注）.xlsx'],
    ]);
    expect((await fs.readdir(path.join(dir, '台账/标注'))).sort()).toEqual(['城区（已标注）.xlsx', '郊区（已标注）.xlsx']);
    expect(doc.files[0].annotated).toEqual({ ok: true, path: path.join(dir, '台账/标注/城区（已标注）.xlsx') });
    expect(second.code).toBe(0);
    expect(await sha256(a)).toBe(before);
    const text = await run(...args.filter((x) => x !== '--json'));
    expect(text.out).toContain(`跳过：${path.join(dir, '台账/标注/城区（已标注）.xlsx')} 是办理助手写出的标注副本，不作为台账检查。`);
  });

  test('a copy renamed by the clerk is still recognised by the marker in its package', async () => {
    const dir = await tempDir('banli-in-');
    const a = await smallLedger(path.join(dir, '城区.xlsx'));
    await run('check', '--annotate', path.join(dir, 'out'), a);
    await fs.rename(path.join(dir, 'out/城区（已标注）.xlsx'), path.join(dir, 'out/城区-给领导看.xlsx'));
    const doc = (await run('check', '--json', path.join(dir, 'out'), a)).json();
    expect(doc.files.map(base)).toEqual(['城区.xlsx']);
    expect(doc.skipped).toEqual([
      { path: path.join(dir, 'out/城区-给领导看.xlsx'), reason: 'annotated-copy', message: `${path.join(dir, 'out/城区-给领导看.xlsx')} 是办理助手写出的标注副本，不作为台账检查。` },
    ]);
    expect(await isBanliAnnotated(await fs.readFile(a))).toBe(false);
    expect(await isBanliAnnotated(Buffer.from('not a zip'))).toBe(false);
  });

  test('the marker is a real custom document property: LibreOffice reads the copy and keeps the property when it saves', async () => {
    const dir = await tempDir('banli-in-');
    const a = await smallLedger(path.join(dir, '城区.xlsx'));
    await run('check', '--annotate', path.join(dir, 'out'), a);
    const copy = path.join(dir, 'out/城区（已标注）.xlsx');
    const zip = await JSZip.loadAsync(await fs.readFile(copy));
    expect(await zip.file('docProps/custom.xml')!.async('string')).toContain('name="BanliAnnotated"');
    expect(await zip.file('[Content_Types].xml')!.async('string')).toContain('<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>');
    expect(await zip.file('_rels/.rels')!.async('string')).toMatch(/Type="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships\/custom-properties" Target="docProps\/custom\.xml"/);
    const profile = await tempDir('banli-lo-');
    const lo = path.join(dir, 'lo');
    const r = spawnSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'xlsx', '--outdir', lo, copy], { encoding: 'utf8', timeout: 180000 });
    expect(r.status).toBe(0);
    const resaved = await fs.readFile(path.join(lo, '城区（已标注）.xlsx'));
    expect(await isBanliAnnotated(resaved)).toBe(true);
    // And what LibreOffice wrote still has the 检查结果 sheet.
    expect((await readWorkbook(resaved, 'x')).grids.map((g) => g.sheet)).toEqual(['台账', '承办单位', '检查结果']);
  }, 240000);

  test('a workbook with custom properties of its own keeps them; the marker is added beside them', async () => {
    const dir = await tempDir('banli-in-');
    const file = path.join(dir, 'props.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('台账').addRows(ledgerGrid(rows({}, { 是否面商: '否' })).values as ExcelJS.CellValue[][]);
    await wb.xlsx.writeFile(file);
    const zip = await JSZip.loadAsync(await fs.readFile(file));
    zip.file('docProps/custom.xml', '<?xml version="1.0"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="填报单位"><vt:lpwstr>市交通局</vt:lpwstr></property></Properties>');
    const rels = await zip.file('_rels/.rels')!.async('string');
    zip.file('_rels/.rels', rels.replace('</Relationships>', '<Relationship Id="rIdC" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>'));
    const ct = await zip.file('[Content_Types].xml')!.async('string');
    zip.file('[Content_Types].xml', ct.replace('</Types>', '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>'));
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    const { grids, buffer } = await readWorkbook(bytes, 'props.xlsx');
    const out = await JSZip.loadAsync(await annotateBuffer(buffer, analyse(grids, { asOf: '2021-07-19' })));
    const custom = await out.file('docProps/custom.xml')!.async('string');
    expect(custom).toContain('pid="2" name="填报单位"><vt:lpwstr>市交通局</vt:lpwstr>');
    expect(custom).toMatch(/pid="3" name="BanliAnnotated"/);
    expect((await out.file('_rels/.rels')!.async('string')).match(/custom-properties/g)).toHaveLength(1);
  });
});

describe('annotation failures are separate from check results', () => {
  test('a workbook without styles: ok:true with its totals, annotated.ok false with a reason, exit code from the findings', async () => {
    const dir = await tempDir('banli-in-');
    const good = await smallLedger(path.join(dir, 'good.xlsx'));
    const bare = await withoutStyles(good, path.join(dir, '无样式.xlsx'));
    const r = await run('check', '--json', '--jobs', '1', '--as-of', '2021-07-19', '--annotate', path.join(dir, 'out'), bare, good);
    const [f, g] = r.json().files;
    expect(f).toMatchObject({ ok: true, items: 2, totals: { total: 2 } });
    expect(f.annotated.ok).toBe(false);
    expect(f.annotated.error.code).toBe('cannot-annotate');
    expect(f.annotated.error.message).toBe(`无法为 ${bare} 做标注副本：工作簿的样式部分不完整，无法标注。`);
    expect(g.annotated).toEqual({ ok: true, path: path.join(dir, 'out/good（已标注）.xlsx') });
    expect(r.code).toBe(0);
    const text = await run('check', '--jobs', '1', '--as-of', '2021-07-19', '--annotate', path.join(dir, 'out'), bare, good);
    expect(text.out).toContain(`! ${bare}：2 件，错误 0，警告 1；标注副本未写出：无法为 ${bare} 做标注副本：工作簿的样式部分不完整，无法标注。`);
    expect(text.out).toMatch(/合计：2 个文件，已检查 2 个；共 4 件/);
  });

  test('a copy that cannot be written (EACCES): the check result stands, the reason is in Chinese with the path', async () => {
    const dir = await tempDir('banli-in-');
    const good = await smallLedger(path.join(dir, 'good.xlsx'));
    setBeforeRenameHook(() => {
      throw Object.assign(new Error('permission denied'), { code: 'EACCES' });
    });
    const r = await run('check', '--json', '--jobs', '1', '--as-of', '2021-07-19', '--annotate', path.join(dir, 'out'), good);
    const f = r.json().files[0];
    const target = path.join(dir, 'out/good（已标注）.xlsx');
    expect(f).toMatchObject({ ok: true, items: 2 });
    expect(f.annotated).toEqual({ ok: false, error: { code: 'cannot-write', message: `没有权限写入 ${target}：请换一个有权限的位置，或请管理员开放这个文件或文件夹的权限。` } });
    expect(r.code).toBe(0);
    expect(await fs.readdir(path.join(dir, 'out'))).toEqual([]);
  });

  test('an existing file under the copy’s name that Banli did not write is never replaced: the next name is taken', async () => {
    const dir = await tempDir('banli-in-');
    const good = await smallLedger(path.join(dir, 'good.xlsx'));
    await fs.mkdir(path.join(dir, 'out'));
    const mine = await smallLedger(path.join(dir, 'out/good（已标注）.xlsx'));
    const before = await sha256(mine);
    const f = (await run('check', '--json', '--as-of', '2021-07-19', '--annotate', path.join(dir, 'out'), good)).json().files[0];
    expect(f.annotated).toEqual({ ok: true, path: path.join(dir, 'out/good（已标注2）.xlsx') });
    expect(await sha256(mine)).toBe(before);
  });
});

describe('what Banli writes into a copy', () => {
  test('.xlsm: the copy is .xlsm and keeps the macro-enabled content type', async () => {
    const dir = await tempDir('banli-in-');
    const xlsm = await xlsmFrom(await smallLedger(path.join(dir, 'a.xlsx')), path.join(dir, '宏台账.xlsm'));
    await fs.unlink(path.join(dir, 'a.xlsx'));
    const f = (await run('check', '--json', '--as-of', '2021-07-19', '--annotate', path.join(dir, 'out'), dir)).json().files[0];
    expect(f.annotated).toEqual({ ok: true, path: path.join(dir, 'out/宏台账（已标注）.xlsm') });
    const ct = await (await JSZip.loadAsync(await fs.readFile(f.annotated.path))).file('[Content_Types].xml')!.async('string');
    expect(ct).toContain('<Override PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/>');
    expect(ct).not.toContain('spreadsheetml.sheet.main+xml');
    expect(xlsm).toBeTruthy();
  });

  test('a 32,767-character unit name: every cell and note in the copy within Excel’s limit, cut text ending ……（已截断）', async () => {
    const dir = await tempDir('banli-in-');
    const long = '很'.repeat(CELL_LIMIT);
    const file = await writeXlsx(path.join(dir, 'long.xlsx'), [
      { name: '台账', rows: ledgerGrid(rows({ 主办单位: long })).values },
      { name: '承办单位', rows: unitGrid([['市交通局', '', '是']]).values },
    ]);
    const r = await run('check', '--json', '--as-of', '2021-07-19', '--annotate', path.join(dir, 'out'), file);
    const copy = r.json().files[0].annotated.path;
    const zip = await JSZip.loadAsync(await fs.readFile(copy));
    const texts: string[] = [];
    for (const name of Object.keys(zip.files).filter((n) => /^xl\/(worksheets\/sheet\d+|comments\d+)\.xml$/.test(n))) {
      const xml = await zip.file(name)!.async('string');
      for (const m of xml.matchAll(/<t\b[^>]*>([^<]*)<\/t>/g)) {
        texts.push(m[1].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&'));
      }
    }
    expect(texts.length).toBeGreaterThan(5);
    for (const t of texts) expect(t.length).toBeLessThanOrEqual(CELL_LIMIT);
    const cut = texts.filter((t) => t.endsWith(TRUNCATED));
    expect(cut.length).toBeGreaterThanOrEqual(2); // the 问题 cell and the note
    for (const t of cut) expect(t.length).toBe(CELL_LIMIT);
    // Excel's own reader (exceljs here) reads the copy.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await fs.readFile(copy)) as unknown as ArrayBuffer);
    expect(wb.getWorksheet('检查结果')).toBeDefined();
    expect(fitCell('😀'.repeat(20000))).toMatch(/^(😀)+……（已截断）$/); // a surrogate pair is never split
  });

  test('检查结果 shows rule titles, never rule ids', async () => {
    const dir = await tempDir('banli-in-');
    const r = await run('check', '--json', '--as-of', '2021-07-19', '--annotate', path.join(dir, 'out'), path.join(ROOT, 'samples/ledger-2021.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(r.json().files[0].annotated.path);
    const ws = wb.getWorksheet('检查结果')!;
    expect(ws.getRow(1).values).toEqual([undefined, '序号', '严重程度', '问题类型', '单元格', '主办单位', '问题', '建议']);
    const all = JSON.stringify(ws.getSheetValues()) + JSON.stringify(wb.getWorksheet('台账')!.getSheetValues());
    for (const id of RULE_IDS) expect(all).not.toContain(id);
    expect(ws.getCell('C2').value).toMatch(/[\u4e00-\u9fff]/);
  });
});

test('--sheet naming a sheet the workbook lacks: no-such-sheet, listing the sheets', async () => {
  const dir = await tempDir('banli-in-');
  const good = await smallLedger(path.join(dir, 'good.xlsx'));
  const r = await run('check', '--json', '--sheet', '不存在', good);
  expect(r.code).toBe(2);
  expect(r.json().files[0].error).toEqual({
    code: 'no-such-sheet',
    message: `${good} 里没有名为“不存在”的工作表。这个工作簿的工作表有：“台账”、“承办单位”。请用 --sheet 指定其中之一，或不加 --sheet 由办理助手自动识别。`,
  });
  const rep = await run('report', '--sheet', '不存在', good, '-o', path.join(dir, 'x.docx'));
  expect(rep.code).toBe(2);
  expect(rep.err).toContain('没有名为“不存在”的工作表');
  expect((await run('check', '--json', '--sheet', '台账', '--as-of', '2021-07-19', good)).json().files[0].ok).toBe(true);
});

test('in worker threads the same: copies written, a renamed copy skipped by its marker, an annotation failure kept apart', async () => {
  const dir = await tempDir('banli-in-');
  const good = await smallLedger(path.join(dir, '台账/good.xlsx'));
  await withoutStyles(good, path.join(dir, '台账/无样式.xlsx'));
  await run('check', '--annotate', path.join(dir, 'first'), good);
  await fs.copyFile(path.join(dir, 'first/good（已标注）.xlsx'), path.join(dir, '台账/旧副本.xlsx'));
  const args = (jobs: string, out: string) => [BIN, 'check', '--json', '--jobs', jobs, '--as-of', '2021-07-19', '--annotate', path.join(dir, out), path.join(dir, '台账')];
  const threads = spawnSync(process.execPath, args('2', 'out2'), { encoding: 'utf8' });
  const inline = spawnSync(process.execPath, args('1', 'out1'), { encoding: 'utf8' });
  expect(threads.status).toBe(0);
  const a = JSON.parse(threads.stdout);
  const b = JSON.parse(inline.stdout.replace(/out1/g, 'out2'));
  expect(a).toEqual(b);
  expect(a.files.map((f: { path: string; annotated: { ok: boolean } }) => [base(f), f.annotated.ok])).toEqual([
    ['good.xlsx', true],
    ['无样式.xlsx', false],
  ]);
  expect(a.skipped.map((s: { path: string; reason: string }) => [path.basename(s.path), s.reason])).toEqual([['旧副本.xlsx', 'annotated-copy']]);
  expect(await isBanliAnnotated(await fs.readFile(path.join(dir, 'out2/good（已标注）.xlsx')))).toBe(true);
});
