/** Reading the values of a ledger's cells: yes/no, categories, sources, satisfaction. */
import { Config, Satisfaction, SATISFACTIONS } from './vocabulary';
import { compactKey, isBlank, valueText } from './text';

/** Empty = no; 否/N/×/未… = no; anything else written (是/√/✓/Y/已面商/a date) = yes. */
const noIndex = new WeakMap<string[], { words: Set<string>; memo: Map<string, boolean> }>();

/** The configuration read last and its index: a ledger asks thousands of times with the same one. */
let lastNoWords: string[] | null = null;
let lastNoIndex: { words: Set<string>; memo: Map<string, boolean> } | undefined;

export function isNo(v: unknown, config: Config): boolean {
  if (v === false || v === 0) return true;
  if (isBlank(v)) return true;
  let index = config.noWords === lastNoWords ? lastNoIndex : noIndex.get(config.noWords);
  if (!index) {
    index = { words: new Set(config.noWords.map(compactKey)), memo: new Map() };
    noIndex.set(config.noWords, index);
  }
  lastNoWords = config.noWords;
  lastNoIndex = index;
  const text = valueText(v);
  const hit = index.memo.get(text);
  if (hit !== undefined) return hit;
  const key = compactKey(text);
  const no = index.words.has(key) || /^(否|未|不|无|没)/.test(key);
  if (text.length <= 32 && index.memo.size < 10000) index.memo.set(text, no);
  return no;
}

export function isYes(v: unknown, config: Config): boolean {
  return !isNo(v, config);
}

const categoryMemo = new WeakMap<Config['categoryWords'], Map<string, string | undefined>>();

let lastCategoryWords: Config['categoryWords'] | null = null;
let lastCategoryMemo: Map<string, string | undefined> | undefined;

/** A, A类, Ａ, a, or the wording (已解决, 列入计划…) → the letter; null when empty; undefined when unreadable. */
export function readCategory(v: unknown, config: Config): string | null | undefined {
  if (isBlank(v)) return null;
  let memo = config.categoryWords === lastCategoryWords ? lastCategoryMemo : categoryMemo.get(config.categoryWords);
  if (!memo) {
    memo = new Map();
    categoryMemo.set(config.categoryWords, memo);
  }
  lastCategoryWords = config.categoryWords;
  lastCategoryMemo = memo;
  const text = valueText(v);
  if (memo.has(text)) return memo.get(text);
  const category = categoryOf(v, config);
  if (text.length <= 32 && memo.size < 10000) memo.set(text, category);
  return category;
}

function categoryOf(v: unknown, config: Config): string | undefined {
  let key = compactKey(valueText(v)).replace(/类$/, '').replace(/^类/, '');
  if (/^[A-Z]$/.test(key)) return key;
  const letter = /^([A-Z])(类|[:：.、\s])/.exec(compactKey(valueText(v)));
  if (letter) return letter[1];
  key = compactKey(valueText(v));
  for (const [cat, words] of config.categoryWords) if (words.some((w) => key.includes(w))) return cat;
  return undefined;
}

export function readSatisfaction(v: unknown): Satisfaction | null | undefined {
  if (isBlank(v)) return null;
  const key = compactKey(valueText(v));
  return (SATISFACTIONS as readonly string[]).includes(key) ? (key as Satisfaction) : undefined;
}
