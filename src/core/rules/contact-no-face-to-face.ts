import { defineRule } from './types';

export default defineRule({
  id: 'contact.no-face-to-face',
  severity: 'warning',
  title: '未当面会商答复',
  fields: ['replyDate', 'faceToFace'],
  start(ctx) {
    return {
      item(item, { replied }) {
        if (replied && !item.faceToFace) {
          ctx.add(item, 'faceToFace', '已答复，但没有当面会商办理意见、当面答复代表委员。', '与代表委员当面沟通后再答复');
        }
      },
    };
  },
});
