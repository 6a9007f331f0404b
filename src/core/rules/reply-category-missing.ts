import { defineRule } from './types';

export default defineRule({
  id: 'reply.category-missing',
  severity: 'error',
  title: '已答复但没有答复类别',
  fields: ['replyDate', 'category'],
  start(ctx) {
    const suggestion = `填写 ${ctx.config.categories.join('、')} 类之一`;
    return {
      item(item, { replied }) {
        if (replied && item.category === null) ctx.add(item, 'category', '已答复，但没有填写答复类别。', suggestion);
      },
    };
  },
});
