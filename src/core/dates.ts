/**
 * Calendar days without time zones. A Day is an ISO date string "YYYY-MM-DD": it sorts and compares as text.
 */
import { UncalculatedFormula } from './grid';
import { cleanText } from './text';

export type Day = string;

export type DateParse =
  | { kind: 'empty' }
  | { kind: 'ok'; day: Day }
  | { kind: 'invalid'; text: string; /** The cell is a formula saved without its result. */ formula?: string };

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

export function makeDay(y: number, m: number, d: number): Day | null {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return null;
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(y: number, m: number): number {
  if (m === 2 && ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0)) return 29;
  return MONTH_DAYS[m - 1];
}

const digit = (s: string, i: number) => s.charCodeAt(i) - 48;

export function dayParts(day: Day): { y: number; m: number; d: number } {
  return {
    y: digit(day, 0) * 1000 + digit(day, 1) * 100 + digit(day, 2) * 10 + digit(day, 3),
    m: digit(day, 5) * 10 + digit(day, 6),
    d: digit(day, 8) * 10 + digit(day, 9),
  };
}

/** Excel's 1900 date system: serial 1 = 1900-01-01 (with its phantom 1900-02-29 at 60). */
export function serialToDay(serial: number): Day | null {
  if (!Number.isFinite(serial) || serial < 1) return null;
  const whole = Math.floor(serial + 1e-9);
  const ms = Date.UTC(1899, 11, 30) + whole * 86400000;
  const dt = new Date(ms);
  return makeDay(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
}

export function dayToSerial(day: Day): number {
  const { y, m, d } = dayParts(day);
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000);
}

/** Serial numbers a ledger's dates plausibly take: 1950-01-01 to 2100-12-31. */
const MIN_SERIAL = 18264;
const MAX_SERIAL = 73415;

const TEXT_FORMS: RegExp[] = [
  /^(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?:\s*日)?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/,
  /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/,
  /^(\d{4})(\d{2})(\d{2})$/,
];

/**
 * Reads any of the date forms ledgers use: a Date cell, an Excel serial number, 2021-05-31, 2021/5/31,
 * 2021.5.31, 2021年5月31日, 20210630 as text or as a number (full-width digits too). A date-time is the calendar
 * day it falls on (2021-06-30 15:30 is 2021-06-30: never rounded). A value that looks like a date but is not a
 * real one (2021-02-30, 2021年13月1日) and any other text is invalid; so is a formula saved without its result.
 */
export function parseDay(v: unknown): DateParse {
  if (v === null || v === undefined) return EMPTY;
  if (v instanceof Date) {
    const t = v.getTime();
    if (Number.isNaN(t)) return { kind: 'invalid', text: 'Invalid Date' };
    // Cell dates are read at UTC: the date part is the cell's calendar day, the rest its time of day.
    const whole = Math.floor(t / 86400000);
    let parsed = dateMemo.get(whole);
    if (parsed === undefined) {
      const day = makeDay(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate());
      if (!day) return { kind: 'invalid', text: v.toISOString() };
      parsed = { kind: 'ok', day };
      if (dateMemo.size > 100000) dateMemo.clear();
      dateMemo.set(whole, parsed);
    }
    return parsed;
  }
  if (typeof v === 'string') {
    const hit = textMemo.get(v);
    if (hit) return hit;
    const parsed = parseValue(v);
    if (v.length <= 40) {
      if (textMemo.size > 100000) textMemo.clear();
      textMemo.set(v, parsed);
    }
    return parsed;
  }
  if (typeof v === 'number') {
    let parsed = numberMemo.get(v);
    if (parsed === undefined) {
      parsed = parseValue(v);
      if (numberMemo.size > 100000) numberMemo.clear();
      numberMemo.set(v, parsed);
    }
    return parsed;
  }
  return parseValue(v);
}

/**
 * An empty cell. Parses are shared between cells that read the same (nothing changes a parse once made): a
 * ledger has a few hundred distinct dates in a hundred thousand cells.
 */
const EMPTY: DateParse = { kind: 'empty' };
/** Days already read, by whole days since 1970. */
const dateMemo = new Map<number, DateParse>();
/** Numbers already read (serials, 20210630). */
const numberMemo = new Map<number, DateParse>();
/** Date texts already read. */
const textMemo = new Map<string, DateParse>();

function parseValue(v: unknown): DateParse {
  if (v === null || v === undefined) return EMPTY;
  if (typeof v === 'number') {
    if (v >= MIN_SERIAL && v <= MAX_SERIAL) {
      const day = serialToDay(v);
      if (day) return { kind: 'ok', day };
    }
    if (Number.isInteger(v) && v >= 19000101 && v <= 22001231) {
      const day = makeDay(Math.floor(v / 10000), Math.floor(v / 100) % 100, v % 100);
      if (day) return { kind: 'ok', day };
    }
    return { kind: 'invalid', text: String(v) };
  }
  if (v instanceof UncalculatedFormula) return { kind: 'invalid', text: v.formula, formula: v.formula };
  if (typeof v === 'boolean') return { kind: 'invalid', text: String(v) };
  const text = cleanText(String(v));
  if (text === '') return EMPTY;
  if (/^\d+(\.\d+)?$/.test(text) && text.length !== 8) {
    const n = Number(text);
    if (n >= MIN_SERIAL && n <= MAX_SERIAL) {
      const day = serialToDay(n);
      if (day) return { kind: 'ok', day };
    }
    return { kind: 'invalid', text };
  }
  for (const re of TEXT_FORMS) {
    const m = re.exec(text);
    if (m) {
      const day = makeDay(Number(m[1]), Number(m[2]), Number(m[3]));
      return day ? { kind: 'ok', day } : { kind: 'invalid', text };
    }
  }
  return { kind: 'invalid', text };
}

/**
 * Adds calendar months the way the Civil Code (arts. 201–202) counts a period: it ends on the day of the
 * final month that corresponds to the start day, or on that month's last day where it has no such day.
 */
export function addMonths(day: Day, months: number): Day {
  let memo = monthsMemo.get(months);
  if (!memo) {
    memo = new Map();
    monthsMemo.set(months, memo);
  }
  let out = memo.get(day);
  if (out === undefined) {
    out = computeAddMonths(day, months);
    if (memo.size > 100000) memo.clear();
    memo.set(day, out);
  }
  return out;
}

/** Deadlines already computed, by period (a ledger's items share a few hundred assignment days). */
const monthsMemo = new Map<number, Map<Day, Day>>();

function computeAddMonths(day: Day, months: number): Day {
  const { y, m, d } = dayParts(day);
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = (index % 12) + 1;
  const nd = Math.min(d, daysInMonth(ny, nm));
  return makeDay(ny, nm, nd) as Day;
}

export function addDays(day: Day, days: number): Day {
  const { y, m, d } = dayParts(day);
  const dt = new Date(Date.UTC(y, m - 1, d) + days * 86400000);
  return makeDay(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate()) as Day;
}

/** The standard's written form: 2021年7月19日 (Arabic numerals, no zero padding). */
export function chineseDate(day: Day): string {
  const { y, m, d } = dayParts(day);
  return `${y}年${m}月${d}日`;
}

/** Today's date on the machine's own calendar. */
export function today(now: Date = new Date()): Day {
  return makeDay(now.getFullYear(), now.getMonth() + 1, now.getDate()) as Day;
}

export type DateInput = { kind: 'empty' } | { kind: 'ok'; day: Day } | { kind: 'invalid'; message: string };

/**
 * A date a clerk types into a field, year first (zh-CN order): 2021-08-01, 2021/8/1, 2021.8.1, 2021年8月1日,
 * 20210801 (full-width digits too). Unlike parseDay, no Excel serial numbers and no time of day: a field holds a
 * day, and a half-typed one (2021-8, 0002, 08012021) is an error with a message saying which forms are accepted.
 */
export function parseDateInput(text: string): DateInput {
  const t = cleanText(text);
  if (t === '') return { kind: 'empty' };
  const forms = [
    /^(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*日?$/,
    /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/,
    /^(\d{4})(\d{2})(\d{2})$/,
  ];
  for (const re of forms) {
    const m = re.exec(t);
    if (!m) continue;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const day = makeDay(y, mo, d);
    if (day) return { kind: 'ok', day };
    if (y < 1900 || y > 2200) return { kind: 'invalid', message: `“${t}”的年份 ${y} 不对，年份写在最前面，例如 2021-08-01。` };
    if (mo < 1 || mo > 12) return { kind: 'invalid', message: `“${t}”中没有 ${mo} 月，请按“年-月-日”的顺序写，例如 2021-08-01。` };
    return { kind: 'invalid', message: `${y}年${mo}月没有 ${d} 日。` };
  }
  return { kind: 'invalid', message: `“${t}”不是完整的日期。请写成 2021-08-01、2021/8/1、2021年8月1日 或 20210801。` };
}

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** A day in words, to show back what a field understood: 2021年8月1日（星期日）. */
export function dayInWords(day: Day): string {
  const { y, m, d } = dayParts(day);
  return `${chineseDate(day)}（星期${WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]}）`;
}
