/** Checking one workbook file: the file adapter plus the core, with errors turned into results. */
import * as path from 'path';
import { Analysis, AnalyseOptions, Grid, analyse, isBanliError } from '../core';
import { annotateBuffer, isBanliAnnotated } from '../xlsx/annotate';
import { readBytes, readWorkbook, readWorkbookFile } from './workbook';
import { ErrorSummary, FileSummary, summarize } from './summary';
import { ErrorInfo, cliError, errorInfo } from './errors';
import { SkippedPath } from './files';

export type FileResult = { path: string; ok: true; analysis: Analysis; buffer: Uint8Array } | ErrorSummary;

export function errorSummary(file: string, e: unknown): ErrorSummary {
  return { path: file, ok: false, error: errorInfo(e, file, 'read') };
}

/** The sheets a workbook has, quoted for a message. */
function sheetList(grids: Grid[]): string {
  return grids.map((g) => `“${g.sheet}”`).join('、');
}

/** Analyses a workbook already read; --sheet must name one of its sheets. */
export async function analyseBytes(file: string, bytes: Uint8Array, options: AnalyseOptions): Promise<FileResult> {
  try {
    const { grids, buffer } = await readWorkbook(bytes, path.basename(file));
    if (options.sheet !== undefined && !grids.some((g) => g.sheet === options.sheet)) {
      throw cliError(
        'no-such-sheet',
        `${file} 里没有名为“${options.sheet}”的工作表。这个工作簿的工作表有：${sheetList(grids)}。请用 --sheet 指定其中之一，或不加 --sheet 由 Banli 自动识别。`,
      );
    }
    return { path: file, ok: true, analysis: analyse(grids, options), buffer };
  } catch (e) {
    return errorSummary(file, e);
  }
}

/** Reads and analyses one file; the buffer is kept for an annotated copy. */
export async function analyseFile(file: string, options: AnalyseOptions): Promise<FileResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readBytes(file);
  } catch (e) {
    return errorSummary(file, e);
  }
  return analyseBytes(file, bytes, options);
}

function unitListMissing(file: string): ErrorSummary {
  return { path: file, ok: false, error: { code: 'unreadable', message: '--units 文件中没有找到承办单位名单（需要“单位名称”列）。' } };
}

/** Checks one file (no annotated copy, nothing skipped). */
export async function checkFile(file: string, options: AnalyseOptions): Promise<FileSummary> {
  const r = await analyseFile(file, options);
  if (!r.ok) return r;
  if (options.unitGrids && !r.analysis.ledger.units) return unitListMissing(file);
  return summarize(file, r.analysis);
}

/** What one file of a batch gives: a result (with the annotated copy's bytes, or why there is none), or a skip. */
export type JobResult =
  | { kind: 'checked'; summary: FileSummary; annotatedBytes?: Uint8Array; annotateError?: ErrorInfo }
  | { kind: 'skipped'; skip: SkippedPath };

/**
 * One file of a batch: Banli's own annotated copies (by the marker in the package) are skipped; the annotated copy
 * is made in memory (written by the caller), and a failure to make it does not touch the check's result.
 */
export async function checkJob(file: string, options: AnalyseOptions, annotate: boolean): Promise<JobResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readBytes(file);
  } catch (e) {
    return { kind: 'checked', summary: errorSummary(file, e) };
  }
  if (await isBanliAnnotated(bytes)) {
    return { kind: 'skipped', skip: { path: file, reason: 'annotated-copy', message: `${file} 是办理助手写出的标注副本，不作为台账检查。` } };
  }
  const r = await analyseBytes(file, bytes, options);
  if (!r.ok) return { kind: 'checked', summary: r };
  if (options.unitGrids && !r.analysis.ledger.units) return { kind: 'checked', summary: unitListMissing(file) };
  const summary = summarize(file, r.analysis);
  if (!annotate) return { kind: 'checked', summary };
  try {
    return { kind: 'checked', summary, annotatedBytes: await annotateBuffer(r.buffer, r.analysis) };
  } catch (e) {
    const why = isBanliError(e) ? e.message : String((e as Error)?.message ?? e);
    return { kind: 'checked', summary, annotateError: { code: 'cannot-annotate', message: `无法为 ${file} 做标注副本：${why}` } };
  }
}

/** Reads a unit master list from its own workbook (--units FILE). */
export async function readUnitGrids(file: string): Promise<Grid[]> {
  return readWorkbookFile(file);
}
