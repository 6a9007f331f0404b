/**
 * banli init writes settings that read a ledger exactly as the defaults do — no example column names or sources as
 * active settings (how to add them is printed) —, no install-folder $schema, the office level detected, and refuses
 * to overwrite in Chinese only.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { runCli } from '../helpers/cli';
import { smallLedger } from '../helpers/hostile';
import { ledgerGrid, rows, unitGrid } from '../helpers/ledger';
import { tempDir, writeXlsx } from '../helpers/xlsx';

const AS_OF = '2021-07-19';

const run = runCli;

test('the settings written change nothing: a ledger using 回函日期 and 责任单位 reads as without them', async () => {
  const dir = await tempDir('banli-init-');
  // A ledger whose columns are named 回函日期 and 责任单位: the old example would have mapped them.
  const headers = ['序号', '类别', '编号', '标题', '主办单位', '责任单位', '交办日期', '答复日期', '回函日期'];
  const ledger = await writeXlsx(path.join(dir, '台账.xlsx'), [
    { name: '台账', rows: ledgerGrid(rows({ 责任单位: '市城管局', 回函日期: '2021-05-01' }), headers).values },
    { name: '承办单位', rows: unitGrid().values },
  ]);
  const before = JSON.parse((await run('check', '--json', '--as-of', AS_OF, ledger)).out).files[0];
  const r = await run('init', ledger);
  expect(r.code).toBe(0);
  const file = path.join(dir, 'banli.config.json');
  const written = JSON.parse(await fs.readFile(file, 'utf8'));
  expect(written.$schema).toBeUndefined();
  expect(written.headers ?? {}).toEqual({});
  expect(written.sources ?? {}).toEqual({});
  expect(written.officeLevel).toBe(before.totals.office);
  const after = JSON.parse((await run('check', '--json', '--as-of', AS_OF, ledger)).out);
  expect(after.config).toBe(file);
  expect(after.files[0].columns).toEqual(before.columns);
  expect(after.files[0].totals).toEqual(before.totals);
  expect(after.files[0].counts).toEqual(before.counts);
  // How to add column names is said, not written.
  expect(r.out).toContain('"headers": { "答复日期": ["回函日期"], "主办单位": ["责任单位"] }');
  expect(r.out).toContain(`"officeLevel": "${before.totals.office}" 是从 ${ledger} 判断的本机关层级`);
});

test('a folder without a ledger: no officeLevel, and said why; the refusal to overwrite is in Chinese only', async () => {
  const dir = await tempDir('banli-init-');
  const r = await run('init', dir);
  expect(r.code).toBe(0);
  const written = JSON.parse(await fs.readFile(path.join(dir, 'banli.config.json'), 'utf8'));
  expect(written.officeLevel).toBeUndefined();
  expect(r.out).toContain('没有写 officeLevel');
  const again = await run('init', dir);
  expect(again.code).toBe(2);
  expect(again.err).toBe(`banli：${path.join(dir, 'banli.config.json')} 已经存在，办理助手不会覆盖它。要重新生成，请先把它改名或移走。\n`);
  // A folder of returns: the level from its first ledger.
  const returns = await tempDir('banli-init-');
  await smallLedger(path.join(returns, '单位01.xlsx'));
  expect((await run('init', returns)).code).toBe(0);
  expect(JSON.parse(await fs.readFile(path.join(returns, 'banli.config.json'), 'utf8')).officeLevel).toBe('city');
});
