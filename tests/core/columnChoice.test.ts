/** The clerk's correction of a guessed column mapping (the column-mapping view of the panes), in core. */
import { analyse, configFromFile, configToFile, readLedger, sameColumnChoice, withColumnChoice } from '../../src/core';
import { FULL_HEADERS, ledgerGrid, rows } from '../helpers/ledger';

const HEADERS = FULL_HEADERS.map((h) => (h === '答复日期' ? '回函时间' : h));
const grid = () => ledgerGrid(rows({ 回函时间: '2021-06-01' }, { 回函时间: '2021-06-02' }), HEADERS);

describe('columns chosen by the clerk', () => {
  test('a header Banli did not recognise becomes the field the clerk chose, and the check follows', () => {
    const guessed = readLedger([grid()]);
    expect(guessed.columns.replyDate).toBeUndefined();
    expect(guessed.parts[0].headers).toContain('回函时间');
    const chosen = readLedger([grid()], { columns: { replyDate: '回函时间' } });
    expect(chosen.columns.replyDate).toMatchObject({ col: HEADERS.indexOf('回函时间') + 1, header: '回函时间' });
    expect(chosen.items.map((i) => i.replyDate)).toEqual([{ kind: 'ok', day: '2021-06-01' }, { kind: 'ok', day: '2021-06-02' }]);
    const before = analyse([grid()], { asOf: '2021-07-19' });
    const after = analyse([grid()], { asOf: '2021-07-19', columns: { replyDate: '回函时间' } });
    expect(before.totals.replied).toBe(0);
    expect(after.totals.replied).toBe(2);
  });

  test('（无）: the field has no column; a column taken for another field leaves the field that had it', () => {
    const none = readLedger([grid()], { columns: { coUnits: '' } });
    expect(none.columns.coUnits).toBeUndefined();
    expect(none.columns.leadUnit?.header).toBe('主办单位');
    const moved = readLedger([grid()], { columns: { coUnits: '主办单位' } });
    expect(moved.columns.coUnits?.header).toBe('主办单位');
    expect(moved.columns.leadUnit).toBeUndefined();
  });

  test('a header the sheet does not have leaves the guess as it was', () => {
    const l = readLedger([grid()], { columns: { leadUnit: '不存在的列' } });
    expect(l.columns.leadUnit?.header).toBe('主办单位');
  });
});

describe('列对应 kept in the settings (banli.config.json "columns")', () => {
  const config = configFromFile({ columns: { 答复日期: '回函时间', coUnits: '' } });

  test('read by id or by label; applied when nothing is chosen; a choice given replaces it', () => {
    expect(config.columns).toEqual({ replyDate: '回函时间', coUnits: '' });
    const kept = readLedger([grid()], { config });
    expect(kept.columns.replyDate?.header).toBe('回函时间');
    expect(kept.columns.coUnits).toBeUndefined();
    // The pane's choice (what the clerk sees, kept or not) replaces the kept one as a whole.
    const chosen = readLedger([grid()], { config, columns: { coUnits: '协办单位' } });
    expect(chosen.columns.replyDate).toBeUndefined();
    expect(chosen.columns.coUnits?.header).toBe('协办单位');
    expect(readLedger([grid()], { config, columns: {} }).columns.replyDate).toBeUndefined();
  });

  test('into the file by the columns’ labels and back; kept or taken out without touching the rest', () => {
    expect(configToFile(config).columns).toEqual({ 答复日期: '回函时间', 协办单位: '' });
    expect(configFromFile(configToFile(config)).columns).toEqual(config.columns);
    const file = { dueSoonDays: 10, columns: { 备注: '' } };
    expect(withColumnChoice(file, { replyDate: '回函时间' })).toEqual({ dueSoonDays: 10, columns: { 答复日期: '回函时间' } });
    expect(withColumnChoice(file, {})).toEqual({ dueSoonDays: 10 });
    expect(sameColumnChoice({ replyDate: 'a', coUnits: '' }, { coUnits: '', replyDate: 'a' })).toBe(true);
    expect(sameColumnChoice({ replyDate: 'a' }, { replyDate: 'a', coUnits: '' })).toBe(false);
  });
});
