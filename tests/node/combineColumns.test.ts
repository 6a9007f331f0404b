/** --combine: each workbook's column mapping when they differ, and the workbook the unit list came from. */
import * as path from 'path';
import { runCli } from '../helpers/cli';
import { FULL_HEADERS, ledgerGrid, rows, unitGrid } from '../helpers/ledger';
import { tempDir, writeXlsx } from '../helpers/xlsx';

const AS_OF = '2021-07-19';

const run = runCli;

test('returns naming their columns differently: each mapping shown; the unit list named with its file', async () => {
  const dir = await tempDir('banli-cols-');
  const a = await writeXlsx(path.join(dir, '单位01.xlsx'), [{ name: '台账', rows: ledgerGrid(rows({ 编号: 1 })).values }]);
  const renamed = FULL_HEADERS.map((h) => (h === '答复日期' ? '办结时间' : h));
  const b = await writeXlsx(path.join(dir, '单位02.xlsx'), [
    { name: '台账', rows: ledgerGrid(rows({ 编号: 2, 办结时间: '2021-06-01' }), renamed).values },
    { name: '承办单位', rows: unitGrid().values },
  ]);
  const r = await run('check', '--combine', '--as-of', AS_OF, a, b);
  expect(r.out).toContain('各工作簿的列名对应不同：');
  expect(r.out).toMatch(/\n {2}单位01\.xlsx：(?:(?!办结时间).)*。\n/);
  expect(r.out).toMatch(/\n {2}单位02\.xlsx：.*“办结时间”→答复日期.*。\n/);
  expect(r.out).toContain('承办单位名单：单位02.xlsx 的工作表“承办单位”，4 个单位。');
  const doc = (await run('check', '--combine', '--json', '--as-of', AS_OF, a, b)).json();
  expect(doc.files[0].columnsByFile.map((c: { file: string; columns: { replyDate: string } }) => [c.file, c.columns.replyDate])).toEqual([
    ['单位01.xlsx', '答复日期'],
    ['单位02.xlsx', '办结时间'],
  ]);
  expect(doc.files[0].unitList.file).toBe('单位02.xlsx');
});

test('returns naming their columns alike: one mapping line, as for one workbook', async () => {
  const dir = await tempDir('banli-cols-');
  const a = await writeXlsx(path.join(dir, '单位01.xlsx'), [{ name: '台账', rows: ledgerGrid(rows({ 编号: 1 })).values }]);
  const b = await writeXlsx(path.join(dir, '单位02.xlsx'), [
    { name: '台账', rows: ledgerGrid(rows({ 编号: 2 })).values },
    { name: '承办单位', rows: unitGrid().values },
  ]);
  const r = await run('check', '--combine', '--as-of', AS_OF, a, b);
  expect(r.out).not.toContain('各工作簿的列名对应不同');
  const doc = (await run('check', '--combine', '--json', '--as-of', AS_OF, a, b)).json();
  expect(doc.files[0].columnsByFile).toBeUndefined();
});
