/** Reading the values of a ledger's cells: yes/no, categories, sources, satisfaction. */
import { Config, SourceDef, Satisfaction, SATISFACTIONS } from './vocabulary';
import { compactKey, isBlank, valueText, cleanText } from './text';

/** Empty = no; 否/N/×/未… = no; anything else written (是/√/✓/Y/已面商/a date) = yes. */
export function isNo(v: unknown, config: Config): boolean {
  if (v === false || v === 0) return true;
  if (isBlank(v)) return true;
  const key = compactKey(valueText(v));
  return config.noWords.some((w) => key === compactKey(w)) || /^(否|未|不|无|没)/.test(key);
}

export function isYes(v: unknown, config: Config): boolean {
  return !isNo(v, config);
}

/** A, A类, Ａ, a, or the wording (已解决, 列入计划…) → the letter; null when empty; undefined when unreadable. */
export function readCategory(v: unknown, config: Config): string | null | undefined {
  if (isBlank(v)) return null;
  let key = compactKey(valueText(v)).replace(/类$/, '').replace(/^类/, '');
  if (/^[A-Z]$/.test(key)) return key;
  const letter = /^([A-Z])(类|[:：.、\s])/.exec(compactKey(valueText(v)));
  if (letter) return letter[1];
  key = compactKey(valueText(v));
  for (const [cat, words] of config.categoryWords) if (words.some((w) => key.includes(w))) return cat;
  return undefined;
}

export interface SourceRead {
  raw: string;
  def: SourceDef | null;
}

export function readSource(v: unknown, config: Config): SourceRead {
  const raw = cleanText(valueText(v));
  const key = compactKey(raw);
  for (const [label, def] of Object.entries(config.sources)) if (compactKey(label) === key) return { raw, def };
  return { raw, def: null };
}

export function readSatisfaction(v: unknown): Satisfaction | null | undefined {
  if (isBlank(v)) return null;
  const key = compactKey(valueText(v));
  return (SATISFACTIONS as readonly string[]).includes(key) ? (key as Satisfaction) : undefined;
}
