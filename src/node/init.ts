/** banli init [PATH]: writes a filled-in banli.config.json beside a ledger (or into a folder); never over an existing one. */
import { promises as fs } from 'fs';
import * as path from 'path';
import { BanliError, CONFIG_FILE_NAME, exampleConfigFile } from '../core';
import { parseArgs } from './args';
import { writeFileAtomic } from './safeWrite';
import { SCHEMA_PATH, configProblems } from './config';

export interface InitIo {
  out: (s: string) => void;
}

export async function runInit(argv: string[], io: InitIo): Promise<number> {
  const { positionals } = parseArgs(argv, { booleans: [], values: [] });
  if (positionals.length > 1) throw new BanliError('bad-option', '请只给出一个台账文件或文件夹。用法：banli init [台账.xlsx 或文件夹]');
  const target = positionals[0] ?? '.';
  let dir: string;
  try {
    dir = (await fs.stat(target)).isDirectory() ? target : path.dirname(target);
  } catch {
    throw new BanliError('not-found', `找不到文件或文件夹：${target}`);
  }
  const file = path.join(dir, CONFIG_FILE_NAME);
  try {
    await fs.access(file);
    throw new BanliError('bad-option', `${file} 已经存在，Banli 不会覆盖它。要重新生成，请先把它改名或移走。`);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  const doc = { $schema: SCHEMA_PATH, ...exampleConfigFile() };
  const problems = configProblems(doc);
  if (problems.length) throw new Error(`the example settings do not pass the schema: ${problems.join('; ')}`);
  await writeFileAtomic(file, JSON.stringify(doc, null, 2) + '\n');
  io.out(`已写出设置文件：${file}\n用记事本等编辑它；检查这个文件夹里的台账时会自动使用（各项的说明见 README“设置文件”一节）。\n`);
  return 0;
}
