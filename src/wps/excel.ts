/**
 * The ExcelHost for WPS 表格, over its synchronous object model (the VBA one: Range.Value2, Interior, comments,
 * ChartObjects). What Banli must remember inside the workbook (what each marked cell looked like, which summary
 * sheet it made) goes into a very hidden sheet, because WPS's PluginStorage is not saved with the file: 清除标记
 * works after the workbook was saved and reopened, also on another machine.
 */
import { Analysis, CellValue, DEFAULT_CONFIG, Finding, Grid, Severity, columnLetter, findHeader, markTargets, serialToDay } from '../core';
import { ExcelHost } from '../excel/host';
import { BLOCK_ROWS } from '../excel/read';
import { MarkResult } from '../excel/marks';
import { ExcelCapabilities } from '../excel/requirements';
import type { ConfigStore } from '../config/documentStore';
import { STORE_SHEET, WPS_CONFIG_KEY } from '../config/stored';
import { loadStored, storedText } from '../config/documentStore';
import { summaryRows, summarySheetName } from '../excel/summarySheet';
import { EtApplication, EtRange, EtWorkbook, EtWorksheet, WpsGlobal } from './types';

/** The very hidden sheet where Banli keeps its records (never read as data, never shown). */
export { STORE_SHEET };
export const MARKS_KEY = 'banli.marks.v1';
export const SUMMARY_KEY = 'banli.summarySheet.v1';
/** 设置 (banli.config.json's content), kept with the workbook like the marks. */
export const CONFIG_KEY = WPS_CONFIG_KEY;
/** Characters per cell (a cell holds at most 32,767). */
const CHUNK = 30000;

export const XL_NONE = -4142;
const XL_SHEET_VERY_HIDDEN = 2;
const XL_COLUMN_CLUSTERED = 51;
const XL_BAR_CLUSTERED = 57;
const XL_COLUMNS = 2;

/** '#FFC7CE' → 0xCEC7FF: the object model's colours are BGR numbers. */
export function bgr(hex: string): number {
  const n = parseInt(hex.replace('#', ''), 16);
  return ((n & 0xff) << 16) | (n & 0xff00) | ((n >> 16) & 0xff);
}

export const WPS_MARK_FILL: Record<Severity, number> = { error: bgr('#FFC7CE'), warning: bgr('#FFEB9C') };

export interface WpsSavedMark {
  sheet: string;
  cell: string;
  /** null: the cell had no fill. */
  fill: { color: number; pattern: number } | null;
  /** null: the cell had no comment. */
  note: string | null;
}

const NOTE_HEAD = '办理助手：';



// ---- the hidden store ----

function sheets(wb: EtWorkbook): EtWorksheet[] {
  const out: EtWorksheet[] = [];
  for (let i = 1; i <= wb.Worksheets.Count; i++) out.push(wb.Worksheets.Item(i));
  return out;
}

function storeSheet(wb: EtWorkbook, create: boolean): EtWorksheet | null {
  const found = sheets(wb).find((s) => s.Name === STORE_SHEET);
  if (found || !create) return found ?? null;
  const all = sheets(wb);
  const ws = wb.Worksheets.Add(undefined, all[all.length - 1]);
  ws.Name = STORE_SHEET;
  ws.Visible = XL_SHEET_VERY_HIDDEN;
  return ws;
}

/** The store is rows of [key, chunk, chunk …]; each chunk carries a leading "j" so no text can start a formula. */
function readStore(wb: EtWorkbook): Map<string, string> {
  const out = new Map<string, string>();
  const ws = storeSheet(wb, false);
  if (!ws) return out;
  for (const row of matrix(ws.UsedRange.Value2)) {
    const key = row[0];
    if (typeof key !== 'string' || !key) continue;
    out.set(key, row.slice(1).map((c) => (typeof c === 'string' ? c.slice(1) : '')).join(''));
  }
  return out;
}

function writeStore(wb: EtWorkbook, entries: Map<string, string>): void {
  const ws = storeSheet(wb, entries.size > 0);
  if (!ws) return;
  const old = ws.UsedRange;
  const rows: CellValue[][] = [...entries].map(([k, v]) => {
    const chunks: string[] = [];
    for (let i = 0; i < v.length; i += CHUNK) chunks.push(`j${v.slice(i, i + CHUNK)}`);
    return [k, ...(chunks.length ? chunks : ['j'])];
  });
  const width = Math.max(old.Columns.Count + old.Column - 1, ...rows.map((r) => r.length));
  const height = Math.max(old.Rows.Count + old.Row - 1, rows.length, 1);
  // Every cell the store ever used is rewritten, so no stale chunk survives.
  const full = Array.from({ length: height }, (_, r) => Array.from({ length: width }, (_, c) => rows[r]?.[c] ?? ''));
  ws.Range(`A1:${columnLetter(width)}${height}`).Value2 = full;
}

function parseMarks(text: string | undefined): WpsSavedMark[] {
  if (!text) return [];
  try {
    const parsed = JSON.parse(text) as { marks?: WpsSavedMark[] };
    return Array.isArray(parsed.marks) ? parsed.marks : [];
  } catch {
    return [];
  }
}

// ---- reading ----

/** Value2 of a range as rows: a scalar for one cell, rows of columns for more. */
export function matrix(v: unknown): unknown[][] {
  if (Array.isArray(v)) return v.map((r) => (Array.isArray(r) ? r : [r]));
  return v === undefined || v === null || v === '' ? [] : [[v]];
}

function plain(v: unknown): CellValue {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return String(v);
}

/** Serial 1462 days apart: the 1904 date system's serial s is the 1900 system's s + 1462. */
export const DAYS_1904 = 1462;
const DATE_FIELDS = ['assignDate', 'deadline', 'replyDate'] as const;

/**
 * A workbook in the 1904 date system hands over its dates as 1904 serials. The header row tells which columns
 * hold dates; their numbers below it become days (core's serialToDay on the 1900 serial). Other numbers stay.
 */
export function apply1904(grid: Grid): Grid {
  const h = findHeader(grid, DEFAULT_CONFIG);
  if (!h) return grid;
  const cols = DATE_FIELDS.map((f) => h.columns[f]?.col).filter((c): c is number => c !== undefined).map((c) => c - grid.left);
  const values = grid.values.map((row, i) =>
    i <= h.headerIndex ? row : row.map((v, c) => (typeof v === 'number' && cols.includes(c) ? (serialToDay(v + DAYS_1904) ?? v) : v)),
  );
  return { ...grid, values };
}

/**
 * Every sheet's used range, in blocks of at most BLOCK_ROWS rows (one Value2 each), as the Office adapter reads:
 * the pane's progress counts blocks, and no single call hands over an unbounded array.
 */
export function readWorkbook(wb: EtWorkbook, onProgress?: (p: { block: number; blocks: number }) => void): Grid[] {
  const date1904 = Boolean(wb.Date1904);
  const list = sheets(wb)
    .filter((s) => s.Name !== STORE_SHEET)
    .map((ws) => {
      const used = ws.UsedRange;
      return { ws, top: used.Row, left: used.Column, rows: used.Rows.Count, columns: used.Columns.Count };
    });
  const blocks = list.reduce((n, s) => n + Math.ceil(s.rows / BLOCK_ROWS), 0);
  let block = 0;
  return list.map(({ ws, top, left, rows, columns }) => {
    const values: CellValue[][] = [];
    for (let first = top; first < top + rows; first += BLOCK_ROWS) {
      onProgress?.({ block: ++block, blocks });
      const last = Math.min(top + rows - 1, first + BLOCK_ROWS - 1);
      const range = ws.Range(`${columnLetter(left)}${first}:${columnLetter(left + columns - 1)}${last}`);
      for (const r of matrix(range.Value2)) values.push(r.map(plain));
    }
    // Trailing empty rows of an empty sheet (used range A1 with nothing in it) are not data.
    while (values.length && values[values.length - 1].every((v) => v === null)) values.pop();
    // Visible: xlSheetVisible (-1, or true in some builds), xlSheetHidden (0), xlSheetVeryHidden (2).
    const hidden = ws.Visible === 0 || ws.Visible === XL_SHEET_VERY_HIDDEN || (ws.Visible as unknown) === false;
    const grid: Grid = { sheet: ws.Name, values, top, left, hidden };
    return date1904 ? apply1904(grid) : grid;
  });
}

// ---- marks ----

function cellOf(wb: EtWorkbook, sheet: string, cell: string): EtRange {
  return wb.Worksheets.Item(sheet).Range(cell);
}

function original(range: EtRange): WpsSavedMark['fill'] {
  const i = range.Interior;
  return i.ColorIndex === XL_NONE ? null : { color: i.Color, pattern: i.Pattern };
}

function restoreCell(wb: EtWorkbook, m: WpsSavedMark): void {
  let range: EtRange;
  try {
    range = cellOf(wb, m.sheet, m.cell);
  } catch {
    return; // the sheet is gone: nothing to put back
  }
  if (m.fill === null) range.Interior.ColorIndex = XL_NONE;
  else {
    range.Interior.Color = m.fill.color;
    range.Interior.Pattern = m.fill.pattern;
  }
  const comment = range.Comment;
  if (m.note === null) {
    if (comment) range.ClearComments();
  } else if (comment) comment.Text(m.note);
  else range.AddComment(m.note);
}

export function markWorkbook(wb: EtWorkbook, findings: Finding[]): MarkResult {
  const store = readStore(wb);
  const saved = new Map(parseMarks(store.get(MARKS_KEY)).map((m) => [`${m.sheet}!${m.cell}`, m]));
  const list = markTargets(findings);
  const wanted = new Set(list.map((t) => `${t.sheet}!${t.cell}`));
  const stale = [...saved.values()].filter((m) => !wanted.has(`${m.sheet}!${m.cell}`));
  stale.forEach((m) => restoreCell(wb, m));
  const next: WpsSavedMark[] = [];
  for (const t of list) {
    const range = cellOf(wb, t.sheet, t.cell);
    const comment = range.Comment;
    // A cell marked before keeps what it looked like before the first mark.
    const before = saved.get(`${t.sheet}!${t.cell}`) ?? { sheet: t.sheet, cell: t.cell, fill: original(range), note: comment ? comment.Text() : null };
    next.push(before);
    range.Interior.Color = WPS_MARK_FILL[t.severity];
    const ours = `${NOTE_HEAD}\n${t.text.join('\n')}`;
    const content = before.note ? `${before.note}\n\n${ours}` : ours;
    if (comment) comment.Text(content);
    else range.AddComment(content);
  }
  store.set(MARKS_KEY, JSON.stringify({ marks: next }));
  writeStore(wb, store);
  return { marked: next.length, restored: stale.length, notes: true };
}

export function clearWorkbook(wb: EtWorkbook): { restored: number } {
  const store = readStore(wb);
  const saved = parseMarks(store.get(MARKS_KEY));
  if (!saved.length) return { restored: 0 };
  saved.forEach((m) => restoreCell(wb, m));
  store.delete(MARKS_KEY);
  writeStore(wb, store);
  return { restored: saved.length };
}

// ---- the summary sheet ----

function put(ws: EtWorksheet, top: number, rows: Array<Array<string | number>>): string {
  const addr = `A${top}:${columnLetter(rows[0].length)}${top + rows.length - 1}`;
  ws.Range(addr).Value2 = rows;
  ws.Range(`A${top}:${columnLetter(rows[0].length)}${top}`).Font.Bold = true;
  return addr;
}

function chart(ws: EtWorksheet, source: EtRange, type: number, title: string, at: EtRange, height: number): void {
  const c = ws.ChartObjects().Add(at.Left, at.Top, 420, height).Chart;
  c.ChartType = type;
  c.SetSourceData(source, XL_COLUMNS);
  c.HasTitle = true;
  c.ChartTitle.Text = title;
  c.HasLegend = false;
}

export function writeSummary(app: EtApplication, wb: EtWorkbook, a: Analysis, asOf: string): string {
  const store = readStore(wb);
  const existing = sheets(wb).map((s) => s.Name);
  const target = summarySheetName(existing, store.get(SUMMARY_KEY) ?? null);
  const all = sheets(wb).filter((s) => s.Name !== STORE_SHEET);
  if (target.replace) {
    const alerts = app.DisplayAlerts;
    app.DisplayAlerts = false; // deleting a sheet asks otherwise
    try {
      wb.Worksheets.Item(target.name).Delete();
    } finally {
      app.DisplayAlerts = alerts;
    }
  }
  const last = all.filter((s) => s.Name !== target.name);
  const ws = wb.Worksheets.Add(undefined, last[last.length - 1]);
  ws.Name = target.name;
  store.set(SUMMARY_KEY, target.name);
  writeStore(wb, store);

  const { title, sources, rates, units } = summaryRows(a, asOf);
  ws.Range('A1').Value2 = title;
  ws.Range('A1').Font.Bold = true;
  ws.Range('A1').Font.Size = 14;
  const srcAddr = put(ws, 3, sources);
  const ratesTop = 3 + sources.length + 1;
  put(ws, ratesTop, rates);
  const unitsTop = ratesTop + rates.length + 1;
  put(ws, unitsTop, units);
  ws.Range('A1').ColumnWidth = 24;
  chart(ws, ws.Range(srcAddr), XL_COLUMN_CLUSTERED, '各来源件数', ws.Range('J3'), 220);
  chart(ws, ws.Range(`A${unitsTop}:B${unitsTop + units.length - 1}`), XL_BAR_CLUSTERED, '各承办单位按期办复率（%）', ws.Range('J20'), Math.max(240, units.length * 14));
  ws.Activate();
  return target.name;
}

// ---- the host ----

export const WPS_EXCEL_CAPABILITIES: ExcelCapabilities = { basic: true, changeEvents: true, fillPattern: true, notes: true, documentSettings: true };

/**
 * 设置 kept in the workbook's hidden store (WPS has no Office document settings; its PluginStorage is not saved with
 * the file). Written only on 保存; the defaults remove the entry. A stored value that is not valid is reported.
 */
export function wpsConfigStore(app: EtApplication): ConfigStore {
  return {
    load: () =>
      loadStored(() => {
        const wb = app.ActiveWorkbook;
        return wb ? readStore(wb).get(CONFIG_KEY) : null;
      }, '工作簿'),
    async save(file) {
      const wb = workbookOf(app);
      const entries = readStore(wb);
      const text = storedText(file);
      if (text === null) entries.delete(CONFIG_KEY);
      else entries.set(CONFIG_KEY, text);
      writeStore(wb, entries);
    },
  };
}

function workbookOf(app: EtApplication): EtWorkbook {
  const wb = app.ActiveWorkbook;
  if (!wb) throw new Error('没有打开的工作簿：请先在 WPS 表格中打开台账。');
  return wb;
}

function nameOf(sheet: unknown): string | null {
  return sheet && typeof sheet === 'object' && typeof (sheet as { Name?: unknown }).Name === 'string' ? (sheet as { Name: string }).Name : null;
}

/** The ExcelHost over WPS 表格. `wps` is the add-in's global (events); `app` its Application. */
export function wpsExcelHost(wps: WpsGlobal, app: EtApplication): ExcelHost {
  return {
    product: 'wps',
    capabilities: WPS_EXCEL_CAPABILITIES,
    settings: wpsConfigStore(app),
    read: async (onProgress) => readWorkbook(workbookOf(app), onProgress),
    mark: async (findings) => markWorkbook(workbookOf(app), findings),
    clear: async () => clearWorkbook(workbookOf(app)),
    summary: async (a, asOf) => writeSummary(app, workbookOf(app), a, asOf),
    select: async (sheet, cell) => {
      const ws = workbookOf(app).Worksheets.Item(sheet);
      ws.Activate();
      ws.Range(cell).Select();
    },
    async onChanged(sheet, callback) {
      const listener = (ws: unknown) => {
        if (nameOf(ws) === sheet) callback();
      };
      wps.ApiEvent.AddApiEventListener('SheetChange', listener);
      return async () => wps.ApiEvent.RemoveApiEventListener('SheetChange', listener);
    },
  };
}
