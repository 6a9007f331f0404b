import { Analysis, CellValue, RULE_IDS, RuleId, analyse, circularCounts } from '../../src/core';
import { FULL_HEADERS, RowSpec, ledgerGrid, rows, unitGrid } from '../helpers/ledger';

const AS_OF = '2021-07-19';
const run = (specs: RowSpec[], opts: { units?: boolean; headers?: readonly string[]; formVersion?: string; asOf?: string } = {}): Analysis =>
  analyse([ledgerGrid(rows(...specs), opts.headers ?? FULL_HEADERS), ...(opts.units === false ? [] : [unitGrid()])], {
    asOf: opts.asOf ?? AS_OF,
    formVersion: opts.formVersion,
  });
const count = (a: Analysis, rule: RuleId) => a.findings.filter((f) => f.rule === rule).length;
const itemRules = (a: Analysis) => a.findings.filter((f) => f.rule !== 'unit.no-reception-day').map((f) => f.rule);

test('a clean row raises nothing; the unit list raises the reception-day finding for units without it', () => {
  const a = run([{}]);
  expect(itemRules(a)).toEqual([]);
  const rec = a.findings.filter((f) => f.rule === 'unit.no-reception-day');
  expect(rec.map((f) => [f.unit, f.cell, f.value])).toEqual([
    ['市水利局', '承办单位!C4', '否'],
    ['市财政局', '承办单位!C5', null],
  ]);
});

/** The table of severities, written out independently of the code's RULES. */
const SEVERITY: Record<RuleId, 'error' | 'warning'> = {
  'ledger.column-missing': 'error',
  'ledger.duplicate-number': 'error',
  'source.unknown': 'error',
  'assign.unit-missing': 'error',
  'assign.unit-unknown': 'warning',
  'assign.date-missing': 'error',
  'date.invalid': 'error',
  'reply.overdue': 'error',
  'reply.late': 'warning',
  'reply.before-assignment': 'error',
  'reply.after-as-of': 'error',
  'reply.category-missing': 'error',
  'reply.category-invalid': 'error',
  'feedback.missing': 'warning',
  'feedback.invalid': 'error',
  'feedback.old-form': 'warning',
  'feedback.degree-mismatch': 'error',
  'key.leader-missing': 'error',
  'contact.no-face-to-face': 'warning',
  'unit.no-reception-day': 'warning',
  'reply.due-soon': 'warning',
  'reply.extension': 'error',
  'feedback.second-handling': 'error',
  'reply.not-published': 'warning',
  'reply.number-missing': 'warning',
  'assign.co-unit-late': 'warning',
};

type Case = [RuleId, RowSpec, RowSpec, string?];
// [rule, a row that fires it, a near row that must not, the column it points at]
const cases: Case[] = [
  ['source.unknown', { 类别: '区人大建议' }, { 类别: '市人大闭会建议' }, 'B'],
  ['assign.unit-missing', { 主办单位: '' }, { 主办单位: '市城管局' }, 'F'],
  ['assign.unit-unknown', { 主办单位: '市交通委' }, { 主办单位: '郑州市交通运输局' }, 'F'],
  ['assign.date-missing', { 交办日期: null, 答复日期: null, 答复类别: null, 代表委员意见: null, 解决程度: null, 是否面商: null }, { 交办日期: '2021年3月26日' }, 'H'],
  ['date.invalid', { 交办日期: '2021-02-30' }, { 交办日期: 44281 }, 'H'],
  ['reply.overdue', { 答复日期: null, 答复类别: null, 代表委员意见: null, 解决程度: null, 是否面商: null }, { 交办日期: '2021-04-20', 答复日期: null, 答复类别: null, 代表委员意见: null, 解决程度: null, 是否面商: null }, 'K'],
  ['reply.late', { 答复日期: '2021-06-27' }, { 答复日期: '2021-06-26' }, 'K'],
  ['reply.before-assignment', { 答复日期: '2021-03-20' }, { 答复日期: '2021-03-26' }, 'K'],
  ['reply.after-as-of', { 交办日期: '2021-05-01', 答复日期: '2021-07-20' }, { 交办日期: '2021-05-01', 答复日期: '2021-07-19' }, 'K'],
  ['reply.category-missing', { 答复类别: '', 解决程度: '' }, { 答复类别: 'A类' }, 'L'],
  ['reply.category-invalid', { 答复类别: 'D', 解决程度: '' }, { 答复类别: 'Ａ' }, 'L'],
  ['feedback.missing', { 代表委员意见: '' }, { 代表委员意见: '基本满意' }, 'N'],
  ['feedback.invalid', { 代表委员意见: '比较满意' }, { 代表委员意见: '不满意' }, 'N'],
  ['feedback.old-form', { 征询意见表版本: '旧表' }, { 征询意见表版本: '新表' }, 'O'],
  ['feedback.degree-mismatch', { 答复类别: 'A', 解决程度: '列入计划' }, { 答复类别: 'B', 解决程度: '列入计划' }, 'P'],
  ['key.leader-missing', { 是否重点督办: '√', 领办市领导: '' }, { 是否重点督办: '√', 领办市领导: '王副市长' }, 'J'],
  ['contact.no-face-to-face', { 是否面商: '否' }, { 是否面商: '√' }, 'M'],
];

describe.each(cases)('%s', (rule, firing, quiet, col) => {
  test('fires on the row, pointing at its cell', () => {
    const a = run([{}, firing]);
    expect(count(a, rule)).toBe(1);
    const f = a.findings.find((x) => x.rule === rule)!;
    expect(f.row).toBe(3);
    expect(f.cell).toBe(`台账!${col}3`);
    expect(f.message).toMatch(/[\u4e00-\u9fff]/);
    expect(f.severity).toBe(SEVERITY[rule]);
  });
  test('does not fire on the near row', () => {
    const a = run([{}, quiet]);
    expect(count(a, rule)).toBe(0);
    // The near unanswered row is due the day after the as-of day: it is on the 催办 list, nothing else.
    expect(itemRules(a).filter((r) => r !== 'reply.due-soon')).toEqual([]);
  });
});

test('the deadline column wins over assignment + 3 months', () => {
  const headers = [...FULL_HEADERS, '办理期限'];
  const a = run([{ 答复日期: '2021-06-20', 办理期限: '2021-06-15' }, { 答复日期: '2021-07-10', 办理期限: '2021年7月31日' }], { headers });
  expect(a.findings.filter((f) => f.rule === 'reply.late').map((f) => f.row)).toEqual([2]);
});

test('overdue depends on the as-of day', () => {
  const pending = { 答复日期: null, 答复类别: null, 代表委员意见: null, 解决程度: null, 是否面商: null };
  expect(count(run([pending], { asOf: '2021-06-26' }), 'reply.overdue')).toBe(0);
  expect(count(run([pending], { asOf: '2021-06-27' }), 'reply.overdue')).toBe(1);
});

test('--form-version: any other version is old', () => {
  const a = run([{ 征询意见表版本: '2020年版' }, { 征询意见表版本: '2021年版' }], { formVersion: '2021年版' });
  expect(a.findings.filter((f) => f.rule === 'feedback.old-form').map((f) => f.row)).toEqual([2]);
});

test('duplicate numbers: every row after the first with the same source and number', () => {
  const base = rows({})[0];
  const specs = [
    { ...base, 编号: 7 },
    { ...base, 编号: '７' },
    { ...base, 编号: 7 },
    { ...base, 编号: 7, 类别: '市政协提案' },
    { ...base, 编号: 7, 类别: '闭会建议' },
  ];
  const a = analyse([ledgerGrid(specs), unitGrid()], { asOf: AS_OF });
  const dups = a.findings.filter((f) => f.rule === 'ledger.duplicate-number');
  expect(dups.map((f) => f.row)).toEqual([3, 4]);
  expect(dups[0].message).toContain('第 2 行');
});

test('duplicate numbers in any order: rising runs, numbers out of order, texts and full-width digits', () => {
  const base = rows({})[0];
  // Numbers as a ledger may hold them, in no particular order; written as numbers or as text.
  const numbers: CellValue[] = [5, 9, 3, 9, '3', 12, '５', 0, '0', '007', 7, '7', 7.5, '7.5', 11, 4, 4, 13, '013', 2, 1, 12];
  const specs = numbers.map((n) => ({ ...base, 编号: n }));
  const a = analyse([ledgerGrid(specs), unitGrid()], { asOf: AS_OF });
  // Expected, worked out plainly: a row repeats an earlier one when their numbers read the same (full-width
  // digits as half-width; 007 and 013 are texts of their own, 7.5 and '7.5' the same).
  const canon = (v: CellValue) => String(v).replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  const seen = new Set<string>();
  const expected: number[] = [];
  numbers.forEach((n, i) => {
    const k = canon(n);
    if (seen.has(k)) expected.push(i + 2);
    seen.add(k);
  });
  expect(expected).toEqual([5, 6, 8, 10, 13, 15, 18, 23]);
  expect(a.findings.filter((f) => f.rule === 'ledger.duplicate-number').map((f) => f.row)).toEqual(expected);
});

test('建字第2号, 第2号 and 2号 are the number 2; 提字第12号 is 12, 第007号 is 007', () => {
  const base = rows({})[0];
  const numbers: CellValue[] = [2, '建字第2号', '第 2 号', '2号', '提字第12号', 12, '第007号', '007', '第2', '2021第2号'];
  const a = analyse([ledgerGrid(numbers.map((n) => ({ ...base, 编号: n }))), unitGrid()], { asOf: AS_OF });
  expect(a.findings.filter((f) => f.rule === 'ledger.duplicate-number').map((f) => f.row)).toEqual([3, 4, 5, 7, 9, 10]);
});

test('one number, two titles: two items counted apart, the later row reported; a split item keeps its title', () => {
  const base = rows({})[0];
  const a = analyse(
    [
      ledgerGrid([
        { ...base, 编号: 2, 标题: '关于改善学校午餐的建议', 主办单位: '市交通局' },
        { ...base, 编号: 2, 标题: '关于完善财政预算公开的建议', 主办单位: '市城管局' },
        { ...base, 编号: 3, 标题: '关于治理城市内涝的建议', 主办单位: '市交通局' },
        { ...base, 编号: 3, 标题: '关于治理城市内涝的建议（分办）', 主办单位: '市城管局' },
        { ...base, 编号: 4, 标题: '关于 治理城市内涝 的建议', 主办单位: '市交通局' },
        { ...base, 编号: 4, 标题: '', 主办单位: '市城管局' },
      ]),
      unitGrid(),
    ],
    { asOf: AS_OF },
  );
  // 2 twice with other titles: two items; 3 and 4: one item each split between two units.
  expect(a.totals).toMatchObject({ total: 4, splitItems: 2 });
  const dups = a.findings.filter((f) => f.rule === 'ledger.duplicate-number');
  expect(dups.map((f) => f.row)).toEqual([3]);
  expect(dups[0].message).toBe('市人大建议编号“2”与第 2 行相同，但标题不同（“关于改善学校午餐的建议”）：两件建议提案用了同一个编号，两件都已计数。');
  expect(a.ledger.numberClashes.map((c) => [c.item.row, c.first.row])).toEqual([[3, 2]]);
  // The circular counts the same four items (its partitions add up to them).
  const c = circularCounts(a, AS_OF);
  expect(c.onTime + c.late + c.undeterminable).toBe(4);
});

test('form version and degree read once per text still judge each row by its own cells', () => {
  const a = run(
    [
      { 答复类别: 'A', 解决程度: '列入计划' },
      { 答复类别: 'B', 解决程度: '列入计划' },
      { 答复类别: 'A', 解决程度: '列入计划' },
      { 答复类别: 'A', 解决程度: null },
      { 征询意见表版本: 2020 },
      { 征询意见表版本: '2021年版' },
      { 征询意见表版本: ' 2020 ' },
    ],
    { formVersion: '2021年版' },
  );
  expect(a.findings.filter((f) => f.rule === 'feedback.degree-mismatch').map((f) => f.row)).toEqual([2, 4]);
  expect(a.findings.filter((f) => f.rule === 'feedback.old-form').map((f) => [f.row, f.value])).toEqual([
    [6, '2020'],
    [8, ' 2020 '],
  ]);
});

test('a co-unit not on the list is reported with the nearest name', () => {
  const a = run([{ 协办单位: '市城管局、市财攻局' }]);
  const f = a.findings.filter((x) => x.rule === 'assign.unit-unknown');
  expect(f).toHaveLength(1);
  expect(f[0].value).toBe('市财攻局');
  expect(f[0].suggestion).toBe('是否应为“市财政局”？');
  expect(f[0].cell).toBe('台账!G2');
});

test('without a master list the unit rules do not run, and the result says so', () => {
  const a = run([{ 主办单位: '任意单位' }], { units: false });
  expect(count(a, 'assign.unit-unknown')).toBe(0);
  expect(count(a, 'unit.no-reception-day')).toBe(0);
  expect(a.notRun.map((n) => n.rule)).toEqual(expect.arrayContaining(['assign.unit-unknown', 'unit.no-reception-day']));
  expect(a.notRun.find((n) => n.rule === 'assign.unit-unknown')!.reason).toContain('承办单位名单');
});

test('a missing required column is reported once, and rules needing it do not flood', () => {
  const headers = FULL_HEADERS.filter((h) => h !== '答复日期' && h !== '代表委员意见');
  const a = run([{}, {}, {}], { headers });
  const missing = a.findings.filter((f) => f.rule === 'ledger.column-missing');
  expect(missing).toHaveLength(2);
  expect(missing.every((f) => f.row === null && f.cell === null)).toBe(true);
  expect(missing.map((f) => f.message).join()).toMatch(/答复日期.*代表委员意见/);
  for (const rule of ['reply.overdue', 'reply.late', 'feedback.missing', 'feedback.invalid', 'contact.no-face-to-face'] as RuleId[]) {
    expect(count(a, rule)).toBe(0);
  }
});

test('optional columns absent: their rules do not run', () => {
  const headers = ['类别', '编号', '主办单位', '交办日期', '答复日期', '答复类别', '代表委员意见'];
  const a = run([{ 是否面商: '否' }], { headers });
  expect(a.findings.filter((f) => f.rule !== 'unit.no-reception-day')).toEqual([]);
  expect(a.notRun.map((n) => n.rule)).toEqual(
    expect.arrayContaining(['feedback.old-form', 'feedback.degree-mismatch', 'key.leader-missing', 'contact.no-face-to-face']),
  );
});

test('every rule id has a test case above or its own test', () => {
  const covered = new Set<string>([
    ...cases.map((c) => c[0]),
    'ledger.column-missing',
    'ledger.duplicate-number',
    'unit.no-reception-day',
    // tests/core/newRules.test.ts
    'reply.due-soon',
    'reply.extension',
    'feedback.second-handling',
    'reply.not-published',
    'reply.number-missing',
    'assign.co-unit-late',
  ]);
  expect(RULE_IDS.filter((r) => !covered.has(r))).toEqual([]);
});

test('values that could be formulas or markup are carried as plain text', () => {
  const v: CellValue = '=HYPERLINK("x")<&>';
  const a = run([{ 主办单位: v }]);
  const f = a.findings.find((x) => x.rule === 'assign.unit-unknown')!;
  expect(f.value).toBe(v);
});

test('several units in the lead unit’s cell are said to be several (not a misspelt name); co-units split on / too', () => {
  const a = analyse([ledgerGrid(rows({ 主办单位: '市交通局、市城管局' }, { 协办单位: '市城管局/市水利局' })), unitGrid()], { asOf: '2021-07-19' });
  const unknown = a.findings.filter((f) => f.rule === 'assign.unit-unknown');
  expect(unknown.map((f) => f.message)).toEqual(['主办单位一格中写了 2 个单位（市交通局、市城管局），按一个单位统计不了。']);
  expect(unknown[0].suggestion).toContain('分办');
  expect(a.ledger.items[1].coUnits.map((u) => u.name)).toEqual(['市城管局', '市水利局']);
});
