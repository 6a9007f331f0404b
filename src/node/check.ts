/** Checking one workbook file: the file adapter plus the core, with errors turned into results. */
import {
  Analysis,
  AnalyseOptions,
  BanliError,
  ErrorCode,
  Grid,
  analyse,
  columnHeaders,
  isBanliError,
} from '../core';
import { readWorkbookFile } from './workbook';

export type FileResult =
  | { path: string; ok: true; analysis: Analysis }
  | { path: string; ok: false; error: { code: ErrorCode; message: string } };

export function errorResult(path: string, e: unknown): FileResult {
  if (isBanliError(e)) return { path, ok: false, error: { code: e.code, message: e.message } };
  const text = String((e as Error)?.message ?? e);
  return { path, ok: false, error: { code: 'unreadable', message: `读取 ${path} 时出错：${text}` } };
}

export async function checkFile(path: string, options: AnalyseOptions): Promise<FileResult> {
  let grids: Grid[];
  try {
    grids = await readWorkbookFile(path);
    return { path, ok: true, analysis: analyse(grids, options) };
  } catch (e) {
    return errorResult(path, e);
  }
}

/** Reads a unit master list from its own workbook (--units FILE). */
export async function readUnitGrids(file: string): Promise<Grid[]> {
  const grids = await readWorkbookFile(file);
  if (grids.length === 0) throw new BanliError('unreadable', `${file} 里没有工作表。`);
  return grids;
}

/** The JSON form of one file's result (the format the README documents). */
export function resultJson(r: FileResult, maxFindings = Infinity): Record<string, unknown> {
  if (!r.ok) return { path: r.path, ok: false, error: r.error };
  const a = r.analysis;
  const l = a.ledger;
  return {
    path: r.path,
    ok: true,
    sheet: l.sheet,
    headerRow: l.headerRow,
    items: l.items.length,
    columns: columnHeaders(l),
    unitList: l.units ? { sheet: l.units.sheet, units: l.units.units.length } : null,
    skippedRows: l.skipped,
    hiddenItemRows: l.hiddenItemRows,
    totals: a.totals,
    units: a.units,
    counts: { errors: a.errors, warnings: a.warnings, byRule: a.ruleCounts },
    rulesNotRun: a.notRun,
    findingsListed: Math.min(a.findings.length, maxFindings),
    findings: a.findings.slice(0, maxFindings).map((f) => ({
      rule: f.rule,
      severity: f.severity,
      row: f.row,
      column: f.column,
      cell: f.cell,
      value: f.value,
      message: f.message,
      suggestion: f.suggestion,
      unit: f.unit,
    })),
  };
}
