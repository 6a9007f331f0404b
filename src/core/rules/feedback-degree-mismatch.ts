import { compactKey } from '../text';
import { defineRule } from './types';

/** The 解决程度 wording belongs to another category than the one given. */
export default defineRule({
  id: 'feedback.degree-mismatch',
  severity: 'error',
  title: '解决程度与答复类别不符',
  fields: ['degree', 'category'],
  start(ctx) {
    const byCategory = Object.entries(ctx.config.degreeByCategory);
    return {
      item(item, { categoryValid }) {
        if (!categoryValid || item.degree === '') return;
        const category = item.category as string;
        const degree = compactKey(item.degree);
        const expected = ctx.config.degreeByCategory[category] ?? [];
        if (expected.some((w) => degree.includes(w))) return;
        const other = byCategory.find(([cat, words]) => cat !== category && words.some((w) => degree.includes(w)));
        if (!other) return;
        ctx.add(
          item,
          'degree',
          `解决程度“${item.degree}”与答复类别 ${category} 类不符（${category} 类对应：${expected.join('、')}）。`,
          `按实际情况改正解决程度或答复类别（“${item.degree}”对应 ${other[0]} 类）`,
        );
      },
    };
  },
});
