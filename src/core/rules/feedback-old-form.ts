import { compactKey } from '../text';
import { fieldMemo } from '../itemRows';
import { defineRule } from './types';

/** The 征询意见表 version is not the current one (--form-version), or, without it, contains 旧. */
export default defineRule({
  id: 'feedback.old-form',
  severity: 'warning',
  title: '使用旧的征询意见表',
  fields: ['formVersion'],
  start(ctx) {
    const current = ctx.options.formVersion;
    const currentKey = current ? compactKey(current) : null;
    // Worked out once per version as written (a ledger repeats a few versions down the column).
    const isOld = fieldMemo('formVersion', (v) => v !== '' && (currentKey !== null ? compactKey(v) !== currentKey : v.includes('旧')));
    return {
      item(item) {
        if (!isOld(item)) return;
        ctx.add(
          item,
          'formVersion',
          `征询意见表版本为“${item.formVersion}”，仍在使用旧的征询意见表。`,
          current ? `改用“${current}”征询意见表` : '改用新版征询意见表',
        );
      },
    };
  },
});
