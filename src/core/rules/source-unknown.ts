import { usualLabels } from '../sources';
import { defineRule } from './types';

export default defineRule({
  id: 'source.unknown',
  severity: 'error',
  title: '来源（类别）无法识别',
  fields: ['source'],
  start(ctx) {
    const suggestion = `写作：${[...usualLabels(ctx.ledger.office), ...Object.keys(ctx.config.sources)].join('、')}`;
    return {
      item(item) {
        if (item.source.def) return;
        const { raw, problem } = item.source;
        ctx.add(item, 'source', raw === '' ? '没有填写来源（类别）。' : problem ? `来源${problem}。` : `来源“${raw}”无法识别。`, suggestion);
      },
    };
  },
});
