import { defineRule } from './types';

/** Answered, but the 是否公开 / 公开日期 column says it was not published. */
export default defineRule({
  id: 'reply.not-published',
  severity: 'warning',
  title: '已答复但未公开',
  fields: ['replyDate', 'published'],
  start(ctx) {
    return {
      item(item, { replied }) {
        if (replied && !item.published) ctx.add(item, 'published', '已答复，但答复内容尚未公开。', '按规定公开答复内容（涉密等不宜公开的注明原因），并填写公开日期');
      },
    };
  },
});
