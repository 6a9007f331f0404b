/**
 * The settings' problems in the words of the 设置 form. The validator (src/config/validate.ts, shared with the
 * command line, where the file's keys are the clerk's words) names keys and JSON values: “deadlineMonths”应是月数…
 * {"市政协提案": 5}. The panes show the form, so here each key becomes the label the form shows (各来源统一的月数,
 * 最长延期, 催办提前天数 …), ranges are said as ranges, values without JSON quotes, and the field a problem belongs to is
 * named so the form can mark it. Pure functions over the validator's sentences.
 */
import { FIELD_LABELS, fieldOf } from '../core';
import type { ConfigIssue } from '../config/validate';

/** The label of a column key (assignDate or 交办日期) as the form shows it. */
const column = (key: string): string => {
  const f = fieldOf(key);
  return f ? FIELD_LABELS[f] : key;
};

const TOP: Record<string, string> = {
  officeLevel: '本机关层级',
  sources: '来源',
  deadlineMonths: '各来源统一的月数',
  fixedDeadlines: '统一答复日期',
  maxExtensionMonths: '最长延期',
  categories: '答复类别',
  headers: '表头',
  columns: '列对应',
  requiredColumns: '必备列',
  dueSoonDays: '催办提前天数',
  praisedUnits: '表扬单位',
};

const KEYS = Object.keys(TOP).join('|');

/** The allowed range of a number, as the form's hints give it. */
const RANGES: Record<string, [number, number]> = {
  deadlineMonths: [1, 24],
  maxExtensionMonths: [1, 24],
  dueSoonDays: [0, 365],
};

/** The words of the values the file writes in English (the form offers them as choices). */
const VALUES: Record<string, string> = {
  province: '省级',
  city: '市级',
  county: '区县级',
  npc: '人大建议',
  cppcc: '政协提案',
  own: '本级',
  upper: '上级',
  national: '全国',
  body: '属于',
  level: '层级',
  interSession: '闭会建议',
};

/** 'deadlineMonths.市政协提案' → 来源“市政协提案”的月数: what the form calls the place a key path names. */
export function fieldLabel(path: string): string {
  if (path === '（整个文件）' || path === '') return '设置文件';
  const dot = path.indexOf('.');
  const top = dot < 0 ? path : path.slice(0, dot);
  const rest = dot < 0 ? '' : path.slice(dot + 1);
  if (!rest) return TOP[top] ?? top;
  switch (top) {
    case 'sources': {
      const m = /^(.*)\.(body|level|interSession)$/.exec(rest);
      return m ? `来源“${m[1]}”的“${VALUES[m[2]]}”` : `来源“${rest}”`;
    }
    case 'deadlineMonths':
      return `来源“${rest}”的月数`;
    case 'fixedDeadlines':
      return `来源“${rest}”的统一答复日期`;
    case 'categories': {
      const m = /^(.*)\.\d+$/.exec(rest);
      return m ? `答复类别“${m[1]}”的解决程度用语` : `答复类别“${rest}”`;
    }
    case 'headers': {
      const m = /^(.*)\.\d+$/.exec(rest);
      return `列“${column(m ? m[1] : rest)}”的列名`;
    }
    case 'columns':
      return `列对应中的“${column(rest)}”`;
    default:
      return TOP[top] ?? path;
  }
}

/** A value as the validator quotes it (JSON): "五" → “五”; a number as it is; a list or an object: not repeated. */
function shown(json: string): string | null {
  const t = json.trim();
  if (t.startsWith('"')) {
    try {
      return `“${String(JSON.parse(t))}”`;
    } catch {
      return `“${t.replace(/^"|"$/g, '')}”`;
    }
  }
  if (t.startsWith('{') || t.startsWith('[')) return null;
  return VALUES[t] ?? t;
}

const now = (json: string) => {
  const v = shown(json);
  return v === null ? '' : v.startsWith('“') ? `，现在是${v}` : `，现在是 ${v}`;
};

const topOf = (path: string) => path.split('.')[0];
const rangeOf = (path: string) => RANGES[topOf(path)];

/** Whether a month count typed by source is one the settings take. */
export function goodMonths(typed: string): boolean {
  const t = typed.trim().replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  const [lo, hi] = RANGES.deadlineMonths;
  return /^\d+$/.test(t) && Number(t) >= lo && Number(t) <= hi;
}

/** The months by source the validator found wrong ({"市政协提案":"五"}), one sentence each. */
function monthsBySource(json: string): string | null {
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch {
    return null;
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return null;
  const [lo, hi] = RANGES.deadlineMonths;
  const bad = Object.entries(doc as Record<string, unknown>).filter(([, v]) => !(Number.isInteger(v) && (v as number) >= lo && (v as number) <= hi));
  if (!bad.length) return null;
  return bad.map(([k, v]) => `${fieldLabel(`deadlineMonths.${k}`)}应是 ${lo} 到 ${hi} 之间的整数${now(JSON.stringify(v))}。`).join('');
}

const TYPES: Record<string, string> = {
  '一个对象（{ … }）': '按名称分别写的几项',
  '一个列表（[ … ]）': '几项名称',
  '文字（加引号）': '文字',
  'true 或 false': '是或否',
};

/** One sentence of the validator about a key path, in the form's words. */
function sentence(path: string, tail: string): string {
  const label = fieldLabel(path);
  let m: RegExpExecArray | null;
  if ((m = /^应是月数（如 3），或按来源分别写（.*），现在是 (.*)。$/.exec(tail))) {
    const bySource = monthsBySource(m[1]);
    if (bySource) return bySource;
    const [lo, hi] = RANGES.deadlineMonths;
    return `${label}应是 ${lo} 到 ${hi} 之间的整数${now(m[1])}。`;
  }
  if ((m = /^应是整数，现在是 (.*)。$/.exec(tail))) {
    const r = rangeOf(path);
    return r ? `${label}应是 ${r[0]} 到 ${r[1]} 之间的整数${now(m[1])}。` : `${label}应是整数${now(m[1])}。`;
  }
  if ((m = /^应(?:不小于|不大于) (-?\d+)，现在是 (.*)。$/.exec(tail))) {
    const r = rangeOf(path);
    return r ? `${label}应在 ${r[0]} 到 ${r[1]} 之间${now(m[2])}。` : `${label}${tail.replace(/，现在是 .*。$/, '')}${now(m[2])}。`;
  }
  if ((m = /^应是(.*)，现在是 (.*)。$/.exec(tail))) return `${label}应是${TYPES[m[1]] ?? m[1]}${now(m[2])}。`;
  if ((m = /^应写成 2021-09-30 这样的日期，现在是 (.*)。$/.exec(tail))) return `${label}应写成 2021-09-30 这样的日期${now(m[1])}。`;
  if ((m = /^的值 (.*) 不在允许的范围内，可选：(.*)。$/.exec(tail))) {
    // Column keys and labels name the same columns: each once, by its label; a long list is left to the form.
    const choices = [...new Set(m[2].split('、').map((v) => VALUES[v] ?? column(v)))];
    return `${label}的值${shown(m[1]) ?? ''}不在可选的范围内${choices.length <= 8 ? `，可选：${choices.join('、')}` : ''}。`;
  }
  if ((m = /^缺少“(.*)”。$/.exec(tail))) return `${label}缺少“${VALUES[m[1]] ?? m[1]}”。`;
  if (/^不是 Banli 认识的列。$/.test(tail)) {
    const name = path.slice(path.indexOf('.') + 1);
    return `${TOP[topOf(path)] ?? '表头'}中的“${name}”不是办理助手认识的列。`;
  }
  if (/^写得不对（.*）。$/.test(tail)) return `${label}写得不对。`;
  return `${label}${tail}`;
}

/**
 * Any text with the validator's sentences in it (a message listing them, a kept value's problem) in the form's
 * words. Text that has none is returned as it is.
 */
export function clerkWords(text: string): string {
  return text
    .replace(/不是有效的 JSON(?:（[\s\S]*?）)?。注意：[^。]*。/g, () => '不是办理助手的设置文件，内容无法读取。请导入用“下载 banli.config.json”得到的文件；手工改过的，请检查引号和逗号是否齐全。')
    .replace(/不认识的设置项“([^”]*)”。可用的设置项：[^。]*。/g, (_, k: string) => `设置文件中有办理助手不认识的一项“${k}”，请删去。`)
    .replace(new RegExp(`“((?:${KEYS})(?:\\.[^”]*)?|（整个文件）)”([^。]*。)`, 'g'), (_, path: string, tail: string) => sentence(path, tail));
}

/** Where a problem shows in the form: a field of a row or of a section, or the section itself. */
export type IssueTarget =
  | { kind: 'field'; key: 'deadlineMonths' | 'maxExtensionMonths' | 'dueSoonDays' }
  | { kind: 'row'; list: 'deadlineBySource' | 'fixedDeadlines' | 'categories' | 'headers' | 'columns'; label: string }
  /** The months written by source that are not a whole number of months in range. */
  | { kind: 'months' }
  | { kind: 'section' };

/** A problem in the form's words, and the field it belongs to. */
export interface ClerkIssue {
  /** The form's section (the file's top key), or '' for the whole file. */
  key: string;
  text: string;
  target: IssueTarget;
}

/**
 * A validator's problem for the form: its sentence in the form's words, and where it shows (the rows of a list by
 * their label: the form's label, 交办日期, for a column key). Problems the form has its own words for (a row without a
 * name, a name written twice) stay with their section.
 */
export function clerkIssue(issue: ConfigIssue, bySourceRows: boolean): ClerkIssue {
  const text = clerkWords(issue.text);
  const dot = issue.path.indexOf('.');
  const top = dot < 0 ? issue.path : issue.path.slice(0, dot);
  const rest = dot < 0 ? '' : issue.path.slice(dot + 1).replace(/\.\d+$/, '');
  const own = /写了两次|缺少/.test(issue.text) && !issue.text.startsWith('“');
  let target: IssueTarget = { kind: 'section' };
  if (!own) {
    if ((top === 'maxExtensionMonths' || top === 'dueSoonDays') && !rest) target = { kind: 'field', key: top };
    else if (top === 'deadlineMonths' && !rest) target = bySourceRows ? { kind: 'months' } : { kind: 'field', key: 'deadlineMonths' };
    else if (top === 'deadlineMonths' && rest) target = { kind: 'row', list: 'deadlineBySource', label: rest };
    else if ((top === 'fixedDeadlines' || top === 'categories') && rest) target = { kind: 'row', list: top, label: rest };
    else if ((top === 'headers' || top === 'columns') && rest && !/不是 Banli 认识的列/.test(issue.text)) target = { kind: 'row', list: top, label: column(rest) };
  }
  return { key: issue.key, text, target };
}
