import { compactKey } from '../text';
import { fieldMemo } from '../itemRows';
import { defineRule } from './types';

/** The 解决程度 wording belongs to another category than the one given. */
export default defineRule({
  id: 'feedback.degree-mismatch',
  severity: 'error',
  title: '解决程度与答复类别不符',
  fields: ['degree', 'category'],
  start(ctx) {
    const byCategory = Object.entries(ctx.config.degreeByCategory);
    /** The category a wording belongs to instead of the given one, or null when it fits: per category and wording. */
    const mismatch = (category: string, written: string): string | null => {
      const degree = compactKey(written);
      const expected = ctx.config.degreeByCategory[category] ?? [];
      if (expected.some((w) => degree.includes(w))) return null;
      const other = byCategory.find(([cat, words]) => cat !== category && words.some((w) => degree.includes(w)));
      return other ? other[0] : null;
    };
    /** Per degree as written: the category each category's mismatch names (null: it fits), worked out when first met. */
    const byDegree = fieldMemo('degree', (written) => (written === '' ? null : new Map<string, string | null>()));
    return {
      item(item, { categoryValid }) {
        if (!categoryValid) return;
        const seen = byDegree(item);
        if (seen === null) return;
        const category = item.category as string;
        let other = seen.get(category);
        if (other === undefined) {
          other = mismatch(category, item.degree);
          seen.set(category, other);
        }
        if (other === null) return;
        const expected = ctx.config.degreeByCategory[category] ?? [];
        ctx.add(
          item,
          'degree',
          `解决程度“${item.degree}”与答复类别 ${category} 类不符（${category} 类对应：${expected.join('、')}）。`,
          `按实际情况改正解决程度或答复类别（“${item.degree}”对应 ${other} 类）`,
        );
      },
    };
  },
});
