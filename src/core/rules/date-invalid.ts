import { FIELD_LABELS } from '../vocabulary';
import { defineRule } from './types';

/** Date columns the rule looks at (each only where the ledger has it). */
export const DATE_FIELDS = ['assignDate', 'deadline', 'replyDate'] as const;

export default defineRule({
  id: 'date.invalid',
  severity: 'error',
  title: '日期无效',
  fields: [],
  start(ctx) {
    return {
      item(item) {
        // Almost every item has no invalid date: three reads, no loop.
        if (item.assignDate.kind !== 'invalid' && item.deadline.kind !== 'invalid' && item.replyDate.kind !== 'invalid') return;
        for (const f of DATE_FIELDS) {
          if (!item.part.columns[f]) continue;
          const d = item[f];
          if (d.kind !== 'invalid') continue;
          if (d.formula) ctx.add(item, f, `${FIELD_LABELS[f]}是公式“${d.formula}”，但文件里没有它的计算结果（保存文件的程序没有计算公式）。`, '在 Excel 或 WPS 中打开台账、保存一次，再检查');
          else ctx.add(item, f, `${FIELD_LABELS[f]}“${d.text}”不是有效的日期。`, '写成 2021-05-31 或 2021年5月31日 的形式');
        }
      },
    };
  },
});
