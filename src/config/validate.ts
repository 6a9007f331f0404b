/**
 * Checking banli.config.json, the same way in the CLI and in the page: the validator precompiled from the JSON Schema
 * (validate.generated.ts, made by scripts/config-validator.js: no ajv and no `new Function` at run time) and every
 * problem said in Chinese, naming the key and the values allowed.
 */
import type { ErrorObject } from 'ajv';
import type { ConfigFile } from '../core';
import { schema as generatedSchema, validate as generatedValidate } from './validate.generated';

type Schema = Record<string, unknown>;
type Validate = ((doc: unknown) => boolean) & { errors?: ErrorObject[] | null };

export const SCHEMA = generatedSchema as Schema;
const validate = generatedValidate as Validate;

/** One problem: the top-level key it is under ('' for the whole file), where exactly, and the sentence. */
export interface ConfigIssue {
  key: string;
  path: string;
  text: string;
}

function parts(instancePath: string): string[] {
  return instancePath
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** /sources/区人大建议/level → sources.区人大建议.level */
function keyPath(instancePath: string, extra?: string): string {
  const p = parts(instancePath);
  if (extra !== undefined) p.push(extra);
  return p.join('.') || '（整个文件）';
}

const TYPE_NAMES: Record<string, string> = {
  object: '一个对象（{ … }）',
  array: '一个列表（[ … ]）',
  string: '文字（加引号）',
  integer: '整数',
  number: '数字',
  boolean: 'true 或 false',
};

function allowedKeys(instancePath: string): string {
  let node = SCHEMA as Schema | undefined;
  for (const p of instancePath.split('/').slice(1)) {
    const props = node?.properties as Record<string, Schema> | undefined;
    node = props?.[p] ?? (node?.additionalProperties as Schema | undefined);
  }
  const props = node?.properties as Record<string, unknown> | undefined;
  return props ? Object.keys(props).filter((k) => k !== '$schema').join('、') : '';
}

/** One validator error in Chinese, naming the key and the values allowed. */
export function errorText(e: ErrorObject, value: unknown): string {
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = keyPath(e.instancePath, String(params.additionalProperty));
      return `不认识的设置项“${key}”。可用的设置项：${allowedKeys(e.instancePath)}。`;
    }
    case 'required':
      return `“${keyPath(e.instancePath)}”缺少“${String(params.missingProperty)}”。`;
    case 'enum':
      return `“${keyPath(e.instancePath)}”的值 ${JSON.stringify(value)} 不在允许的范围内，可选：${(params.allowedValues as unknown[]).join('、')}。`;
    case 'propertyNames':
      return `“${keyPath(e.instancePath, String(params.propertyName))}”不是 Banli 认识的列。`;
    case 'type':
      return `“${keyPath(e.instancePath)}”应是${TYPE_NAMES[String(params.type)] ?? String(params.type)}，现在是 ${JSON.stringify(value)}。`;
    case 'minimum':
    case 'maximum':
      return `“${keyPath(e.instancePath)}”应${e.keyword === 'minimum' ? '不小于' : '不大于'} ${String(params.limit)}，现在是 ${JSON.stringify(value)}。`;
    case 'pattern':
      return `“${keyPath(e.instancePath)}”应写成 2021-09-30 这样的日期，现在是 ${JSON.stringify(value)}。`;
    case 'minLength':
      return `“${keyPath(e.instancePath)}”不能是空的文字。`;
    case 'minProperties':
      return `“${keyPath(e.instancePath)}”至少要写一项。`;
    case 'oneOf':
      return `“${keyPath(e.instancePath)}”应是月数（如 3），或按来源分别写（如 {"市政协提案": 5}），现在是 ${JSON.stringify(value)}。`;
    default:
      // A rule of the schema without a sentence of its own: said in Chinese all the same (the validator's English never).
      return `“${keyPath(e.instancePath)}”写得不对，请对照 README“设置”一节的说明改正。`;
  }
}

function valueAt(doc: unknown, instancePath: string): unknown {
  let v = doc;
  for (const p of parts(instancePath)) v = (v as Record<string, unknown> | undefined)?.[p];
  return v;
}

/** The problems of a parsed settings object, each with the top-level key it is under; empty when it is valid. */
export function configIssues(doc: unknown): ConfigIssue[] {
  if (validate(doc)) return [];
  const errors = validate.errors ?? [];
  // oneOf reports each branch's error too: only the oneOf line is kept for that key.
  const oneOfPaths = new Set(errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath));
  const kept = errors.filter((e) => e.keyword === 'oneOf' || ![...oneOfPaths].some((p) => e.instancePath.startsWith(p) && e.schemaPath.includes('/oneOf/')));
  // propertyNames is followed by an enum error on the same key: say it once.
  const seen = new Set<string>();
  const out: ConfigIssue[] = [];
  for (const e of kept) {
    if (e.keyword === 'enum' && e.propertyName !== undefined) continue;
    const text = errorText(e, valueAt(doc, e.instancePath));
    if (seen.has(text)) continue;
    seen.add(text);
    const p = parts(e.instancePath);
    const key = p[0] ?? (e.keyword === 'additionalProperties' ? String((e.params as Record<string, unknown>).additionalProperty) : '');
    out.push({ key, path: keyPath(e.instancePath), text });
  }
  return out;
}

/** The problems of a parsed settings object, in Chinese; empty when it is valid. */
export function configProblems(doc: unknown): string[] {
  return configIssues(doc).map((i) => i.text);
}

/** The text of a settings file (a BOM is ignored) as settings, or the problems: not JSON, or against the schema. */
export function parseConfigText(text: string): { ok: true; file: ConfigFile } | { ok: false; issues: ConfigIssue[] } {
  let doc: unknown;
  const json = text.replace(/^\uFEFF/, '');
  try {
    doc = JSON.parse(json);
  } catch (e) {
    return { ok: false, issues: [{ key: '', path: '（整个文件）', text: notJsonText(e, json) }] };
  }
  const issues = configIssues(doc);
  return issues.length ? { ok: false, issues } : { ok: true, file: doc as ConfigFile };
}

/**
 * Where JSON.parse stopped, in Chinese, from its message: “at position N” (V8; the line and character counted in
 * `text`), “line L column C” (newer V8, Firefox), or the end of the input. Empty when the message says neither.
 */
function jsonWhere(e: unknown, text?: string): string {
  const m = String((e as Error)?.message ?? e);
  const cut = '文件在中途就结束了，可能少了右括号“}”或引号';
  if (/end of (JSON input|data)/i.test(m)) return cut;
  const lc = /line (\d+) column (\d+)/.exec(m);
  if (lc) return `第 ${lc[1]} 行第 ${lc[2]} 个字符附近写得不对`;
  const pos = /position (\d+)/.exec(m);
  if (!pos) return '';
  if (text === undefined) return `第 ${Number(pos[1]) + 1} 个字符附近写得不对`;
  if (Number(pos[1]) >= text.trimEnd().length) return cut;
  const lines = text.slice(0, Number(pos[1])).split('\n');
  return `第 ${lines.length} 行第 ${lines[lines.length - 1].length + 1} 个字符附近写得不对`;
}

/**
 * What is said of a file that is not JSON at all: where it goes wrong (JSON.parse's own English is not shown) and
 * the usual slips. `text` is what was parsed, to count lines in.
 */
export function notJsonText(e: unknown, text?: string): string {
  const where = jsonWhere(e, text);
  return `不是有效的 JSON${where ? `（${where}）` : ''}。注意：键和文字都要用英文双引号，最后一项后面不加逗号。`;
}
