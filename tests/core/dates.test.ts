import { UncalculatedFormula, addMonths, chineseDate, dayToSerial, parseDay, serialToDay } from '../../src/core';

describe('parseDay', () => {
  test.each([
    ['2021-05-31', '2021-05-31'],
    ['2021/5/31', '2021-05-31'],
    ['2021.5.31', '2021-05-31'],
    ['2021年5月31日', '2021-05-31'],
    ['2021 年 5 月 31 日', '2021-05-31'],
    ['２０２１年５月３１日', '2021-05-31'],
    ['２０２１－０５－３１', '2021-05-31'],
    ['2021-05-31 14:30', '2021-05-31'],
    ['20210531', '2021-05-31'],
    [' 2021/05/31\n', '2021-05-31'],
  ])('text %p', (text, day) => {
    expect(parseDay(text)).toEqual({ kind: 'ok', day });
  });

  test('Excel serial numbers (as Office.js hands them over), also with a time fraction and as text', () => {
    expect(parseDay(44347)).toEqual({ kind: 'ok', day: '2021-05-31' });
    expect(parseDay(44347.75)).toEqual({ kind: 'ok', day: '2021-05-31' });
    expect(parseDay('44347')).toEqual({ kind: 'ok', day: '2021-05-31' });
    expect(serialToDay(61)).toBe('1900-03-01');
    expect(dayToSerial('2021-05-31')).toBe(44347);
  });

  test('a date-time cell is the calendar day of its value, never rounded to the next day', () => {
    for (const [h, m] of [[0, 0], [11, 59], [12, 0], [15, 30], [23, 59]]) {
      expect(parseDay(new Date(Date.UTC(2021, 5, 30, h, m)))).toEqual({ kind: 'ok', day: '2021-06-30' });
    }
    expect(parseDay(new Date(Date.UTC(2021, 5, 30, 23, 59, 59, 999)))).toEqual({ kind: 'ok', day: '2021-06-30' });
    // Serial numbers with a time of day: the whole part is the day.
    expect(parseDay(44377.65)).toEqual({ kind: 'ok', day: '2021-06-30' });
    expect(parseDay(44377.999)).toEqual({ kind: 'ok', day: '2021-06-30' });
  });

  test('20210630 as a number is read like the text "20210630"', () => {
    expect(parseDay(20210630)).toEqual({ kind: 'ok', day: '2021-06-30' });
    expect(parseDay('20210630')).toEqual({ kind: 'ok', day: '2021-06-30' });
    expect(parseDay(20210631).kind).toBe('invalid');
    expect(parseDay(20211301).kind).toBe('invalid');
    expect(parseDay(2021063).kind).toBe('invalid');
  });

  test('a formula saved without its result is invalid and says so, not empty', () => {
    expect(parseDay(new UncalculatedFormula('=H3+30'))).toEqual({ kind: 'invalid', text: '=H3+30', formula: '=H3+30' });
  });

  test.each(['2021-02-30', '2021年13月1日', '2021-06-31', '2021年6月31日', '已答复', '下周', '12', 'TRUE'])('invalid %p', (text) => {
    expect(parseDay(text).kind).toBe('invalid');
  });

  test('empty values are empty, not invalid', () => {
    expect(parseDay(null).kind).toBe('empty');
    expect(parseDay('').kind).toBe('empty');
    expect(parseDay('　 ').kind).toBe('empty');
  });

  test('numbers outside a ledger’s plausible range and booleans are invalid', () => {
    expect(parseDay(5).kind).toBe('invalid');
    expect(parseDay(true).kind).toBe('invalid');
    expect(parseDay(new Date('x')).kind).toBe('invalid');
  });
});

describe('addMonths (Civil Code arts. 201–202)', () => {
  test('the corresponding day of the final month', () => {
    expect(addMonths('2021-03-15', 3)).toBe('2021-06-15');
    expect(addMonths('2021-03-26', 3)).toBe('2021-06-26');
    expect(addMonths('2021-10-31', 3)).toBe('2022-01-31');
  });
  test('the last day of a final month that has no such day', () => {
    expect(addMonths('2020-11-30', 3)).toBe('2021-02-28');
    expect(addMonths('2019-11-30', 3)).toBe('2020-02-29');
    expect(addMonths('2021-03-31', 3)).toBe('2021-06-30');
  });
});

test('chineseDate writes the standard form without zero padding', () => {
  expect(chineseDate('2021-07-09')).toBe('2021年7月9日');
  expect(chineseDate('2021-12-19')).toBe('2021年12月19日');
});
