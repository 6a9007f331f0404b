/**
 * Several workbooks as one ledger in the page's engine (in-thread here; the worker runs the same Session): the 40
 * unit returns (one of them re-saved by LibreOffice) give exactly the totals and findings of `banli check --combine`
 * on the same files; duplicates and Banli's annotated copies are skipped; an unreadable file is listed; a finding's
 * row is read from its own file; the annotated download is a .zip of one annotated copy per file; the circular is
 * made from the combined ledger. One file still opens as it did.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { unzipSync } from 'fflate';
import JSZip from 'jszip';
import { main } from '../../src/node/cli';
import { inThreadEngine } from '../../src/browser/inThread';
import { LedgerFile, OpenedLedger, Progress } from '../../src/browser/types';
import { isBanliAnnotated } from '../../src/xlsx/annotate';
import { CheckView, RowDetail, defaultOptions } from '../../src/core';
import { convertToPdf } from '../helpers/office';
import { tempDir } from '../helpers/xlsx';
import { unitReturns, writeFixture } from '../ledgers/fixtures';

const AS_OF = '2021-07-19';
type Ok = Extract<CheckView, { ok: true }>;
let folder: string;
let names: string[];
let cliDoc: { combined: string[]; files: Array<{ items: number; totals: Record<string, unknown>; units: unknown[]; findings: Array<{ rule: string; cell: string; message: string }> }> };

beforeAll(async () => {
  const dir = await tempDir('banli-page-combine-');
  for (const f of unitReturns()) await writeFixture(dir, f);
  folder = path.join(dir, 'returns');
  // 单位03 as LibreOffice writes it (the real thing), in place of the generated one.
  const lo = path.join(dir, 'lo');
  convertToPdf(path.join(folder, '单位03.xlsx'), lo, 'xlsx');
  await fs.copyFile(path.join(lo, '单位03.xlsx'), path.join(folder, '单位03.xlsx'));
  names = (await fs.readdir(folder)).sort();
  let out = '';
  await main(['check', '--combine', '--json', '--as-of', AS_OF, folder], { out: (s) => (out += s), err: () => undefined });
  cliDoc = JSON.parse(out);
}, 240000);

const read = async (name: string, as = name): Promise<LedgerFile> => ({ bytes: new Uint8Array(await fs.readFile(path.join(folder, name))), name: as });

test('40 returns, a copy, an annotated copy and a broken file: the CLI’s combined totals and findings, what was left out said', async () => {
  // Banli's annotated copy of 单位01, under a name that does not say so (found by the property inside).
  const single = inThreadEngine();
  await single.open([await read('单位01.xlsx')]);
  const annotated = await single.annotated(AS_OF);

  const engine = inThreadEngine();
  // Handed over in no particular order (as a browser gives a folder's files): read in the order of their names.
  const files = [
    ...(await Promise.all([...names].reverse().map((n) => read(n, `回执/${n}`)))),
    await read('单位02.xlsx', '回执/重复/单位02.xlsx'),
    { bytes: annotated, name: '回执/单位01-检查.xlsx' },
    { bytes: new TextEncoder().encode('不是工作簿'), name: '回执/说明.xlsx' },
  ];
  const seen: Progress[] = [];
  const o: OpenedLedger = await engine.open(files, (p) => seen.push(p));
  expect(o.name).toBe('合并的 40 个工作簿');
  expect(o.sheets).toEqual([]);
  expect(o.files).toEqual(names);
  expect(o.skipped.map((x) => x.message)).toEqual(['回执/单位01-检查.xlsx 是办理助手写出的标注副本，不作为台账读取。', '回执/重复/单位02.xlsx 与 回执/单位02.xlsx 内容相同，只读取一次。']);
  expect(o.unreadable).toHaveLength(1);
  expect(o.unreadable[0].message).toMatch(/^说明\.xlsx.*不是 Excel 工作簿/);
  // Progress names the file being read, of how many.
  expect(seen.some((p) => p.file?.index === 41 && p.file.count === 41 && p.file.name === '说明.xlsx')).toBe(true);
  expect(seen.some((p) => p.file?.name === '单位40.xlsx' && p.done > 0)).toBe(true);

  const v = (await engine.check(AS_OF)) as Ok;
  expect(v.ok).toBe(true);
  const cli = cliDoc.files[0];
  expect(cliDoc.combined).toHaveLength(40);
  expect(v.items).toBe(cli.items);
  expect(v.items).toBe(123);
  expect(JSON.parse(JSON.stringify(v.data.totals))).toEqual(cli.totals);
  // One set of units: each unit's items, replies and findings as the CLI counts them.
  expect(JSON.parse(JSON.stringify(v.data.units))).toEqual(cli.units);
  expect(v.data.units.filter((u) => u.items > 0)).toHaveLength(40);
  expect(v.data.totals).toMatchObject({ total: 121, municipalNpc: 81, municipalCppcc: 40, splitItems: 1, replied: 120, overdue: 1 });
  expect(v.findings.map((f) => `${f.rule}@${f.cell}`)).toEqual(cli.findings.map((f) => `${f.rule}@${f.cell}`));
  expect(v.findings.map((f) => `${f.rule}@${f.cell}`)).toEqual(['ledger.duplicate-number@单位04.xlsx!台账!C5', 'reply.overdue@单位05.xlsx!台账!K3']);
  expect(v.findings[0].message).toBe('市政协提案编号“3”与单位03.xlsx 的工作表“台账”第 4 行重复。');
  expect(v.data.source).toBe('合并的 40 个工作簿（单位01.xlsx、单位02.xlsx、单位03.xlsx、单位04.xlsx、单位05.xlsx 等）');

  // A finding's row comes from its own file: the same sheet and row in another file is another item.
  const cell = (r: RowDetail, header: string) => r.cells.find((c) => c.header === header)?.value;
  const dup = await engine.row('台账', 5, '单位04.xlsx');
  expect(cell(dup, '编号')).toBe('3');
  expect(cell(dup, '主办单位')).toBe('单位03');
  expect(cell(await engine.row('台账', 5, '单位01.xlsx'), '编号')).toBe('999');
  expect(cell(await engine.row('台账', 4, '单位03.xlsx'), '主办单位')).toBe('单位03');
  await expect(engine.row('台账', 2, '单位99.xlsx')).rejects.toThrow('找不到单位99.xlsx 的工作表“台账”。');

  // The annotated download: a .zip, one annotated copy per file read, each marking only its own cells.
  const zip = unzipSync(await engine.annotated(AS_OF));
  expect(Object.keys(zip).sort()).toEqual(names.map((n) => n.replace('.xlsx', '（已标注）.xlsx')));
  for (const bytes of Object.values(zip)) expect(await isBanliAnnotated(bytes)).toBe(true);
  const results = async (name: string) => {
    const wb = await JSZip.loadAsync(zip[name]);
    const sheets = Object.keys(wb.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f));
    const texts = await Promise.all(sheets.map((f) => wb.file(f)!.async('string')));
    return { results: texts.find((t) => t.includes('问题类型'))!, comments: Object.keys(wb.files).some((f) => /comments/.test(f)) };
  };
  const four = await results('单位04（已标注）.xlsx');
  expect(four.results).toContain('单位04.xlsx!台账!C5');
  expect(four.results).not.toContain('单位05.xlsx');
  expect(four.comments).toBe(true);
  const one = await results('单位01（已标注）.xlsx');
  expect(one.results).not.toContain('单位04.xlsx!台账!C5');
  expect(one.comments).toBe(false);

  // The circular from the combined ledger.
  const docx = await engine.circular(defaultOptions(2021, '2021-07-20'), AS_OF);
  const doc = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
  expect(doc.replace(/<[^>]+>/g, '')).toContain('121件');
}, 180000);

test('the same file chosen twice is read once, as one file; a lone broken file is an error naming it', async () => {
  const engine = inThreadEngine();
  const o = await engine.open([await read('单位01.xlsx'), await read('单位01.xlsx')]);
  expect(o).toMatchObject({ name: '单位01.xlsx', files: ['单位01.xlsx'], unreadable: [], skipped: [{ name: '单位01.xlsx', message: '单位01.xlsx 选择了两次，只读取一次。' }] });
  expect(o.sheets).toEqual(['台账']);
  const v = (await engine.check(AS_OF)) as Ok;
  expect(v.findings.every((f) => f.cell === null || f.cell.startsWith('台账!'))).toBe(true);
  expect(v.items).toBe(4);
  // Of two files, one broken and one Banli's own copy by its name: nothing to read, and the message names the file.
  const copy = await read('单位01.xlsx', '单位01（已标注）.xlsx');
  await expect(engine.open([{ bytes: new TextEncoder().encode('x'), name: '坏.xlsx' }, copy])).rejects.toThrow(/^坏\.xlsx.*不是 Excel 工作簿/);
});

test('several chosen, one readable: named as that file, its findings cite it, the annotated copy is that file’s .xlsx', async () => {
  const engine = inThreadEngine();
  const o = await engine.open([await read('单位05.xlsx'), { bytes: new TextEncoder().encode('x'), name: '坏.xlsx' }]);
  expect(o).toMatchObject({ name: '单位05.xlsx', sheets: [], files: ['单位05.xlsx'], skipped: [] });
  expect(o.unreadable.map((u) => u.name)).toEqual(['坏.xlsx']);
  const v = (await engine.check(AS_OF)) as Ok;
  expect(v.findings.map((f) => f.cell)).toEqual(['单位05.xlsx!台账!K3']);
  expect((await engine.row('台账', 3)).cells.find((c) => c.header === '编号')?.value).toBe('52');
  const bytes = await engine.annotated(AS_OF);
  expect(Object.keys(unzipSync(bytes))).toContain('xl/workbook.xml');
});

test('one file opens exactly as before: its name, its sheets, findings cite Sheet!Cell, the annotated copy is an .xlsx', async () => {
  const engine = inThreadEngine();
  const o = await engine.open([await read('单位05.xlsx')]);
  expect(o).toEqual({ name: '单位05.xlsx', sheets: ['台账'], files: ['单位05.xlsx'], skipped: [], unreadable: [] });
  const v = (await engine.check(AS_OF)) as Ok;
  expect(v.findings.map((f) => f.cell)).toEqual(['台账!K3']);
  expect(v.data.source).toBe('单位05.xlsx');
  const bytes = await engine.annotated(AS_OF);
  expect(await isBanliAnnotated(bytes)).toBe(true);
  expect(Buffer.from(bytes.subarray(0, 2)).toString()).toBe('PK');
  expect(Object.keys(unzipSync(bytes))).toContain('xl/workbook.xml');
});
