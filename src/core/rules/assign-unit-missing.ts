import { defineRule } from './types';

export default defineRule({
  id: 'assign.unit-missing',
  severity: 'error',
  title: '没有主办单位',
  fields: ['leadUnit'],
  start(ctx) {
    return {
      item(item) {
        if (!item.leadUnit) ctx.add(item, 'leadUnit', '没有主办单位，这件建议提案尚未交办或漏填。', '填写主办单位');
      },
    };
  },
});
