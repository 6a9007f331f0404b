/** Unit returns read as one ledger: banli check --combine and banli report FOLDER. */
import { promises as fs } from 'fs';
import * as path from 'path';
import { main } from '../../src/node/cli';
import { ledgerGrid, rows, unitGrid } from '../helpers/ledger';
import { tempDir, writeXlsx } from '../helpers/xlsx';
import { unitReturns, writeFixture } from './fixtures';

const AS_OF = '2021-07-19';
let dir: string;
let folder: string;
beforeAll(async () => {
  dir = await tempDir('banli-combine-');
  for (const f of unitReturns()) await writeFixture(dir, f);
  folder = path.join(dir, 'returns');
});

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

test('40 unit returns combined: one set of totals, split items once, the same item in two files is a finding', async () => {
  const r = await cli('check', '--combine', '--json', '--as-of', AS_OF, folder);
  const doc = JSON.parse(r.out);
  expect(doc.combined).toHaveLength(40);
  expect(doc.files).toHaveLength(1);
  const f = doc.files[0];
  expect(f.sheets).toHaveLength(40);
  expect(f.sheets[0]).toEqual({ file: '单位01.xlsx', name: '台账', headerRow: 1, items: 4 });
  expect(f.items).toBe(123);
  expect(f.totals).toMatchObject({ total: 121, municipalNpc: 81, municipalCppcc: 40, splitItems: 1, replied: 120, overdue: 1 });
  expect(f.totals.bySource.map((s: { label: string; items: number }) => [s.label, s.items])).toEqual([
    ['市人大建议', 81],
    ['市政协提案', 40],
  ]);
  expect(f.findings.map((x: { rule: string; cell: string }) => `${x.rule}@${x.cell}`)).toEqual([
    'ledger.duplicate-number@单位04.xlsx!台账!C5',
    'reply.overdue@单位05.xlsx!台账!K3',
  ]);
  expect(f.findings[0].message).toBe('市政协提案编号“3”与单位03.xlsx 的工作表“台账”第 4 行重复。');
  expect(f.units.filter((u: { items: number }) => u.items > 0)).toHaveLength(40);
  expect(r.code).toBe(1);
});

test('the text names the files read and the combined totals', async () => {
  const r = await cli('check', '--combine', '--as-of', AS_OF, path.join(folder, '单位01.xlsx'), path.join(folder, '单位02.xlsx'));
  expect(r.out).toContain('合并读取 2 个工作簿：单位01.xlsx、单位02.xlsx。');
  expect(r.out).toContain('【办理总数】共 7 件');
  expect(r.code).toBe(0);
});

test('an unreadable return is named, left out, and the exit code is 2', async () => {
  const d = await tempDir('banli-combine-bad-');
  await fs.copyFile(path.join(folder, '单位01.xlsx'), path.join(d, '单位01.xlsx'));
  await fs.writeFile(path.join(d, '单位02.xlsx'), '不是工作簿');
  const r = await cli('check', '--combine', '--as-of', AS_OF, d);
  expect(r.code).toBe(2);
  expect(r.out).toMatch(/✗ .*单位02\.xlsx：无法读取，未计入。/);
  expect(r.out).toContain('【办理总数】共 4 件');
});

test("Banli's annotated copies among the returns are skipped, renamed ones by the marker inside, and said", async () => {
  const d = await tempDir('banli-combine-copies-');
  await fs.copyFile(path.join(folder, '单位01.xlsx'), path.join(d, '单位01.xlsx'));
  await fs.copyFile(path.join(folder, '单位02.xlsx'), path.join(d, '单位02.xlsx'));
  const marks = path.join(d, '标注');
  expect((await cli('check', '--as-of', AS_OF, '--annotate', marks, path.join(d, '单位01.xlsx'))).code).toBeLessThan(2);
  const copy = (await fs.readdir(marks))[0];
  expect(copy).toBe('单位01（已标注）.xlsx');
  // One copy under its own name, one renamed so that only the marker in the package tells.
  await fs.copyFile(path.join(marks, copy), path.join(d, copy));
  await fs.copyFile(path.join(marks, copy), path.join(d, '单位03.xlsx'));
  await fs.rm(marks, { recursive: true });
  const alone = JSON.parse((await cli('check', '--combine', '--json', '--as-of', AS_OF, path.join(d, '单位01.xlsx'), path.join(d, '单位02.xlsx'))).out);
  const r = await cli('check', '--combine', '--json', '--as-of', AS_OF, d);
  const doc = JSON.parse(r.out);
  expect(doc.combined.map((p: string) => path.basename(p))).toEqual(['单位01.xlsx', '单位02.xlsx']);
  expect(doc.skipped.map((k: { path: string; reason: string }) => [path.basename(k.path), k.reason]).sort()).toEqual([
    ['单位01（已标注）.xlsx', 'annotated-copy'],
    ['单位03.xlsx', 'annotated-copy'],
  ]);
  expect(doc.files[0].totals.total).toBe(alone.files[0].totals.total);
  const text = await cli('check', '--combine', '--as-of', AS_OF, d);
  expect(text.out).toMatch(/跳过：.*单位03\.xlsx 是办理助手写出的标注副本，不作为台账检查。/);
});

test('banli report FOLDER -o X.docx: the circular from the combined returns', async () => {
  const out = path.join(dir, '通报.docx');
  const r = await cli('report', '--as-of', AS_OF, folder, '-o', out);
  expect(r.err).toContain('错误级别的问题');
  expect(r.code).toBe(1);
  expect(r.out).toContain('121 件');
  const bytes = await fs.readFile(out);
  expect(bytes.subarray(0, 2).toString()).toBe('PK');
});

test('a unit master list found in one of the workbooks is cited file!sheet!cell like the ledger cells', async () => {
  const d = await tempDir('banli-combine-units-');
  const a = await writeXlsx(path.join(d, '甲.xlsx'), [{ name: '台账', rows: ledgerGrid(rows({})).values }]);
  const b = await writeXlsx(path.join(d, '乙.xlsx'), [
    { name: '台账', rows: ledgerGrid(rows({ 编号: 201 })).values },
    { name: '承办单位', rows: unitGrid().values },
  ]);
  const doc = JSON.parse((await cli('check', '--combine', '--json', '--as-of', AS_OF, a, b)).out);
  const cells = doc.files[0].findings.filter((x: { rule: string }) => x.rule === 'unit.no-reception-day').map((x: { cell: string }) => x.cell);
  expect(cells).toEqual(['乙.xlsx!承办单位!C4', '乙.xlsx!承办单位!C5']);
});
