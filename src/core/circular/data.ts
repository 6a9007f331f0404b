/**
 * What the circular needs from a checked ledger, and nothing more: serialisable, so the Word pane can keep the
 * last one inside the document and refresh or reconcile after the document is reopened without the ledger.
 */
import { Analysis } from '../analyse';
import { Day } from '../dates';
import { RuleId } from '../rules';
import { Totals, UnitStats } from '../totals';

export interface CircularData {
  version: 1;
  asOf: Day;
  totals: Totals;
  units: UnitStats[];
  /** The master list in its order; null when the ledger had none. */
  unitList: Array<{ name: string; receptionDay: boolean | null }> | null;
  /** The master list says who has the reception day. */
  receptionKnown: boolean;
  findings: Array<{ rule: RuleId; unit: string | null }>;
  /** Errors left in the ledger when the data was taken. */
  errors: number;
  source: string;
}

export function circularData(a: Analysis, asOf: Day, source = ''): CircularData {
  const l = a.ledger;
  return {
    version: 1,
    asOf,
    totals: a.totals,
    units: a.units,
    unitList: l.units ? l.units.units.map((u) => ({ name: u.name, receptionDay: u.receptionDay })) : null,
    receptionKnown: Boolean(l.units && l.units.receptionColumn !== null),
    findings: a.findings.map((f) => ({ rule: f.rule, unit: f.unit })),
    errors: a.errors,
    source,
  };
}

export function isCircularData(x: unknown): x is CircularData {
  const d = x as CircularData;
  return !!d && d.version === 1 && typeof d.asOf === 'string' && !!d.totals && Array.isArray(d.units) && Array.isArray(d.findings);
}
