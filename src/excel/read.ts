/**
 * Reading the open workbook into Grids. Excel on the web caps a request and its response at 5 MB, so the used
 * range is read in blocks sized by bytes, not only rows: a first block of FIRST_ROWS rows measures the row size,
 * then blocks of as many rows as fit in CHUNK_TARGET bytes (at most BLOCK_ROWS). Blocks of several sheets
 * share one request while they fit, so a workbook of small sheets still takes 3 context.sync() calls; a large one
 * takes about 2 + (its bytes / CHUNK_TARGET). A response refused as too large is retried with half the rows.
 * A used range of more than MAX_USED_CELLS cells is refused with a message naming the sheet.
 */
import { BanliError, CellValue, Grid, columnLetter } from '../core';
import { CHUNK_TARGET, MAX_USED_CELLS, jsonBytes } from './budget';

export const BLOCK_ROWS = 5000;
/** The first guess of a cell's bytes in the response, before any row was read. */
export const BYTES_PER_CELL = 24;
/** The first block of a sheet is at most this many rows: it measures the row size before larger blocks are asked for. */
export const FIRST_ROWS = 200;

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

function blockAddress(info: SheetInfo, first: number, count: number): string {
  const top = info.top + first;
  return `${columnLetter(info.left)}${top}:${columnLetter(info.left + info.columns - 1)}${top + count - 1}`;
}

function plain(v: unknown): CellValue {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return String(v);
}

function rowBytes(row: unknown[]): number {
  let n = 2;
  for (const v of row) n += typeof v === 'string' ? jsonBytes(v) + 1 : String(v).length + 1;
  return n;
}

function tooLarge(e: unknown): boolean {
  const code = (e as { code?: unknown })?.code;
  return typeof code === 'string' && /PayloadSizeLimitExceeded/i.test(code);
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

  const infos = used.map(({ ws, r }) => ({
    ws,
    name: ws.name,
    hidden: ws.visibility !== 'Visible',
    top: r.isNullObject ? 1 : r.rowIndex + 1,
    left: r.isNullObject ? 1 : r.columnIndex + 1,
    rows: r.isNullObject ? 0 : r.rowCount,
    columns: r.isNullObject ? 0 : r.columnCount,
    values: [] as CellValue[][],
    done: 0,
    bytesPerRow: 0,
    measured: false,
  }));
  for (const i of infos) {
    const cells = i.rows * i.columns;
    if (cells > MAX_USED_CELLS) {
      throw new BanliError(
        'too-large',
        `工作表“${i.name}”的已用区域有 ${cells.toLocaleString('en-US')} 个单元格（${i.rows} 行 × ${i.columns} 列），超过 ${MAX_USED_CELLS.toLocaleString('en-US')} 个，办理助手无法在 Excel 中读取。请删除表格下方和右侧多余的行列（Ctrl+End 可看到已用区域的末尾）后保存，或在浏览器页面中检查这个文件。`,
      );
    }
    i.bytesPerRow = Math.max(1, i.columns) * BYTES_PER_CELL;
  }

  const remainingBytes = () => infos.reduce((n, i) => n + (i.rows - i.done) * i.bytesPerRow, 0);
  let block = 0;
  let shrink = 1;
  while (infos.some((i) => i.done < i.rows)) {
    block++;
    onProgress?.({ block, blocks: block - 1 + Math.max(1, Math.ceil(remainingBytes() / CHUNK_TARGET)) });
    // Fill this request with the next rows of each sheet in turn, up to CHUNK_TARGET estimated bytes.
    let budget = CHUNK_TARGET / shrink;
    const pending: Array<{ i: (typeof infos)[number]; count: number; range: Excel.Range }> = [];
    for (const i of infos) {
      if (i.done >= i.rows || budget <= 0) continue;
      const count = Math.max(1, Math.min(i.rows - i.done, i.done === 0 ? FIRST_ROWS : BLOCK_ROWS, Math.floor(budget / i.bytesPerRow)));
      const range = i.ws.getRange(blockAddress(i, i.done, count));
      range.load('values');
      pending.push({ i, count, range });
      budget -= count * i.bytesPerRow;
    }
    try {
      await context.sync();
    } catch (e) {
      if (!tooLarge(e) || pending.every((p) => p.count === 1)) throw e;
      shrink *= 2; // the rows were longer than measured: the same rows again, half as many at a time
      continue;
    }
    shrink = 1;
    for (const { i, count, range } of pending) {
      let bytes = 0;
      for (const row of range.values) {
        bytes += rowBytes(row);
        i.values.push(row.map(plain));
      }
      i.done += count;
      // The size per row measured (with a margin) sizes the next blocks of this sheet; it only grows after the first.
      const measured = Math.ceil((1.25 * bytes) / Math.max(1, count));
      i.bytesPerRow = i.measured ? Math.max(i.bytesPerRow, measured) : Math.max(1, measured);
      i.measured = true;
    }
  }
  return infos.map((i) => ({ sheet: i.name, values: i.values, top: i.top, left: i.left, hidden: i.hidden }));
}
