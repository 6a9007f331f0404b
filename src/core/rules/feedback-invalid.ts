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
