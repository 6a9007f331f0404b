/**
 * Excel's request-size limits, against the mock's request-size counter (tests/helpers/excelMock.ts: every object
 * path, action and argument counted as office.js serializes it; over 5 MB a sync fails as on Excel on the web).
 * 40,000 marked cells: every sync under 1 MB, the number of syncs in proportion to N / chunk; clearing likewise;
 * long-text rows read in blocks under 1 MB; a used range over 5,000,000 cells refused, naming the sheet.
 */
import { BanliError, Finding, columnLetter } from '../../src/core';
import { REQUEST_LIMIT } from '../../src/excel/budget';
import { MARK_FILL, MARKS_SETTING, MAX_SAVED_CHARS, clearMarks, markFindings, packSaved } from '../../src/excel/marks';
import { readGrids } from '../../src/excel/read';
import { ExcelCapabilities } from '../../src/excel/requirements';
import { FakeExcel, FakeSheet, WEB_PAYLOAD_LIMIT, installExcelGlobals } from '../helpers/excelMock';

beforeAll(() => installExcelGlobals());

const ALL: ExcelCapabilities = { basic: true, changeEvents: true, fillPattern: true, areas: true, notes: true };
const NO_AREAS: ExcelCapabilities = { ...ALL, areas: false };

/** n findings on distinct cells of sheet 台账 (rows 2…, columns B…K), alternating severity, with Chinese text. */
function findings(n: number): Finding[] {
  return Array.from({ length: n }, (_, k) => {
    const row = 2 + Math.floor(k / 10);
    const col = 2 + (k % 10);
    return {
      rule: 'reply.overdue',
      severity: k % 3 === 0 ? 'error' : 'warning',
      sheet: '台账',
      row,
      col,
      column: '答复时间',
      cell: `台账!${columnLetter(col)}${row}`,
      value: null,
      message: `办理期限 2021-06-26 已过，尚未答复（第 ${k + 1} 件）`,
      suggestion: '请督促承办单位尽快答复',
      unit: '市交通局',
    } as Finding;
  });
}

function workbook(): FakeExcel {
  const fake = new FakeExcel([FakeSheet.from('台账', [['序号', '答复时间']])]);
  // A few cells with the clerk's own fill and note, which must come back exactly.
  fake.sheet('台账').fills.set('B2', { color: '#00B0F0', pattern: 'Solid' });
  fake.sheet('台账').fills.set('C500', { color: '#92D050', pattern: 'Solid' });
  fake.notes.set("'台账'!D3", '待核实：电话联系过');
  return fake;
}

test('the counter is real: the old one-request marking of 5,000 cells fails as Excel on the web would', async () => {
  const fake = new FakeExcel([FakeSheet.from('台账', [['序号', '答复时间']])]);
  const ctx = fake.context();
  const wb = ctx.workbook;
  for (const f of findings(5000)) {
    const cell = f.cell!.split('!')[1];
    const range = wb.worksheets.getItem(f.sheet).getRange(cell);
    range.format.fill.load('color,pattern');
    wb.notes.getItemOrNullObject(`'${f.sheet}'!${cell}`).load('content');
    range.format.fill.color = MARK_FILL[f.severity];
    wb.notes.add(`'${f.sheet}'!${cell}`, `办理助手：\n${f.rule}：${f.message} 建议：${f.suggestion}`);
  }
  const error = await ctx.sync().catch((e) => e);
  process.stdout.write(`5,000 cells in one request: ${fake.maxRequestBytes} bytes\n`);
  expect(error).toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
  expect(fake.maxRequestBytes).toBeGreaterThan(WEB_PAYLOAD_LIMIT);
});

describe.each([
  ['with areas and notes (ExcelApi 1.18)', ALL],
  ['one range per cell (ExcelApi 1.4–1.8)', { ...NO_AREAS, fillPattern: false, notes: false }],
])('40,000 marked cells, %s', (_name, caps) => {
  test('every sync under 1 MB; syncs grow as N / chunk; clearing restores exactly', async () => {
    const small = workbook();
    await markFindings(small.context(), findings(4000), caps);
    const smallSyncs = small.syncs;

    const fake = workbook();
    const fillsBefore = new Map(fake.sheet('台账').fills);
    const notesBefore = new Map(fake.notes);
    const r = await markFindings(fake.context(), findings(40000), caps);
    expect(r.marked).toBe(40000);
    expect(fake.maxRequestBytes).toBeLessThan(REQUEST_LIMIT);
    expect(fake.maxResponseBytes).toBeLessThan(REQUEST_LIMIT);
    expect(Math.max(...fake.requestSizes)).toBe(fake.maxRequestBytes);
    // O(N / chunk): ten times the cells, about ten times the chunks (plus the few fixed syncs), far fewer than N.
    expect(fake.syncs).toBeLessThanOrEqual(10 * smallSyncs);
    expect(fake.syncs).toBeLessThan(40000 / 100);
    expect(fake.sheet('台账').fills.get('B2')!.color).toBe(MARK_FILL.error);
    if (caps.notes) expect(fake.noteAt('台账', 'D3')).toMatch(/^待核实：电话联系过\n\n办理助手：/);
    process.stdout.write(`40,000 cells ${_name}: ${fake.syncs} syncs (4,000: ${smallSyncs}), largest request ${fake.maxRequestBytes} bytes\n`);

    fake.syncs = 0;
    fake.maxRequestBytes = 0;
    fake.maxResponseBytes = 0;
    const cleared = await clearMarks(fake.context(), caps);
    expect(cleared.restored).toBe(40000);
    expect(fake.maxRequestBytes).toBeLessThan(REQUEST_LIMIT);
    expect(fake.maxResponseBytes).toBeLessThan(REQUEST_LIMIT);
    expect(fake.syncs).toBeLessThan(40000 / 100);
    expect(new Map(fake.sheet('台账').fills)).toEqual(fillsBefore);
    expect(fake.notes).toEqual(notesBefore);
    expect([...fake.settings.keys()].filter((k) => k.startsWith(MARKS_SETTING))).toEqual([]);
  }, 120000);
});

test('the saved originals are compact (cells with the same original grouped) and past the cap marking is refused before any change', async () => {
  const many = findings(40000).map((f) => ({ sheet: f.sheet, cell: f.cell!.split('!')[1], fill: null, note: null }));
  expect(packSaved(many).length).toBeLessThan(40000 * 8);
  const fake = workbook();
  // Every cell with its own note: each original differs, so the saved text grows past the cap.
  const sheet = fake.sheet('台账');
  const big = findings(40000);
  for (const f of big) fake.notes.set(`'台账'!${f.cell!.split('!')[1]}`, `这是办理人员自己写的批注，内容较长，用来说明这件建议的特殊情况（${f.cell}）。`);
  const notesBefore = new Map(fake.notes);
  const error = await markFindings(fake.context(), big, ALL).catch((e) => e);
  expect(error).toBeInstanceOf(BanliError);
  expect((error as BanliError).message).toMatch(/单元格太多（40000 个）.*超过上限.*工作簿没有改动/);
  expect(MAX_SAVED_CHARS).toBe(1_000_000);
  expect(sheet.fills.get('E9')).toBeUndefined();
  expect(fake.notes).toEqual(notesBefore);
  expect(fake.maxRequestBytes).toBeLessThan(REQUEST_LIMIT);
}, 120000);

test('rows of long text are read in blocks under 1 MB (a block sized by rows alone would pass 5 MB)', async () => {
  const text = '关于加快推进城市老旧小区改造和加装电梯工作的建议'.repeat(12); // 288 characters
  const rows = [['序号', '标题', '答复内容', '意见', '备注']];
  for (let r = 1; r <= 3000; r++) rows.push([String(r), text, text, text, text]);
  const fake = new FakeExcel([FakeSheet.from('台账', rows)]);
  const grids = await readGrids(fake.context());
  expect(grids[0].values).toHaveLength(3001);
  expect(grids[0].values[3000][4]).toBe(text);
  expect(fake.maxResponseBytes).toBeLessThan(REQUEST_LIMIT);
  expect(fake.syncs).toBeGreaterThan(10); // ≈ 10 MB of text
});

test('a used range over 5,000,000 cells is refused, naming the sheet and what to do', async () => {
  const huge = new FakeSheet('导入数据');
  huge.cells.set('A1', '序号');
  huge.cells.set('AZ100000', 'x'); // 52 columns × 100,000 rows = 5,200,000 cells
  const fake = new FakeExcel([FakeSheet.from('台账', [['序号']]), huge]);
  const error = await readGrids(fake.context()).catch((e) => e);
  expect(error).toBeInstanceOf(BanliError);
  expect((error as BanliError).message).toMatch(/工作表“导入数据”的已用区域有 5,200,000 个单元格.*超过 5,000,000 个.*Ctrl\+End/);
  expect(fake.syncs).toBe(2);
});
