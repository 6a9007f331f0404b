/** Checking one workbook file: the file adapter plus the core, with errors turned into results. */
import * as path from 'path';
import { Analysis, AnalyseOptions, BanliError, ConfigFile, Grid, analyse, configFromFile, isBanliError } from '../core';
import { readStored } from '../config/stored';
import { savedSettingsValue } from '../xlsx/savedSettings';
import { annotateBuffer, isBanliAnnotated } from '../xlsx/annotate';
import { readBytes, readWorkbook, readWorkbookFile } from './workbook';
import { ErrorSummary, FileSummary, OkSummary, summarize } from './summary';
import { ErrorInfo, banliMessage, cliError, errorInfo, rawText, withDetail } from './errors';
import { SkippedPath } from './files';

/** Settings saved in the workbook itself (by the Excel pane or WPS 表格): used when no settings file is, or why not. */
export interface SavedSettings {
  used: boolean;
  message: string;
  /** The settings, when used. */
  file?: ConfigFile;
}

export type FileResult = { path: string; ok: true; analysis: Analysis; buffer: Uint8Array; savedSettings?: SavedSettings } | ErrorSummary;

/**
 * The settings a workbook carries, when no settings file was given or found: a settings file (--config, or
 * banli.config.json beside the ledger) wins, as it is what the command line was told.
 */
function savedSettings(buffer: Uint8Array, grids: Grid[], options: AnalyseOptions): SavedSettings | undefined {
  const value = savedSettingsValue(buffer, grids);
  if (value === undefined) return undefined;
  if (options.config) return { used: false, message: '工作簿中保存了设置（在 Excel 或 WPS 表格的“设置”中保存的），按设置文件检查，没有使用工作簿中的设置。' };
  const stored = readStored(value, '工作簿中');
  if (!stored.file) return { used: false, message: stored.problem ?? '' };
  return { used: true, message: '按工作簿中保存的设置检查（在 Excel 或 WPS 表格的“设置”中保存的）。', file: stored.file };
}

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
        `${file} 里没有名为“${options.sheet}”的工作表。这个工作簿的工作表有：${sheetList(grids)}。请用 --sheet 指定其中之一，或不加 --sheet 由办理助手自动识别。`,
      );
    }
    const saved = savedSettings(buffer, grids, options);
    const used = saved?.file ? { ...options, config: configFromFile(saved.file) } : options;
    return { path: file, ok: true, analysis: analyse(grids, used), buffer, ...(saved ? { savedSettings: saved } : {}) };
  } catch (e) {
    if (isBanliError(e) && e.code === 'no-header') return errorSummary(file, new BanliError(e.code, `${path.basename(file)}：${e.message}${HEADER_ADVICE}`, e.detail));
    return errorSummary(file, e);
  }
}

/** What to do when no header was found: where it must be (Banli looks in the first 15 rows) and how to get it there. */
export const HEADER_ADVICE = '表头（类别、编号、主办单位等列名所在的行）须在工作表的前 15 行内：表头上方有标题、说明等多余的行的，请删去这些行，使表头在前 15 行内，再检查；也请确认给出的是台账文件。';

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
  return withSaved(summarize(file, r.analysis), r.savedSettings);
}

/** The summary saying which settings the workbook carried and whether they were used. */
export function withSaved(s: OkSummary, saved: SavedSettings | undefined): OkSummary {
  return saved ? { ...s, savedSettings: { used: saved.used, message: saved.message } } : s;
}

/** What one file of a batch gives: a result (with the annotated copy's bytes, or why there is none), or a skip. */
export type JobResult =
  | { kind: 'checked'; summary: FileSummary; annotatedBytes?: Uint8Array; annotateError?: ErrorInfo }
  | { kind: 'skipped'; skip: SkippedPath };

/**
 * One file of a batch: Banli's own annotated copies (by the marker in the package) found in a folder are skipped — a
 * copy given by name (`explicit`) is checked; the annotated copy is made in memory (written by the caller), and a
 * failure to make it does not touch the check's result.
 */
export async function checkJob(file: string, options: AnalyseOptions, annotate: boolean, explicit = false): Promise<JobResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readBytes(file);
  } catch (e) {
    return { kind: 'checked', summary: errorSummary(file, e) };
  }
  if (!explicit && (await isBanliAnnotated(bytes))) {
    return { kind: 'skipped', skip: { path: file, reason: 'annotated-copy', message: `${file} 是办理助手写出的标注副本，不作为台账检查。` } };
  }
  const r = await analyseBytes(file, bytes, options);
  if (!r.ok) return { kind: 'checked', summary: r };
  if (options.unitGrids && !r.analysis.ledger.units) return { kind: 'checked', summary: unitListMissing(file) };
  const summary = withSaved(summarize(file, r.analysis), r.savedSettings);
  if (!annotate) return { kind: 'checked', summary };
  try {
    return { kind: 'checked', summary, annotatedBytes: await annotateBuffer(r.buffer, r.analysis) };
  } catch (e) {
    return { kind: 'checked', summary, annotateError: annotateFailure(file, e) };
  }
}

/** Why a workbook's annotated copy could not be made (its check result stands). */
export function annotateFailure(file: string, e: unknown): ErrorInfo {
  const why = isBanliError(e)
    ? banliMessage(e)
    : withDetail('工作簿的内部结构无法修改（检查结果不受影响）。可以在 Excel 或 WPS 中打开它、另存为 .xlsx 后再做标注副本。', rawText(e));
  return { code: 'cannot-annotate', message: `无法为 ${file} 做标注副本：${why}` };
}

/** Reads a unit master list from its own workbook (--units FILE). */
export async function readUnitGrids(file: string): Promise<Grid[]> {
  return readWorkbookFile(file);
}
