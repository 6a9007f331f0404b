import { defineRule } from './types';

export default defineRule({
  id: 'feedback.missing',
  severity: 'warning',
  title: '征询意见表未填写完整（没有满意度）',
  fields: ['replyDate', 'satisfaction'],
  start(ctx) {
    return {
      item(item, { replied }) {
        if (!replied || item.satisfaction !== null) return;
        ctx.add(item, 'satisfaction', '已答复，但征询意见表没有填写代表委员的满意度（填写不完整）。', '收回征询意见表，填写满意、基本满意或不满意');
      },
    };
  },
});
