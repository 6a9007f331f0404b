import { Field } from '../vocabulary';
import { Item, UnitRef } from '../ledger';
import { defineRule } from './types';

/** A lead or co-handling unit that is not on the unit master list, with the nearest listed name. */
export default defineRule({
  id: 'assign.unit-unknown',
  severity: 'warning',
  title: '承办单位不在名单中',
  fields: ['leadUnit'],
  precondition: (ledger) =>
    ledger.directory ? null : '没有承办单位名单（工作簿中的“承办单位”工作表或 --units 文件），无法核对单位名称',
  start(ctx) {
    const dir = ctx.ledger.directory!;
    const report = (item: Item, u: UnitRef, field: Field, role: string) => {
      // Several units in the lead unit's cell (市卫健委、市交通局): not a misspelt name.
      const several = field === 'leadUnit' ? u.name.split(/[、，,;；/]+/).map((t) => t.trim()).filter(Boolean) : [];
      if (several.length > 1) {
        ctx.add(
          item,
          field,
          `主办单位一格中写了 ${several.length} 个单位（${several.join('、')}），按一个单位统计不了。`,
          '几个单位分别主办的，每个单位一行（同一编号，即分办）；其余的写入协办单位',
          u.raw,
        );
        return;
      }
      const near = dir.nearest(u.name);
      ctx.add(item, field, `${role}“${u.name}”不在承办单位名单中。`, near ? `是否应为“${near}”？` : '核对单位名称，或把它加入承办单位名单', u.raw);
    };
    return {
      item(item) {
        if (item.leadUnit && item.leadUnit.known === false) report(item, item.leadUnit, 'leadUnit', '主办单位');
        const co = item.coUnits;
        for (let i = 0; i < co.length; i++) if (co[i].known === false) report(item, co[i], 'coUnits', '协办单位');
      },
    };
  },
});
