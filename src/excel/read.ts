/**
 * Reading the open workbook into Grids. Excel on the web caps one request at 5 MB, so the used range is read in
 * blocks of at most BLOCK_ROWS rows; block k of every sheet goes in the same request, so a workbook whose largest
 * sheet has N rows takes 2 + ceil(N / BLOCK_ROWS) context.sync() calls, whatever the number of sheets.
 */
import { CellValue, Grid, columnLetter } from '../core';

export const BLOCK_ROWS = 5000;

export interface ReadProgress {
  block: number;
  blocks: number;
}

interface SheetInfo {
  name: string;
  hidden: boolean;
  top: number;
  left: number;
  rows: number;
  columns: number;
}

function blockAddress(info: SheetInfo, k: number): string {
  const first = info.top + k * BLOCK_ROWS;
  const last = Math.min(info.top + info.rows - 1, first + BLOCK_ROWS - 1);
  return `${columnLetter(info.left)}${first}:${columnLetter(info.left + info.columns - 1)}${last}`;
}

function plain(v: unknown): CellValue {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return String(v);
}

export async function readGrids(context: Excel.RequestContext, onProgress?: (p: ReadProgress) => void): Promise<Grid[]> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name,items/visibility');
  await context.sync();

  const used = sheets.items.map((ws) => {
    const r = ws.getUsedRangeOrNullObject(true);
    r.load('rowIndex,columnIndex,rowCount,columnCount');
    return { ws, r };
  });
  await context.sync();

  const infos: Array<SheetInfo & { ws: Excel.Worksheet; values: CellValue[][] }> = used.map(({ ws, r }) => ({
    ws,
    name: ws.name,
    hidden: ws.visibility !== 'Visible',
    top: r.isNullObject ? 1 : r.rowIndex + 1,
    left: r.isNullObject ? 1 : r.columnIndex + 1,
    rows: r.isNullObject ? 0 : r.rowCount,
    columns: r.isNullObject ? 0 : r.columnCount,
    values: [],
  }));
  const blocks = Math.max(0, ...infos.map((i) => Math.ceil(i.rows / BLOCK_ROWS)));
  for (let k = 0; k < blocks; k++) {
    onProgress?.({ block: k + 1, blocks });
    const pending = infos
      .filter((i) => k * BLOCK_ROWS < i.rows)
      .map((i) => {
        const range = i.ws.getRange(blockAddress(i, k));
        range.load('values');
        return { i, range };
      });
    await context.sync();
    for (const { i, range } of pending) for (const row of range.values) i.values.push(row.map(plain));
  }
  return infos.map((i) => ({ sheet: i.name, values: i.values, top: i.top, left: i.left, hidden: i.hidden }));
}
