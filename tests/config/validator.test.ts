/**
 * The settings validator the page and the CLI share: precompiled from the schema (the committed file must be what the
 * schema gives), the same verdicts as ajv compiling the schema at run time, and no eval or `new Function` when it runs
 * (the pane's Content-Security-Policy forbids both).
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import { configIssues, configProblems, parseConfigText } from '../../src/config/validate';
import { SCHEMA_PATH } from '../../src/node/config';
import { exampleConfigFile } from '../../src/core';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const generator = require('../../scripts/config-validator.js') as { generate(): string; OUT: string };

const SAMPLES: unknown[] = [
  exampleConfigFile(),
  {},
  { deadlineMonths: '三个月', categories: { A: '已解决' }, sources: { 区人大建议: { body: 'npc', level: '本级' } }, headers: { 回复日: ['x'] }, dueSoon: 10, fixedDeadlines: { 省人大建议: '7月31日' } },
  { deadlineMonths: { 市政协提案: 0 }, maxExtensionMonths: 30, dueSoonDays: -1, categories: {}, praisedUnits: [''], requiredColumns: ['编号', '无此列'] },
  { officeLevel: 'town', sources: { 民革提案: { body: 'cppcc' } }, headers: { 答复日期: 'x' } },
  [],
  'text',
];

test('the committed validator is what the schema gives (run npm run config-validator after changing the schema)', () => {
  expect(readFileSync(generator.OUT, 'utf8')).toBe(generator.generate());
});

test('the precompiled validator agrees with ajv compiling the schema at run time, on valid and invalid settings', () => {
  const runtime = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')));
  for (const doc of SAMPLES) {
    const ok = runtime(doc);
    expect([doc, configIssues(doc).length === 0]).toEqual([doc, ok]);
  }
  expect(configProblems(SAMPLES[3])).toEqual([
    '“deadlineMonths”应是月数（如 3），或按来源分别写（如 {"市政协提案": 5}），现在是 {"市政协提案":0}。',
    '“maxExtensionMonths”应不大于 24，现在是 30。',
    '“categories”至少要写一项。',
    '“requiredColumns.1”的值 "无此列" 不在允许的范围内，可选：' + (JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')).properties.requiredColumns.items.enum as string[]).join('、') + '。',
    '“dueSoonDays”应不小于 0，现在是 -1。',
    '“praisedUnits.0”不能是空的文字。',
  ]);
});

test('each problem carries the top-level key it is under, for the 设置 form to show it at that field', () => {
  expect(configIssues(SAMPLES[4]).map((i) => [i.key, i.path])).toEqual([
    ['officeLevel', 'officeLevel'],
    ['sources', 'sources.民革提案'],
    ['headers', 'headers.答复日期'],
  ]);
  expect(configIssues({ dueSoon: 3 })).toEqual([{ key: 'dueSoon', path: '（整个文件）', text: expect.stringContaining('不认识的设置项“dueSoon”') }]);
  const notJson = parseConfigText('{ deadlineMonths: 3, }');
  expect(notJson.ok).toBe(false);
  expect(!notJson.ok && notJson.issues[0].text).toContain('不是有效的 JSON');
  expect(parseConfigText('\uFEFF{"dueSoonDays": 20}')).toEqual({ ok: true, file: { dueSoonDays: 20 } });
});

test('validating calls neither eval nor Function (the page forbids both), and the generated code holds neither', () => {
  const text = readFileSync(path.join(__dirname, '../../src/config/validate.generated.ts'), 'utf8');
  expect(text).not.toMatch(/new Function|\bFunction\(|\beval\(|\brequire\(/);
  const g = globalThis as unknown as Record<string, unknown>;
  const saved = { eval: g.eval, Function: g.Function };
  const calls: string[] = [];
  g.eval = () => calls.push('eval');
  g.Function = function () {
    calls.push('Function');
  };
  try {
    for (const doc of SAMPLES) configIssues(doc);
  } finally {
    g.eval = saved.eval;
    g.Function = saved.Function;
  }
  expect(calls).toEqual([]);
});
