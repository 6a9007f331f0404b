/** Text normalisation for hand-made ledgers: full-width forms, odd spaces, line breaks. */

const FULL_WIDTH = /[\uff01-\uff5e\u3000]/;

/** Full-width ASCII variants (！-～) and the ideographic space become their half-width forms. */
export function toHalfWidth(s: string): string {
  if (!FULL_WIDTH.test(s)) return s;
  let out = '';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}

const NEEDS_CLEANING = /[\uff01-\uff5e\u3000\u00a0\u2000-\u200b\u202f\u205f\ufeff\t\n\r\v\f]|^ | $| {2}/;

/** Half-width, line breaks and runs of white space folded to one space, trimmed. */
export function cleanText(s: string): string {
  if (!NEEDS_CLEANING.test(s)) return s;
  return toHalfWidth(s)
    .replace(/[\u00a0\u2000-\u200b\u202f\u205f\ufeff]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const keyMemo = new Map<string, string>();

/** For comparing labels: half-width, no white space at all, upper case. Memoised: ledgers repeat their labels. */
export function compactKey(s: string): string {
  const hit = keyMemo.get(s);
  if (hit !== undefined) return hit;
  const key = toHalfWidth(s).replace(/[\s\u00a0\u2000-\u200b\u202f\u205f\ufeff]+/g, '').toUpperCase();
  if (s.length <= 64) {
    if (keyMemo.size > 50000) keyMemo.clear();
    keyMemo.set(s, key);
  }
  return key;
}

/** Any cell value as display text (dates as YYYY-MM-DD in UTC, as cell dates are stored). */
export function valueText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return '';
    return v.toISOString().slice(0, 10);
  }
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Number(v.toFixed(10)));
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

export function isBlank(v: unknown): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v === 'string') return v === '' || /^[\s\u3000\u00a0]*$/.test(v);
  if (v instanceof Date) return Number.isNaN(v.getTime());
  return false;
}

/** Levenshtein distance on code points. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[y.length];
}

/** Split a list written by hand: 、，,;； or white space. */
export function splitList(s: string): string[] {
  return cleanText(s)
    .split(/[、，,;；\s]+/)
    .map((t) => t.trim())
    .filter((t) => t.length > 0);
}

/**
 * Text that would be read as a formula when it goes into a spreadsheet (a leading = + - @, or a tab or carriage
 * return before one). quoted: the cell must be marked as text (Excel's quote prefix).
 */
export function guardFormula(s: string): { text: string; quoted: boolean } {
  return { text: s, quoted: /^[=+\-@\t\r]/.test(s) };
}

/** For hosts that take typed input (Office.js range values): a leading apostrophe keeps it text. */
export function formulaSafe(s: string): string {
  return guardFormula(s).quoted ? `'${s}` : s;
}
