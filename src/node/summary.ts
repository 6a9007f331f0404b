/** The serialisable result of checking one file: what workers send back and every report renders from. */
import { Analysis, Field, Finding, RuleId, RuleNotRun, Totals, UnitStats, columnHeaders } from '../core';
import { ErrorInfo } from './errors';

/** A finding as reported: its sheet is in its cell address; its column number is not needed outside. */
export type FindingSummary = Omit<Finding, 'sheet' | 'col'>;

export interface OkSummary {
  path: string;
  ok: true;
  sheet: string;
  headerRow: number;
  items: number;
  columns: Partial<Record<Field, string>>;
  unitList: { sheet: string; units: number; withReceptionDay: number } | null;
  skippedRows: { blank: number; total: number; note: number };
  hiddenItemRows: number;
  totals: Totals;
  units: UnitStats[];
  counts: { errors: number; warnings: number; byRule: Partial<Record<RuleId, number>> };
  rulesNotRun: RuleNotRun[];
  findings: FindingSummary[];
  /** The annotated copy, when one was asked for: written, or why not (the check's result stands either way). */
  annotated?: AnnotatedResult;
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

export function summarize(path: string, a: Analysis): OkSummary {
  const l = a.ledger;
  return {
    path,
    ok: true,
    sheet: l.sheet,
    headerRow: l.headerRow,
    items: l.items.length,
    columns: columnHeaders(l),
    unitList: l.units
      ? { sheet: l.units.sheet, units: l.units.units.length, withReceptionDay: l.units.units.filter((u) => u.receptionDay === true).length }
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
