/** The Excel adapter against office-addin-mock objects over a fake workbook: data, marks and sync counts. */
import * as path from 'path';
import { CellValue, Finding, analyse, dayToSerial, parseDay } from '../../src/core';
import { BLOCK_ROWS, readGrids } from '../../src/excel/read';
import { MARKS_SETTING, clearMarks, markFindings, selectCell, unpackSaved } from '../../src/excel/marks';
import { CHUNK_TARGET, REQUEST_LIMIT } from '../../src/excel/budget';
import { SUMMARY_SHEET, summarySheetName, writeSummarySheet } from '../../src/excel/summarySheet';
import { ExcelCapabilities, capabilityNotes, excelCapabilities } from '../../src/excel/requirements';
import { readWorkbookFile } from '../../src/node/workbook';
import { FakeExcel, FakeSheet, installExcelGlobals, sentBytes } from '../helpers/excelMock';
import { ledgerGrid, rows, unitGrid } from '../helpers/ledger';

const ALL: ExcelCapabilities = { basic: true, changeEvents: true, fillPattern: true, areas: true, notes: true };
const AS_OF = '2021-07-19';

/** As Excel hands them over: dates are serial numbers. */
function asExcel(values: CellValue[][]): CellValue[][] {
  return values.map((r) => r.map((v) => (v instanceof Date ? dayToSerial((parseDay(v) as { day: string }).day) : v)));
}

async function sampleWorkbook(): Promise<FakeExcel> {
  const grids = await readWorkbookFile(path.join(__dirname, '../../samples/ledger-2021.xlsx'));
  return new FakeExcel(grids.map((g) => FakeSheet.from(g.sheet, asExcel(g.values), g.top, g.left)));
}

beforeAll(() => installExcelGlobals());

describe('reading the open workbook', () => {
  test('the sample: the circular’s totals; a first block of 200 rows measures, the rest comes in one more', async () => {
    const fake = await sampleWorkbook();
    const progress: number[] = [];
    const grids = await readGrids(fake.context(), (p) => progress.push(p.block));
    expect(fake.syncs).toBe(2 + 2);
    expect(progress).toEqual([1, 2]);
    expect(fake.maxResponseBytes).toBeLessThan(REQUEST_LIMIT);
    const a = analyse(grids, { asOf: AS_OF });
    expect(a.totals).toMatchObject({ total: 1388, provincial: 81, municipalNpc: 468, municipalNpcInterSession: 14, municipalCppcc: 839, keyNpc: 20, keyCppcc: 8 });
    expect(a.ruleCounts['reply.late']).toBe(10);
    expect(a.findings.find((f) => f.rule === 'reply.overdue')!.cell).toMatch(/^台账!K\d+$/);
  });

  test('12,000 rows are read in blocks sized by bytes: every response under 1 MB, syncs in proportion to the bytes', async () => {
    const specs = Array.from({ length: 12000 - 1 }, (_, i) => ({ ...rows({})[0], 序号: i + 1, 编号: i + 1 }));
    const g = ledgerGrid(specs);
    const fake = new FakeExcel([FakeSheet.from('台账', g.values), FakeSheet.from('承办单位', unitGrid().values)]);
    const grids = await readGrids(fake.context());
    const bytes = sentBytes(g.values);
    expect(fake.maxResponseBytes).toBeLessThan(REQUEST_LIMIT);
    // The estimate counts a CJK character as a 6-byte escape, at most twice its 3 bytes of UTF-8, with a 25% margin.
    expect(fake.syncs).toBeLessThanOrEqual(2 + 2 + Math.ceil((2 * 1.25 * bytes) / CHUNK_TARGET));
    expect(fake.syncs).toBeGreaterThan(4);
    expect(fake.maxCellsPerSync).toBeLessThanOrEqual((BLOCK_ROWS + 6) * 17);
    expect(analyse(grids, { asOf: AS_OF }).totals.total).toBe(11999);
  });

  test('a used range that does not start at A1 keeps worksheet addresses', async () => {
    const g = ledgerGrid(rows({ 是否面商: '否' }));
    const fake = new FakeExcel([FakeSheet.from('台账', g.values, 4, 2)]);
    const a = analyse(await readGrids(fake.context()), { asOf: AS_OF });
    expect(a.ledger.headerRow).toBe(4);
    expect(a.findings.find((f) => f.rule === 'contact.no-face-to-face')!.cell).toBe('台账!N5');
  });
});

describe('marking and clearing', () => {
  let fake: FakeExcel;
  let findings: Finding[];
  const values = (f: FakeExcel) => JSON.stringify(f.sheets.map((s) => [...s.cells.entries()]));

  beforeEach(async () => {
    const g = ledgerGrid(rows({}, { 是否面商: '否' }, { 答复类别: 'E', 解决程度: '' }, { 是否面商: '否', 代表委员意见: '' }));
    fake = new FakeExcel([FakeSheet.from('台账', g.values), FakeSheet.from('承办单位', unitGrid([['市交通局', '', '是']]).values)]);
    // The clerk's own formatting and note on a cell Banli will mark.
    fake.sheet('台账').fills.set('M3', { color: '#00B0F0', pattern: 'Solid' });
    fake.notes.set("'台账'!M3", '待核实：电话联系过');
    findings = analyse(await readGrids(fake.context()), { asOf: AS_OF }).findings;
    fake.syncs = 0;
  });

  test('标记问题: fills by severity and notes naming the rule, in 4 syncs for a few cells; values untouched', async () => {
    const before = values(fake);
    const r = await markFindings(fake.context(), findings, ALL);
    expect(fake.syncs).toBe(4); // what was saved, the cells as they are, the marks, the originals saved
    expect(r).toMatchObject({ marked: 4, restored: 0, notes: true });
    const s = fake.sheet('台账');
    expect(s.fills.get('L4')).toEqual({ color: '#FFC7CE', pattern: 'Solid' }); // category E: error
    expect(s.fills.get('M3')!.color).toBe('#FFEB9C'); // no face to face: warning
    expect(fake.noteAt('台账', 'L4')).toMatch(/^办理助手：\n【错误】答复类别不在规定范围内：答复类别“E”/);
    expect(fake.noteAt('台账', 'M3')).toMatch(/^待核实：电话联系过\n\n办理助手：\n【警告】未当面会商答复/);
    expect(values(fake)).toBe(before);
    expect(unpackSaved(fake.settings.get(MARKS_SETTING)!)).toHaveLength(4);
    expect(fake.areaCalls).toBeGreaterThan(0); // one range of areas per severity
  });

  test('清除标记 restores exactly what was there, also after the workbook was saved and reopened', async () => {
    const fillsBefore = new Map(fake.sheet('台账').fills);
    const notesBefore = new Map(fake.notes);
    await markFindings(fake.context(), findings, ALL);
    // "Reopen": a new session on the same document (settings travel with the file).
    const reopened = new FakeExcel(fake.sheets);
    reopened.notes = fake.notes;
    reopened.settings = new Map(fake.settings);
    const r = await clearMarks(reopened.context(), ALL);
    expect(r.restored).toBe(4);
    expect(reopened.syncs).toBe(4); // what was saved, the notes, the restore, the settings removed
    expect(new Map(reopened.sheet('台账').fills)).toEqual(fillsBefore);
    expect(reopened.notes).toEqual(notesBefore);
    expect(reopened.settings.has(MARKS_SETTING)).toBe(false);
  });

  test('a note the clerk deleted meanwhile is not an error', async () => {
    await markFindings(fake.context(), findings, ALL);
    fake.notes.delete("'台账'!L4");
    await expect(clearMarks(fake.context(), ALL)).resolves.toEqual({ restored: 4 });
    expect(fake.notes.get("'台账'!M3")).toBe('待核实：电话联系过');
  });

  test('marking again keeps the first originals and puts back cells that no longer have a finding', async () => {
    await markFindings(fake.context(), findings, ALL);
    fake.syncs = 0;
    const fewer = findings.filter((f) => f.cell !== '台账!L4');
    const r = await markFindings(fake.context(), fewer, ALL);
    expect(r.restored).toBe(1);
    expect(fake.syncs).toBe(6);
    expect(fake.sheet('台账').fills.has('L4')).toBe(false);
    expect(fake.noteAt('台账', 'L4')).toBeUndefined();
    await clearMarks(fake.context(), ALL);
    expect(fake.sheet('台账').fills.get('M3')).toEqual({ color: '#00B0F0', pattern: 'Solid' });
    expect(fake.noteAt('台账', 'M3')).toBe('待核实：电话联系过');
  });

  test('an older Excel without notes (ExcelApi < 1.18) gets fills only, and says so', async () => {
    const caps = { ...ALL, notes: false };
    await markFindings(fake.context(), findings, caps);
    expect(fake.noteAt('台账', 'L4')).toBeUndefined();
    expect(fake.sheet('台账').fills.get('L4')!.color).toBe('#FFC7CE');
    expect(capabilityNotes(caps).join()).toMatch(/不能加批注/);
    await clearMarks(fake.context(), caps);
    expect(fake.sheet('台账').fills.has('L4')).toBe(false);
  });

  test('requirement sets are checked at run time', () => {
    const upTo18 = ['1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7', '1.8'];
    const caps = excelCapabilities((name, v) => name === 'ExcelApi' && upTo18.includes(v));
    expect(caps).toEqual({ basic: true, changeEvents: true, fillPattern: false, areas: false, notes: false });
    expect(capabilityNotes(excelCapabilities(() => false))[0]).toMatch(/较旧/);
  });

  test('a click on a finding selects its cell: one sync', async () => {
    await selectCell(fake.context(), '台账', 'L4');
    expect(fake.syncs).toBe(1);
    expect(fake.selected).toBe('台账!L4');
    expect(fake.active).toBe('台账');
  });
});

describe('生成统计表', () => {
  test('writes the summary sheet with tables and two native charts in 2 syncs; replaces it the next time', async () => {
    const fake = await sampleWorkbook();
    const a = analyse(await readGrids(fake.context()), { asOf: AS_OF });
    fake.syncs = 0;
    await writeSummarySheet(fake.context(), a, AS_OF);
    expect(fake.syncs).toBe(2);
    const s = fake.sheet(SUMMARY_SHEET);
    expect(s.cells.get('A1')).toBe('建议提案办理情况统计（截至 2021-07-19，共 1388 件）');
    expect([s.cells.get('A4'), s.cells.get('B4')]).toEqual(['省人大建议', 45]);
    expect([s.cells.get('A6'), s.cells.get('B6')]).toEqual(['市人大建议（含闭会建议）', 468]);
    expect([s.cells.get('A7'), s.cells.get('B7')]).toEqual(['市政协提案', 839]);
    const cells = [...s.cells.values()].map(String);
    expect(cells).toContain('98.6%');
    expect(cells).toContain('98.6%（1369/1388）');
    expect(cells).toContain('市农委');
    expect(s.charts.map((c) => c.title)).toEqual(['各来源件数', '各承办单位按期办复率（%）']);
    await writeSummarySheet(fake.context(), a, AS_OF);
    expect(fake.sheets.filter((x) => x.name === SUMMARY_SHEET)).toHaveLength(1);
  });

  test('a sheet of the clerk’s own called 办理统计 is never replaced', async () => {
    const g = ledgerGrid(rows({}));
    const own = FakeSheet.from(SUMMARY_SHEET, [['我自己的统计'], [42]]);
    const fake = new FakeExcel([FakeSheet.from('台账', g.values), own]);
    const a = analyse(await readGrids(fake.context()), { asOf: AS_OF });
    fake.syncs = 0;
    expect(await writeSummarySheet(fake.context(), a, AS_OF)).toBe('办理统计（2）');
    expect(fake.syncs).toBe(2);
    expect(fake.sheet(SUMMARY_SHEET).cells.get('A1')).toBe('我自己的统计');
    // The next time, Banli's own sheet is the one replaced.
    expect(await writeSummarySheet(fake.context(), a, AS_OF)).toBe('办理统计（2）');
    expect(fake.sheets.map((x) => x.name)).toEqual(['台账', SUMMARY_SHEET, '办理统计（2）']);
    expect(summarySheetName(['办理统计', '办理统计（2）'], null)).toEqual({ name: '办理统计（3）', replace: false });
  });

  test('a unit whose name looks like a formula is written as text', async () => {
    const g = ledgerGrid(rows({ 主办单位: '=1+1' }));
    const fake = new FakeExcel([FakeSheet.from('台账', g.values)]);
    const a = analyse(await readGrids(fake.context()), { asOf: AS_OF });
    await writeSummarySheet(fake.context(), a, AS_OF);
    expect([...fake.sheet(SUMMARY_SHEET).cells.values()]).toContain("'=1+1");
  });
});
