import { cellOf } from '../ledger';
import { valueText } from '../text';
import { defineRule } from './types';

export default defineRule({
  id: 'reply.category-invalid',
  severity: 'error',
  title: '答复类别不在规定范围内',
  fields: ['category'],
  start(ctx) {
    const categories = ctx.config.categories.join('、');
    return {
      item(item, { categoryValid }) {
        if (item.category === null || categoryValid) return;
        ctx.add(
          item,
          'category',
          `答复类别“${valueText(cellOf(item, 'category'))}”不在规定的 ${categories} 类之内。`,
          `写作 ${categories} 之一`,
        );
      },
    };
  },
});
