/**
 * The 设置 form's model: banli.config.json as the clerk edits it (every value as typed), and back to the file's shape,
 * checked by the same validator and messages as the command line. Pure functions; the panes hold the state.
 */
import { Body, ConfigFile, DEFAULT_CONFIG, FIELD_LABELS, Field, Level, configToFile, fieldOf, parseDateInput } from '../core';
import { ConfigIssue, configIssues } from './validate';

export interface SourceRow {
  label: string;
  body: Body;
  level: Level;
  interSession: boolean;
}

/** A label (a source, a grade, a column) and what is typed beside it. */
export interface PairRow {
  label: string;
  value: string;
}

export interface SettingsDraft {
  /** '' = judged from the ledger's source labels. */
  officeLevel: '' | NonNullable<ConfigFile['officeLevel']>;
  sources: SourceRow[];
  /** Months for every source (when none is given its own). */
  deadlineMonths: string;
  deadlineBySource: PairRow[];
  fixedDeadlines: PairRow[];
  maxExtensionMonths: string;
  /** grade → its 解决程度 words, separated by 、 */
  categories: PairRow[];
  /** column (Chinese label) → extra header names, separated by 、 */
  headers: PairRow[];
  /** Chinese labels of the required columns. */
  requiredColumns: string[];
  dueSoonDays: string;
  /** One unit per line. */
  praisedUnits: string;
  /** 列对应: column (Chinese label) → the ledger's header to read it from ('' = the ledger has no such column). */
  columns: PairRow[];
}

/** The form's sections, by the file keys each one edits. */
export type SectionKey =
  | 'officeLevel'
  | 'sources'
  | 'deadlineMonths'
  | 'maxExtensionMonths'
  | 'categories'
  | 'headers'
  | 'columns'
  | 'requiredColumns'
  | 'dueSoonDays'
  | 'praisedUnits';

/** Which section shows a problem under a file key (fixedDeadlines sits with the deadlines). */
export function sectionOf(key: string): SectionKey | null {
  if (key === 'fixedDeadlines') return 'deadlineMonths';
  const all: SectionKey[] = ['officeLevel', 'sources', 'deadlineMonths', 'maxExtensionMonths', 'categories', 'headers', 'columns', 'requiredColumns', 'dueSoonDays', 'praisedUnits'];
  return (all as string[]).includes(key) ? (key as SectionKey) : null;
}

/** The settings with nothing changed: the defaults written out. */
export function defaultSettings(): ConfigFile {
  return configToFile(DEFAULT_CONFIG);
}

const SEP = /[、,，;；\n]+/;
const words = (s: string) =>
  s
    .split(SEP)
    .map((w) => w.trim())
    .filter(Boolean);
const joinWords = (a: readonly string[]) => a.join('、');
const label = (name: string) => {
  const f = fieldOf(name);
  return f ? FIELD_LABELS[f] : name;
};

/** A settings file (valid) as the form shows it; what the file leaves out shows the default. */
export function draftFrom(file: ConfigFile): SettingsDraft {
  const d = defaultSettings();
  const months = file.deadlineMonths ?? d.deadlineMonths;
  return {
    officeLevel: file.officeLevel ?? '',
    sources: Object.entries(file.sources ?? {}).map(([l, s]) => ({ label: l, body: s.body, level: s.level, interSession: !!s.interSession })),
    deadlineMonths: typeof months === 'number' ? String(months) : String(DEFAULT_CONFIG.deadlineMonths),
    deadlineBySource: typeof months === 'object' && months ? Object.entries(months).map(([l, n]) => ({ label: l, value: String(n) })) : [],
    fixedDeadlines: Object.entries(file.fixedDeadlines ?? {}).map(([l, v]) => ({ label: l, value: v })),
    maxExtensionMonths: String(file.maxExtensionMonths ?? d.maxExtensionMonths),
    categories: Object.entries(file.categories ?? d.categories ?? {}).map(([g, w]) => ({ label: g, value: joinWords(w) })),
    headers: Object.entries(file.headers ?? {}).map(([f, w]) => ({ label: label(f), value: joinWords(w) })),
    requiredColumns: (file.requiredColumns ?? d.requiredColumns ?? []).map(label),
    dueSoonDays: String(file.dueSoonDays ?? d.dueSoonDays),
    praisedUnits: (file.praisedUnits ?? []).join('\n'),
    columns: Object.entries(file.columns ?? {}).map(([f, h]) => ({ label: label(f), value: h })),
  };
}

/** "3" → 3; anything else stays text, so the schema's message names it ("应是整数，现在是 "三""). */
function num(s: string): number | string {
  const t = s.trim().replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  return /^-?\d+$/.test(t) ? Number(t) : t;
}

function pairs(rows: PairRow[], key: string, what: string, issues: ConfigIssue[], value: (v: string) => unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  rows.forEach((r, i) => {
    const l = r.label.trim();
    if (!l && !r.value.trim()) return;
    if (!l) issues.push({ key, path: key, text: `第 ${i + 1} 行缺少${what}。` });
    else if (l in out) issues.push({ key, path: `${key}.${l}`, text: `${what}“${l}”写了两次，请只留一行。` });
    else out[l] = value(r.value);
  });
  return out;
}

/** The form as a settings file, and every problem with it (the schema's, and rows the file cannot hold). */
export function fileFromDraft(d: SettingsDraft): { file: ConfigFile; issues: ConfigIssue[] } {
  const issues: ConfigIssue[] = [];
  const doc: Record<string, unknown> = {};
  if (d.officeLevel) doc.officeLevel = d.officeLevel;
  const sources: Record<string, unknown> = {};
  // A row just added (no name, nothing chosen) is not a source yet: left out. A name missing on a filled row is an error.
  d.sources.forEach((s, i) => {
    const l = s.label.trim();
    if (!l && (s.body !== 'npc' || s.level !== 'own' || s.interSession)) issues.push({ key: 'sources', path: 'sources', text: `来源第 ${i + 1} 行缺少来源名称。` });
    else if (!l) return;
    else if (l in sources) issues.push({ key: 'sources', path: `sources.${l}`, text: `来源“${l}”写了两次，请只留一行。` });
    else sources[l] = s.interSession ? { body: s.body, level: s.level, interSession: true } : { body: s.body, level: s.level };
  });
  if (Object.keys(sources).length) doc.sources = sources;
  const bySource = pairs(d.deadlineBySource, 'deadlineMonths', '另定时限的来源', issues, num);
  doc.deadlineMonths = Object.keys(bySource).length ? bySource : d.deadlineMonths.trim() === '' ? '' : num(d.deadlineMonths);
  // A date as every date field takes it (2021-09-30, 2021/9/30, 2021年9月30日, 20210930), kept as 2021-09-30.
  const fixed = pairs(d.fixedDeadlines, 'fixedDeadlines', '有统一答复日期的来源', issues, (v) => {
    const day = parseDateInput(v);
    return day.kind === 'ok' ? day.day : v.trim();
  });
  for (const [l, v] of Object.entries(fixed)) {
    const day = parseDateInput(String(v));
    if (day.kind !== 'invalid') continue;
    issues.push({ key: 'fixedDeadlines', path: `fixedDeadlines.${l}`, text: day.message });
    delete fixed[l];
  }
  if (Object.keys(fixed).length) doc.fixedDeadlines = fixed;
  doc.maxExtensionMonths = num(d.maxExtensionMonths);
  doc.categories = pairs(d.categories, 'categories', '答复类别', issues, words);
  const headers = pairs(d.headers, 'headers', '列', issues, words);
  if (Object.keys(headers).length) doc.headers = headers;
  doc.requiredColumns = [...d.requiredColumns];
  doc.dueSoonDays = num(d.dueSoonDays);
  const units = words(d.praisedUnits);
  if (units.length) doc.praisedUnits = units;
  const columns = pairs(d.columns, 'columns', '列', issues, (v) => v.replace(/\s+/g, ' ').trim());
  if (Object.keys(columns).length) doc.columns = columns;
  return { file: doc as ConfigFile, issues: [...issues, ...configIssues(doc)] };
}

/** Whether two settings files say the same (key order aside). */
export function sameSettings(a: ConfigFile, b: ConfigFile): boolean {
  const norm = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(norm) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, norm((v as Record<string, unknown>)[k])])) : v;
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b));
}

/** Every column a clerk can name, by its Chinese label (for 表头 and 必备列). */
export const COLUMN_LABELS: string[] = (Object.keys(FIELD_LABELS) as Field[]).map((f) => FIELD_LABELS[f]);

/** The text of banli.config.json for these settings (as banli init writes it). */
export function settingsText(file: ConfigFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}
