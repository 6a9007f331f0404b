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

export function dayParts(day: Day): { y: number; m: number; d: number } {
  return { y: Number(day.slice(0, 4)), m: Number(day.slice(5, 7)), d: Number(day.slice(8, 10)) };
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
  if (v === null || v === undefined) return { kind: 'empty' };
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return { kind: 'invalid', text: 'Invalid Date' };
    // Cell dates are read at UTC: the date part is the cell's calendar day, the rest its time of day.
    const day = makeDay(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate());
    return day ? { kind: 'ok', day } : { kind: 'invalid', text: v.toISOString() };
  }
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
  if (text === '') return { kind: 'empty' };
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
