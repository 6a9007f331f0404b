import { defineRule } from './types';

export default defineRule({
  id: 'key.leader-missing',
  severity: 'error',
  title: '重点督办件没有领办领导',
  fields: ['key', 'leader'],
  start(ctx) {
    return {
      item(item) {
        if (item.key && item.leader === '') ctx.add(item, 'leader', '重点督办件没有填写领办市领导。', '填写领办的市领导');
      },
    };
  },
});
