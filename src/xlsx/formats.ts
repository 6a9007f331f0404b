/**
 * Spreadsheet files Banli does not read (.ods, .csv, .et, .xlsb, .numbers …): what each one is and how to make an
 * .xlsx of it, in Chinese. Used for files given by name (told by their content, see read.ts) and for files found in
 * folders (told by their extension: they are named as not read, never silently left out).
 */

export const SAVE_AS_XLSX = '请在 Excel 或 WPS 中打开它，另存为“Excel 工作簿（*.xlsx）”后再检查。';
const SAVE_AS_XLSX_OPEN = '请在 WPS、LibreOffice 或 Excel 中打开它，另存为“Excel 工作簿（*.xlsx）”后再检查。';
const SAVE_AS_XLSX_WPS = '请在 WPS 表格中打开它，另存为“Excel 工作簿（*.xlsx）”后再检查。';
const EXPORT_NUMBERS = '请在 Numbers 中打开它，用“文件 → 导出为 → Excel”存为 .xlsx 后再检查。';

export interface OtherFormat {
  /** What the file is, as said after 是 (“CSV 文本文件（逗号分隔的文字）”). */
  what: string;
  /** The error code reported for it. */
  code: 'unreadable' | 'unsupported-format';
  /** What to do. */
  advice: string;
  /** The content the format has: a zip package, a compound (OLE2) file, or text. */
  content: 'zip' | 'ole2' | 'text';
}

/** By extension (lower case, with the dot). .xls is not here: it is read far enough to say it is .xls (legacy-xls). */
export const OTHER_FORMATS: Record<string, OtherFormat> = {
  '.ods': { what: 'OpenDocument 电子表格（.ods，LibreOffice、WPS 等软件保存的格式）', code: 'unsupported-format', advice: SAVE_AS_XLSX_OPEN, content: 'zip' },
  '.ots': { what: 'OpenDocument 电子表格模板（.ots）', code: 'unsupported-format', advice: SAVE_AS_XLSX_OPEN, content: 'zip' },
  '.fods': { what: 'OpenDocument 电子表格（.fods，LibreOffice 保存的平面 XML 格式）', code: 'unsupported-format', advice: SAVE_AS_XLSX_OPEN, content: 'text' },
  '.sxc': { what: 'OpenOffice 1.x 电子表格（.sxc）', code: 'unsupported-format', advice: SAVE_AS_XLSX_OPEN, content: 'zip' },
  '.csv': { what: 'CSV 文本文件（逗号分隔的文字）', code: 'unreadable', advice: SAVE_AS_XLSX, content: 'text' },
  '.tsv': { what: '制表符分隔的文本文件（.tsv）', code: 'unreadable', advice: SAVE_AS_XLSX, content: 'text' },
  '.et': { what: 'WPS 表格文件（.et）', code: 'unsupported-format', advice: SAVE_AS_XLSX_WPS, content: 'ole2' },
  '.ett': { what: 'WPS 表格模板（.ett）', code: 'unsupported-format', advice: SAVE_AS_XLSX_WPS, content: 'ole2' },
  '.xlsb': { what: 'Excel 二进制工作簿（.xlsb）', code: 'unsupported-format', advice: SAVE_AS_XLSX, content: 'zip' },
  '.numbers': { what: 'Numbers 表格（.numbers，苹果电脑的表格软件保存的格式）', code: 'unsupported-format', advice: EXPORT_NUMBERS, content: 'zip' },
};

/** The extension of a file name, lower case with the dot ('' when none). */
export function extensionOf(name: string): string {
  const m = /\.[^./\\]+$/.exec(name);
  return m ? m[0].toLowerCase() : '';
}

/** The spreadsheet format a name's extension says, when Banli does not read it. */
export function otherFormatOf(name: string): OtherFormat | null {
  const ext = extensionOf(name);
  return Object.prototype.hasOwnProperty.call(OTHER_FORMATS, ext) ? OTHER_FORMATS[ext] : null;
}

/** Whether a file name is a spreadsheet Banli does not read (for folder walks: such files are named, not ignored). */
export function isOtherSpreadsheetName(name: string): boolean {
  return otherFormatOf(name) !== null && !name.startsWith('~$') && !name.startsWith('.~');
}

/** A description after 是, with a space before Latin letters (“是 CSV 文本文件”, “是WPS 表格” reads badly). */
export function spaced(what: string): string {
  return /^[A-Za-z]/.test(what) ? ` ${what}` : what;
}

/** “x.ods 是 OpenDocument 电子表格（…），不是 Excel 工作簿。请在 … 另存为 …”. */
export function otherFormatMessage(name: string, f: Pick<OtherFormat, 'what' | 'advice'>): string {
  return `${name} 是${spaced(f.what)}，不是 Excel 工作簿。${f.advice}`;
}
