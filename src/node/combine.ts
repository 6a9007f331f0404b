/**
 * Several workbooks read as one ledger (the unit returns an office collects): one set of totals and units, findings
 * citing file!sheet!cell, the same item in two files a finding. banli check --combine and banli report PATH....
 */
import * as path from 'path';
import { AnalyseOptions, Analysis, BanliError, WorkbookGrids, analyseLedger, citedNames, combinedLabel, readLedgers } from '../core';
import { PathEntry, SkippedPath } from './files';
import { isBanliAnnotated } from '../xlsx/annotate';
import { ErrorSummary, summarize, summaryJson } from './summary';
import { errorSummary } from './check';
import { readBytes, readWorkbook } from './workbook';
import { fileText, skippedText } from './textReport';
import { addOptions } from './options';

addOptions([{ name: 'combine', value: false, commands: ['check'] }]);

export interface Combined {
  analysis: Analysis;
  /** The files read, in order, and the name each is cited by. */
  files: Array<{ path: string; name: string }>;
  /** Files that could not be read (they are left out; the exit code says so). */
  unreadable: ErrorSummary[];
  /** Banli's own annotated copies found by the marker inside (renamed ones): left out, as a batch does. */
  skipped: SkippedPath[];
}


export async function analyseCombined(entries: PathEntry[], options: AnalyseOptions): Promise<Combined> {
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
      if (await isBanliAnnotated(bytes)) {
        skipped.push({ path: ok[i].path, reason: 'annotated-copy', message: `${ok[i].path} 是办理助手写出的标注副本，不作为台账检查。` });
        continue;
      }
      const { grids } = await readWorkbook(bytes, path.basename(ok[i].path));
      books.push({ file: names[i], grids });
      files.push({ path: ok[i].path, name: names[i] });
    } catch (e) {
      unreadable.push(errorSummary(ok[i].path, e));
    }
  }
  if (books.length === 0) throw new BanliError('not-found', '没有可以合并读取的工作簿。');
  const ledger = readLedgers(books, options);
  return { analysis: analyseLedger(ledger, options), files, unreadable, skipped };
}

export const COMBINED_LABEL = combinedLabel;

/** The text (or JSON) of a combined check; the exit code: 2 when a file could not be read, else 1 with errors. */
export async function runCombinedCheck(
  entries: PathEntry[],
  options: AnalyseOptions,
  out: { json: boolean; maxFindings: number; asOf: string; config?: string },
  io: { out: (s: string) => void },
  /** What the path walk skipped before (duplicates, copies by name), said with what reading skipped. */
  skippedBefore: SkippedPath[] = [],
): Promise<number> {
  const c = await analyseCombined(entries, options);
  const skipped = [...skippedBefore, ...c.skipped];
  const summary = summarize(COMBINED_LABEL(c.files.length), c.analysis);
  if (out.json) {
    const doc: Record<string, unknown> = {
      asOf: out.asOf,
      combined: c.files.map((f) => f.path),
      unreadable: c.unreadable.map((u) => ({ path: u.path, error: u.error })),
      skipped,
      files: [summaryJson(summary, out.maxFindings)],
    };
    if (out.config) doc.config = out.config;
    io.out(JSON.stringify(doc) + '\n');
  } else {
    io.out(`检查截至 ${out.asOf}${out.config ? `，使用设置文件 ${out.config}` : ''}\n\n`);
    io.out(`合并读取 ${c.files.length} 个工作簿：${c.files.map((f) => f.name).join('、')}。\n`);
    for (const u of c.unreadable) io.out(`✗ ${u.path}：无法读取，未计入。${u.error.message}\n`);
    if (skipped.length) io.out(skippedText(skipped) + '\n');
    io.out('\n' + fileText(summary, out.maxFindings) + '\n');
  }
  if (c.unreadable.length) return 2;
  return c.analysis.errors > 0 ? 1 : 0;
}
