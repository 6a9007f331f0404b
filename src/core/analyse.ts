/** One call from workbook grids to everything a report needs: ledger, findings, totals, per-unit stats. */
import { Grid } from './grid';
import { Ledger, ReadOptions, readLedger } from './ledger';
import { CheckOptions, Finding, RuleId, RuleNotRun, checkLedger } from './rules';
import { Totals, UnitStats, computeTotals, computeUnitStats, itemDeadlines } from './totals';
import { Field } from './vocabulary';

export interface Analysis {
  ledger: Ledger;
  findings: Finding[];
  notRun: RuleNotRun[];
  totals: Totals;
  units: UnitStats[];
  /** Findings per rule id (complete even when a listing is capped). */
  ruleCounts: Partial<Record<RuleId, number>>;
  errors: number;
  warnings: number;
}

export type AnalyseOptions = ReadOptions & CheckOptions;

export function analyseLedger(ledger: Ledger, options: CheckOptions): Analysis {
  // Each item's deadline, worked out once for the checks, the totals and the unit figures.
  const deadlines = itemDeadlines(ledger);
  const { findings, notRun } = checkLedger(ledger, options, deadlines);
  const totals = computeTotals(ledger, options.asOf, deadlines);
  const units = computeUnitStats(ledger, findings, options.asOf, deadlines);
  const ruleCounts: Partial<Record<RuleId, number>> = {};
  for (const f of findings) ruleCounts[f.rule] = (ruleCounts[f.rule] ?? 0) + 1;
  let errors = 0;
  for (const f of findings) if (f.severity === 'error') errors++;
  return { ledger, findings, notRun, totals, units, ruleCounts, errors, warnings: findings.length - errors };
}

export function analyse(grids: Grid[], options: AnalyseOptions): Analysis {
  return analyseLedger(readLedger(grids, options), options);
}

/** Which header of the file became which field. */
export function columnHeaders(ledger: Ledger): Partial<Record<Field, string>> {
  const out: Partial<Record<Field, string>> = {};
  for (const [f, c] of Object.entries(ledger.columns)) if (c) out[f as Field] = c.header;
  return out;
}
