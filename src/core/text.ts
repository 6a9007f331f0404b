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

/** True when cleanText has nothing to do: no full-width forms, odd spaces, control characters or extra spaces. */
function alreadyClean(s: string): boolean {
  const n = s.length;
  if (n === 0) return true;
  if (s.charCodeAt(0) === 32 || s.charCodeAt(n - 1) === 32) return false;
  let prevSpace = false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x7f) {
      if (c < 32) return false;
      if (c === 32) {
        if (prevSpace) return false;
        prevSpace = true;
        continue;
      }
    } else if (c === 0xa0 || c === 0x3000 || c === 0x202f || c === 0x205f || c === 0xfeff || (c >= 0x2000 && c <= 0x200b) || (c >= 0xff01 && c <= 0xff5e)) {
      return false;
    }
    prevSpace = false;
  }
  return true;
}

/** Half-width, line breaks and runs of white space folded to one space, trimmed. */
export function cleanText(s: string): string {
  if (alreadyClean(s) || !NEEDS_CLEANING.test(s)) return s;
  return toHalfWidth(s)
    .replace(/[\u00a0\u2000-\u200b\u202f\u205f\ufeff]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const keyMemo = new Map<string, string>();

/** True when compactKey(s) is s: printable ASCII without spaces or lower case, and CJK (no case, not full-width). */
function alreadyKey(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x20 && c < 0x61) continue;
    if (c > 0x7a && c < 0x7f) continue;
    if (c > 0x3000 && c < 0xa000) continue;
    return false;
  }
  return true;
}

/** For comparing labels: half-width, no white space at all, upper case. Memoised: ledgers repeat their labels. */
export function compactKey(s: string): string {
  if (alreadyKey(s)) return s;
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
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return '';
    return v.toISOString().slice(0, 10);
  }
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Number(v.toFixed(10)));
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

const BLANK = /^[\s\u3000\u00a0]*$/;

export function isBlank(v: unknown): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v === 'string') {
    if (v === '') return true;
    const c = v.charCodeAt(0);
    // Most cells start with a visible character: no need for the pattern.
    if (c > 32 && c !== 0xa0 && c !== 0x3000 && c !== 0xfeff && c !== 0x1680 && !(c >= 0x2000 && c <= 0x205f)) return false;
    return BLANK.test(v);
  }
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

/** Split a list written by hand: 、，,;； / or white space. */
export function splitList(s: string): string[] {
  return cleanText(s)
    .split(/[、，,;；/\s]+/)
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
