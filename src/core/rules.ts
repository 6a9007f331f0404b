/**
 * Checking a ledger against the rules. Each rule is its own module in rules/ (id, severity, title, the columns it
 * needs, its check), listed once in rules/registry.ts; this module runs them in one pass over the items.
 */
import { FIELD_LABELS } from './vocabulary';
import { Ledger, cellOf } from './ledger';
import { parseDay, Day } from './dates';
import { cellAddress } from './grid';
import { valueText } from './text';
import { RULE_LIST, RuleId } from './rules/registry';
import { CheckOptions, Finding, ItemFacts, Rule, RuleContext, RuleNotRun, RuleRun, Severity } from './rules/types';
import { deadlineOf } from './rules/facts';

export type { RuleId } from './rules/registry';
export type { CheckOptions, Finding, ItemFacts, Rule, RuleContext, RuleNotRun, RuleRun, Severity } from './rules/types';
export { deadlineOf, daysBetween } from './rules/facts';
export { DATE_FIELDS } from './rules/date-invalid';
export { RULE_LIST } from './rules/registry';

/** Id → severity and title, in listing order. */
export const RULES = Object.fromEntries(RULE_LIST.map((r) => [r.id, { severity: r.severity, title: r.title }])) as Record<
  RuleId,
  { severity: Severity; title: string }
>;
export const RULE_IDS: RuleId[] = RULE_LIST.map((r) => r.id);

export interface CheckResult {
  findings: Finding[];
  notRun: RuleNotRun[];
}

/** Why a rule cannot run on this ledger, or null when it can. */
export function whyNotRun(rule: Rule, ledger: Ledger): string | null {
  const missing = rule.fields.filter((f) => !ledger.columns[f]);
  if (missing.length) return `没有“${missing.map((f) => FIELD_LABELS[f]).join('”“')}”列`;
  return rule.precondition ? rule.precondition(ledger) : null;
}

export function checkLedger(ledger: Ledger, options: CheckOptions): CheckResult {
  const { columns: cols, config } = ledger;
  const findings: Finding[] = [];
  const notRun: RuleNotRun[] = [];
  const runs: RuleRun[] = [];
  for (const rule of RULE_LIST as readonly Rule<RuleId>[]) {
    const reason = whyNotRun(rule, ledger);
    if (reason !== null) {
      notRun.push({ rule: rule.id, reason });
      continue;
    }
    const ctx: RuleContext = {
      ledger,
      config,
      options,
      add(item, field, message, suggestion = null, value) {
        const c = field ? cols[field] : undefined;
        const col = c ? c.col : null;
        const row = item ? item.row : null;
        findings.push({
          rule: rule.id,
          severity: rule.severity,
          sheet: ledger.sheet,
          row,
          col,
          column: c ? c.header : null,
          cell: row !== null && col !== null ? cellAddress(ledger.sheet, row, col) : null,
          value: value !== undefined ? value : field && item ? valueText(cellOf(ledger, item, field)) || null : null,
          message,
          suggestion,
          unit: item?.leadUnit?.name ?? null,
        });
      },
      addAt(f) {
        findings.push({ rule: rule.id, severity: rule.severity, ...f });
      },
    };
    runs.push(rule.start(ctx));
  }

  const itemRuns = runs.filter((r) => r.item).map((r) => r.item!.bind(r));
  const months = config.deadlineMonths;
  const categories = config.categories;
  for (const item of ledger.items) {
    const facts: ItemFacts = {
      deadline: deadlineOf(item, months),
      replied: item.replyDate.kind !== 'empty',
      categoryValid: typeof item.category === 'string' && categories.includes(item.category),
    };
    for (const run of itemRuns) run(item, facts);
  }
  for (const r of runs) r.end?.();
  return { findings, notRun };
}

export function parseAsOf(text: string): Day | null {
  const d = parseDay(text);
  return d.kind === 'ok' ? d.day : null;
}
