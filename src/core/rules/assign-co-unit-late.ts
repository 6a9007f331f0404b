import { addMonths } from '../dates';
import { defineRule } from './types';

/** Co-handling units give their opinion to the lead unit within one month of assignment. */
export default defineRule({
  id: 'assign.co-unit-late',
  severity: 'warning',
  title: '协办意见超过一个月',
  fields: ['coUnits', 'coUnitOpinion', 'assignDate'],
  start(ctx) {
    const asOf = ctx.options.asOf;
    return {
      item(item) {
        if (item.coUnits.length === 0 || item.assignDate.kind !== 'ok') return;
        const due = addMonths(item.assignDate.day, 1);
        const given = item.coUnitOpinion;
        if (given.kind === 'ok' && given.day > due) {
          ctx.add(item, 'coUnitOpinion', `协办意见 ${given.day} 才提出，晚于交办后一个月（${due}）。`, '协办单位应在交办后一个月内向主办单位提出协办意见');
        } else if (given.kind === 'empty' && asOf > due) {
          ctx.add(item, 'coUnitOpinion', `交办后一个月（${due}）已过，协办单位尚未提出协办意见。`, '督促协办单位尽快向主办单位提出协办意见', null);
        }
      },
    };
  },
});
