import { compactKey } from '../text';
import { Item, partName } from '../ledger';
import { defineRule } from './types';

/** The same source and number on two rows: every row after the first. */
export default defineRule({
  id: 'ledger.duplicate-number',
  severity: 'error',
  title: '编号重复',
  fields: ['source', 'number'],
  start(ctx) {
    const seen = new Map<string, Item>();
    return {
      item(item) {
        if (item.number === '') return;
        const src = item.source.def ? `${item.source.def.kind}${item.source.interSession ? '/闭会' : ''}` : compactKey(item.source.raw);
        const key = `${src}#${compactKey(item.number)}`;
        const first = seen.get(key);
        if (first === undefined) {
          seen.set(key, item);
          return;
        }
        const where = first.part === item.part ? '' : partName(first.part);
        ctx.add(item, 'number', `${item.source.raw || '同一来源'}编号“${item.number}”与${where}第 ${first.row} 行重复。`, '核对编号；同一件建议提案只保留一行');
      },
    };
  },
});
