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
