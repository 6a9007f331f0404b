import { defineRule } from './types';

/**
 * A reply dated after the day the ledger is checked as of: a date written wrong (a future day), or an as-of day
 * set too early — either way the circular's “截至…已答复” would count a reply that had not been given by then.
 */
export default defineRule({
  id: 'reply.after-as-of',
  severity: 'error',
  title: '答复日期晚于统计截止日',
  fields: ['replyDate'],
  start(ctx) {
    const asOf = ctx.options.asOf;
    return {
      item(item) {
        const reply = item.replyDate;
        if (reply.kind !== 'ok' || reply.day <= asOf) return;
        ctx.add(
          item,
          'replyDate',
          `答复日期 ${reply.day} 晚于统计截止日 ${asOf}：截至 ${asOf} 这件还不能算已答复。`,
          '核对答复日期是否写错；如统计截止日不对，改用正确的截止日重新检查',
        );
      },
    };
  },
});
