/** What a check shows a clerk, as plain data: it crosses from the page's worker to the page. */
import { Analysis } from './analyse';
import { CircularData, circularData } from './circular';
import { Day } from './dates';
import { ledgerYear } from './ledgerYear';
import { Finding, RuleNotRun } from './rules';
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
}

export type CheckView =
  | (TotalsView & {
      ok: true;
      findings: Finding[];
      notRun: RuleNotRun[];
      errors: number;
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
  };
}

export function checkView(a: Analysis, asOf: Day, source: string): CheckView {
  return {
    ok: true,
    ...totalsView(a),
    findings: a.findings,
    notRun: a.notRun,
    errors: a.errors,
    data: circularData(a, asOf, source),
    year: ledgerYear(a.ledger.items),
  };
}
