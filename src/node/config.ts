/**
 * Reading banli.config.json: found beside the ledger or given with --config, checked against the JSON Schema shipped
 * in schema/ (by the validator ajv precompiled from it, which the page shares: src/config/), every problem in Chinese
 * naming the key and what it may be. A malformed file is a BanliError (exit 2); nothing is guessed.
 */
import { existsSync, statSync } from 'fs';
import * as path from 'path';
import { BanliError, CONFIG_FILE_NAME, Config, ConfigFile, configFromFile, isBanliError } from '../core';
import { readBytes } from './workbook';
import { addOptions } from './options';
import { configProblems, notJsonText } from '../config/validate';

export { configProblems, errorText } from '../config/validate';

export const SCHEMA_PATH = path.resolve(__dirname, '../../schema/banli.config.schema.json');

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
    if (isBanliError(e)) throw new BanliError(e.code, `设置文件无法读取：${e.message}`, e.detail);
    throw e;
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new BanliError('bad-option', `设置文件 ${file} ${notJsonText(e, text)}`, String((e as Error)?.message ?? e));
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
