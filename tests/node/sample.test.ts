import { promises as fs } from 'fs';
import * as path from 'path';
import { Analysis, RULE_IDS, analyse } from '../../src/core';
import { readWorkbookFile } from '../../src/node/workbook';
import { buildSampleWorkbook } from '../../src/node/sample/generate';
import { sampleReadme } from '../../src/node/sample/readme';

const SAMPLE = path.join(__dirname, '../../samples/ledger-2021.xlsx');
let a: Analysis;

beforeAll(async () => {
  a = analyse(await readWorkbookFile(SAMPLE), { asOf: '2021-07-19' });
});

test('the committed sample is exactly what the generator writes (same bytes every run)', async () => {
  const [one, two, committed] = await Promise.all([buildSampleWorkbook(), buildSampleWorkbook(), fs.readFile(SAMPLE)]);
  expect(one.equals(two)).toBe(true);
  expect(one.equals(committed)).toBe(true);
  expect(await fs.readFile(path.join(__dirname, '../../samples/README.md'), 'utf8')).toBe(sampleReadme());
});

test('layout: merged title above the header, 承办单位 sheet, total row skipped', () => {
  expect(a.ledger.sheet).toBe('台账');
  expect(a.ledger.headerRow).toBe(2);
  expect(a.ledger.units?.sheet).toBe('承办单位');
  expect(a.ledger.units?.units).toHaveLength(40);
  expect(a.ledger.skipped).toEqual({ blank: 1, total: 1, note: 0 });
});

test('the reference circular’s figures, counted from the items', () => {
  const t = a.totals;
  expect(t.total).toBe(1388);
  expect(t.provincial).toBe(81);
  expect(t.provincialNpc + t.provincialCppcc).toBe(81);
  expect(t.municipalNpc).toBe(468);
  expect(t.municipalNpcInterSession).toBe(14);
  expect(t.municipalCppcc).toBe(839);
  expect(t.keyNpc).toBe(20);
  expect(t.keyCppcc).toBe(8);
  expect(t.unknownSource).toBe(0);
  expect(t.overdue).toBe(6);
  // 1388 less 3 unassigned, 10 inter-session not yet due, 6 overdue
  expect(t.replied).toBe(1369);
  // replied less 10 late, 2 with an invalid reply date and 1 replied before it was assigned (K141)
  expect(t.repliedOnTime).toBe(1356);
  expect(t.rates.reply).toEqual({ numerator: 1369, denominator: 1388, rate: 0.9863 });
  expect(Object.values(t.categories).reduce((x, y) => x + y, 0)).toBe(1369 - 2 /* category missing */ - 1 /* D */);
  expect(Object.values(t.satisfaction).reduce((x, y) => x + y, 0)).toBe(1369 - 9 /* missing */ - 1 /* invalid */);
});

test('the exact planted count of every rule (samples/README.md)', () => {
  const expected: Record<string, number> = {
    'assign.unit-missing': 3,
    'assign.date-missing': 3,
    'assign.unit-unknown': 2,
    'date.invalid': 2,
    'reply.overdue': 6,
    'reply.late': 10,
    'reply.before-assignment': 1,
    'reply.category-missing': 2,
    'reply.category-invalid': 1,
    'feedback.missing': 9,
    'feedback.invalid': 1,
    'feedback.old-form': 12,
    'feedback.degree-mismatch': 7,
    'key.leader-missing': 1,
    'contact.no-face-to-face': 15,
    'unit.no-reception-day': 16,
  };
  const actual = Object.fromEntries(RULE_IDS.map((r) => [r, a.ruleCounts[r] ?? 0]).filter(([, n]) => n));
  expect(actual).toEqual(expected);
});

test('24 units with the reception day, in the circular’s order; aliases resolved', () => {
  const withDay = a.ledger.units!.units.filter((u) => u.receptionDay).map((u) => u.name);
  expect(withDay).toHaveLength(24);
  expect(withDay.slice(0, 3)).toEqual(['市城管局', '市城建局', '登封市人民政府']);
  expect(withDay[23]).toBe('市发展改革委');
  const viaAlias = a.ledger.items.filter((i) => i.leadUnit?.viaAlias).length;
  expect(viaAlias).toBe(25);
});

test('the nine praised units have clean records; every other unit with items has a finding', () => {
  const clean = a.units.filter((u) => u.items > 0 && u.findings === 0).map((u) => u.name).sort();
  expect(clean).toEqual(['市农委', '市卫健委', '市工信局', '市交通局', '郑东新区管委会', '市教育局', '市城管局', '市城建局', '市资源规划局'].sort());
  expect(a.units.filter((u) => u.items > 0)).toHaveLength(41);
});
