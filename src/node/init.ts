/**
 * banli init [PATH]: writes banli.config.json beside a ledger (or into a folder); never over an existing one. The
 * file holds the defaults written out — nothing that reads a ledger differently: no example column names or sources
 * (how to add them is printed instead) — and, when a ledger could be read, the office level Banli detected in it.
 * No `$schema`: a path into the install folder would not survive copying the file to another computer.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { BanliError, CONFIG_FILE_NAME, ConfigFile, DEFAULT_CONFIG, configToFile } from '../core';
import { parseArgs } from './args';
import { writeFileAtomic } from './safeWrite';
import { SCHEMA_PATH, configProblems } from './config';
import { analyseFile } from './check';
import { expandInputs } from './files';

export interface InitIo {
  out: (s: string) => void;
}

type Level = NonNullable<ConfigFile['officeLevel']>;
const LEVEL_TEXT: Record<Level, string> = { province: '省级', city: '市级', county: '区县级' };

/** The office level the ledger's sources show (a 市 office's own items are 市人大建议 …), or why there is none. */
async function detectLevel(target: string, isDir: boolean): Promise<{ level?: Level; ledger?: string; why?: string }> {
  let ledger = isDir ? undefined : target;
  if (isDir) {
    const { entries } = await expandInputs([target]);
    ledger = entries.find((e) => !e.problem)?.path;
    if (!ledger) return { why: `文件夹 ${target} 里没有可以读取的台账` };
  }
  const r = await analyseFile(ledger!, { asOf: '2000-01-01' });
  if (!r.ok) return { ledger, why: `${ledger} 无法读取` };
  const office = r.analysis.totals.office;
  return office === 'province' || office === 'city' || office === 'county' ? { level: office, ledger } : { ledger, why: `从 ${ledger} 看不出本机关的层级` };
}

export async function runInit(argv: string[], io: InitIo): Promise<number> {
  const { positionals } = parseArgs(argv, { booleans: [], values: [] });
  if (positionals.length > 1) throw new BanliError('bad-option', '请只给出一个台账文件或文件夹。用法：banli init [台账.xlsx 或文件夹]');
  const target = positionals[0] ?? '.';
  let dir: string;
  let isDir: boolean;
  try {
    isDir = (await fs.stat(target)).isDirectory();
    dir = isDir ? target : path.dirname(target);
  } catch {
    throw new BanliError('not-found', `找不到文件或文件夹：${target}`);
  }
  const file = path.join(dir, CONFIG_FILE_NAME);
  try {
    await fs.access(file);
    throw new BanliError('bad-option', `${file} 已经存在，办理助手不会覆盖它。要重新生成，请先把它改名或移走。`);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  const detected = await detectLevel(target, isDir);
  // The defaults, and empty places for what a clerk may add: none of it reads a ledger otherwise than the defaults.
  const doc: ConfigFile = {
    ...(detected.level ? { officeLevel: detected.level } : {}),
    ...configToFile(DEFAULT_CONFIG),
    sources: {},
    fixedDeadlines: {},
    headers: {},
    praisedUnits: [],
  };
  const problems = configProblems(doc);
  if (problems.length) throw new Error(`the settings written by init do not pass the schema: ${problems.join('; ')}`);
  await writeFileAtomic(file, JSON.stringify(doc, null, 2) + '\n');
  const level = detected.level
    ? `"officeLevel": "${detected.level}" 是从 ${detected.ledger} 判断的本机关层级（${LEVEL_TEXT[detected.level]}）；不对的，改为 "province"（省级）、"city"（市级）或 "county"（区县级），删去这一行则每次按台账判断。`
    : `没有写 officeLevel（${detected.why}）：本机关的层级每次按台账中来源的前缀判断；要固定它，可加一行 "officeLevel": "city"（或 "province"、"county"）。`;
  io.out(
    [
      `已写出设置文件：${file}`,
      '其中是办理助手的默认设置，检查结果与没有设置文件时相同；检查这个文件夹里的台账时会自动使用。用记事本等编辑它：',
      `  · ${level}`,
      '  · 台账的列名与默认不同的，在 "headers" 中补充，例如 "headers": { "答复日期": ["回函日期"], "主办单位": ["责任单位"] }。',
      '  · 台账里有默认不认识的来源的，在 "sources" 中补充，例如 "sources": { "议案转建议": { "body": "npc", "level": "own" } }。',
      `各项的说明见 README“设置文件”一节；可用于编辑器检查的 JSON Schema 在 ${SCHEMA_PATH}。`,
      '',
    ].join('\n'),
  );
  return 0;
}
