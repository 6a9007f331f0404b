import { compactKey } from '../text';
import { Item, partName } from '../ledger';

const unitOf = (item: Item): string => (item.leadUnit ? compactKey(item.leadUnit.name) : '');
import { defineRule } from './types';

/**
 * The same source and number twice with the same lead unit: every row after the first. The same number with
 * different lead units is one item split among units (分办), not a duplicate. The same number with another title
 * is two items given one number: each is counted, the later row reported.
 */
export default defineRule({
  id: 'ledger.duplicate-number',
  severity: 'error',
  title: '编号重复',
  fields: ['source', 'number'],
  start(ctx) {
    /** Per item (its first row), the first row seen for each lead unit. */
    const seen = new Map<Item, Map<string, Item>>();
    const clashes = new Map(ctx.ledger.numberClashes.map((c) => [c.item, c.first]));
    return {
      item(item) {
        if (item.firstRow === null) {
          const first = clashes.size === 0 ? undefined : clashes.get(item);
          if (first === undefined) return;
          const where = first.part === item.part ? '' : partName(first.part);
          ctx.add(
            item,
            'number',
            `${item.source.raw || '同一来源'}编号“${item.number}”与${where}第 ${first.row} 行相同，但标题不同（“${first.title}”）：两件建议提案用了同一个编号，两件都已计数。`,
            '核对编号，给其中一件改正编号',
          );
          return;
        }
        const head = item.firstRow;
        let byUnit = seen.get(head);
        if (!byUnit) {
          byUnit = new Map([[unitOf(head), head]]);
          seen.set(head, byUnit);
        }
        const unit = unitOf(item);
        const first = byUnit.get(unit);
        if (first === undefined) {
          byUnit.set(unit, item);
          return;
        }
        const where = first.part === item.part ? '' : partName(first.part);
        ctx.add(item, 'number', `${item.source.raw || '同一来源'}编号“${item.number}”与${where}第 ${first.row} 行重复。`, '核对编号；同一件建议提案只保留一行');
      },
    };
  },
});
