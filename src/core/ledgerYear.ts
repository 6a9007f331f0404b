/** The year a ledger is about: the year most of its items were assigned (交办) in. */
import { Item } from './ledger';

export function ledgerYear(items: Pick<Item, 'assignDate'>[]): number | null {
  const counts = new Map<number, number>();
  for (const it of items) if (it.assignDate.kind === 'ok') {
    const y = Number(it.assignDate.day.slice(0, 4));
    counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  let best: number | null = null;
  let most = 0;
  for (const [y, n] of counts) if (n > most || (n === most && best !== null && y > best)) [best, most] = [y, n];
  return best;
}
