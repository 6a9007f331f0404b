/** What a rule is: one small unit with its id, severity, title, the columns it needs and its check. */
import type { Field, Config } from '../vocabulary';
import type { Item, Ledger } from '../ledger';
import type { Day } from '../dates';
import type { RuleId } from './registry';

export type Severity = 'error' | 'warning';

export interface Finding {
  rule: RuleId;
  severity: Severity;
  sheet: string;
  /** Worksheet row (1-based), or null for a finding about the whole ledger. */
  row: number | null;
  /** 1-based worksheet column, or null. */
  col: number | null;
  /** The column's header as written in the file. */
  column: string | null;
  /** Sheet!A1 address, or null. */
  cell: string | null;
  value: string | null;
  message: string;
  suggestion: string | null;
  /** The lead unit the finding belongs to (canonical name), if any. */
  unit: string | null;
}

export interface CheckOptions {
  /** The day overdue is judged against (YYYY-MM-DD). */
  asOf: Day;
  /** The current form version; any other is old. Without it, a version containing 旧 is old. */
  formVersion?: string;
}

export interface RuleNotRun {
  rule: RuleId;
  reason: string;
}

/** Facts about an item that several rules need, worked out once per item before the rules run. */
export interface ItemFacts {
  /** The reply deadline (deadline column, else assignment + the configured months), or null. */
  deadline: Day | null;
  /** The reply-date cell is not empty (a readable or unreadable date). */
  replied: boolean;
  /** The category is one of the configured categories. */
  categoryValid: boolean;
}

/** What a rule's check sees: the ledger, the options, and how to report a finding. */
export interface RuleContext {
  ledger: Ledger;
  config: Config;
  options: CheckOptions;
  /**
   * Reports a finding of this rule on an item's field (or on the whole ledger with item null).
   * value: the cell's text by default; pass null or a text to override.
   */
  add(item: Item | null, field: Field | null, message: string, suggestion?: string | null, value?: string | null): void;
  /** Reports a finding at a cell that is not an item's field (the unit list, say). */
  addAt(f: Omit<Finding, 'rule' | 'severity'>): void;
}

/** One check in progress: called for every item in ledger order, then once at the end. */
export interface RuleRun {
  item?(item: Item, facts: ItemFacts): void;
  end?(): void;
}

export interface Rule<Id extends string = string> {
  id: Id;
  severity: Severity;
  /** The clerk's name for the problem (shown instead of the id). */
  title: string;
  /** Columns the rule reads; it does not run when one is absent. */
  fields: readonly Field[];
  /** Another reason the rule cannot run (no unit list, say), or null. */
  precondition?(ledger: Ledger): string | null;
  /** Starts a check: set up state here; findings about the whole ledger can be reported at once. */
  start(ctx: RuleContext): RuleRun;
}

export function defineRule<const Id extends string>(rule: Rule<Id>): Rule<Id> {
  return rule;
}
