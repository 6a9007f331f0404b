/**
 * Reading banli.config.json: found beside the ledger or given with --config, checked against the JSON Schema shipped
 * in schema/ (with ajv), every problem in Chinese naming the key and what it may be. A malformed file is a
 * BanliError (exit 2); nothing is guessed.
 */
import type Ajv from 'ajv';
import type { ErrorObject } from 'ajv';
import { existsSync, readFileSync, statSync } from 'fs';
import * as path from 'path';
import { BanliError, CONFIG_FILE_NAME, Config, ConfigFile, configFromFile, isBanliError } from '../core';
import { readBytes } from './workbook';
import { addOptions } from './options';

export const SCHEMA_PATH = path.resolve(__dirname, '../../schema/banli.config.schema.json');

type Schema = Record<string, unknown>;
let validator: ReturnType<Ajv['compile']> | null = null;
let schema: Schema | null = null;

function compiled(): ReturnType<Ajv['compile']> {
  if (!validator) {
    schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as Schema;
    // ajv is loaded only when a settings file is read: `banli check` without one never pays for it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { default: AjvClass } = require('ajv') as typeof import('ajv');
    validator = new AjvClass({ allErrors: true, strict: false }).compile(schema);
  }
  return validator;
}

/** /sources/区人大建议/level → sources.区人大建议.level */
function keyPath(instancePath: string, extra?: string): string {
  const parts = instancePath
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (extra !== undefined) parts.push(extra);
  return parts.join('.') || '（整个文件）';
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
  let node = schema as Schema | undefined;
  for (const p of instancePath.split('/').slice(1)) {
    const props = node?.properties as Record<string, Schema> | undefined;
    node = props?.[p] ?? (node?.additionalProperties as Schema | undefined);
  }
  const props = node?.properties as Record<string, unknown> | undefined;
  return props ? Object.keys(props).filter((k) => k !== '$schema').join('、') : '';
}

/** One ajv error in Chinese, naming the key and the values allowed. */
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
      return `“${keyPath(e.instancePath)}”写得不对（${e.message ?? e.keyword}）。`;
  }
}

function valueAt(doc: unknown, instancePath: string): unknown {
  let v = doc;
  for (const p of instancePath.split('/').slice(1)) v = (v as Record<string, unknown> | undefined)?.[p.replace(/~1/g, '/').replace(/~0/g, '~')];
  return v;
}

/** The problems of a parsed settings object, in Chinese; empty when it is valid. */
export function configProblems(doc: unknown): string[] {
  const validate = compiled();
  if (validate(doc)) return [];
  const errors = validate.errors ?? [];
  // oneOf reports each branch's error too: only the oneOf line is kept for that key.
  const oneOfPaths = new Set(errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath));
  const kept = errors.filter((e) => e.keyword === 'oneOf' || ![...oneOfPaths].some((p) => e.instancePath.startsWith(p) && e.schemaPath.includes('/oneOf/')));
  // propertyNames is followed by an enum error on the same key: say it once.
  const lines = kept.filter((e) => !(e.keyword === 'enum' && e.propertyName !== undefined)).map((e) => errorText(e, valueAt(doc, e.instancePath)));
  return [...new Set(lines)];
}

/** Settings from a parsed object, or a BanliError listing every problem. */
export function configFromJson(doc: unknown, file: string): Config {
  const problems = configProblems(doc);
  if (problems.length) {
    throw new BanliError('bad-option', `设置文件 ${file} 有 ${problems.length} 处问题：\n${problems.map((p) => `  · ${p}`).join('\n')}\n请改正后再运行（设置项的说明见 README“设置文件”一节）。`);
  }
  return configFromFile(doc as ConfigFile);
}

/** Reads and checks a settings file. */
export async function loadConfig(file: string): Promise<Config> {
  let text: string;
  try {
    text = (await readBytes(file)).toString('utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    if (isBanliError(e)) throw new BanliError(e.code, `设置文件无法读取：${e.message}`);
    throw e;
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new BanliError('bad-option', `设置文件 ${file} 不是有效的 JSON（${String((e as Error).message)}）。注意：键和文字都要用英文双引号，最后一项后面不加逗号。`);
  }
  return configFromJson(doc, file);
}

/** banli.config.json in the ledger's folder (or in the folder given), or null. */
export function configBeside(ledgerPath: string): string | null {
  let dir = ledgerPath;
  try {
    if (!statSync(ledgerPath).isDirectory()) dir = path.dirname(ledgerPath);
  } catch {
    dir = path.dirname(ledgerPath);
  }
  const candidate = path.join(dir, CONFIG_FILE_NAME);
  return existsSync(candidate) ? candidate : null;
}

/** --config FILE, else the file beside the first path given; undefined when there is none (the defaults apply). */
export async function resolveConfig(flag: string | boolean | undefined, paths: string[]): Promise<{ config: Config; file: string } | undefined> {
  const file = typeof flag === 'string' ? flag : paths.length ? configBeside(paths[0]) : null;
  if (!file) return undefined;
  return { config: await loadConfig(file), file };
}

addOptions([{ name: 'config', value: true, commands: ['check', 'report'], path: { role: 'input', what: '设置文件' } }]);
