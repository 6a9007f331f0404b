import { addDays } from '../dates';
import { daysBetween } from './facts';
import { defineRule } from './types';

/** The 催办 list: not yet answered, deadline within dueSoonDays (15 by default) from the as-of day. */
export default defineRule({
  id: 'reply.due-soon',
  severity: 'warning',
  title: '即将到期尚未答复（催办）',
  fields: ['replyDate'],
  start(ctx) {
    const asOf = ctx.options.asOf;
    const until = addDays(asOf, ctx.config.dueSoonDays);
    return {
      item(item, { deadline, replied }) {
        if (replied || !deadline || deadline < asOf || deadline > until) return;
        const left = daysBetween(asOf, deadline);
        ctx.add(
          item,
          'replyDate',
          `办理期限 ${deadline}，${left === 0 ? '今天到期' : `还有 ${left} 天到期`}，尚未答复。`,
          '列入催办名单，提醒主办单位按期答复',
          null,
        );
      },
    };
  },
});
