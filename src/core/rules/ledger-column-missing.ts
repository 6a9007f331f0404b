import { FIELD_LABELS } from '../vocabulary';
import { defineRule } from './types';

/** A column the check cannot do without is absent: reported once, before the items. */
export default defineRule({
  id: 'ledger.column-missing',
  severity: 'error',
  title: '缺少必需的列',
  fields: [],
  start(ctx) {
    for (const f of ctx.config.requiredFields) {
      if (ctx.ledger.columns[f]) continue;
      ctx.add(
        null,
        null,
        `缺少必需的列“${FIELD_LABELS[f]}”（可写作：${ctx.config.headers[f].join('、')}），依赖它的检查没有进行。`,
        `在表头中加入“${FIELD_LABELS[f]}”列`,
        null,
      );
    }
    return {};
  },
});
