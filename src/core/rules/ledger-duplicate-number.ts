import { compactKey } from '../text';
import { Item, itemKey, partName } from '../ledger';
import { defineRule } from './types';

/** The same source and number on two rows: every row after the first. */
/**
 * The same source and number twice with the same lead unit: every row after the first. The same number with
 * different lead units is one item split among units (分办), not a duplicate.
 */
export default defineRule({
  id: 'ledger.duplicate-number',
  severity: 'error',
  title: '编号重复',
  fields: ['source', 'number'],
  start(ctx) {
    /** Key → the first row seen for each lead unit. */
    const seen = new Map<string, Map<string, Item>>();
    return {
      item(item) {
        const key = itemKey(item);
        if (key === null) return;
        const unit = item.leadUnit ? compactKey(item.leadUnit.name) : '';
        let byUnit = seen.get(key);
        if (!byUnit) {
          byUnit = new Map();
          seen.set(key, byUnit);
        }
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
