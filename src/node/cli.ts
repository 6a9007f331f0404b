/** The banli command line. Every failure a user can cause ends in a Chinese message and exit code 2. */
import * as path from 'path';
import { AnalyseOptions, Analysis, BanliError, Config, DEFAULT_CONFIG, Day, Grid, isBanliError, parseAsOf, readUnitList, today } from '../core';
import { parseArgs } from './args';
import { SavedSettings, analyseFile, readUnitGrids } from './check';
import { PathEntry, SkippedPath } from './files';
import { fileText, grandTotalText, skippedText, statusLine } from './textReport';
import { FileSummary, WriteResult, summarize, summaryJson } from './summary';
import { runBatch } from './batch';
import { htmlReport } from './html';
import { argSpec } from './options';
import { PathPlan, preparePaths } from './paths';
import { ErrorInfo, banliMessage, errorInfo, isSystemError, rawText, translated, withDetail } from './errors';
import { notJsonText } from '../config/validate';
import { prepareFolder, writeFileAtomic } from './safeWrite';
import { readBytes } from './workbook';
import { resolveConfig } from './config';
import { runInit } from './init';
import { analyseCombined, runCombinedCheck } from './combine';

/** The circular's writer (and JSZip with it) is loaded only by the commands that write one: `check` never pays for it. */
const reportModule = (): Promise<typeof import('./report')> => import('./report');

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

let pipeWatched = false;
/** Output piped into a command that stops reading (`banli check … | head`) ends quietly, not with EPIPE. */
function watchPipe(): void {
  if (pipeWatched) return;
  pipeWatched = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
    });
  }
}

const stdio: Io = {
  out: (s) => {
    watchPipe();
    process.stdout.write(s);
  },
  err: (s) => {
    watchPipe();
    process.stderr.write(s);
  },
};

export const SAMPLE_LEDGER = path.resolve(__dirname, '../../samples/ledger-2021.xlsx');
export const SAMPLE_AS_OF: Day = '2021-07-19';

const HELP = `banli —— 建议提案办理台账检查（办理助手）

用法：
  banli check [选项] 路径...      检查台账（.xlsx 文件或文件夹，文件夹会递归查找）
  banli report [选项] 台账.xlsx -o 通报.docx
  banli report [选项] 文件... 或 文件夹 -o 通报.docx   把各单位报来的台账合并后生成通报
                                   按台账生成办理工作情况通报（GB/T 9704 版式的 .docx）
  banli init [台账或文件夹]        在台账旁写出一个填好默认值的设置文件 banli.config.json
  banli demo                       检查自带的示例台账（截至 2021-07-19），打印摘要并生成示例通报
  banli --help | --version

check 的选项：
  --json                 输出一个 JSON 文档（格式见 README）
  --as-of YYYY-MM-DD     以哪一天判断超期（默认：今天）
  --units 文件           承办单位名单（.xlsx）；默认使用台账中的“承办单位”工作表
  --form-version 版本    当前的征询意见表版本；其他版本视为旧表（默认：版本中含“旧”字的为旧表）
  --sheet 名称           指定台账所在的工作表（默认自动识别）
  --max-findings N       每个文件最多列出 N 条问题（各规则的计数不受影响）
  --html 文件            另外写出一个 HTML 报告（自包含，可直接打印）
  --annotate 文件夹      为每个工作簿写出标注副本（问题单元格着色、加批注，并附“检查结果”工作表）；原文件不会被改动
  --combine              把给出的几个工作簿（或文件夹里的全部工作簿）合并为一个台账检查：一套合计，问题写明 文件!工作表!单元格
  --config 文件          设置文件（默认：台账所在文件夹中的 banli.config.json）
  --jobs N               同时检查的文件数（默认：按文件数和 CPU 自动选择；1 表示逐个检查）

report 的选项（未给出的：发文机关为郑州市人民政府时用参考通报的版头、主送和版记；其他发文机关的印发机关为其办公室，
主送为“各承办单位”，不写抄送，发文字号的机关代字和序号留空待填；用了哪些默认写法，写出后会提示）：
  -o, --output 文件      写出的 .docx（必需）
  --as-of、--units、--sheet、--form-version   同 check；--as-of 默认为 --date 给出的成文日期，都没有时为今天
  --year 年度            默认取台账中多数建议提案的交办年份（没有交办日期时取 --as-of 的年份）
  --doc-number 字号      发文字号，如 郑政文〔2021〕84号（六角括号，序号不编虚位、不加“第”）
  --date 日期            成文日期（默认 --as-of）；只给 --date 时，数据也截至这一天
  --title 标题           标题；可用 | 分行
  --mark 文字            发文机关标志，如 郑州市人民政府文件
  --issuing-body 机关    发文机关
  --addressees 文字      主送机关
  --copy-to 文字         抄送机关，多行用 | 分隔
  --printing-office 机关 印发机关
  --issue-date 日期      印发日期（默认成文日期后的下一个工作日；--print-date 同义）
  --reception-deadline 文字  未落实接待日单位的整改期限，如 9月底
  --praised 单位列表     指定“办理较好的单位”（用 、或 , 分隔），代替默认规则
  --prose 文件           JSON 文件，按键替换默认文字（见 README）
  --template 文件        通报模板（纯文本或 .docx，格式见 templates/通报模板.txt），代替默认措辞
  --problem-units 写法   存在的问题中点名单位（named，附件数）或写“少数/个别单位”（vague，默认）
  --no-grade-shares      答复类别不写占比      --satisfaction-together  满意与基本满意合并
  --no-forms-returned    不写收回的征询意见表数  --no-inter-session       不写闭会建议的办理进度
  --attachment           附分单位统计表（附件）  --no-seal                不加盖印章的署名版式
  --signature 文字       发文机关署名（默认发文机关）
  --accept-errors        台账仍有错误级别问题时也以 0 退出（默认：照常写出通报，列出影响数字的问题并以 1 退出）
  --flat-opc 文件        同时写出供 Word insertOoxml 使用的 Flat OPC 包
  --sections 列表        与 --flat-opc 一起：只写这些部分（header,title,addressees,opening,part1,part2,part3,date,colophon）

文件的安全：
  任何输出都不会覆盖输入的台账（按文件本身判断，链接、别名也算）；-o 必须是 .docx，--html 不能用工作簿或 Word 文档的名字。
  输出先写入同一文件夹中的临时文件再改名，中途中断不会留下半个文件。同一个文件只检查一次；办理助手写出的标注副本不会被当作台账检查。

退出码：0 没有错误；1 有错误级别的问题；2 有文件无法作为台账读取、HTML 报告没能写出，或参数有误（包括为免覆盖而拒绝的输出）。
`;

function version(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('../../package.json') as { version: string }).version;
}

interface CheckOpts {
  json: boolean;
  html?: string;
  annotate?: string;
  jobs?: number;
  asOf: Day;
  unitGrids?: Grid[];
  formVersion?: string;
  sheet?: string;
  maxFindings: number;
  /** banli.config.json (--config, or beside the first path) and its settings. */
  config?: { config: Config; file: string };
}

/** The options' values, checked; nothing is read yet (the paths are checked first, then --units is read). */
function parseCheckOptions(flags: Record<string, string | boolean>): CheckOpts {
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
  let jobs: number | undefined;
  if (typeof flags.jobs === 'string') {
    jobs = Number(flags.jobs);
    if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) throw new BanliError('bad-option', `--jobs 需要 1 到 64 之间的整数，收到“${flags.jobs}”。`);
  }
  return {
    json: flags.json === true,
    html: typeof flags.html === 'string' ? flags.html : undefined,
    annotate: typeof flags.annotate === 'string' ? flags.annotate : undefined,
    jobs,
    asOf,
    formVersion: typeof flags['form-version'] === 'string' ? flags['form-version'] : undefined,
    sheet: typeof flags.sheet === 'string' ? flags.sheet : undefined,
    maxFindings,
  };
}

async function loadUnits(opts: CheckOpts, flags: Record<string, string | boolean>): Promise<CheckOpts> {
  if (typeof flags.units !== 'string') return opts;
  let unitGrids: Grid[];
  try {
    unitGrids = await readUnitGrids(flags.units);
  } catch (e) {
    if (isBanliError(e)) throw new BanliError(e.code, `承办单位名单无法读取：${e.message}`, e.detail);
    throw e;
  }
  // A workbook with no list in it (or a list without a unit): said now, naming the file, before any ledger is read.
  const config = opts.config?.config ?? DEFAULT_CONFIG;
  const lists = unitGrids.map((g) => readUnitList(g, config)).filter((l) => l !== null);
  if (!lists.some((l) => l.units.length > 0)) {
    const why = lists.length ? '有“单位名称”列，但下面没有单位' : '没有找到承办单位名单（需要一个有“单位名称”列的工作表）';
    throw new BanliError('unreadable', `--units 给出的 ${flags.units} 里${why}。请在这个工作簿中列出承办单位（每行一个，第一行为“单位名称”等列名），或改用台账中的“承办单位”工作表（不加 --units）。`);
  }
  return { ...opts, unitGrids };
}

/** A progress line on stderr, only when it is a terminal. */
function progress(enabled: boolean): ((done: number, total: number, file: string) => void) | undefined {
  if (!enabled) return undefined;
  return (done, total, file) => {
    const width = 24;
    const filled = Math.round((done / total) * width);
    const name = path.basename(file);
    process.stderr.write(`\r检查中 [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ${name.slice(0, 40)}\x1b[K`);
    if (done === total) process.stderr.write('\r\x1b[K');
  };
}

async function runCheck(plan: PathPlan, opts: CheckOpts, io: Io): Promise<number> {
  const { entries } = plan.inputs;
  const batch = await runBatch(entries, {
    options: { asOf: opts.asOf, unitGrids: opts.unitGrids, formVersion: opts.formVersion, sheet: opts.sheet, config: opts.config?.config },
    annotatePaths: plan.annotatePaths,
    jobs: opts.jobs,
    onProgress: progress(io === stdio && process.stderr.isTTY === true && entries.length > 1),
  });
  const results = batch.results;
  const skipped: SkippedPath[] = [...plan.inputs.skipped, ...batch.skipped];
  // Each output is attempted whatever happened to the one before; the report on stdout always comes.
  let html: WriteResult | undefined;
  if (opts.html) {
    try {
      await writeFileAtomic(opts.html, htmlReport(results, { asOf: opts.asOf }));
      html = { ok: true, path: opts.html };
    } catch (e) {
      html = { ok: false, error: errorInfo(e, opts.html, 'write') };
      io.err(`banli：HTML 报告没有写出：${html.error.message}\n`);
    }
  }
  // Everything skipped (a folder of annotated copies): nothing was checked, which is no success.
  const nothing = results.length === 0 ? nothingChecked(skipped) : undefined;
  if (nothing) io.err(`banli：${nothing}\n`);
  if (opts.json) {
    const doc: Record<string, unknown> = { asOf: opts.asOf, files: results.map((r) => summaryJson(r, opts.maxFindings)), skipped };
    if (opts.config) doc.config = opts.config.file;
    if (html) doc.html = html;
    if (nothing) doc.error = { code: 'not-found', message: nothing };
    io.out(JSON.stringify(doc) + '\n');
  } else {
    io.out(`检查截至 ${opts.asOf}${opts.config ? `，使用设置文件 ${opts.config.file}` : ''}\n\n`);
    if (skipped.length) io.out(skippedText(skipped) + '\n\n');
    if (results.length > 1) io.out(results.map(statusLine).join('\n') + '\n\n');
    if (results.length) io.out(results.map((r) => fileText(r, opts.maxFindings)).join('\n\n') + '\n');
    if (results.length > 1 || skipped.length) io.out('\n' + grandTotalText(results, skipped.length) + '\n');
    if (html) io.out(html.ok ? `\nHTML 报告：${html.path}\n` : `\nHTML 报告没有写出：${html.error.message}\n`);
  }
  return nothing || (html && !html.ok) ? 2 : exitCode(results);
}

/** Why a check checked nothing: every path was skipped (said above it), and what to do about annotated copies. */
function nothingChecked(skipped: SkippedPath[]): string {
  const copies = skipped.filter((k) => k.reason === 'annotated-copy');
  return (
    '没有检查任何台账：给出的文件都被跳过了（见上）。' +
    (copies.length ? '标注副本在文件夹中不作为台账检查（以免重复计数）；要检查改正后的标注副本，请直接给出它的文件名，例如 banli check ' + quoteArg(copies[0].path) + '。' : '')
  );
}

/** A path as typed on a command line (quoted when it has spaces). */
function quoteArg(p: string): string {
  return /\s/.test(p) ? `"${p}"` : p;
}

export function exitCode(results: FileSummary[]): number {
  if (results.some((r) => !r.ok)) return 2;
  return results.some((r) => r.ok && r.counts.errors > 0) ? 1 : 0;
}

/**
 * The day a circular's figures are as of: --as-of, else its 成文日期 (--date), else today — a circular dated
 * 2021-07-19 judged as of today would count items overdue that were not, and carry this year in its title. Both
 * given with the figures newer than the date: said on stderr, not refused (a late correction may want it).
 */
function reportDates(opts: CheckOpts, flags: Record<string, string | boolean>, io: Io): CheckOpts {
  if (typeof flags.date !== 'string') return opts;
  const date = parseAsOf(flags.date);
  if (!date) throw new BanliError('bad-option', `--date 的成文日期“${flags.date}”无效，请写成 2021-07-19 的形式。`);
  if (typeof flags['as-of'] !== 'string') return { ...opts, asOf: date };
  if (opts.asOf > date) {
    io.err(`注意：数据截至 ${opts.asOf}（--as-of），晚于成文日期 ${date}（--date）：通报里的数字会比落款日期还新。请核对这两个日期；只给 --date 时，数据就截至成文日期。\n`);
  }
  return opts;
}

async function runReport(argv: string[], io: Io): Promise<number> {
  const { checkProse, parseSections, readTemplate, reportNotes, writeCircular, writeFlatOpc } = await reportModule();
  const { flags, positionals } = parseArgs(argv, argSpec('report'));
  if (positionals.length === 0) throw new BanliError('bad-option', '请给出台账文件（几个文件或一个文件夹时合并为一个台账）。用法：banli report 台账.xlsx -o 通报.docx');
  if (typeof flags.output !== 'string') throw new BanliError('bad-option', '请用 -o 指定要写出的 .docx 文件。');
  const parsed = reportDates(parseCheckOptions(flags), flags, io);
  const sections = typeof flags.sections === 'string' ? parseSections(flags.sections) : undefined;
  const plan = await preparePaths('report', flags, positionals);
  const ledger = plan.inputs.entries[0];
  // Several files, or a folder: the unit returns read as one ledger.
  const combine = positionals.length > 1 || (plan.inputs.entries.length > 0 && (plan.inputs.entries.length !== 1 || ledger.path !== positionals[0]));
  if (!combine && (!ledger || plan.inputs.entries.length !== 1 || ledger.path !== positionals[0])) {
    const why = plan.inputs.skipped[0]?.message ?? `${positionals[0]} 是文件夹。`;
    throw new BanliError('bad-option', `banli report 需要一个台账文件：${why}`);
  }
  // A file that could not be used (missing, not a file, an .ods or .csv among the returns): the figures would be short.
  const problems = plan.inputs.entries.filter((e) => e.problem);
  if (problems.length) {
    if (!combine) io.err(`banli：${problems[0].problem!.message}\n`);
    else {
      io.err(`banli：${problems.map((e) => `${e.path}：${e.problem!.message}`).join('\n')}\n`);
      io.err('有文件无法读取，通报的数字会不全，所以没有写出通报。\n');
    }
    return 2;
  }
  const opts = await loadUnits(parsed, flags);
  const config = (await resolveConfig(flags.config, positionals))?.config;
  const analyseOptions = { asOf: opts.asOf, unitGrids: opts.unitGrids, formVersion: opts.formVersion, sheet: opts.sheet, config };
  const r = combine ? await combinedResult(plan.inputs.entries, analyseOptions, plan.inputs.skipped) : await analyseFile(positionals[0], analyseOptions);
  if (!r.ok) {
    io.err(`banli：${r.error.message}\n`);
    return 2;
  }
  const saved: SavedSettings | undefined = 'savedSettings' in r ? (r.savedSettings as SavedSettings | undefined) : undefined;
  if (saved) io.out(`设置：${saved.message}\n`);
  const praisedInSettings = config?.praisedUnits?.length ? config.praisedUnits : saved?.file?.praisedUnits?.length ? saved.file.praisedUnits : undefined;
  const str = (k: string) => (typeof flags[k] === 'string' ? (flags[k] as string) : undefined);
  let prose: Record<string, string> | undefined;
  if (str('prose')) {
    let text: string;
    try {
      text = (await readBytes(str('prose')!)).toString('utf8').replace(/^\uFEFF/, '');
    } catch (e) {
      const why = translated(e, str('prose')!, 'read');
      throw new BanliError(why.code, `--prose 文件无法读取：${why.message}`, why.detail);
    }
    try {
      prose = JSON.parse(text);
    } catch (e) {
      throw new BanliError('bad-option', `--prose 文件 ${str('prose')} ${notJsonText(e, text)}`, rawText(e));
    }
    if (!prose || typeof prose !== 'object' || Array.isArray(prose) || Object.values(prose).some((v) => typeof v !== 'string')) {
      throw new BanliError('bad-option', '--prose 文件应是一个 JSON 对象，键为段落名，值为文字。');
    }
    checkProse(prose, str('prose')!);
  }
  if (str('template')) prose = { ...(await readTemplate(str('template')!)), ...prose };
  const input = {
    analysis: r.analysis,
    asOf: opts.asOf,
    options: {
      year: str('year'),
      docNumber: str('doc-number'),
      date: str('date') ?? opts.asOf,
      title: str('title')?.replace(/\|/g, '\n'),
      mark: str('mark'),
      issuingBody: str('issuing-body'),
      addressees: str('addressees'),
      copyTo: str('copy-to')?.split('|'),
      printingOffice: str('printing-office'),
      printDate: str('issue-date') ?? str('print-date'),
      problemUnits: str('problem-units'),
      signature: str('signature'),
      gradeShares: flags['no-grade-shares'] ? false : undefined,
      satisfactionApart: flags['satisfaction-together'] ? false : undefined,
      formsReturned: flags['no-forms-returned'] ? false : undefined,
      interSessionOpen: flags['no-inter-session'] ? false : undefined,
      attachment: flags['attachment'] ? true : undefined,
      seal: flags['no-seal'] ? false : undefined,
      receptionDeadline: str('reception-deadline'),
      praisedUnits: str('praised')?.split(/[、,，]/).map((s) => s.trim()) ?? praisedInSettings,
      prose,
    },
  };
  for (const k of Object.keys(input.options) as Array<keyof typeof input.options>) if (input.options[k] === undefined) delete input.options[k];
  const { bytes } = await writeCircular(input, flags.output);
  io.out(`已写出通报：${flags.output}（${bytes} 字节，数据截至 ${opts.asOf}，${r.analysis.totals.total} 件）\n`);
  if (str('flat-opc')) {
    await writeFlatOpc(input, str('flat-opc')!, sections);
    io.out(`已写出 Flat OPC：${str('flat-opc')}\n`);
  }
  const notes = reportNotes(input);
  for (const d of notes.defaults) io.err(`注意：${d}\n`);
  for (const u of notes.praisedDropped) io.err(`注意：${u} 有台账核对发现的问题，未列入办理较好的单位。\n`);
  for (const u of notes.praisedUnknown) io.err(`注意：“${u}”不是台账或承办单位名单中的单位（写错了？），未列入办理较好的单位。\n`);
  // Overdue items are facts the circular reports, not mistakes to correct: they do not hold the report back.
  const uncertain = notes.warnings.reduce((n, w) => n + w.count, 0);
  if (uncertain > 0) {
    io.err(`注意：台账中还有 ${uncertain} 条错误级别的问题，影响通报中的这些数字：\n`);
    for (const w of notes.warnings) {
      io.err(`  ${w.title}：${w.count} 条，影响${w.affects}\n`);
      for (const f of r.analysis.findings.filter((x) => x.rule === w.rule).slice(0, 5)) io.err(`    ${f.cell ?? '（整个台账）'} ${f.message}\n`);
      if (w.count > 5) io.err(`    ……另有 ${w.count - 5} 条（用 banli check 查看全部）\n`);
    }
    if (!flags['accept-errors']) {
      io.err('通报已写出，但请先核实上述问题；确认无误后可加 --accept-errors 以 0 退出。\n');
      return 1;
    }
  }
  return 0;
}

/** The combined ledger as a report input; any unreadable file stops the report (its figures would be short). */
async function combinedResult(entries: PathEntry[], options: AnalyseOptions, skipped: SkippedPath[]): Promise<{ ok: true; analysis: Analysis } | { ok: false; error: { message: string } }> {
  const c = await analyseCombined(entries, options, skipped);
  if (c.unreadable.length) return { ok: false, error: { message: c.unreadable.map((u) => `${u.path}：${u.error.message}`).join('\n') + '\n有工作簿无法读取，通报的数字会不全，所以没有写出通报。' } };
  return { ok: true, analysis: c.analysis };
}

async function runDemo(io: Io): Promise<number> {
  const { writeCircular } = await reportModule();
  const r = await analyseFile(SAMPLE_LEDGER, { asOf: SAMPLE_AS_OF });
  if (!r.ok) {
    io.err(`示例台账无法读取：${r.error.message}\n`);
    return 2;
  }
  const shown = path.relative(process.cwd(), SAMPLE_LEDGER);
  io.out(`示例台账 ${shown}，检查截至 ${SAMPLE_AS_OF}\n\n`);
  io.out(fileText(summarize(shown, r.analysis), Infinity, 2) + '\n');
  const dir = path.resolve('banli-demo');
  await prepareFolder(dir);
  const out = path.join(dir, '通报-2021.docx');
  await writeCircular({ analysis: r.analysis, asOf: SAMPLE_AS_OF, options: {} }, out);
  io.out(`\n示例通报（GB/T 9704 版式）已写出：${path.relative(process.cwd(), out)}\n`);
  return 0;
}

/** Any error that ends a command, as {code, message} in Chinese. */
function failure(e: unknown): ErrorInfo {
  if (isBanliError(e)) return { code: e.code, message: banliMessage(e) };
  if (isSystemError(e) && typeof e.path === 'string') {
    const reading = e.syscall === 'open' || e.syscall === 'read' || e.syscall === 'scandir' || e.syscall === 'stat';
    return errorInfo(e, e.path, reading ? 'read' : 'write');
  }
  // The stack follows under BANLI_DEBUG (below); the clerk gets what to do.
  return { code: 'unreadable', message: withDetail('出现了意外错误，没有完成。请重试；仍不行的，请设置 BANLI_DEBUG=1 再运行一次，把输出交给维护人员。', rawText(e)) };
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
    // banli report --help: the usage, as banli --help.
    if (['check', 'report', 'init', 'demo'].includes(command) && rest.some((a) => a === '--help' || a === '-h')) {
      io.out(HELP);
      return 0;
    }
    if (command === 'check') {
      const { flags, positionals } = parseArgs(rest, argSpec('check'));
      if (positionals.length === 0) throw new BanliError('bad-option', '请给出要检查的台账文件或文件夹。用法：banli check [选项] 路径...');
      const opts = { ...parseCheckOptions(flags), config: await resolveConfig(flags.config, positionals) };
      const plan = await preparePaths('check', flags, positionals);
      if (flags.combine === true) {
        const o = await loadUnits(opts, flags);
        const options = { asOf: o.asOf, unitGrids: o.unitGrids, formVersion: o.formVersion, sheet: o.sheet, config: o.config?.config };
        return await runCombinedCheck(plan.inputs.entries, options, { ...o, config: o.config?.file }, io, plan.inputs.skipped, {
          html: o.html,
          annotatePaths: plan.annotatePaths,
        });
      }
      return await runCheck(plan, await loadUnits(opts, flags), io);
    }
    if (command === 'report') return await runReport(rest, io);
    if (command === 'init') return await runInit(rest, io);
    if (command === 'demo') {
      parseArgs(rest, argSpec('demo'));
      return await runDemo(io);
    }
    throw new BanliError('bad-option', `不认识的命令：${command}。用 banli --help 查看用法。`);
  } catch (e) {
    const error = failure(e);
    io.err(`banli：${error.message}\n`);
    if (!isBanliError(e) && !isSystemError(e) && process.env.BANLI_DEBUG) io.err(`${(e as Error)?.stack ?? ''}\n`);
    // With --json the JSON document comes whatever happened: here, no file checked and why.
    if (argv[0] === 'check' && argv.includes('--json')) io.out(JSON.stringify({ asOf: null, files: [], skipped: [], error }) + '\n');
    return 2;
  }
}
