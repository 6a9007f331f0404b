/** banli.config.json: found beside the ledger or given with --config, checked against the shipped schema; banli init. */
import { promises as fs } from 'fs';
import * as path from 'path';
import { FIELD_LABELS, configFromFile, exampleConfigFile } from '../../src/core';
import { main } from '../../src/node/cli';
import { SCHEMA_PATH, configProblems } from '../../src/node/config';
import { tempDir } from '../helpers/xlsx';
import { moreFixtures, writeFixture } from './fixtures';

const AS_OF = '2021-07-19';
let dir: string;
let ledger: string;
beforeAll(async () => {
  dir = await tempDir('banli-config-');
  ledger = await writeFixture(dir, moreFixtures().configured);
});

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

test('the settings beside the ledger apply: A/B/C/D, 5 months for 市政协提案, a fixed date, an extra header name', async () => {
  const r = await cli('check', '--json', '--as-of', AS_OF, ledger);
  const doc = JSON.parse(r.out);
  expect(doc.config).toBe(path.join(path.dirname(ledger), 'banli.config.json'));
  const f = doc.files[0];
  expect(f.columns.replyDate).toBe('回函日期');
  expect(f.totals).toMatchObject({ total: 5, replied: 2, overdue: 1, categories: { A: 0, B: 0, C: 1, D: 1 } });
  expect(f.findings.filter((x: { rule: string }) => x.rule !== 'unit.no-reception-day').map((x: { rule: string; cell: string }) => `${x.rule}@${x.cell}`)).toEqual([
    'feedback.degree-mismatch@台账!P3',
    'reply.overdue@台账!K5',
    'reply.due-soon@台账!K6',
  ]);
  expect(f.findings.find((x: { rule: string }) => x.rule === 'reply.due-soon').message).toContain('办理期限 2021-07-31');
  expect(r.code).toBe(1);
});

test('without the settings the same ledger is read with the defaults', async () => {
  const other = await tempDir('banli-config-none-');
  const copy = path.join(other, 'copy.xlsx');
  await fs.copyFile(ledger, copy);
  const doc = JSON.parse((await cli('check', '--json', '--as-of', AS_OF, copy)).out);
  expect(doc.config).toBeUndefined();
  expect(doc.files[0].counts.byRule['reply.category-invalid']).toBe(1);
  expect(doc.files[0].missingColumns.map((m: { field: string }) => m.field)).toContain('replyDate');
});

test('a malformed settings file: exit 2, every problem named by its key with the values allowed', async () => {
  const bad = path.join(dir, 'bad.json');
  await fs.writeFile(
    bad,
    JSON.stringify({
      deadlineMonths: '三个月',
      categories: { A: '已解决' },
      sources: { 区人大建议: { body: 'npc', level: '本级' } },
      headers: { 回复日: ['x'] },
      dueSoon: 10,
      fixedDeadlines: { 省人大建议: '7月31日' },
    }),
  );
  const r = await cli('check', '--config', bad, '--as-of', AS_OF, ledger);
  expect(r.code).toBe(2);
  expect(r.out).toBe('');
  expect(r.err).toContain('有 6 处问题');
  expect(r.err).toContain('“deadlineMonths”应是月数（如 3），或按来源分别写');
  expect(r.err).toContain('“categories.A”应是一个列表');
  expect(r.err).toContain('“sources.区人大建议.level”的值 "本级" 不在允许的范围内，可选：own、upper、national');
  expect(r.err).toContain('“headers.回复日”不是 Banli 认识的列');
  expect(r.err).toContain('不认识的设置项“dueSoon”。可用的设置项：officeLevel、sources、deadlineMonths');
  expect(r.err).toContain('“fixedDeadlines.省人大建议”应写成 2021-09-30 这样的日期');
  expect(r.err).not.toMatch(/at \w+ \(|Error:/);
});

test('列对应 in the settings: a field read from the header named, another from none; a header the sheet lacks changes nothing', async () => {
  const other = await tempDir('banli-config-columns-');
  const copy = path.join(other, 'copy.xlsx');
  await fs.copyFile(ledger, copy);
  const cfg = path.join(other, 'columns.json');
  await fs.writeFile(cfg, JSON.stringify({ columns: { 答复日期: '回函日期', remarks: '', 标题: '不存在的列' } }));
  const doc = JSON.parse((await cli('check', '--json', '--config', cfg, '--as-of', AS_OF, copy)).out);
  const f = doc.files[0];
  expect(f.columns.replyDate).toBe('回函日期');
  expect(f.columns.remarks).toBeUndefined();
  expect(f.columns.title).toBe('标题');
  expect(f.missingColumns.map((m: { field: string }) => m.field)).not.toContain('replyDate');
  expect(f.totals).toMatchObject({ total: 5, replied: 2 });

  await fs.writeFile(cfg, JSON.stringify({ columns: { 回复日: '回函日期', 答复日期: 3 } }));
  const r = await cli('check', '--config', cfg, '--as-of', AS_OF, copy);
  expect(r.code).toBe(2);
  expect(r.err).toContain('“columns.回复日”不是 Banli 认识的列');
  expect(r.err).toContain('“columns.答复日期”应是文字（加引号），现在是 3');
});

test('not JSON at all: exit 2 with a hint', async () => {
  const bad = path.join(dir, 'notjson.json');
  await fs.writeFile(bad, '{ deadlineMonths: 3, }');
  const r = await cli('check', '--config', bad, '--as-of', AS_OF, ledger);
  expect(r.code).toBe(2);
  expect(r.err).toContain('不是有效的 JSON（第 1 行第 3 个字符附近写得不对）');
  expect(r.err).toContain('英文双引号');
  // JSON.parse's own English (Expected double-quoted property name in JSON at position 2) is not shown.
  expect(r.err).not.toMatch(/position|Expected|property/);
});

test('banli init writes a filled-in example that passes the schema, and never overwrites', async () => {
  const d = await tempDir('banli-init-');
  const xlsx = path.join(d, '台账.xlsx');
  await fs.copyFile(ledger, xlsx);
  const r = await cli('init', xlsx);
  expect(r.code).toBe(0);
  const written = JSON.parse(await fs.readFile(path.join(d, 'banli.config.json'), 'utf8'));
  expect(written).toMatchObject({ deadlineMonths: 3, maxExtensionMonths: 6, dueSoonDays: 15, categories: { A: expect.any(Array) } });
  expect(configProblems(written)).toEqual([]);
  const again = await cli('init', d);
  expect(again.code).toBe(2);
  expect(again.err).toContain('已经存在');
  // The example read back gives the defaults' behaviour.
  const check = JSON.parse((await cli('check', '--json', '--as-of', AS_OF, xlsx)).out);
  expect(check.config).toBe(path.join(d, 'banli.config.json'));
});

test('the schema lists every column by id and by its Chinese name; the example is valid; 甲/乙/丙 grades are read', async () => {
  const schema = JSON.parse(await fs.readFile(SCHEMA_PATH, 'utf8'));
  const names = schema.properties.headers.propertyNames.enum;
  expect(names).toEqual([...Object.keys(FIELD_LABELS), ...Object.values(FIELD_LABELS)]);
  expect(configProblems(exampleConfigFile())).toEqual([]);
  const c = configFromFile({ categories: { 甲: ['已解决'], 乙: ['正在解决'], 丙: ['留作参考'] } });
  expect(c.categories).toEqual(['甲', '乙', '丙']);
  expect(c.categoryWords.find(([g]) => g === '乙')![1]).toContain('乙');
});
