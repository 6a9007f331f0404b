/** The rules beyond the first 19, and split items (分办). Each fires on one row and not on its near row. */
import { Analysis, RuleId, analyse, deadlineOf, itemDeadlines, makeConfig } from '../../src/core';
import { FULL_HEADERS, RowSpec, ledgerGrid, rows, unitGrid } from '../helpers/ledger';

const AS_OF = '2021-07-19';
const PENDING: RowSpec = { 答复日期: null, 答复类别: null, 代表委员意见: null, 解决程度: null, 是否面商: null };
const run = (specs: RowSpec[], extra: string[] = [], config = makeConfig()): Analysis =>
  analyse([ledgerGrid(rows(...specs), [...FULL_HEADERS, ...extra]), unitGrid()], { asOf: AS_OF, config });
const fired = (a: Analysis, rule: RuleId) => a.findings.filter((f) => f.rule === rule).map((f) => f.cell);
const others = (a: Analysis, rule: RuleId) => a.findings.filter((f) => f.rule !== rule && f.rule !== 'unit.no-reception-day').map((f) => f.rule);

test('reply.due-soon: unanswered and due within 15 days (the 催办 list); dueSoonDays changes the window', () => {
  const a = run([{ ...PENDING, 交办日期: '2021-04-25' }, { ...PENDING, 交办日期: '2021-05-10' }, { 交办日期: '2021-04-25' }]);
  expect(fired(a, 'reply.due-soon')).toEqual(['台账!K2']);
  expect(a.findings.find((f) => f.rule === 'reply.due-soon')!.message).toBe('办理期限 2021-07-25，还有 6 天到期，尚未答复。');
  expect(others(a, 'reply.due-soon')).toEqual([]);
  expect(fired(run([{ ...PENDING, 交办日期: '2021-04-25' }], [], makeConfig({ dueSoonDays: 5 })), 'reply.due-soon')).toEqual([]);
});

test('reply.extension: 延期至 beyond 6 months after assignment; a valid extension moves the deadline', () => {
  const a = run(
    [
      { ...PENDING, 延期至: '2021-10-31' },
      { ...PENDING, 延期至: '2021-09-20' },
      { ...PENDING, 延期至: '延期2个月' },
      { ...PENDING, 延期至: '已延期' },
    ],
    ['延期至'],
  );
  expect(fired(a, 'reply.extension')).toEqual(['台账!R2', '台账!R5']);
  expect(a.findings.find((f) => f.rule === 'reply.extension')!.message).toContain('超过交办后 6 个月（2021-09-26）');
  // Extended to 10-31, 09-20 and 08-26: none overdue; the unreadable one keeps the 3-month deadline (06-26): overdue.
  expect(fired(a, 'reply.overdue')).toEqual(['台账!K5']);
  expect(a.totals.overdue).toBe(1);
  expect(fired(run([{ ...PENDING, 延期至: '2021-10-31' }], ['延期至'], makeConfig({ maxExtensionMonths: 8 })), 'reply.extension')).toEqual([]);
});

test('feedback.second-handling: 不满意 and no second answer within a month of the first', () => {
  const a = run(
    [
      { 代表委员意见: '不满意', 答复日期: '2021-06-01' },
      { 代表委员意见: '不满意', 答复日期: '2021-06-01', 再次答复日期: '2021-07-10' },
      { 代表委员意见: '不满意', 答复日期: '2021-06-01', 再次答复日期: '2021-06-25' },
      { 代表委员意见: '不满意', 答复日期: '2021-06-25' },
      { 代表委员意见: '满意', 答复日期: '2021-06-01' },
    ],
    ['再次答复日期'],
  );
  expect(fired(a, 'feedback.second-handling')).toEqual(['台账!R2', '台账!R3']);
  expect(others(a, 'feedback.second-handling')).toEqual([]);
});

test('reply.not-published: answered, 是否公开 否 or empty', () => {
  const a = run([{ 是否公开: '否' }, { 是否公开: '2021-06-10' }, { 是否公开: '' }, { ...PENDING, 是否公开: '' }], ['是否公开']);
  expect(fired(a, 'reply.not-published')).toEqual(['台账!R2', '台账!R4']);
});

test('reply.number-missing: answered without 答复文号', () => {
  const a = run([{ 答复文号: '' }, { 答复文号: '郑交函〔2021〕3号' }, { ...PENDING, 答复文号: '' }], ['答复文号']);
  expect(fired(a, 'reply.number-missing')).toEqual(['台账!R2']);
});

test('assign.co-unit-late: the co-units\' opinion later than a month after assignment, or still missing', () => {
  const a = run(
    [
      { 协办单位: '市城管局', 协办意见日期: '2021-05-10' },
      { 协办单位: '市城管局', 协办意见日期: '2021-04-20' },
      { 协办单位: '市城管局', 协办意见日期: '' },
      { 协办单位: '', 协办意见日期: '' },
    ],
    ['协办意见日期'],
  );
  expect(fired(a, 'assign.co-unit-late')).toEqual(['台账!R2', '台账!R4']);
});

test('new rules run only when their column exists, and say so', () => {
  const a = run([{}]);
  expect(a.notRun.map((n) => n.rule)).toEqual(
    expect.arrayContaining(['reply.extension', 'feedback.second-handling', 'reply.not-published', 'reply.number-missing', 'assign.co-unit-late']),
  );
  expect(a.notRun.find((n) => n.rule === 'reply.number-missing')!.reason).toBe('没有“答复文号”列');
});

test('split items (分办): the same number with different lead units is one item, each row checked; the same unit twice is a duplicate', () => {
  const a = run([
    { 编号: 7, 主办单位: '市交通局' },
    { 编号: 7, 主办单位: '市城管局', ...PENDING },
    { 编号: 7, 主办单位: '市交通局' },
    { 编号: 8 },
  ]);
  expect(fired(a, 'ledger.duplicate-number')).toEqual(['台账!C4']);
  expect(fired(a, 'reply.overdue')).toEqual(['台账!K3']);
  expect(a.totals).toMatchObject({ total: 2, splitItems: 1, replied: 1, overdue: 1, municipalNpc: 2 });
  // Per unit: item 7 for 市交通局 (its second row a duplicate, counted once) and item 8; item 7 for 市城管局.
  const units = Object.fromEntries(a.units.map((u) => [u.name, u.items]));
  expect(units).toMatchObject({ 市交通局: 2, 市城管局: 1 });
});

test('per-source deadlines and fixed dates', () => {
  const config = makeConfig({ deadlineMonthsBySource: { 市政协提案: 5 }, fixedDeadlines: { 省人大建议: '2021-07-01' } });
  const a = run(
    [
      { ...PENDING, 类别: '市人大建议' },
      { ...PENDING, 类别: '市政协委员提案' },
      { ...PENDING, 类别: '省人大建议' },
    ],
    [],
    config,
  );
  expect(fired(a, 'reply.overdue')).toEqual(['台账!K2', '台账!K4']);
  expect(a.findings.find((f) => f.cell === '台账!K4')!.message).toContain('办理期限 2021-07-01');
});

test('deadlines worked out for the whole ledger at once are each item’s own: sources in runs, fixed dates, extensions', () => {
  const config = makeConfig({ deadlineMonthsBySource: { 市政协提案: 2 }, fixedDeadlines: { 省人大建议: '2021-07-31' } });
  const specs: RowSpec[] = [
    { ...PENDING, 类别: '市人大建议', 交办日期: '2021-03-26' },
    { ...PENDING, 类别: '市人大建议', 交办日期: '2021-03-31', 延期至: '延期2个月' },
    { ...PENDING, 类别: '市政协提案', 交办日期: '2021-03-31' },
    { ...PENDING, 类别: '省人大建议', 交办日期: '2021-03-31' },
    { ...PENDING, 类别: '市政协提案', 交办日期: '2021-04-30', 延期至: '2021-09-01' },
    { ...PENDING, 类别: '市人大建议', 交办日期: '2021-04-30', 办理期限: '2021-08-15' },
    { ...PENDING, 类别: '市人大建议', 交办日期: null },
    { ...PENDING, 类别: '市政协提案', 交办日期: '2021-05-01', 延期至: '已延期' },
  ];
  const a = run(specs, ['延期至', '办理期限'], config);
  const each = a.ledger.items.map((it) => deadlineOf(it, config));
  expect(itemDeadlines(a.ledger)).toEqual(each);
  expect(each).toEqual(['2021-06-26', '2021-08-30', '2021-05-31', '2021-07-31', '2021-09-01', '2021-08-15', null, '2021-07-01']);
});
