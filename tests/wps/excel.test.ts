/** The WPS 表格 adapter against the fake WPS object model: read, mark, clear after reopen, summary sheet, select, re-check. */
import * as path from 'path';
import { CellValue, Finding, analyse, dayToSerial, parseDay } from '../../src/core';
import { CONFIG_KEY, DAYS_1904, STORE_SHEET, WPS_MARK_FILL, bgr, clearWorkbook, markWorkbook, readWorkbook, writeSummary, wpsExcelHost } from '../../src/wps/excel';
import { SUMMARY_SHEET } from '../../src/excel/summarySheet';
import { defaultSettings } from '../../src/config/form';
import { readWorkbookFile } from '../../src/node/workbook';
import { FakeEtApp, FakeEtSheet, FakeWps, XL_NONE } from '../helpers/wpsFake';
import { ledgerGrid, rows, unitGrid } from '../helpers/ledger';

const AS_OF = '2021-07-19';

/** As WPS hands them over: dates are serial numbers (1900 system, or 1904 with offset). */
function asSerials(values: CellValue[][], date1904 = false, onlyStrings = false): CellValue[][] {
  return values.map((r) =>
    r.map((v) => {
      if (!(v instanceof Date) && !(onlyStrings && typeof v === 'string' && /^\d{4}-\d\d-\d\d$/.test(v))) return v;
      const p = parseDay(v);
      return p.kind === 'ok' ? dayToSerial(p.day) - (date1904 ? DAYS_1904 : 0) : v;
    }),
  );
}

async function sampleApp(): Promise<FakeEtApp> {
  const grids = await readWorkbookFile(path.join(__dirname, '../../samples/ledger-2021.xlsx'));
  return new FakeEtApp((wb) => grids.map((g) => FakeEtSheet.fill(wb, g.sheet, asSerials(g.values), g.top, g.left)));
}

describe('reading the open workbook', () => {
  test('the sample: the circular’s totals, one Value2 read per block of at most 5,000 rows', async () => {
    const app = await sampleApp();
    const progress: string[] = [];
    const grids = readWorkbook(app.ActiveWorkbook, (p) => progress.push(`${p.block}/${p.blocks}`));
    const n = app.ActiveWorkbook.sheets.length;
    expect(app.ActiveWorkbook.reads).toBe(n);
    expect(progress).toEqual(app.ActiveWorkbook.sheets.map((_, i) => `${i + 1}/${n}`));
    const a = analyse(grids, { asOf: AS_OF });
    expect(a.totals).toMatchObject({ total: 1388, provincial: 81, municipalNpc: 468, municipalNpcInterSession: 14, municipalCppcc: 839, keyNpc: 20, keyCppcc: 8 });
    expect(a.ruleCounts['reply.late']).toBe(10);
    expect(a.findings.find((f) => f.rule === 'reply.overdue')!.cell).toMatch(/^台账!K\d+$/);
  });

  test('12,000 rows: three blocks, the rows in order', () => {
    const specs = Array.from({ length: 11999 }, (_, i) => ({ ...rows({})[0], 序号: i + 1, 编号: i + 1 }));
    const g = ledgerGrid(specs);
    const app = new FakeEtApp((wb) => [FakeEtSheet.fill(wb, '台账', asSerials(g.values, false, true))]);
    const progress: number[] = [];
    const grids = readWorkbook(app.ActiveWorkbook, (p) => progress.push(p.block));
    expect(progress).toEqual([1, 2, 3]);
    expect(app.ActiveWorkbook.reads).toBe(3);
    expect(grids[0].values).toHaveLength(12000);
    expect(grids[0].values[11999][0]).toBe(11999);
    expect(analyse(grids, { asOf: AS_OF }).totals.total).toBe(11999);
  });

  test('a workbook in the 1904 date system gives the same days (date columns only; other numbers stay)', async () => {
    const g = ledgerGrid(rows({ 答复日期: '2021-06-30', 编号: 1201 }, { 答复日期: '' }));
    const app1900 = new FakeEtApp((wb) => [FakeEtSheet.fill(wb, '台账', asSerials(g.values, false, true))]);
    const app1904 = new FakeEtApp((wb) => [FakeEtSheet.fill(wb, '台账', asSerials(g.values, true, true))], true);
    expect(app1904.ActiveWorkbook.sheet('台账').peek('H2').value).toBe(dayToSerial('2021-03-26') - DAYS_1904);
    const a1900 = analyse(readWorkbook(app1900.ActiveWorkbook), { asOf: AS_OF });
    const a1904 = analyse(readWorkbook(app1904.ActiveWorkbook), { asOf: AS_OF });
    expect(a1904.findings.filter((f) => f.rule === 'date.invalid')).toEqual([]);
    expect(a1904.findings.map((f) => [f.rule, f.cell])).toEqual(a1900.findings.map((f) => [f.rule, f.cell]));
    expect(a1904.totals).toEqual(a1900.totals);
    expect(a1904.totals.overdue).toBe(1);
    expect(readWorkbook(app1904.ActiveWorkbook)[0].values[1][2]).toBe(1201); // 编号 is not a date
  });

  test('a used range that does not start at A1 keeps worksheet addresses; Banli’s hidden sheet is never read as data', () => {
    const g = ledgerGrid(rows({ 是否面商: '否' }));
    const app = new FakeEtApp((wb) => [FakeEtSheet.fill(wb, '台账', asSerials(g.values, false, true), 4, 2), FakeEtSheet.fill(wb, STORE_SHEET, [['banli.marks.v1', 'j{}']])]);
    const grids = readWorkbook(app.ActiveWorkbook);
    expect(grids.map((x) => x.sheet)).toEqual(['台账']);
    const a = analyse(grids, { asOf: AS_OF });
    expect(a.ledger.headerRow).toBe(4);
    expect(a.findings.find((f) => f.rule === 'contact.no-face-to-face')!.cell).toBe('台账!N5');
  });
});

describe('marking and clearing', () => {
  let app: FakeEtApp;
  let findings: Finding[];
  const CLERK_FILL = bgr('#00B0F0');
  const valuesOf = (x: FakeEtApp) => JSON.stringify(x.ActiveWorkbook.sheets.filter((s) => s.Name !== STORE_SHEET).map((s) => s.state().filter(([, c]) => c.value !== undefined).map(([k, c]) => [k, c.value])));

  beforeEach(() => {
    const g = ledgerGrid(rows({}, { 是否面商: '否' }, { 答复类别: 'E', 解决程度: '' }, { 是否面商: '否', 代表委员意见: '' }));
    app = new FakeEtApp((wb) => [FakeEtSheet.fill(wb, '台账', asSerials(g.values, false, true)), FakeEtSheet.fill(wb, '承办单位', unitGrid([['市交通局', '', '是']]).values)]);
    // The clerk's own fill and comment on a cell Banli will mark.
    const m3 = app.ActiveWorkbook.sheet('台账').cell(3, 13);
    m3.fill = { color: CLERK_FILL, pattern: 1 };
    m3.comment = '待核实：电话联系过';
    findings = analyse(readWorkbook(app.ActiveWorkbook), { asOf: AS_OF }).findings;
  });

  test('标记问题: fills by severity (BGR colours) and comments naming the rule; values untouched; originals in a very hidden sheet', () => {
    const before = valuesOf(app);
    const r = markWorkbook(app.ActiveWorkbook, findings);
    expect(r).toEqual({ marked: 4, restored: 0, notes: true });
    const s = app.ActiveWorkbook.sheet('台账');
    expect(s.peek('L4').fill!.color).toBe(WPS_MARK_FILL.error);
    expect(WPS_MARK_FILL.error).toBe(0xcec7ff);
    expect(s.peek('M3').fill!.color).toBe(WPS_MARK_FILL.warning);
    expect(s.peek('L4').comment).toMatch(/^办理助手：\n【错误】答复类别不在规定范围内：答复类别“E”/);
    expect(s.peek('M3').comment).toMatch(/^待核实：电话联系过\n\n办理助手：\n【警告】未当面会商答复/);
    expect(valuesOf(app)).toBe(before);
    const store = app.ActiveWorkbook.sheet(STORE_SHEET);
    expect(store.Visible).toBe(2); // xlSheetVeryHidden
    const stored = [...store.cells.values()].map((c) => c.value).filter((v): v is string => typeof v === 'string');
    expect(stored[0]).toBe('banli.marks.v1');
    expect(stored.slice(1).every((v) => v.startsWith('j'))).toBe(true); // no chunk can start a formula
    expect(JSON.parse(stored.slice(1).map((v) => v.slice(1)).join('')).marks).toHaveLength(4);
  });

  test('清除标记 restores exactly what was there, also after the workbook was saved and reopened', () => {
    const snapshot = (x: FakeEtApp) => JSON.stringify(x.ActiveWorkbook.sheet('台账').state());
    const before = snapshot(app);
    markWorkbook(app.ActiveWorkbook, findings);
    expect(snapshot(app)).not.toBe(before);
    const reopened = app.reopen(); // nothing of this session survives but the file
    expect(clearWorkbook(reopened.ActiveWorkbook)).toEqual({ restored: 4 });
    expect(snapshot(reopened)).toBe(before);
    expect(reopened.ActiveWorkbook.sheet('台账').peek('L4').fill).toBeUndefined();
    expect(reopened.ActiveWorkbook.calls).toContain('台账!L4.Interior.ColorIndex=-4142');
    expect(reopened.ActiveWorkbook.sheet('台账').peek('M3')).toEqual({ value: '否', fill: { color: CLERK_FILL, pattern: 1 }, comment: '待核实：电话联系过' });
    expect(clearWorkbook(reopened.ActiveWorkbook)).toEqual({ restored: 0 });
  });

  test('a comment the clerk deleted meanwhile is not an error', () => {
    markWorkbook(app.ActiveWorkbook, findings);
    delete app.ActiveWorkbook.sheet('台账').cell(4, 12).comment;
    expect(clearWorkbook(app.ActiveWorkbook)).toEqual({ restored: 4 });
    expect(app.ActiveWorkbook.sheet('台账').peek('M3').comment).toBe('待核实：电话联系过');
    expect(app.ActiveWorkbook.sheet('台账').peek('L4').comment).toBeUndefined();
  });

  test('marking again keeps the first originals and puts back cells that no longer have a finding', () => {
    markWorkbook(app.ActiveWorkbook, findings);
    const r = markWorkbook(app.ActiveWorkbook, findings.filter((f) => f.cell !== '台账!L4'));
    expect(r.restored).toBe(1);
    const s = app.ActiveWorkbook.sheet('台账');
    expect(s.peek('L4').fill).toBeUndefined();
    expect(s.peek('L4').comment).toBeUndefined();
    clearWorkbook(app.ActiveWorkbook);
    expect(s.peek('M3')).toMatchObject({ fill: { color: CLERK_FILL, pattern: 1 }, comment: '待核实：电话联系过' });
  });

  test('records longer than a cell holds are split over cells and read back whole', () => {
    const many: Finding[] = Array.from({ length: 1000 }, (_, i) => ({ ...findings[0], row: i + 2, cell: `台账!B${i + 2}`, message: '很长的说明'.repeat(20) }));
    app.ActiveWorkbook.sheet('台账').cell(2, 2).comment = '原有批注';
    markWorkbook(app.ActiveWorkbook, many);
    const store = app.ActiveWorkbook.sheet(STORE_SHEET);
    expect(store.UsedRange.Columns.Count).toBeGreaterThan(2);
    const reopened = app.reopen();
    expect(clearWorkbook(reopened.ActiveWorkbook).restored).toBe(1000);
    expect(reopened.ActiveWorkbook.sheet('台账').peek('B2').comment).toBe('原有批注');
  });
});

describe('生成统计表, select, re-check', () => {
  test('writes the summary sheet with tables and two charts (ChartObjects().Add); replaces only its own the next time', async () => {
    const app = await sampleApp();
    const wb = app.ActiveWorkbook;
    const a = analyse(readWorkbook(wb), { asOf: AS_OF });
    expect(writeSummary(app, wb, a, AS_OF)).toBe(SUMMARY_SHEET);
    const s = wb.sheet(SUMMARY_SHEET);
    expect(s.peek('A1').value).toBe('建议提案办理情况统计（截至 2021-07-19，共 1388 件）');
    expect([s.peek('A4').value, s.peek('B4').value]).toEqual(['省人大建议', 45]);
    expect([s.peek('A6').value, s.peek('B6').value]).toEqual(['市人大建议（含闭会建议）', 468]);
    const cells = [...s.cells.values()].map((c) => String(c.value));
    expect(cells).toContain('98.6%（1369/1388）');
    expect(s.charts.map((c) => [c.title, c.type, c.legend])).toEqual([['各来源件数', 51, false], ['各承办单位按期办复率（%）', 57, false]]);
    expect(s.charts[0].source).toBe('A3:B7');
    expect(wb.active).toBe(s);
    expect(app.DisplayAlerts).toBe(true);
    writeSummary(app, wb, a, AS_OF);
    expect(wb.sheets.filter((x) => x.Name === SUMMARY_SHEET)).toHaveLength(1);
    expect(s.deleted).toBe(true);
    expect(app.DisplayAlerts).toBe(true); // put back after the silent delete
  });

  test('a sheet of the clerk’s own called 办理统计 is never replaced; a formula-like unit is written as text', () => {
    const g = ledgerGrid(rows({ 主办单位: '=1+1' }));
    const app = new FakeEtApp((wb) => [FakeEtSheet.fill(wb, '台账', asSerials(g.values, false, true)), FakeEtSheet.fill(wb, SUMMARY_SHEET, [['我自己的统计']])]);
    const wb = app.ActiveWorkbook;
    const a = analyse(readWorkbook(wb), { asOf: AS_OF });
    expect(writeSummary(app, wb, a, AS_OF)).toBe('办理统计（2）');
    expect(writeSummary(app, wb, a, AS_OF)).toBe('办理统计（2）');
    expect(wb.sheet(SUMMARY_SHEET).peek('A1').value).toBe('我自己的统计');
    expect(wb.sheets.map((x) => x.Name)).toEqual(['台账', SUMMARY_SHEET, '办理统计（2）', STORE_SHEET]);
    const written = [...wb.sheet('办理统计（2）').cells.values()].map((c) => String(c.value));
    expect(written).toContain("'=1+1");
    expect(written.some((v) => v.startsWith('FORMULA:'))).toBe(false);
    // The store survives a reopen, so the next session still replaces only its own sheet.
    const again = app.reopen();
    expect(writeSummary(again, again.ActiveWorkbook, a, AS_OF)).toBe('办理统计（2）');
  });

  test('the host: a click selects the cell; SheetChange on the ledger sheet (only) calls back, until unsubscribed', async () => {
    const g = ledgerGrid(rows({}));
    const app = new FakeEtApp((wb) => [FakeEtSheet.fill(wb, '台账', g.values), FakeEtSheet.fill(wb, '其他', [['x']])]);
    const wps = new FakeWps(undefined, app);
    const host = wpsExcelHost(wps, app);
    expect(host.capabilities).toEqual({ basic: true, changeEvents: true, fillPattern: true, notes: true, documentSettings: true });
    await host.select('台账', 'L4');
    expect(app.ActiveWorkbook.selected).toBe('台账!L4');
    expect(app.ActiveWorkbook.active!.Name).toBe('台账');
    let calls = 0;
    const off = await host.onChanged('台账', () => calls++);
    wps.fire('SheetChange', app.ActiveWorkbook.sheet('台账'), app.ActiveWorkbook.sheet('台账').Range('B2'));
    wps.fire('SheetChange', app.ActiveWorkbook.sheet('其他'), app.ActiveWorkbook.sheet('其他').Range('A1'));
    expect(calls).toBe(1);
    await off();
    wps.fire('SheetChange', app.ActiveWorkbook.sheet('台账'), app.ActiveWorkbook.sheet('台账').Range('B2'));
    expect(calls).toBe(1);
    expect((await host.read()).map((x) => x.sheet)).toEqual(['台账', '其他']);
  });

  test('no workbook open: a message in Chinese, not a crash', async () => {
    const app = new FakeEtApp(() => []);
    (app as { ActiveWorkbook: unknown }).ActiveWorkbook = null;
    await expect(wpsExcelHost(new FakeWps(), app).read()).rejects.toThrow('没有打开的工作簿');
  });
});

describe('设置 kept with the workbook (the hidden store; WPS has no Office document settings)', () => {
  test('saved (记住列对应 too), read back after the workbook is reopened; saving the defaults removes the entry; the marks kept beside it still clear', async () => {
    const g = ledgerGrid(rows({}));
    const app = new FakeEtApp((wb) => [FakeEtSheet.fill(wb, '台账', g.values)]);
    const host = wpsExcelHost(new FakeWps(), app);
    expect(host.settings!.load()).toEqual({ file: null, problem: null });
    const findings: Finding[] = [{ rule: 'reply.overdue', severity: 'error', sheet: '台账', cell: 'B3', row: 3, message: '超期', fix: '催办' } as unknown as Finding];
    markWorkbook(app.ActiveWorkbook, findings);
    await host.settings!.save({ deadlineMonths: { 市政协提案: 5 }, praisedUnits: ['市财政局'], columns: { 类别: '', 答复日期: '办结时间' } });
    const reopened = app.reopen();
    const again = wpsExcelHost(new FakeWps(), reopened);
    expect(again.settings!.load()).toEqual({ file: { deadlineMonths: { 市政协提案: 5 }, praisedUnits: ['市财政局'], columns: { 类别: '', 答复日期: '办结时间' } }, problem: null });
    // The store sheet is never read as data, and the marks kept beside the settings still clear.
    expect((await again.read()).map((x) => x.sheet)).toEqual(['台账']);
    expect(clearWorkbook(reopened.ActiveWorkbook).restored).toBe(1);
    await again.settings!.save(defaultSettings()); // 恢复默认, then 保存
    expect(wpsExcelHost(new FakeWps(), reopened.reopen()).settings!.load()).toEqual({ file: null, problem: null });
  });

  test('a stored value that is not valid settings is reported, not used, not crashed on', async () => {
    const g = ledgerGrid(rows({}));
    const app = new FakeEtApp((wb) => [FakeEtSheet.fill(wb, '台账', g.values), FakeEtSheet.fill(wb, STORE_SHEET, [[CONFIG_KEY, 'j{"deadlineMonths": "三个月"}']])]);
    const r = wpsExcelHost(new FakeWps(), app).settings!.load();
    expect(r.file).toBeNull();
    expect(r.problem).toMatch(/工作簿中保存的设置有 1 处问题，没有使用.*deadlineMonths/);
  });
});

test('hidden sheets are reported as hidden, whatever form Visible takes', () => {
  const app = new FakeEtApp((wb) => [new FakeEtSheet(wb, 'a', -1), new FakeEtSheet(wb, 'b', 0), new FakeEtSheet(wb, 'c', 2), new FakeEtSheet(wb, 'd', true as unknown as number)]);
  expect(readWorkbook(app.ActiveWorkbook).map((g) => g.hidden)).toEqual([false, true, true, false]);
});

test('an empty sheet reads as no rows', () => {
  const app = new FakeEtApp((wb) => [new FakeEtSheet(wb, '空')]);
  expect(readWorkbook(app.ActiveWorkbook)[0].values).toEqual([]);
  expect(XL_NONE).toBe(-4142);
});
