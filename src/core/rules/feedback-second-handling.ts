import { addMonths } from '../dates';
import { defineRule } from './types';

/** 不满意: the unit handles it again and answers again within one month of the first answer. */
export default defineRule({
  id: 'feedback.second-handling',
  severity: 'error',
  title: '不满意件未在一个月内再次答复',
  fields: ['satisfaction', 'replyDate', 'secondReply'],
  start(ctx) {
    const asOf = ctx.options.asOf;
    return {
      item(item) {
        if (item.satisfaction !== '不满意' || item.replyDate.kind !== 'ok') return;
        const due = addMonths(item.replyDate.day, 1);
        const again = item.secondReply;
        if (again.kind === 'ok') {
          if (again.day > due) {
            ctx.add(item, 'secondReply', `代表委员不满意，再次答复日期 ${again.day} 晚于首次答复后一个月（${due}）。`, '不满意件应在一个月内重新办理并再次答复');
          }
        } else if (again.kind === 'empty' && asOf > due) {
          ctx.add(item, 'secondReply', `代表委员不满意，首次答复后一个月（${due}）已过，仍没有再次答复。`, '督促主办单位重新办理，一个月内再次答复', null);
        }
      },
    };
  },
});
