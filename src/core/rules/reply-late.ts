import { daysBetween } from './facts';
import { defineRule } from './types';

export default defineRule({
  id: 'reply.late',
  severity: 'warning',
  title: '超期答复',
  fields: ['replyDate'],
  start(ctx) {
    return {
      item(item, { deadline }) {
        const reply = item.replyDate;
        if (reply.kind !== 'ok' || !deadline || reply.day <= deadline) return;
        ctx.add(item, 'replyDate', `答复日期 ${reply.day} 晚于办理期限 ${deadline}（超期 ${daysBetween(deadline, reply.day)} 天）。`, '核实答复日期；超期答复的应说明原因');
      },
    };
  },
});
