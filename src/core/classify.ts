/**
 * Which item each row of the ledger is, and whose: every item's source relative to the office (the level most
 * labels name, unless configured), and its key (source and number), with the first row of each key found as the
 * rows are visited, so that split items (分办) and duplicates are known without comparing rows pairwise.
 */
import type { Config } from './vocabulary';
import type { Item } from './ledger';
import { compactKey } from './text';
import { Place, classifySource, officePlace, parseLabel } from './sources';

/**
 * The key an item number is looked up by: a number for plain decimal integers (no leading zero, so that every
 * such text has one number and no other text stands for it; numbers hash cheaper than texts), else the text.
 */
function numberSlot(n: string): string | number {
  const len = n.length;
  if (len === 0 || len > 9 || (n.charCodeAt(0) === 48 && len > 1)) return n;
  let v = 0;
  for (let i = 0; i < len; i++) {
    const c = n.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return n;
    v = v * 10 + c;
  }
  return v;
}

/**
 * The first row of each item number of one source. Ledgers list their numbers in rising order, so a number above
 * every one seen so far is new without a lookup: such numbers are kept in order (found again by binary search),
 * the others (a number out of order, a text) in a map.
 */
class FirstRows {
  private readonly rising: number[] = [];
  private readonly risingItems: Item[] = [];
  private readonly others = new Map<string | number, Item>();

  /** The first row with this number, or undefined after remembering `item` as it. */
  firstOr(k: string | number, item: Item): Item | undefined {
    const rising = this.rising;
    const n = rising.length;
    if (typeof k === 'number') {
      if (n === 0 || k > rising[n - 1]) {
        rising.push(k);
        this.risingItems.push(item);
        return undefined;
      }
      let lo = 0;
      let hi = n - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const v = rising[mid];
        if (v === k) return this.risingItems[mid];
        if (v < k) lo = mid + 1;
        else hi = mid - 1;
      }
    }
    const first = this.others.get(k);
    if (first === undefined) this.others.set(k, item);
    return first;
  }
}

/**
 * An item number as compared: upper case when it is plain (letters, digits, - _ .), else its compactKey, with
 * 第…号 read as the number it writes. Checked in one scan: most numbers are digits and come back as they are.
 */
function numberKey(n: string): string {
  let lower = false;
  for (let i = 0; i < n.length; i++) {
    const c = n.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || c === 45 || c === 95 || c === 46) continue;
    if (c >= 97 && c <= 122) {
      lower = true;
      continue;
    }
    return officialNumber(compactKey(n));
  }
  return lower ? n.toUpperCase() : n;
}

/** 建字第12号, 第12号, 12号: the number they write (so 建字第2号 and 2 are one item's number); other texts as they are. */
function officialNumber(key: string): string {
  const m = /^[^\d第]{0,6}第(\d+)号?$|^(\d+)号$/.exec(key);
  // The digits as written: 第007号 is 007, as the text 007 is (a leading zero keeps a number of its own).
  return m ? (m[1] ?? m[2]) : key;
}

/** The source half of an item's key (the same for every row with the same label and inter-session mark). */
function sourceKey(item: Item): string | null {
  const def = item.source.def;
  if (def) return `${def.body}/${def.level}/${item.source.interSession ? 1 : 0}/${def.level === 'upper' ? (parseLabel(item.source.raw)?.place ?? '') : ''}`;
  if (item.source.raw !== '') return `?${compactKey(item.source.raw)}`;
  return null;
}

/** Two rows with one source and number whose titles say they are different items: counted apart, reported. */
export interface NumberClash {
  item: Item;
  /** The first row with that number. */
  first: Item;
}

/**
 * The same item by its title: the same text (spaces and full-width forms aside), or one title inside the other (a
 * split item's row written 关于X的建议（分办）); an empty title says nothing against it.
 */
function sameTitle(a: Item, b: Item): boolean {
  const x = a.title;
  const y = b.title;
  if (x === y || x === '' || y === '') return true;
  const kx = compactKey(x);
  const ky = compactKey(y);
  return kx.includes(ky) || ky.includes(kx);
}

/**
 * Sets every item's source relative to the office, and links each row to the first row of its item (same source
 * and number: a split item's other units, or a duplicate) unless the titles say the rows are two items.
 */
export function classifySources(items: Item[], config: Config, counts: Map<string, number>): { office: Place; clashes: NumberClash[] } {
  const clashes: NumberClash[] = [];
  const office = officePlace(counts, config.officeLevel);
  // Per label as written and inter-session marker: the source (one object shared by the items that read the same)
  // and the source half of the item key, worked out once.
  const memo = [new Map<string, Classified>(), new Map<string, Classified>()];
  const firstOf = new Map<string, FirstRows>();
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    const pending = it.source;
    const byRaw = memo[pending.interSession ? 1 : 0];
    let c = byRaw.get(pending.raw);
    if (c === undefined) {
      const r = classifySource(pending.raw, office, config.sources);
      const def = r.def;
      const marker = pending.interSession;
      c = {
        source: { raw: pending.raw, def, interSession: Boolean(def?.interSession) || (marker && def?.body === 'npc' && def.level === 'own'), problem: r.problem },
        key: undefined,
        numbers: null,
      };
      byRaw.set(pending.raw, c);
    }
    it.source = c.source;
    if (it.number === '' || (it.part.at.source < 0 && it.part.sheetSource === null && !it.part.groupSources)) continue;
    if (c.key === undefined) c.key = sourceKey(it);
    const src = c.key;
    if (src === null) continue;
    it.itemSource = src;
    // A whole number in a number cell (its text is its digits: the key as it is) or the number's text.
    const cell = it.raw[it.part.at.number];
    let k: string | number;
    if (typeof cell === 'number' && cell >= 0 && cell < 1e9 && Number.isInteger(cell)) {
      it.itemNumber = it.number;
      k = cell;
    } else {
      it.itemNumber = numberKey(it.number);
      k = numberSlot(it.itemNumber);
    }
    let numbers = c.numbers;
    if (numbers === null) {
      numbers = firstOf.get(src) ?? new FirstRows();
      firstOf.set(src, numbers);
      c.numbers = numbers;
    }
    const first = numbers.firstOr(k, it);
    if (first === undefined) continue;
    if (sameTitle(first, it)) it.firstRow = first;
    else clashes.push({ item: it, first });
  }
  return { office, clashes };
}

interface Classified {
  source: Item['source'];
  /** sourceKey of the items (undefined until needed). */
  key: string | null | undefined;
  /** The first row of each item number with this source key. */
  numbers: FirstRows | null;
}
