/** Small messages: a header below row 15, an option without its value, a --units workbook without units. */
import * as path from 'path';
import { runCli } from '../helpers/cli';
import { FULL_HEADERS, ledgerGrid, rows, unitGrid } from '../helpers/ledger';
import { tempDir, writeXlsx } from '../helpers/xlsx';

const AS_OF = '2021-07-19';

const run = runCli;

let dir: string;
let ledger: string;
beforeAll(async () => {
  dir = await tempDir('banli-messages-');
  ledger = await writeXlsx(path.join(dir, '台账.xlsx'), [
    { name: '台账', rows: ledgerGrid(rows({})).values },
    { name: '承办单位', rows: unitGrid().values },
  ]);
});

test('a header on row 16: the file named, the header must be within the first 15 rows, delete the rows above it', async () => {
  const above = Array.from({ length: 15 }, (_, i) => [i === 0 ? '2021年建议提案办理台账' : `说明第 ${i} 行`]);
  const file = await writeXlsx(path.join(dir, '表头在第16行.xlsx'), [{ name: '台账', rows: ledgerGrid(rows({}), FULL_HEADERS, '台账', above).values }]);
  const r = await run('check', '--json', '--as-of', AS_OF, file);
  const e = r.json().files[0].error;
  expect(e.code).toBe('no-header');
  expect(e.message).toMatch(/^表头在第16行\.xlsx：在任何工作表的前 15 行中没有找到台账表头。/);
  expect(e.message).toContain('须在工作表的前 15 行内：表头上方有标题、说明等多余的行的，请删去这些行');
  expect(r.code).toBe(2);
});

test.each([
  [['report', 'x.xlsx', '-o'], '-o（--output）需要一个文件名，例如 -o 通报.docx。'],
  [['report', 'x.xlsx', '--output'], '选项 --output 需要一个文件名，例如 --output 通报.docx。'],
  [['check', 'x.xlsx', '--html'], '选项 --html 需要一个文件名，例如 --html 报告.html。'],
  [['check', 'x.xlsx', '--annotate'], '选项 --annotate 需要一个文件夹名。'],
  [['check', 'x.xlsx', '--as-of'], '选项 --as-of 需要一个值。'],
])('%j: %s', async (argv, message) => {
  const r = await run(...argv);
  expect(r.err).toBe(`banli：${message}\n`);
  expect(r.code).toBe(2);
});

test('--units naming a workbook without a unit list, or with a list without units: the file named, exit 2', async () => {
  const none = await writeXlsx(path.join(dir, '名单.xlsx'), [{ name: '名单', rows: [['姓名'], ['张三']] }]);
  const empty = await writeXlsx(path.join(dir, '空名单.xlsx'), [{ name: '承办单位', rows: [['单位名称', '别名']] }]);
  const a = await run('check', '--as-of', AS_OF, '--units', none, ledger);
  expect(a.err).toBe(`banli：--units 给出的 ${none} 里没有找到承办单位名单（需要一个有“单位名称”列的工作表）。请在这个工作簿中列出承办单位（每行一个，第一行为“单位名称”等列名），或改用台账中的“承办单位”工作表（不加 --units）。\n`);
  expect(a.code).toBe(2);
  const b = await run('check', '--json', '--as-of', AS_OF, '--units', empty, ledger);
  expect(b.json().error.message).toBe(`--units 给出的 ${empty} 里有“单位名称”列，但下面没有单位。请在这个工作簿中列出承办单位（每行一个，第一行为“单位名称”等列名），或改用台账中的“承办单位”工作表（不加 --units）。`);
  expect(b.code).toBe(2);
  // A list with units is used as before.
  const good = await writeXlsx(path.join(dir, '承办单位.xlsx'), [{ name: '承办单位', rows: unitGrid().values }]);
  expect((await run('check', '--as-of', AS_OF, '--units', good, ledger)).code).toBe(0);
});
