import { daysBetween } from './facts';
import { defineRule } from './types';

export default defineRule({
  id: 'reply.overdue',
  severity: 'error',
  title: '超期未答复',
  fields: ['replyDate'],
  start(ctx) {
    const asOf = ctx.options.asOf;
    return {
      item(item, { deadline }) {
        if (item.replyDate.kind !== 'empty' || !deadline || deadline >= asOf) return;
        ctx.add(
          item,
          'replyDate',
          `办理期限 ${deadline} 已过，截至 ${asOf} 仍未答复（超期 ${daysBetween(deadline, asOf)} 天）。`,
          '督促主办单位尽快答复；确实难以解决的，向代表委员说明情况',
          null,
        );
      },
    };
  },
});
