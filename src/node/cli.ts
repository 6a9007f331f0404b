/** The banli command line. Every failure a user can cause ends in a Chinese message and exit code 2. */
import * as path from 'path';
import { BanliError, Day, Grid, isBanliError, parseAsOf, today } from '../core';
import { parseArgs } from './args';
import { FileResult, checkFile, readUnitGrids, resultJson } from './check';
import { expandPaths } from './files';
import { fileText, grandTotalText } from './textReport';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

const stdio: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
};

export const SAMPLE_LEDGER = path.resolve(__dirname, '../../samples/ledger-2021.xlsx');
export const SAMPLE_AS_OF: Day = '2021-07-19';

const HELP = `banli —— 建议提案办理台账检查（办理助手）

用法：
  banli check [选项] 路径...      检查台账（.xlsx 文件或文件夹，文件夹会递归查找）
  banli demo                       检查自带的示例台账（截至 2021-07-19）并打印摘要
  banli --help | --version

check 的选项：
  --json                 输出一个 JSON 文档（格式见 README）
  --as-of YYYY-MM-DD     以哪一天判断超期（默认：今天）
  --units 文件           承办单位名单（.xlsx）；默认使用台账中的“承办单位”工作表
  --form-version 版本    当前的征询意见表版本；其他版本视为旧表（默认：版本中含“旧”字的为旧表）
  --sheet 名称           指定台账所在的工作表（默认自动识别）
  --max-findings N       每个文件最多列出 N 条问题（各规则的计数不受影响）

退出码：0 没有错误；1 有错误级别的问题；2 有文件无法作为台账读取，或参数有误。
`;

function version(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('../../package.json') as { version: string }).version;
}

interface CheckOpts {
  json: boolean;
  asOf: Day;
  unitGrids?: Grid[];
  formVersion?: string;
  sheet?: string;
  maxFindings: number;
}

async function parseCheckOptions(flags: Record<string, string | boolean>): Promise<CheckOpts> {
  let asOf = today();
  if (typeof flags['as-of'] === 'string') {
    const d = parseAsOf(flags['as-of']);
    if (!d) throw new BanliError('bad-option', `--as-of 的日期“${flags['as-of']}”无效，请写成 2021-07-19 的形式。`);
    asOf = d;
  }
  let maxFindings = Infinity;
  if (typeof flags['max-findings'] === 'string') {
    maxFindings = Number(flags['max-findings']);
    if (!Number.isInteger(maxFindings) || maxFindings < 0) {
      throw new BanliError('bad-option', `--max-findings 需要一个不小于 0 的整数，收到“${flags['max-findings']}”。`);
    }
  }
  let unitGrids: Grid[] | undefined;
  if (typeof flags.units === 'string') {
    try {
      unitGrids = await readUnitGrids(flags.units);
    } catch (e) {
      if (isBanliError(e)) throw new BanliError(e.code, `承办单位名单无法读取：${e.message}`);
      throw e;
    }
  }
  return {
    json: flags.json === true,
    asOf,
    unitGrids,
    formVersion: typeof flags['form-version'] === 'string' ? flags['form-version'] : undefined,
    sheet: typeof flags.sheet === 'string' ? flags.sheet : undefined,
    maxFindings,
  };
}

async function runCheck(paths: string[], opts: CheckOpts, io: Io): Promise<number> {
  const entries = await expandPaths(paths);
  const results: FileResult[] = [];
  for (const e of entries) {
    if (e.problem) {
      results.push({ path: e.path, ok: false, error: e.problem });
      continue;
    }
    const r = await checkFile(e.path, {
      asOf: opts.asOf,
      unitGrids: opts.unitGrids,
      formVersion: opts.formVersion,
      sheet: opts.sheet,
    });
    if (opts.unitGrids && r.ok && !r.analysis.ledger.units) {
      results.push({ path: e.path, ok: false, error: { code: 'unreadable', message: '--units 文件中没有找到承办单位名单（需要“单位名称”列）。' } });
      continue;
    }
    results.push(r);
  }
  if (opts.json) {
    io.out(JSON.stringify({ asOf: opts.asOf, files: results.map((r) => resultJson(r, opts.maxFindings)) }) + '\n');
  } else {
    io.out(`检查截至 ${opts.asOf}\n\n`);
    io.out(results.map((r) => fileText(r, opts.maxFindings)).join('\n\n') + '\n');
    if (results.length > 1) io.out('\n' + grandTotalText(results) + '\n');
  }
  return exitCode(results);
}

export function exitCode(results: FileResult[]): number {
  if (results.some((r) => !r.ok)) return 2;
  return results.some((r) => r.ok && r.analysis.errors > 0) ? 1 : 0;
}

async function runDemo(io: Io): Promise<number> {
  const r = await checkFile(SAMPLE_LEDGER, { asOf: SAMPLE_AS_OF });
  if (!r.ok) {
    io.err(`示例台账无法读取：${r.error.message}\n`);
    return 2;
  }
  io.out(`示例台账 ${path.relative(process.cwd(), SAMPLE_LEDGER)}，检查截至 ${SAMPLE_AS_OF}\n\n`);
  io.out(fileText({ ...r, path: path.relative(process.cwd(), r.path) }, Infinity, 2) + '\n');
  return 0;
}

export async function main(argv: string[], io: Io = stdio): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.out(HELP);
      return command === undefined ? 2 : 0;
    }
    if (command === '--version' || command === '-v') {
      io.out(`${version()}\n`);
      return 0;
    }
    if (command === 'check') {
      const { flags, positionals } = parseArgs(rest, {
        booleans: ['json'],
        values: ['as-of', 'units', 'form-version', 'sheet', 'max-findings'],
      });
      if (positionals.length === 0) throw new BanliError('bad-option', '请给出要检查的台账文件或文件夹。用法：banli check [选项] 路径...');
      return await runCheck(positionals, await parseCheckOptions(flags), io);
    }
    if (command === 'demo') {
      parseArgs(rest, { booleans: [], values: [] });
      return await runDemo(io);
    }
    throw new BanliError('bad-option', `不认识的命令：${command}。用 banli --help 查看用法。`);
  } catch (e) {
    if (isBanliError(e)) {
      io.err(`banli：${e.message}\n`);
      return 2;
    }
    io.err(`banli：出现了意外错误：${String((e as Error)?.message ?? e)}\n`);
    if (process.env.BANLI_DEBUG) io.err(`${(e as Error)?.stack ?? ''}\n`);
    return 2;
  }
}
