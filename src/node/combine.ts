/**
 * Several workbooks read as one ledger (the unit returns an office collects): one set of totals and units, findings
 * citing file!sheet!cell, the same item in two files a finding. banli check --combine and banli report PATH....
 */
import * as path from 'path';
import { AnalyseOptions, Analysis, BanliError, WorkbookGrids, analyseLedger, citedNames, combinedLabel, fileOfCell, readLedgers } from '../core';
import { PathEntry, SkippedPath } from './files';
import { annotateBuffer, isBanliAnnotated } from '../xlsx/annotate';
import { ErrorSummary, WriteResult, summarize, summaryJson } from './summary';
import { annotateFailure, errorSummary } from './check';
import { readBytes, readWorkbook } from './workbook';
import { fileText, skippedText } from './textReport';
import { addOptions } from './options';
import { htmlReport } from './html';
import { writeFileAtomic } from './safeWrite';
import { errorInfo } from './errors';

addOptions([{ name: 'combine', value: false, commands: ['check'] }]);

export interface Combined {
  analysis: Analysis;
  /** The files read, in order, the name each is cited by, and its bytes (for its annotated copy). */
  files: Array<{ path: string; name: string; bytes: Uint8Array }>;
  /** Files that could not be read (they are left out; the exit code says so). */
  unreadable: ErrorSummary[];
  /** Banli's own annotated copies found by the marker inside (renamed ones): left out, as a batch does. */
  skipped: SkippedPath[];
}


/**
 * No workbook could be combined: each file not read is named with its reason and what to do (an .xls, an .ods …),
 * and the copies skipped, instead of a bare “nothing to combine”.
 */
export class NothingToCombine extends BanliError {
  constructor(
    readonly unreadable: ErrorSummary[],
    readonly skipped: SkippedPath[],
  ) {
    const lines = [unreadable.length ? '没有可以合并读取的工作簿：' : '没有可以合并读取的工作簿。'];
    lines.push(...unreadable.map((u) => `  ✗ ${u.path}：${u.error.message}`));
    lines.push(...skipped.map((k) => `  跳过：${k.message}`));
    if (unreadable.length) lines.push('请按上面的说明处理这些文件后再合并检查。');
    else if (skipped.some((k) => k.reason === 'annotated-copy')) lines.push('标注副本在文件夹中不作为台账读取（以免重复计数）；要读取改正后的标注副本，请直接给出它们的文件名。');
    super((unreadable[0]?.error.code ?? 'not-found') as BanliError['code'], lines.join('\n'));
  }
}

export async function analyseCombined(entries: PathEntry[], options: AnalyseOptions, skippedBefore: SkippedPath[] = []): Promise<Combined> {
  const unreadable: ErrorSummary[] = [];
  const ok = entries.filter((e) => {
    if (e.problem) unreadable.push({ path: e.path, ok: false, error: { code: e.problem.code as ErrorSummary['error']['code'], message: e.problem.message } });
    return !e.problem;
  });
  const names = citedNames(
    ok.map((e) => e.path),
    (p) => path.relative(process.cwd(), p),
  );
  const books: WorkbookGrids[] = [];
  const files: Combined['files'] = [];
  const skipped: SkippedPath[] = [];
  for (let i = 0; i < ok.length; i++) {
    try {
      const bytes = await readBytes(ok[i].path);
      if (!ok[i].explicit && (await isBanliAnnotated(bytes))) {
        skipped.push({ path: ok[i].path, reason: 'annotated-copy', message: `${ok[i].path} 是办理助手写出的标注副本，不作为台账检查。` });
        continue;
      }
      const { grids } = await readWorkbook(bytes, path.basename(ok[i].path));
      books.push({ file: names[i], grids });
      files.push({ path: ok[i].path, name: names[i], bytes });
    } catch (e) {
      unreadable.push(errorSummary(ok[i].path, e));
    }
  }
  if (books.length === 0) throw new NothingToCombine(unreadable, [...skippedBefore, ...skipped]);
  const ledger = readLedgers(books, options);
  return { analysis: analyseLedger(ledger, options), files, unreadable, skipped };
}

export const COMBINED_LABEL = combinedLabel;

/** One workbook's annotated copy: where it was written, or why not (the check's result stands either way). */
export type CombinedCopy = { file: string } & WriteResult;

/**
 * The annotated copy of each workbook read, each marking the findings of its own cells (and listing, on 检查结果,
 * those about the whole ledger), written where the path plan put it (`targets`: input path → copy).
 */
async function writeCopies(c: Combined, targets: Map<string, string | undefined>): Promise<CombinedCopy[]> {
  const names = c.files.map((f) => f.name);
  const out: CombinedCopy[] = [];
  for (const f of c.files) {
    const target = targets.get(f.path);
    if (!target) continue;
    const findings = c.analysis.findings.filter((x) => x.cell === null || fileOfCell(x.cell, names) === f.name);
    let bytes: Uint8Array;
    try {
      bytes = await annotateBuffer(f.bytes, { ...c.analysis, findings });
    } catch (e) {
      out.push({ file: f.path, ok: false, error: annotateFailure(f.path, e) });
      continue;
    }
    try {
      await writeFileAtomic(target, bytes);
      out.push({ file: f.path, ok: true, path: target });
    } catch (e) {
      out.push({ file: f.path, ok: false, error: errorInfo(e, target, 'write') });
    }
  }
  return out;
}

/** Where the outputs of a combined check go (decided by the path plan before any work). */
export interface CombinedOutputs {
  /** --html FILE. */
  html?: string;
  /** --annotate DIR: each entry's copy, in the order of the entries (undefined: none for it). */
  annotatePaths?: Array<string | undefined>;
}

/**
 * The text (or JSON) of a combined check, and its outputs: the HTML report of the combined ledger and an annotated
 * copy of each workbook. The exit code: 2 when a file could not be read or the HTML report could not be written,
 * else 1 with errors; an annotated copy that could not be made does not change it.
 */
export async function runCombinedCheck(
  entries: PathEntry[],
  options: AnalyseOptions,
  out: { json: boolean; maxFindings: number; asOf: string; config?: string },
  io: { out: (s: string) => void; err: (s: string) => void },
  /** What the path walk skipped before (duplicates, copies by name), said with what reading skipped. */
  skippedBefore: SkippedPath[] = [],
  outputs: CombinedOutputs = {},
): Promise<number> {
  let c: Combined;
  try {
    c = await analyseCombined(entries, options, skippedBefore);
  } catch (e) {
    if (!(e instanceof NothingToCombine)) throw e;
    // Every file named with its reason; with --json, the one document says the same.
    io.err(`banli：${e.message}\n`);
    if (out.json) {
      const unreadable = e.unreadable.map((u) => ({ path: u.path, error: u.error }));
      io.out(JSON.stringify({ asOf: out.asOf, combined: [], unreadable, skipped: e.skipped, files: [], error: { code: e.code, message: e.message } }) + '\n');
    }
    return 2;
  }
  const skipped = [...skippedBefore, ...c.skipped];
  const summary = summarize(COMBINED_LABEL(c.files.length), c.analysis);
  // Each output is attempted whatever happened to the one before; the report on stdout always comes.
  const copies = outputs.annotatePaths ? await writeCopies(c, new Map(entries.map((e, i) => [e.path, outputs.annotatePaths![i]]))) : undefined;
  let html: WriteResult | undefined;
  if (outputs.html) {
    try {
      const page = htmlReport([summary, ...c.unreadable], { asOf: out.asOf, combined: c.files.map((f) => f.name) });
      await writeFileAtomic(outputs.html, page);
      html = { ok: true, path: outputs.html };
    } catch (e) {
      html = { ok: false, error: errorInfo(e, outputs.html, 'write') };
      io.err(`banli：HTML 报告没有写出：${html.error.message}\n`);
    }
  }
  if (out.json) {
    const doc: Record<string, unknown> = {
      asOf: out.asOf,
      combined: c.files.map((f) => f.path),
      unreadable: c.unreadable.map((u) => ({ path: u.path, error: u.error })),
      skipped,
      files: [summaryJson(summary, out.maxFindings)],
    };
    if (out.config) doc.config = out.config;
    if (copies) doc.annotated = copies;
    if (html) doc.html = html;
    io.out(JSON.stringify(doc) + '\n');
  } else {
    io.out(`检查截至 ${out.asOf}${out.config ? `，使用设置文件 ${out.config}` : ''}\n\n`);
    io.out(`合并读取 ${c.files.length} 个工作簿：${c.files.map((f) => f.name).join('、')}。\n`);
    for (const u of c.unreadable) io.out(`✗ ${u.path}：无法读取，未计入。${u.error.message}\n`);
    if (skipped.length) io.out(skippedText(skipped) + '\n');
    io.out('\n' + fileText(summary, out.maxFindings) + '\n');
    if (copies?.length) {
      const names = new Map(c.files.map((f) => [f.path, f.name]));
      io.out('\n' + copies.map((k) => (k.ok ? `标注副本：${k.path}（${names.get(k.file)}）` : `标注副本未写出（${names.get(k.file)}）：${k.error.message}`)).join('\n') + '\n');
    }
    if (html) io.out(html.ok ? `\nHTML 报告：${html.path}\n` : `\nHTML 报告没有写出：${html.error.message}\n`);
  }
  if (c.unreadable.length || (html && !html.ok)) return 2;
  return c.analysis.errors > 0 ? 1 : 0;
}
