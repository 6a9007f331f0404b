import { defineRule } from './types';

export default defineRule({
  id: 'assign.date-missing',
  severity: 'error',
  title: '没有交办日期',
  fields: ['assignDate'],
  start(ctx) {
    return {
      item(item) {
        if (item.assignDate.kind === 'empty') ctx.add(item, 'assignDate', '没有交办日期，无法计算办理期限。', '填写交办日期');
      },
    };
  },
});
