/** Deadlines and day arithmetic shared by the rules and the totals. */
import type { Item } from '../ledger';
import { Day, addMonths } from '../dates';

/** The reply deadline: the ledger's own deadline column when readable, else assignment + N months. */
export function deadlineOf(item: Item, months: number): Day | null {
  if (item.deadline.kind === 'ok') return item.deadline.day;
  if (item.assignDate.kind === 'ok') return addMonths(item.assignDate.day, months);
  return null;
}

export function daysBetween(a: Day, b: Day): number {
  return Math.round((Date.parse(b) - Date.parse(a)) / 86400000);
}
