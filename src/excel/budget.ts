/**
 * How big one request to Excel may get. Excel on the web refuses a request or a response over 5 MB; Banli keeps
 * every context.sync() under REQUEST_LIMIT (1 MB) by estimating each queued action's size as office.js serializes
 * it (an object path or an action is about a hundred bytes of JSON, plus its arguments) and splitting work into
 * chunks of at most CHUNK_TARGET estimated bytes.
 */

/** The ceiling every sync stays under (tests/excel/limits.test.ts measures it). */
export const REQUEST_LIMIT = 1_000_000;
/** What one chunk is planned to (the estimate's margin to REQUEST_LIMIT). */
export const CHUNK_TARGET = 600_000;
/** One object path (getRange, getItem, format, fill…) or one action (load, set, method call) in office.js's JSON. */
export const PATH_BYTES = 120;
export const ACTION_BYTES = 100;
/** Excel's used range beyond which Banli refuses to read a sheet (5,000,000 cells). */
export const MAX_USED_CELLS = 5_000_000;

/** Bytes of a string inside JSON, counting every non-ASCII character as a \uXXXX escape (the worst case). */
export function jsonBytes(s: string): number {
  let n = 2;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x20 || c === 0x22 || c === 0x5c ? 2 : c < 0x80 ? 1 : 6;
  }
  return n;
}

/** Splits items into consecutive chunks whose estimated cost stays within target (one item alone may exceed it). */
export function chunkByCost<T>(items: T[], cost: (t: T) => number, target = CHUNK_TARGET): T[][] {
  const out: T[][] = [];
  let cur: T[] = [];
  let sum = 0;
  for (const it of items) {
    const c = cost(it);
    if (cur.length && sum + c > target) {
      out.push(cur);
      cur = [];
      sum = 0;
    }
    cur.push(it);
    sum += c;
  }
  if (cur.length) out.push(cur);
  return out;
}
