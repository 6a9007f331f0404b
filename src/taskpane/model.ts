/** Pane state helpers: pure functions the panes and their tests share. */
import { Analysis, BanliError, Finding, Grid, RULE_IDS, RuleId, analyse, isBanliError, ruleTitle, severityText, RULES } from '../core';

export type { LoadedWorkbook } from '../xlsx/loaded';

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
export function runCheck(grids: Grid[], asOf: string, sheet?: string): CheckOutcome {
  try {
    return { ok: true, analysis: analyse(grids, { asOf, sheet }) };
  } catch (e) {
    if (isBanliError(e)) return { ok: false, message: e.message };
    return { ok: false, message: `检查时出现意外错误：${String((e as Error)?.message ?? e)}` };
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
