/** The serialisable result of checking one file: what workers send back and every report renders from. */
import { Analysis, FIELD_LABELS, Field, Finding, RuleId, RuleNotRun, Totals, UnitStats, columnHeaders, missingColumns } from '../core';
import { ErrorInfo } from './errors';

/** A finding as reported: its sheet is in its cell address; its column number is not needed outside. */
export type FindingSummary = Omit<Finding, 'sheet' | 'col'>;

export interface OkSummary {
  path: string;
  ok: true;
  sheet: string;
  headerRow: number;
  items: number;
  /** Every sheet read as part of the ledger (file set when several workbooks are combined). */
  sheets: Array<{ file?: string; name: string; headerRow: number; items: number; sheetSource?: string }>;
  /** Sheets that look like a ledger but were not read, with the reason. */
  unreadSheets: Array<{ file?: string; name: string; reason: string }>;
  columns: Partial<Record<Field, string>>;
  /**
   * With several workbooks read as one ledger whose columns are named differently: each workbook's own mapping (the
   * combined `columns` is the first one's). Absent when every workbook's is the same, or for a single workbook.
   */
  columnsByFile?: Array<{ file: string; columns: Partial<Record<Field, string>> }>;
  /** Columns the checks expect that were not found (their checks did not run). */
  missingColumns: Array<{ field: Field; label: string }>;
  /** `file`: the workbook the list was found in, when several are read as one ledger. */
  unitList: { file?: string; sheet: string; units: number; withReceptionDay: number } | null;
  skippedRows: { blank: number; total: number; note: number };
  hiddenItemRows: number;
  totals: Totals;
  units: UnitStats[];
  counts: { errors: number; warnings: number; byRule: Partial<Record<RuleId, number>> };
  rulesNotRun: RuleNotRun[];
  findings: FindingSummary[];
  /** The annotated copy, when one was asked for: written, or why not (the check's result stands either way). */
  annotated?: AnnotatedResult;
  /** Settings saved in the workbook (by the Excel pane or WPS 表格): whether they were used, in Chinese. */
  savedSettings?: { used: boolean; message: string };
}

/** A file Banli was asked to write: where it is, or why it is not. */
export type WriteResult = { ok: true; path: string } | { ok: false; error: ErrorInfo };
export type AnnotatedResult = WriteResult;

export interface ErrorSummary {
  path: string;
  ok: false;
  error: ErrorInfo;
}

export type FileSummary = OkSummary | ErrorSummary;

/** Each workbook's column mapping, when the workbooks of a combined ledger name their columns differently. */
function columnsByFile(l: Analysis['ledger']): { columnsByFile?: OkSummary['columnsByFile'] } {
  const byFile = new Map<string, Partial<Record<Field, string>>>();
  for (const p of l.parts) {
    if (p.file === null) continue;
    const m = byFile.get(p.file) ?? {};
    for (const [f, c] of Object.entries(p.columns)) if (c && !(f in m)) m[f as Field] = c.header;
    byFile.set(p.file, m);
  }
  const key = (m: Partial<Record<Field, string>>) => JSON.stringify(Object.entries(m).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  if (new Set([...byFile.values()].map(key)).size <= 1) return {};
  return { columnsByFile: [...byFile].map(([file, columns]) => ({ file, columns })) };
}

export function summarize(path: string, a: Analysis): OkSummary {
  const l = a.ledger;
  return {
    path,
    ok: true,
    sheet: l.sheet,
    headerRow: l.headerRow,
    items: l.items.length,
    sheets: l.parts.map((p) => ({
      ...(p.file !== null ? { file: p.file } : {}),
      name: p.sheet,
      headerRow: p.headerRow,
      items: p.items,
      ...(p.sheetSource !== null ? { sheetSource: p.sheetSource } : {}),
    })),
    unreadSheets: l.unread.map((u) => ({ ...(u.file !== null ? { file: u.file } : {}), name: u.sheet, reason: u.reason })),
    columns: columnHeaders(l),
    ...columnsByFile(l),
    missingColumns: missingColumns(l).map((field) => ({ field, label: FIELD_LABELS[field] })),
    unitList: l.units
      ? { ...(l.units.file !== undefined ? { file: l.units.file } : {}), sheet: l.units.sheet, units: l.units.units.length, withReceptionDay: l.units.units.filter((u) => u.receptionDay === true).length }
      : null,
    skippedRows: l.skipped,
    hiddenItemRows: l.hiddenItemRows,
    totals: a.totals,
    units: a.units,
    counts: { errors: a.errors, warnings: a.warnings, byRule: a.ruleCounts },
    rulesNotRun: a.notRun,
    findings: a.findings.map((f) => ({
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

/** The JSON form the README documents: findings capped, counts complete. */
export function summaryJson(s: FileSummary, maxFindings = Infinity): Record<string, unknown> {
  if (!s.ok) return { path: s.path, ok: false, error: s.error };
  const { findings, ...rest } = s;
  return { ...rest, findingsListed: Math.min(findings.length, maxFindings), findings: findings.slice(0, maxFindings) };
}

/**
 * A ledger's rows and items said so that they never contradict: `items` (JSON) counts the rows read, the totals count
 * each item once — the rows of one item (same source and number: split among lead units, or entered twice) make one.
 * Equal, “共 13 件”; apart, “共 15 行，计 13 件（…）”, so the 【办理总数】 below is not a surprise.
 */
export function countText(s: OkSummary): string {
  const rows = s.items;
  const items = s.totals.total;
  if (rows === items) return `共 ${items} 件`;
  return `共 ${rows} 行，计 ${items} 件（同一类别、编号的 ${rows - items} 行与前面的行算作一件：分办或重复登记）`;
}

/** What a sheet's count is in: items when every row is one, else rows. */
export function rowUnit(s: OkSummary): '件' | '行' {
  return s.items === s.totals.total ? '件' : '行';
}
