/** The totals in words, as the command line and the panes show them: nothing said of a zero, one 满意率, no figure without its column. */
import { analyse, circularCounts, percent, rate, totalsLines } from '../../src/core';
import { FULL_HEADERS, ledgerGrid, rows, unitGrid } from '../helpers/ledger';

const AS_OF = '2021-07-19';

test('sources: only those with items; 含闭会建议 only when there are some', () => {
  const lines = totalsLines(analyse([ledgerGrid(rows({}, {})), unitGrid()], { asOf: AS_OF }).totals);
  expect(lines[0]).toBe('【办理总数】共 2 件：市人大建议 2 件。');
  const two = totalsLines(analyse([ledgerGrid(rows({ 类别: '省人大建议' }, { 类别: '闭会建议' }, { 类别: '市政协提案' })), unitGrid()], { asOf: AS_OF }).totals);
  expect(two[0]).toBe('【办理总数】共 3 件：省人大建议 1 件，市人大建议 1 件（含闭会建议 1 件），市政协提案 1 件。');
});

test('grades name their remainder; one 满意率; forms returned without a satisfaction are said', () => {
  const t = analyse([ledgerGrid(rows({}, { 答复类别: null }, { 代表委员意见: null }, { 代表委员意见: '比较满意' })), unitGrid()], { asOf: AS_OF }).totals;
  const text = totalsLines(t).join('\n');
  expect(text).toContain('【答复类别】A类 3 件，B类 0 件，C类 0 件，答复类别待核实 1 件。');
  expect(text.match(/满意率/g)).toHaveLength(1);
  expect(text).toContain('【征询意见】收回征询意见表 4 件，占已答复件 100.0%（4/4），其中未填写满意度或填写不规范 2 件；满意占 100.0%（2/2）');
});

test('without a reply-date column nothing is counted answered or overdue', () => {
  const headers = FULL_HEADERS.filter((h) => h !== '答复日期');
  const a = analyse([ledgerGrid(rows({}, {}), headers), unitGrid()], { asOf: '2022-01-01' });
  const text = totalsLines(a.totals).join('\n');
  expect(text).toContain('【办复情况】台账没有“答复日期”列，无法统计答复、按期和超期情况。');
  expect(text).not.toMatch(/超期未答复 \d|面商率|已答复 \d/);
});

test('a percentage is rounded once, from the counts: 407/413 is 98.5 % (98.547 %), never 98.6 % by way of a rate kept to four places', () => {
  const p = (n: number, d: number) => percent(rate(n, d));
  expect(p(407, 413)).toBe('98.5%');
  expect(p(1288, 1307)).toBe('98.5%');
  expect(p(439, 441)).toBe('99.5%');
  expect(p(1369, 1388)).toBe('98.6%');
  expect(p(1, 8)).toBe('12.5%');
  // Short of the whole is never 100.0 %; the whole is 100.0 %; nothing of nothing has no rate.
  expect(p(9999, 10000)).toBe('99.9%');
  expect(p(5, 5)).toBe('100.0%');
  expect(p(0, 0)).toBe('—');
});

test('per unit, a duplicate row counts once; a split item’s rows count for each of their units (the attachment alike)', () => {
  // Item 100 twice for 市交通局 (a duplicate), item 101 split between 市交通局 and 市城管局.
  const a = analyse(
    [ledgerGrid(rows({ 编号: 100 }, { 编号: 100 }, { 编号: 101 }, { 编号: 101, 主办单位: '市城管局' })), unitGrid()],
    { asOf: AS_OF },
  );
  expect(a.totals.total).toBe(2);
  const items = (name: string) => a.units.find((u) => u.name === name)!.items;
  expect(items('市交通局')).toBe(2);
  expect(items('市城管局')).toBe(1);
  const counts = circularCounts(a, AS_OF);
  expect(counts.units.find((u) => u.name === '市交通局')!.items).toBe(2);
  expect(counts.units.reduce((n, u) => n + u.items, 0)).toBe(3);
});
