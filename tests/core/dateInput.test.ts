import { dayInWords, ledgerYear, parseDateInput } from '../../src/core';

describe('parseDateInput: what a clerk types into a date field', () => {
  test.each([
    ['2021-08-01', '2021-08-01'],
    ['2021/8/1', '2021-08-01'],
    ['2021.8.1', '2021-08-01'],
    ['2021年8月1日', '2021-08-01'],
    ['2021 年 8 月 1 号', '2021-08-01'],
    ['20210801', '2021-08-01'],
    ['２０２１年８月１日', '2021-08-01'],
    [' 2021-8-1 ', '2021-08-01'],
  ])('%p → %p', (text, day) => {
    expect(parseDateInput(text)).toEqual({ kind: 'ok', day });
  });

  test('empty is empty, not today', () => {
    expect(parseDateInput('  ')).toEqual({ kind: 'empty' });
  });

  test.each(['08012021', '0002', '0021-08-12', '2021-8', '2021-02-30', '2021-13-01', '44409', '2021-08-01 10:00', 'abc'])(
    'half-typed or impossible %p is an error with a message, never a wrong day',
    (text) => {
      const r = parseDateInput(text);
      expect(r.kind).toBe('invalid');
      expect(r.kind === 'invalid' && r.message.length).toBeGreaterThan(5);
    },
  );

  test('the message says what is wrong', () => {
    expect(parseDateInput('2021-02-30')).toEqual({ kind: 'invalid', message: '2021年2月没有 30 日。' });
    expect(parseDateInput('08012021')).toMatchObject({ message: expect.stringContaining('2021-08-01') });
  });

  test('dayInWords shows the date back with its weekday', () => {
    expect(dayInWords('2021-08-01')).toBe('2021年8月1日（星期日）');
    expect(dayInWords('2021-07-19')).toBe('2021年7月19日（星期一）');
  });
});

describe('ledgerYear', () => {
  const it = (day: string | null) => ({ assignDate: day ? ({ kind: 'ok', day } as const) : ({ kind: 'empty' } as const) });
  test('the year most items were assigned in', () => {
    expect(ledgerYear([it('2021-03-01'), it('2021-04-01'), it('2020-12-30'), it(null)])).toBe(2021);
  });
  test('null without any assignment date', () => {
    expect(ledgerYear([it(null)])).toBeNull();
    expect(ledgerYear([])).toBeNull();
  });
});
