import { defineRule } from './types';

export default defineRule({
  id: 'reply.before-assignment',
  severity: 'error',
  title: '答复日期早于交办日期',
  fields: ['replyDate', 'assignDate'],
  start(ctx) {
    return {
      item(item) {
        const reply = item.replyDate;
        const assigned = item.assignDate;
        if (reply.kind !== 'ok' || assigned.kind !== 'ok' || reply.day >= assigned.day) return;
        ctx.add(item, 'replyDate', `答复日期 ${reply.day} 早于交办日期 ${assigned.day}。`, '核对答复日期和交办日期');
      },
    };
  },
});
