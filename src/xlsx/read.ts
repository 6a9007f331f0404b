/**
 * Reading .xlsx packages into Grids with exceljs, in Node and in the browser (bytes in, no file system).
 * The adapter does nothing clever: it hands the core plain values.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { BanliError, CellValue, Grid } from '../core';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(buf: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => buf[i] === b);
}

/** The UTF-16LE name of a compound-file stream, as password-protected workbooks carry it. */
function containsUtf16(buf: Uint8Array, text: string): boolean {
  const needle: number[] = [];
  for (const ch of text) needle.push(ch.charCodeAt(0), 0);
  outer: for (let i = 0; i + needle.length <= buf.length; i++) {
    for (let j = 0; j < needle.length; j++) if (buf[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

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

/**
 * Worksheet parts Banli never reads. dataValidations above all: dropdowns over whole columns make exceljs expand
 * millions of cells and hang. The rest only cost time (a hyperlink's cell keeps its text). Merges, rows (hidden
 * or not) and cell values are read.
 */
export const IGNORED_NODES = [
  'dataValidations', 'conditionalFormatting', 'hyperlinks', 'sheetPr', 'printOptions', 'pageMargins', 'pageSetup',
  'headerFooter', 'rowBreaks', 'drawing', 'picture', 'tableParts', 'autoFilter', 'sheetViews', 'cols',
  'sheetFormatPr', 'sheetProtection', 'extLst', 'dimensions',
];

/** What the bytes are before any parsing: empty, a compound file (encrypted or .xls), not a zip. */
export function sniff(buf: Uint8Array, name: string): void {
  if (buf.length === 0) throw new BanliError('unreadable', `${name} 是空文件（0 字节），不是 Excel 工作簿。`);
  if (startsWith(buf, OLE2)) {
    if (containsUtf16(buf, 'EncryptedPackage')) {
      throw new BanliError('encrypted', `${name} 设置了打开密码，Banli 无法读取。请在 Excel 或 WPS 中打开它，删除密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码）后另存，再检查。`);
    }
    throw new BanliError('legacy-xls', `${name} 是旧的 .xls 格式（Excel 97-2003）。请在 Excel 或 WPS 中打开它，另存为“Excel 工作簿（*.xlsx）”后再检查。`);
  }
  if (!startsWith(buf, ZIP) && !startsWith(buf, EMPTY_ZIP)) {
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

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

async function load(buf: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer, { ignoreNodes: IGNORED_NODES } as never);
  return wb;
}

/**
 * What a zip that exceljs could not read is: another Office document, or a workbook whose XML binds the
 * SpreadsheetML namespace to a prefix (<x:workbook>, as some generators write). The latter is rewritten
 * without the prefix; anything else is a BanliError.
 */
async function unprefixed(buf: Uint8Array, name: string, cause: string): Promise<Uint8Array> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buf);
  } catch {
    throw new BanliError('unreadable', `${name} 已损坏，无法作为 Excel 工作簿打开（${cause.slice(0, 80)}）。请向报送单位要一份完好的文件。`);
  }
  if (!zip.file('xl/workbook.xml')) {
    const kind = zip.file('word/document.xml') ? '一个 Word 文档（.docx）' : zip.file('ppt/presentation.xml') ? '一个 PowerPoint 演示文稿（.pptx）' : '一个压缩包';
    throw new BanliError('unreadable', `${name} 不是 Excel 工作簿：它是${kind}，只是扩展名改成了 .xlsx。`);
  }
  const wbXml = await zip.file('xl/workbook.xml')!.async('string');
  const prefix = new RegExp(`xmlns:(\\w+)="${MAIN_NS.replace(/[/.]/g, '\\$&')}"`).exec(wbXml)?.[1];
  if (!prefix || !new RegExp(`<${prefix}:workbook\\b`).test(wbXml)) {
    throw new BanliError('unsupported-format', `${name} 的格式 Banli 读不了（${cause.slice(0, 80)}）。请在 Excel 或 WPS 中打开后另存为 .xlsx 再检查。`);
  }
  for (const file of Object.values(zip.files)) {
    if (file.dir || !/^xl\/.*\.xml$/.test(file.name)) continue;
    const xml = await file.async('string');
    const p = new RegExp(`xmlns:(\\w+)="${MAIN_NS.replace(/[/.]/g, '\\$&')}"`).exec(xml)?.[1];
    if (!p) continue;
    zip.file(
      file.name,
      xml
        .replace(new RegExp(`<(/?)${p}:`, 'g'), '<$1')
        .replace(new RegExp(`xmlns:${p}="${MAIN_NS.replace(/[/.]/g, '\\$&')}"`), `xmlns="${MAIN_NS}"`),
    );
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

export interface ReadWorkbook {
  grids: Grid[];
  /** The package as read: the input, or its rewrite without a namespace prefix. */
  buffer: Uint8Array;
}

/** Loads a workbook into Grids. Throws BanliError with a Chinese message for anything it cannot read. */
export async function readWorkbook(input: Uint8Array, name: string): Promise<ReadWorkbook> {
  sniff(input, name);
  let buffer = input;
  let wb: ExcelJS.Workbook | null = null;
  let cause = '';
  try {
    wb = await load(buffer);
  } catch (e) {
    cause = String((e as Error)?.message ?? e);
  }
  if (!wb || wb.worksheets.length === 0) {
    buffer = await unprefixed(input, name, cause || '没有工作表');
    try {
      wb = await load(buffer);
    } catch (e) {
      throw new BanliError('unsupported-format', `${name} 的格式 Banli 读不了（${String((e as Error)?.message ?? e).slice(0, 80)}）。请在 Excel 或 WPS 中打开后另存为 .xlsx 再检查。`);
    }
    if (wb.worksheets.length === 0) {
      throw new BanliError('unsupported-format', `${name} 里找不到任何工作表：文件可能由不兼容的程序生成。请在 Excel 或 WPS 中打开后另存为 .xlsx 再检查。`);
    }
  }
  return { grids: wb.worksheets.map(toGrid), buffer };
}

export async function readWorkbookBuffer(buf: Uint8Array, name: string): Promise<Grid[]> {
  return (await readWorkbook(buf, name)).grids;
}
