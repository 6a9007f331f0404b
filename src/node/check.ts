/** Checking one workbook file: the file adapter plus the core, with errors turned into results. */
import * as path from 'path';
import { Analysis, AnalyseOptions, BanliError, ErrorCode, Grid, analyse, isBanliError } from '../core';
import { readBytes, readWorkbook, readWorkbookFile } from './workbook';
import { ErrorSummary, FileSummary, summarize } from './summary';
import { annotateWorkbook } from './annotate';

export type FileResult = { path: string; ok: true; analysis: Analysis; buffer: Uint8Array } | ErrorSummary;

export function errorSummary(file: string, e: unknown): ErrorSummary {
  if (isBanliError(e)) return { path: file, ok: false, error: { code: e.code, message: e.message } };
  const text = String((e as Error)?.message ?? e);
  return { path: file, ok: false, error: { code: 'unreadable' as ErrorCode, message: `读取 ${file} 时出错：${text}` } };
}


/** Reads and analyses one file; the buffer is kept for an annotated copy. */
export async function analyseFile(file: string, options: AnalyseOptions): Promise<FileResult> {
  try {
    const { grids, buffer } = await readWorkbook(await readBytes(file), path.basename(file));
    return { path: file, ok: true, analysis: analyse(grids, options), buffer };
  } catch (e) {
    return errorSummary(file, e);
  }
}

export interface CheckExtras {
  /** Write an annotated copy of the workbook to this file. */
  annotatePath?: string;
}

export async function checkFile(file: string, options: AnalyseOptions, extras: CheckExtras = {}): Promise<FileSummary> {
  const r = await analyseFile(file, options);
  if (!r.ok) return r;
  if (options.unitGrids && !r.analysis.ledger.units) {
    return { path: file, ok: false, error: { code: 'unreadable', message: '--units 文件中没有找到承办单位名单（需要“单位名称”列）。' } };
  }
  const summary = summarize(file, r.analysis);
  if (extras.annotatePath) {
    try {
      summary.annotated = await annotateWorkbook(r.buffer, r.analysis, file, extras.annotatePath);
    } catch (e) {
      return errorSummary(file, isBanliError(e) ? e : new BanliError('unsupported-format', `无法为 ${file} 写出标注副本：${String((e as Error)?.message ?? e)}`));
    }
  }
  return summary;
}

/** Reads a unit master list from its own workbook (--units FILE). */
export async function readUnitGrids(file: string): Promise<Grid[]> {
  return readWorkbookFile(file);
}
