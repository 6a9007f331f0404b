/** What a check shows a clerk, as plain data: it crosses from the page's worker to the page. */
import { Analysis } from './analyse';
import { CircularData, circularData } from './circular';
import { Day } from './dates';
import { ledgerYear } from './ledgerYear';
import { Finding, RuleNotRun } from './rules';
import { FIELD_LABELS, Field } from './vocabulary';
import type { ColumnChoice } from './header';
import { findingsHeadline, receptionLine, totalsLines } from './summary';

export interface TotalsView {
  sheet: string;
  headerRow: number;
  items: number;
  /** Units on the unit list, or null without one. */
  units: number | null;
  totalsLines: string[];
  reception: string | null;
  headline: string;
  /** Every field with the header it was read from (null: not found), in the order of FIELD_LABELS. */
  columns: Array<{ field: Field; label: string; header: string | null }>;
  /** The headers of the ledger's sheets (each once), to choose a field's column from. */
  headers: string[];
  /** The 列对应 the check was made with (the clerk's, or the one kept in the settings in force). */
  chosen: ColumnChoice;
}

export type CheckView =
  | (TotalsView & {
      ok: true;
      findings: Finding[];
      notRun: RuleNotRun[];
      errors: number;
      /** The circular's data without its findings (they are the findings above: see circularDataOf). */
      data: CircularData;
      /** The year most items were assigned (交办) in, for the circular's defaults; null when no date reads. */
      year: number | null;
    })
  | { ok: false; message: string };

export interface RowDetail {
  sheet: string;
  row: number;
  cells: Array<{ cell: string; header: string; value: string }>;
}

export function totalsView(a: Analysis): TotalsView {
  const l = a.ledger;
  return {
    sheet: l.sheet,
    headerRow: l.headerRow,
    items: l.items.length,
    units: l.units ? l.units.units.length : null,
    totalsLines: totalsLines(a.totals),
    reception: receptionLine(a),
    headline: findingsHeadline(a),
    columns: (Object.keys(FIELD_LABELS) as Field[]).map((field) => ({ field, label: FIELD_LABELS[field], header: l.columns[field]?.header ?? null })),
    headers: [...new Set(l.parts.flatMap((p) => p.headers))],
    chosen: l.columnChoice,
  };
}

export function checkView(a: Analysis, asOf: Day, source: string): CheckView {
  return {
    ok: true,
    ...totalsView(a),
    findings: a.findings,
    notRun: a.notRun,
    errors: a.errors,
    data: { ...circularData(a, asOf, source), findings: [] },
    year: ledgerYear(a.ledger.items),
  };
}

/** The circular's data of a view, its findings put back from the view's own (sent once, not twice). */
export function circularDataOf(v: Extract<CheckView, { ok: true }>): CircularData {
  return { ...v.data, findings: v.findings.map((f) => ({ rule: f.rule, unit: f.unit })) };
}
