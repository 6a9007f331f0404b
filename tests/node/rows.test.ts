/**
 * Rows and items never contradict without saying why: a ledger whose rows of one item (split among lead units, or
 * entered twice) count once says “共 5 行，计 3 件”, and its 【办理总数】 is 3; alone, combined, in a batch and in HTML.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { runCli } from '../helpers/cli';
import { ledgerGrid, rows, unitGrid } from '../helpers/ledger';
import { tempDir, writeXlsx } from '../helpers/xlsx';

const AS_OF = '2021-07-19';

const run = runCli;

let dir: string;
let ledger: string;
let copy: string;
let plain: string;
beforeAll(async () => {
  dir = await tempDir('banli-rows-');
  // 5 rows, 3 items: 101 split between two lead units, 102 entered twice, 103 once.
  const grid = ledgerGrid(
    rows(
      { 编号: 101, 主办单位: '市交通局' },
      { 编号: 101, 主办单位: '市城管局' },
      { 编号: 102 },
      { 编号: 102 },
      { 编号: 103 },
    ),
  );
  ledger = await writeXlsx(path.join(dir, '城区.xlsx'), [
    { name: '台账', rows: grid.values },
    { name: '承办单位', rows: unitGrid().values },
  ]);
  copy = path.join(dir, '城区-再报.xlsx');
  await fs.copyFile(ledger, copy);
  plain = await writeXlsx(path.join(dir, '郊区.xlsx'), [
    { name: '台账', rows: ledgerGrid(rows({}, {})).values },
    { name: '承办单位', rows: unitGrid().values },
  ]);
});

test('one ledger: rows said as 行, the items they make, and why they differ; then 【办理总数】 agrees', async () => {
  const r = await run('check', '--as-of', AS_OF, ledger);
  expect(r.out).toContain('工作表“台账”，表头在第 1 行，共 5 行，计 3 件（同一类别、编号的 2 行与前面的行算作一件：分办或重复登记）。');
  expect(r.out).toContain('【办理总数】共 3 件');
  expect(r.out).not.toContain('共 5 件');
});

test('a ledger whose rows are its items keeps “共 N 件”', async () => {
  const r = await run('check', '--as-of', AS_OF, plain);
  expect(r.out).toContain('工作表“台账”，表头在第 1 行，共 2 件。');
});

test('--combine, the same ledger twice: 10 rows make 3 items, each sheet counted in rows', async () => {
  const r = await run('check', '--combine', '--as-of', AS_OF, ledger, copy);
  expect(r.out).toContain('读取了 2 个工作表：城区.xlsx!“台账”5 行（表头第 1 行），城区-再报.xlsx!“台账”5 行（表头第 1 行）。');
  expect(r.out).toContain('合计共 10 行，计 3 件（同一类别、编号的 7 行与前面的行算作一件：分办或重复登记）。');
  expect(r.out).toContain('【办理总数】共 3 件');
});

test('a batch: each status line gives items (rows when they differ), the grand total items', async () => {
  const r = await run('check', '--as-of', AS_OF, ledger, plain);
  expect(r.out).toMatch(/城区\.xlsx：3 件（5 行），错误 /);
  expect(r.out).toMatch(/郊区\.xlsx：2 件，错误 /);
  expect(r.out).toMatch(/合计：2 个文件，已检查 2 个；共 5 件，/);
});

test('the HTML report says the same', async () => {
  const html = path.join(dir, '报告.html');
  await run('check', '--as-of', AS_OF, '--html', html, ledger);
  const page = await fs.readFile(html, 'utf8');
  expect(page).toContain('共 5 行，计 3 件（同一类别、编号的 2 行与前面的行算作一件：分办或重复登记）');
});
