/** Reading the values of a ledger's cells: yes/no, categories, sources, satisfaction. */
import { Config, Satisfaction, SATISFACTIONS } from './vocabulary';
import { compactKey, isBlank, valueText } from './text';

/**
 * Yes only when a cell says yes: 是, √, ✓, Y, 1, TRUE, 有, 重点, 已…, 面商/当面…, or a date (a reception day, a
 * publication date). Empty, 否/N/×/未/不/无/非/拟/待… and anything else (电话沟通, 书面, 一般, 普通件, 待定) are no: a
 * word that does not say yes is never counted as yes (measured: 非重点 counted key items, 电话沟通 face-to-face).
 */
const noIndex = new WeakMap<string[], { words: Set<string>; memo: Map<string, boolean> }>();

/** The configuration read last and its index: a ledger asks thousands of times with the same one. */
let lastNoWords: string[] | null = null;
let lastNoIndex: { words: Set<string>; memo: Map<string, boolean> } | undefined;

const YES_WORDS = new Set(['是', 'Y', 'YES', 'T', 'TRUE', '1', '√', '✓', '✔', '☑', '有', '对', '重点', '面商', '当面', '公开', '落实']);
/** Starts like a no (未面商, 不公开, 非重点, 拟面商, 待定) or like a yes (是, 已面商, 当面答复, 面商). */
const NO_START = /^(否|未|不|无|没|非|拟|待)/;
const YES_START = /^(是|已|当面|面商|面谈|见面|重点督办|闭会)/;
const DATE_LIKE = /^\d{4}\s*[-/.年]\s*\d{1,2}/;

function saysYes(key: string, words: Set<string>): boolean {
  if (words.has(key) || NO_START.test(key)) return false;
  // A yes word, or a date written as text (接待日 2021-06-21, 公开日期 2021年6月30日).
  return YES_WORDS.has(key) || YES_START.test(key) || DATE_LIKE.test(key);
}

export function isNo(v: unknown, config: Config): boolean {
  if (v === false || v === 0) return true;
  if (isBlank(v)) return true;
  if (v === true || v instanceof Date) return false;
  // A number: 1 is yes; a date serial (a reception day typed as a date in a General cell) is yes; others no.
  if (typeof v === 'number') return !(v === 1 || (v >= 18264 && v <= 73415));
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
  const no = !saysYes(compactKey(text), index.words);
  if (text.length <= 32 && index.memo.size < 10000) index.memo.set(text, no);
  return no;
}

export function isYes(v: unknown, config: Config): boolean {
  return !isNo(v, config);
}

/**
 * Says no in so many words (否, 未…, 待定, 无 …) or is empty: for a column where anything else written is a yes
 * of its own kind (the master list's 代表委员接待日: 是, a date, 6月21日, 每月第一个周五).
 */
export function saysNo(v: unknown, config: Config): boolean {
  if (v === false || v === 0 || isBlank(v)) return true;
  if (typeof v !== 'string') return false;
  const key = compactKey(v);
  return NO_START.test(key) || config.noWords.some((w) => compactKey(w) === key);
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
