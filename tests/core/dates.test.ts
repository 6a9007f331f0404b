import { addMonths, chineseDate, dayToSerial, parseDay, serialToDay } from '../../src/core';

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

  test('Date cells at UTC midnight and with a local time-zone offset', () => {
    expect(parseDay(new Date(Date.UTC(2021, 4, 31)))).toEqual({ kind: 'ok', day: '2021-05-31' });
    // A date cell read in UTC+8 as local midnight arrives as 16:00 the day before in UTC.
    expect(parseDay(new Date(Date.UTC(2021, 4, 30, 16)))).toEqual({ kind: 'ok', day: '2021-05-31' });
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
