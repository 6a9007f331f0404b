import { addMonths } from '../dates';
import { extensionOf } from './facts';
import { defineRule } from './types';

/** An 延期至 beyond maxExtensionMonths (6 by default) after assignment, or one that gives no readable date. */
export default defineRule({
  id: 'reply.extension',
  severity: 'error',
  title: '延期超过规定期限',
  fields: ['extension', 'assignDate'],
  start(ctx) {
    const max = ctx.config.maxExtensionMonths;
    return {
      item(item) {
        if (item.extension === '' || item.assignDate.kind !== 'ok') return;
        const ext = extensionOf(item, ctx.config);
        if (ext === null) {
          ctx.add(item, 'extension', `延期“${item.extension}”没有写明延期到哪一天，无法计算办理期限。`, '写明延期至的日期，如 2021-09-30');
          return;
        }
        if (ext === undefined) return;
        const limit = addMonths(item.assignDate.day, max);
        if (ext > limit) {
          ctx.add(item, 'extension', `延期至 ${ext}，超过交办后 ${max} 个月（${limit}）的最长期限。`, `延期最长至 ${limit}；确需更长时间的，向代表委员说明情况`);
        }
      },
    };
  },
});
