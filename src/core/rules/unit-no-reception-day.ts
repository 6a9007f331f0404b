import { cellAddress } from '../grid';
import { defineRule } from './types';

/** A unit on the master list without the 代表委员接待日 in place: pointed at its row of the unit sheet. */
export default defineRule({
  id: 'unit.no-reception-day',
  severity: 'warning',
  title: '未落实代表委员接待日制度',
  fields: [],
  precondition(ledger) {
    if (!ledger.directory) return '没有承办单位名单，无法核对接待日落实情况';
    if (ledger.units && ledger.units.receptionColumn === null) return '承办单位名单中没有“接待日”列';
    return null;
  },
  start(ctx) {
    return {
      end() {
        const list = ctx.ledger.units;
        if (!list) return;
        const col = list.receptionColumn!;
        for (const u of list.units) {
          if (u.receptionDay === true) continue;
          ctx.addAt({
            sheet: list.sheet,
            row: u.row,
            col,
            column: list.receptionHeader,
            cell: list.file ? `${list.file}!${cellAddress(list.sheet, u.row, col)}` : cellAddress(list.sheet, u.row, col),
            value: u.receptionText || null,
            message: `${u.name}尚未落实主要领导“代表委员接待日”制度。`,
            suggestion: '由单位主要领导落实接待日，并在名单中填写日期',
            unit: u.name,
          });
        }
      },
    };
  },
});
