/**
 * An item's reply deadline: an extension (延期至) first, then the ledger's own deadline column, then a fixed date
 * configured for its source, then assignment + the months configured for its source (3 by default, the law's).
 */
import type { Item } from './ledger';
import type { Config } from './vocabulary';
import { Day, addMonths, parseDay } from './dates';
import { compactKey } from './text';
import { parseLabel } from './sources';

interface SourceTerms {
  months: number;
  fixed: Day | null;
}

const termsCache = new WeakMap<Config, Map<string, SourceTerms>>();

function sameSource(configKey: string, raw: string): boolean {
  if (compactKey(configKey) === compactKey(raw)) return true;
  const a = parseLabel(configKey);
  const b = parseLabel(raw);
  return a !== null && b !== null && a.body === b.body && a.place === b.place && a.interSession === b.interSession;
}

/** The months and fixed date that apply to a source label (memoised per configuration). */
export function termsFor(raw: string, config: Config): SourceTerms {
  let memo = termsCache.get(config);
  if (!memo) {
    memo = new Map();
    termsCache.set(config, memo);
  }
  const hit = memo.get(raw);
  if (hit) return hit;
  let months = config.deadlineMonths;
  for (const [label, m] of Object.entries(config.deadlineMonthsBySource ?? {})) if (sameSource(label, raw)) months = m;
  let fixed: Day | null = null;
  for (const [label, d] of Object.entries(config.fixedDeadlines ?? {})) if (sameSource(label, raw)) fixed = d;
  const terms = { months, fixed };
  memo.set(raw, terms);
  return terms;
}

/** The deadline without any extension, given the terms of the item's source. */
function deadlineFrom(item: Item, terms: SourceTerms): Day | null {
  if (item.deadline.kind === 'ok') return item.deadline.day;
  if (terms.fixed) return terms.fixed;
  if (item.assignDate.kind === 'ok') return addMonths(item.assignDate.day, terms.months);
  return null;
}

/** The deadline without any extension. */
export function baseDeadline(item: Item, config: Config): Day | null {
  return item.deadline.kind === 'ok' ? item.deadline.day : deadlineFrom(item, termsFor(item.source.raw, config));
}

const MONTHS = /(\d+)\s*个?月/;

/**
 * The extended deadline an 延期至 cell gives: a date, or 延期N个月 (from the deadline without it).
 * undefined when the cell is empty; null when it says something else (是, 已延期) and the new date is unknown.
 */
export function extensionOf(item: Item, config: Config): Day | null | undefined {
  if (item.extension === '') return undefined;
  const d = parseDay(item.extension);
  if (d.kind === 'ok') return d.day;
  const m = MONTHS.exec(item.extension);
  if (m) {
    const base = baseDeadline(item, config);
    return base ? addMonths(base, Number(m[1])) : null;
  }
  return null;
}

/** The reply deadline the checks and the totals use. */
export function deadlineOf(item: Item, config: Config): Day | null {
  if (item.extension !== '') {
    const ext = extensionOf(item, config);
    if (ext) return ext;
  }
  return baseDeadline(item, config);
}

/**
 * deadlineOf for every item, in order: the same days, with a source's terms looked up once for each run of items
 * with that source (a ledger lists its items source by source) and the extension read only where a sheet has
 * the column.
 */
export function deadlinesOf(items: readonly Item[], config: Config): Array<Day | null> {
  const out = new Array<Day | null>(items.length);
  let source: Item['source'] | null = null;
  let terms: SourceTerms = { months: config.deadlineMonths, fixed: null };
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item.part.at.extension >= 0 && item.extension !== '') {
      out[i] = deadlineOf(item, config);
      continue;
    }
    if (item.deadline.kind !== 'ok' && item.source !== source) {
      source = item.source;
      terms = termsFor(source.raw, config);
    }
    out[i] = deadlineFrom(item, terms);
  }
  return out;
}
