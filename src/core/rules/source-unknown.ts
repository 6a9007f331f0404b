import { SOURCE_LABELS } from '../vocabulary';
import { defineRule } from './types';

export default defineRule({
  id: 'source.unknown',
  severity: 'error',
  title: '来源（类别）无法识别',
  fields: ['source'],
  start(ctx) {
    const labels = Object.values(SOURCE_LABELS) as string[];
    const known = Object.keys(ctx.config.sources).filter((s) => labels.includes(s) || s.includes('闭会'));
    const suggestion = `写作：${known.join('、')}`;
    return {
      item(item) {
        if (item.source.def) return;
        ctx.add(item, 'source', item.source.raw === '' ? '没有填写来源（类别）。' : `来源“${item.source.raw}”无法识别。`, suggestion);
      },
    };
  },
});
