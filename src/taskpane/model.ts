/** Pane state helpers: pure functions the panes and their tests share. */
import { Analysis, BanliError, ColumnChoice, Config, Finding, Grid, RULE_IDS, RuleId, analyse, isBanliError, ruleTitle, severityText, RULES } from '../core';


export interface RuleGroup {
  rule: RuleId;
  title: string;
  severity: string;
  findings: Finding[];
}

export function groupFindings(findings: Finding[]): RuleGroup[] {
  return RULE_IDS.map((rule) => ({
    rule,
    title: ruleTitle(rule),
    severity: severityText(RULES[rule].severity),
    findings: findings.filter((f) => f.rule === rule),
  })).filter((g) => g.findings.length > 0);
}

export type CheckOutcome = { ok: true; analysis: Analysis } | { ok: false; message: string };

/** Checks grids; a user-caused problem becomes a Chinese message, never a stack trace. */
export function runCheck(grids: Grid[], asOf: string, sheet?: string, columns?: ColumnChoice, config?: Config): CheckOutcome {
  try {
    return { ok: true, analysis: analyse(grids, { asOf, sheet, columns, config }) };
  } catch (e) {
    if (isBanliError(e)) return { ok: false, message: e.message };
    // The program's own English stays in the console for whoever maintains it; the clerk reads what to do.
    console.error(e);
    return { ok: false, message: '检查时出现意外错误，台账没有被改动。请关闭任务窗格后重新打开再试；仍然出现时，请把台账和这句话发给维护人员。' };
  }
}

export function errorMessage(e: unknown): string {
  if (isBanliError(e)) return (e as BanliError).message;
  return `操作没有完成：${String((e as Error)?.message ?? e)}`;
}

/** Sheets a clerk may pick as the ledger (visible ones first). */
export function sheetChoices(grids: Grid[]): string[] {
  return [...grids].sort((a, b) => Number(Boolean(a.hidden)) - Number(Boolean(b.hidden))).map((g) => g.sheet);
}

/** A cell reference without its sheet: 台账!K17 → K17. */
export function cellOnly(cell: string): string {
  return cell.slice(cell.lastIndexOf('!') + 1);
}

/** What the clerk narrowed the findings to; '' is "all". */
export interface FindingFilter {
  severity: string;
  rule: string;
  unit: string;
  search: string;
}

/** The unit filter's value for findings without a unit. */
export const NO_UNIT = '\u0000';

function matches(f: Finding, filter: FindingFilter, skip?: keyof FindingFilter): boolean {
  if (skip !== 'severity' && filter.severity && f.severity !== filter.severity) return false;
  if (skip !== 'rule' && filter.rule && f.rule !== filter.rule) return false;
  if (skip !== 'unit' && filter.unit && (f.unit ?? NO_UNIT) !== filter.unit) return false;
  const q = filter.search.trim().toLowerCase();
  if (skip !== 'search' && q) {
    const hay = [f.cell, f.unit, f.message, f.suggestion, f.value, f.column, ruleTitle(f.rule)].filter(Boolean).join(' ').toLowerCase();
    if (!q.split(/\s+/).every((w) => hay.includes(w))) return false;
  }
  return true;
}

export function filterFindings(findings: Finding[], filter: FindingFilter): Finding[] {
  return findings.filter((f) => matches(f, filter));
}

export interface FilterOption {
  value: string;
  label: string;
  count: number;
}

/**
 * Each filter's choices with how many findings each would show, given the other filters (so the counts add up to
 * what the clerk will see). Rules in the rules' order, units by count.
 */
export function filterOptions(findings: Finding[], filter: FindingFilter): {
  severity: FilterOption[];
  severityTotal: number;
  rule: FilterOption[];
  ruleTotal: number;
  unit: FilterOption[];
  unitTotal: number;
} {
  const count = (skip: keyof FindingFilter, key: (f: Finding) => string) => {
    const m = new Map<string, number>();
    let total = 0;
    for (const f of findings) {
      if (!matches(f, filter, skip)) continue;
      total++;
      const k = key(f);
      m.set(k, (m.get(k) ?? 0) + 1);
    }
    return { m, total };
  };
  const sev = count('severity', (f) => f.severity);
  const rule = count('rule', (f) => f.rule);
  const unit = count('unit', (f) => f.unit ?? NO_UNIT);
  const keep = (selected: string, m: Map<string, number>, v: string) => m.has(v) || v === selected;
  return {
    severity: (['error', 'warning'] as const).filter((v) => keep(filter.severity, sev.m, v)).map((v) => ({ value: v, label: severityText(v), count: sev.m.get(v) ?? 0 })),
    severityTotal: sev.total,
    rule: RULE_IDS.filter((v) => keep(filter.rule, rule.m, v)).map((v) => ({ value: v, label: ruleTitle(v), count: rule.m.get(v) ?? 0 })),
    ruleTotal: rule.total,
    unit: [...unit.m.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh-CN'))
      .concat(filter.unit && !unit.m.has(filter.unit) ? [[filter.unit, 0]] : [])
      .map(([v, n]) => ({ value: v, label: v === NO_UNIT ? '（没有单位）' : v, count: n })),
    unitTotal: unit.total,
  };
}
