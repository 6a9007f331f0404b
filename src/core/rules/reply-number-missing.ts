import { defineRule } from './types';

export default defineRule({
  id: 'reply.number-missing',
  severity: 'warning',
  title: '已答复但没有答复文号',
  fields: ['replyDate', 'replyNumber'],
  start(ctx) {
    return {
      item(item, { replied }) {
        if (replied && item.replyNumber === '') ctx.add(item, 'replyNumber', '已答复，但没有填写答复文号。', '填写答复函的文号，如 郑交函〔2021〕12号');
      },
    };
  },
});
