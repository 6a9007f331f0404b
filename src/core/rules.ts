/**
 * Checking a ledger against the rules. Each rule is its own module in rules/ (id, severity, title, the columns it
 * needs, its check), listed once in rules/registry.ts; this module runs them in one pass over the items.
 */
import { FIELD_LABELS, Field } from './vocabulary';
import { Ledger, LedgerPart, cellOf, partCell, partHas, partName } from './ledger';
import { parseDay, Day } from './dates';
import { valueText } from './text';
import { RULE_LIST, RuleId } from './rules/registry';
import { CheckOptions, Finding, ItemFacts, Rule, RuleContext, RuleNotRun, RuleRun, Severity } from './rules/types';
import { deadlineOf } from './deadlines';

export type { RuleId } from './rules/registry';
export type { CheckOptions, Finding, ItemFacts, Rule, RuleContext, RuleNotRun, RuleRun, Severity } from './rules/types';
export { daysBetween } from './rules/facts';
export { deadlineOf, baseDeadline, extensionOf } from './deadlines';
export { DATE_FIELDS } from './rules/date-invalid';
export { RULE_LIST } from './rules/registry';

/** Id → severity and title, in listing order. */
export const RULES = Object.fromEntries(RULE_LIST.map((r) => [r.id, { severity: r.severity, title: r.title }])) as Record<
  RuleId,
  { severity: Severity; title: string }
>;
export const RULE_IDS: RuleId[] = RULE_LIST.map((r) => r.id);

type ItemCheck = NonNullable<RuleRun['item']>;

export interface CheckResult {
  findings: Finding[];
  notRun: RuleNotRun[];
}

/** The fields of a rule a part lacks. */
function missingOn(rule: Rule, part: LedgerPart): Field[] {
  return rule.fields.filter((f) => !partHas(part, f));
}

function missingText(fields: Field[]): string {
  return `没有“${fields.map((f) => FIELD_LABELS[f]).join('”“')}”列`;
}

/**
 * Runs every rule in one pass over the items. A rule runs on the parts (sheets) that have the columns it needs;
 * one that runs nowhere, or only on some sheets, is listed in notRun with the reason.
 */
/** deadlines: each item's deadline (index as in ledger.items) when already worked out. */
export function checkLedger(ledger: Ledger, options: CheckOptions, deadlines?: ReadonlyArray<Day | null>): CheckResult {
  const { config } = ledger;
  const findings: Finding[] = [];
  const notRun: RuleNotRun[] = [];
  /** Per part, the item checks that run on it (the functions themselves: one call each, whatever the rule). */
  const perPart = new Map<LedgerPart, ItemCheck[]>(ledger.parts.map((p) => [p, []]));
  const runs: RuleRun[] = [];
  for (const rule of RULE_LIST as readonly Rule<RuleId>[]) {
    const on = ledger.parts.filter((p) => missingOn(rule, p).length === 0);
    if (on.length === 0) {
      notRun.push({ rule: rule.id, reason: missingText(missingOn(rule, ledger.parts[0])) });
      continue;
    }
    const reason = rule.precondition ? rule.precondition(ledger) : null;
    if (reason !== null) {
      notRun.push({ rule: rule.id, reason });
      continue;
    }
    if (on.length < ledger.parts.length) {
      const off = ledger.parts.filter((p) => !on.includes(p));
      notRun.push({ rule: rule.id, reason: off.map((p) => `${partName(p)}${missingText(missingOn(rule, p))}`).join('；') });
    }
    const ctx: RuleContext = {
      ledger,
      config,
      options,
      add(item, field, message, suggestion = null, value) {
        const part = item ? item.part : ledger.parts[0];
        const c = field ? part.columns[field] : undefined;
        const col = c ? c.col : null;
        const row = item ? item.row : null;
        findings.push({
          rule: rule.id,
          severity: rule.severity,
          sheet: part.sheet,
          row,
          col,
          column: c ? c.header : null,
          cell: row !== null && col !== null ? partCell(part, row, col) : null,
          value: value !== undefined ? value : field && item ? valueText(cellOf(item, field)) || null : null,
          message,
          suggestion,
          unit: item?.leadUnit?.name ?? null,
        });
      },
      addAt(f) {
        findings.push({ rule: rule.id, severity: rule.severity, ...f });
      },
    };
    const run = rule.start(ctx);
    runs.push(run);
    const check = run.item;
    if (check) {
      for (const p of on) perPart.get(p)!.push(check);
    }
  }

  const categories = new Set(config.categories);
  let part: LedgerPart | null = null;
  let checks: ItemCheck[] = [];
  // One facts object, filled in for each item in turn (a rule reads it during its call and keeps nothing of it).
  const facts: ItemFacts = { deadline: null, replied: false, categoryValid: false };
  const items = ledger.items;
  for (let n = 0; n < items.length; n++) {
    const item = items[n];
    if (item.part !== part) {
      part = item.part;
      checks = perPart.get(part)!;
    }
    facts.deadline = deadlines ? deadlines[n] : deadlineOf(item, config);
    facts.replied = item.replyDate.kind !== 'empty';
    facts.categoryValid = typeof item.category === 'string' && categories.has(item.category);
    for (let i = 0; i < checks.length; i++) checks[i](item, facts);
  }
  for (const r of runs) r.end?.();
  return { findings, notRun };
}

/** Columns some rule or the required list expects that no sheet of the ledger has. */
export function missingColumns(ledger: Ledger): Field[] {
  const wanted = new Set<Field>(ledger.config.requiredFields);
  for (const r of RULE_LIST as readonly Rule[]) for (const f of r.fields) wanted.add(f);
  wanted.add('deadline');
  return [...wanted].filter((f) => !ledger.parts.some((p) => partHas(p, f)));
}

export function parseAsOf(text: string): Day | null {
  const d = parseDay(text);
  return d.kind === 'ok' ? d.day : null;
}
