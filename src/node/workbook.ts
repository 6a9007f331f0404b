/** Reading .xlsx files into Grids with exceljs: the file adapter. Does nothing clever. */
import { promises as fs } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { BanliError, CellValue, Grid } from '../core';

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const EMPTY_ZIP = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** Turns one exceljs cell value into a plain one: formulas give their cached result, rich text its text. */
export function plainValue(v: ExcelJS.CellValue | undefined): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as unknown as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as Array<{ text: string }>).map((r) => r.text).join('');
    if ('formula' in o || 'sharedFormula' in o) {
      return 'result' in o ? plainValue(o.result as ExcelJS.CellValue) : null;
    }
    if ('hyperlink' in o) return plainValue(o.text as ExcelJS.CellValue);
    if ('error' in o) return String(o.error);
  }
  return null;
}

function sniff(buf: Buffer, name: string): void {
  if (buf.length === 0) throw new BanliError('unreadable', `${name} 是空文件（0 字节），不是 Excel 工作簿。`);
  if (buf.subarray(0, 8).equals(OLE2)) {
    const utf16 = Buffer.from('EncryptedPackage', 'utf16le');
    if (buf.includes(utf16)) {
      throw new BanliError('encrypted', `${name} 设置了打开密码，Banli 无法读取。请在 Excel 或 WPS 中打开它，删除密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码）后另存，再检查。`);
    }
    throw new BanliError('legacy-xls', `${name} 是旧的 .xls 格式（Excel 97-2003）。请在 Excel 或 WPS 中打开它，另存为“Excel 工作簿（*.xlsx）”后再检查。`);
  }
  if (!buf.subarray(0, 4).equals(ZIP) && !buf.subarray(0, 4).equals(EMPTY_ZIP)) {
    throw new BanliError('unreadable', `${name} 不是 Excel 工作簿（.xlsx）：文件内容不是 xlsx 格式，可能是改了扩展名的其他文件。`);
  }
}

function toGrid(ws: ExcelJS.Worksheet): Grid {
  const values: CellValue[][] = [];
  const hiddenRows: number[] = [];
  const last = ws.rowCount;
  for (let r = 1; r <= last; r++) {
    const row = ws.getRow(r);
    if (row.hidden) hiddenRows.push(r);
    const raw = row.values as Array<ExcelJS.CellValue | undefined>;
    const out: CellValue[] = [];
    for (let c = 1; c < raw.length; c++) out.push(plainValue(raw[c]));
    values.push(out);
  }
  return { sheet: ws.name, values, top: 1, left: 1, hiddenRows, hidden: ws.state !== 'visible' };
}

/** Loads a workbook into Grids. Throws BanliError with a Chinese message for anything it cannot read. */
export async function readWorkbookBuffer(buf: Buffer, name: string): Promise<Grid[]> {
  sniff(buf, name);
  const wb = new ExcelJS.Workbook();
  try {
    // Dropdown validations over whole columns make exceljs expand millions of cells: skip them.
    await wb.xlsx.load(buf as unknown as ArrayBuffer, { ignoreNodes: ['dataValidations'] } as never);
  } catch (e) {
    const text = String((e as Error)?.message ?? e);
    if (/Corrupted zip|End of data|invalid|signature|zip/i.test(text)) {
      throw new BanliError('unreadable', `${name} 已损坏，无法作为 Excel 工作簿打开（${text.slice(0, 80)}）。请向报送单位要一份完好的文件。`);
    }
    throw new BanliError('unsupported-format', `${name} 的格式 Banli 读不了（${text.slice(0, 80)}）。请在 Excel 或 WPS 中打开后另存为 .xlsx 再检查。`);
  }
  if (wb.worksheets.length === 0) {
    throw new BanliError('unsupported-format', `${name} 里找不到任何工作表：文件可能不是 Excel 工作簿，或由不兼容的程序生成。请在 Excel 或 WPS 中打开后另存为 .xlsx 再检查。`);
  }
  return wb.worksheets.map(toGrid);
}

export async function readWorkbookFile(file: string): Promise<Grid[]> {
  let buf: Buffer;
  try {
    buf = await fs.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new BanliError('not-found', `找不到文件：${file}`);
    if (code === 'EISDIR') throw new BanliError('unreadable', `${file} 是文件夹，不是工作簿。`);
    throw new BanliError('unreadable', `无法读取 ${file}（${code ?? String(e)}）。`);
  }
  return readWorkbookBuffer(buf, path.basename(file));
}
