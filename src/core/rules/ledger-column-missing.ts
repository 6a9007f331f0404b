import { FIELD_LABELS } from '../vocabulary';
import { partHas, partName } from '../ledger';
import { defineRule } from './types';

/** A column the check cannot do without is absent: reported once, before the items. */
export default defineRule({
  id: 'ledger.column-missing',
  severity: 'error',
  title: '缺少必需的列',
  fields: [],
  start(ctx) {
    const several = ctx.ledger.parts.length > 1;
    for (const part of ctx.ledger.parts) {
      for (const f of ctx.config.requiredFields) {
        if (partHas(part, f)) continue;
        ctx.addAt({
          sheet: part.sheet,
          row: null,
          col: null,
          column: null,
          cell: null,
          value: null,
          message: `${several ? `${partName(part)}` : ''}缺少必需的列“${FIELD_LABELS[f]}”（可写作：${ctx.config.headers[f].join('、')}），依赖它的检查没有进行。`,
          suggestion: `在表头中加入“${FIELD_LABELS[f]}”列`,
          unit: null,
        });
      }
    }
    return {};
  },
});
