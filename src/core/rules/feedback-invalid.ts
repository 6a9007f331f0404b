import { cellOf } from '../ledger';
import { valueText } from '../text';
import { defineRule } from './types';

export default defineRule({
  id: 'feedback.invalid',
  severity: 'error',
  title: '满意度填写不规范',
  fields: ['satisfaction'],
  start(ctx) {
    return {
      item(item) {
        if (item.satisfaction !== undefined) return;
        if (item.part.columns.satisfaction?.ticks) {
          ctx.add(item, 'satisfaction', '满意、基本满意、不满意勾选了不止一项。', '只勾选一项', null);
          return;
        }
        ctx.add(
          item,
          'satisfaction',
          `满意度“${valueText(cellOf(item, 'satisfaction'))}”不是满意、基本满意、不满意之一。`,
          '写作满意、基本满意或不满意',
        );
      },
    };
  },
});
