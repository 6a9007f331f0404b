/**
 * Reading .xlsx packages into Grids, in Node and in the browser (bytes in, no file system, no DOM): the streaming
 * reader in ./reader (fflate + saxes). Transitional and Strict Open XML, prefixed namespaces and ZIP64 alike.
 * Work is bounded: each part's inflated size and the workbook's cells have limits ("too-large").
 */
import { BanliError } from '../core/errors';
import { Grid } from '../core/grid';
import { PartTooLargeError, ZipEntry, ZipFormatError, inflateEntry, readEntries } from './reader/zip';
import { XmlFormatError, localName, streamXml, unescapeOoxml, xmlTrue } from './reader/xml';
import { readStyles } from './reader/styles';
import { CellLimitError, readSheet } from './reader/sheet';
import { OTHER_FORMATS, SAVE_AS_XLSX, extensionOf, otherFormatMessage, otherFormatOf, spaced } from './formats';

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

type TextKind = 'csv' | 'tsv' | 'html' | 'text';

/**
 * What a file that is not a zip looks like when it is text: comma- or tab-separated, a web page (some systems
 * export their “Excel” tables as HTML), or plain text; null when it is not text. Only ASCII is looked at, so
 * UTF-8 and GBK read alike; UTF-16 (Excel's “Unicode 文本”) is told by its byte-order mark.
 */
function textKind(buf: Uint8Array): TextKind | null {
  const head = buf.subarray(0, 4096);
  let ascii = '';
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    const low = head[0] === 0xff ? 0 : 1;
    for (let i = 2; i + 1 < head.length; i += 2) ascii += head[i + 1 - low] === 0 && head[i + low] < 0x80 ? String.fromCharCode(head[i + low]) : '?';
  } else {
    for (const b of head) {
      // Control characters other than tab, line breaks and form feed: binary, not text.
      if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) || b === 0x7f) return null;
      ascii += b < 0x80 ? String.fromCharCode(b) : '?';
    }
  }
  if (/<(html|table|!doctype html)\b/i.test(ascii)) return 'html';
  const first = ascii.replace(/^[\s?]*/, '').split(/\r?\n/)[0];
  if (first.includes(',')) return 'csv';
  if (first.includes('\t')) return 'tsv';
  return 'text';
}

const TEXT_KIND: Record<TextKind, string> = {
  csv: '它看起来是 CSV 文本文件（逗号分隔的文字）',
  tsv: '它看起来是制表符分隔的文本文件',
  html: '它是网页（HTML）格式的表格',
  text: '它看起来是一个文本文件',
};

/** What the bytes are before any parsing: empty, a compound file (encrypted or .xls), text, not a zip. */
export function sniff(buf: Uint8Array, name: string): void {
  if (buf.length === 0) throw new BanliError('unreadable', `${name} 是空文件（0 字节），不是 Excel 工作簿。`);
  const other = otherFormatOf(name);
  if (startsWith(buf, OLE2)) {
    if (containsUtf16(buf, 'EncryptedPackage')) {
      throw new BanliError('encrypted', `${name} 设置了打开密码，无法读取。请在 Excel 或 WPS 中打开它，删除密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码）后另存，再检查。`);
    }
    // A WPS 表格 file (.et) is a compound file as .xls is: said as what it is.
    if (other?.content === 'ole2') throw new BanliError(other.code, otherFormatMessage(name, other));
    throw new BanliError('legacy-xls', `${name} 是旧的 .xls 格式（Excel 97-2003）。请在 Excel 或 WPS 中打开它，另存为“Excel 工作簿（*.xlsx）”后再检查。`);
  }
  if (!startsWith(buf, ZIP) && !startsWith(buf, EMPTY_ZIP)) {
    const kind = textKind(buf);
    if (kind !== null && other?.content === 'text') throw new BanliError(other.code, otherFormatMessage(name, other));
    if (kind !== null) {
      const ext = /\.[^./\\]+$/.exec(name)?.[0];
      throw new BanliError('unreadable', `${name} 不是 Excel 工作簿：${TEXT_KIND[kind]}，${ext ? `只是扩展名是 ${ext}` : '只是没有写扩展名'}。${SAVE_AS_XLSX}`);
    }
    throw new BanliError('unreadable', `${name} 不是 Excel 工作簿（.xlsx）：文件内容不是 xlsx 格式，可能是改了扩展名的其他文件。`);
  }
}

export interface ReadProgress {
  /** Worksheet rows read so far (all sheets). */
  rowsRead: number;
  /** Rows the sheets declare (their dimension), when they do. */
  rowsTotal?: number;
}

export interface ReadLimits {
  /** Largest inflated size of any one part (sheet, shared strings, styles), in bytes. Default 256 MB. */
  partBytes?: number;
  /** Most cells with a value in the whole workbook. Default 10 million. */
  cells?: number;
}

export interface ReadOptions {
  onProgress?: (p: ReadProgress) => void;
  limits?: ReadLimits;
}

export const DEFAULT_LIMITS: Required<ReadLimits> = { partBytes: 256 * 1024 * 1024, cells: 10_000_000 };

export interface ReadWorkbook {
  grids: Grid[];
  /** The package as read (the input bytes themselves). */
  buffer: Uint8Array;
}

interface Rel {
  type: string;
  target: string;
}

/** A part's folder-relative target resolved to a package path. */
function resolve(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const out = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

function relsOf(buf: Uint8Array, entries: Map<string, ZipEntry>, part: string, limit: number): Map<string, Rel> {
  const slash = part.lastIndexOf('/');
  const relsName = `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
  const entry = entries.get(relsName.toLowerCase());
  const out = new Map<string, Rel>();
  if (!entry) return out;
  streamXml(buf, entry, limit, {
    open(name, a) {
      if (name === 'Relationship' && a.Id && a.Target && a.TargetMode !== 'External') {
        out.set(a.Id, { type: a.Type ?? '', target: resolve(part, a.Target) });
      }
    },
  });
  return out;
}

const relType = (rel: Rel, kind: string) => rel.type.endsWith(`/${kind}`);

function megabytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round(n / 1024 / 1024)} MB` : `${Math.round(n / 1024)} KB`;
}

/** A part of the package named for a clerk: the worksheet by its name where it is known, else what the part holds. */
function partText(part: string, sheetOfPart: Map<string, string>): string {
  const sheet = sheetOfPart.get(part.toLowerCase());
  if (sheet !== undefined) return `工作表“${sheet}”（${part}）`;
  if (/^xl\/worksheets\//i.test(part)) return `工作表 ${part}`;
  if (/(^|\/)workbook\.xml$/i.test(part)) return `记录有哪些工作表的部分 ${part}`;
  if (/sharedStrings\.xml$/i.test(part)) return `存放单元格文字的部分 ${part}`;
  if (/styles\.xml$/i.test(part)) return `存放单元格格式的部分 ${part}`;
  if (/\.rels$/i.test(part)) return `记录各部分关系的部分 ${part}`;
  return `文件内的 ${part}`;
}

/** “… 的”, without a space after a closing bracket. */
const of = (text: string) => (text.endsWith('）') ? `${text}的` : `${text} 的`);

const ASK_AGAIN = '请重新下载或复制一次；仍不行的，请向报送单位要一份完好的文件。';
const ASK_OR_RESAVE = '请向报送单位要一份完好的文件；如果 Excel 或 WPS 还能打开它，也可以打开后另存为 .xlsx 再检查。';

/**
 * A package that is not a readable zip, or a part that is not well-formed XML, said in Chinese: what is wrong
 * and what to do. The library's own text is kept only as the error's detail (shown with BANLI_DEBUG=1).
 */
function damaged(name: string, e: ZipFormatError | XmlFormatError, sheetOfPart: Map<string, string>): BanliError {
  const detail = e.message;
  if (e instanceof XmlFormatError) {
    return new BanliError('unreadable', `${name} 已损坏：${of(partText(e.part, sheetOfPart))}内容不完整或格式错误，可能在保存时中断，或被其他程序改坏了。${ASK_OR_RESAVE}`, detail);
  }
  const part = e.part === null ? '' : partText(e.part, sheetOfPart);
  switch (e.problem) {
    case 'end':
      return new BanliError('unreadable', `${name} 已损坏，无法作为 Excel 工作簿打开：文件不完整（结尾缺失），可能在下载、复制或通过聊天软件接收时中断了。${ASK_AGAIN}`, detail);
    case 'directory':
      return new BanliError('unreadable', `${name} 已损坏，无法作为 Excel 工作簿打开：文件的目录结构被破坏了，可能在下载、复制或保存时出错。${ASK_AGAIN}`, detail);
    case 'entry':
      return new BanliError('unreadable', `${name} 已损坏：${of(part)}数据不完整，可能在下载或复制时中断了。${ASK_AGAIN}`, detail);
    case 'inflate':
      return new BanliError('unreadable', `${name} 已损坏：${of(part)}数据无法解压，文件内容在下载、复制或保存时被破坏了。${ASK_OR_RESAVE}`, detail);
    case 'encrypted':
      return new BanliError('unreadable', `${name} 无法读取：${part} 被压缩软件加了密码（Excel 和 WPS 保存的工作簿不会这样）。请向报送单位要一份用 Excel 或 WPS 直接保存的 .xlsx 文件。`, detail);
    case 'method':
      return new BanliError('unsupported-format', `${name} 无法读取：${part} 使用了 Excel 和 WPS 不使用的压缩方式，文件可能是用其他软件打包的。请在 Excel 或 WPS 中打开后另存为 .xlsx 再检查。`, detail);
  }
}

/** The media type an OpenDocument package declares in its first, stored part `mimetype` (null when it has none). */
function openDocumentType(buf: Uint8Array, entries: Map<string, ZipEntry>): string | null {
  const entry = entries.get('mimetype');
  if (!entry || entry.size > 200) return null;
  let text = '';
  try {
    inflateEntry(buf, entry, 200, (chunk) => {
      for (const b of chunk) text += String.fromCharCode(b);
    });
  } catch {
    return null;
  }
  return text.trim();
}

/**
 * A zip that is no Excel workbook, said as what it is — an OpenDocument spreadsheet (.ods), an .xlsb or Numbers
 * file, a Word or PowerPoint file, a plain zip — with the extension it really has and what to do.
 */
function notAWorkbookPackage(buf: Uint8Array, entries: Map<string, ZipEntry>, name: string): BanliError {
  const ext = extensionOf(name);
  const said = (what: string, natural: string[], advice: string, code: 'unreadable' | 'unsupported-format' = 'unreadable') =>
    new BanliError(
      code,
      natural.includes(ext)
        ? otherFormatMessage(name, { what, advice })
        : `${name} 不是 Excel 工作簿：它是${spaced(what)}${ext ? `，只是扩展名是 ${ext}` : '，只是没有写扩展名'}。${advice}`,
    );
  const od = openDocumentType(buf, entries) ?? (entries.has('content.xml') && entries.has('meta-inf/manifest.xml') ? 'application/vnd.oasis.opendocument' : null);
  if (od !== null) {
    if (od.startsWith('application/vnd.oasis.opendocument.spreadsheet')) {
      const f = OTHER_FORMATS[od.endsWith('-template') ? '.ots' : '.ods'];
      return said(f.what, ['.ods', '.ots'], f.advice, f.code);
    }
    if (od.startsWith('application/vnd.oasis.opendocument.text')) return said('OpenDocument 文字文档（.odt，不是表格）', ['.odt'], '请给出台账的 Excel 工作簿（.xlsx）。');
    if (od.startsWith('application/vnd.oasis.opendocument.presentation')) return said('OpenDocument 演示文稿（.odp，不是表格）', ['.odp'], '请给出台账的 Excel 工作簿（.xlsx）。');
    return said('OpenDocument 格式的文件（LibreOffice、WPS 等软件保存的）', [], OTHER_FORMATS['.ods'].advice, 'unsupported-format');
  }
  if (entries.has('xl/workbook.bin')) {
    const f = OTHER_FORMATS['.xlsb'];
    return said(f.what, ['.xlsb'], f.advice, f.code);
  }
  if (entries.has('index/document.iwa') || [...entries.keys()].some((k) => k.startsWith('index/') && k.endsWith('.iwa'))) {
    const f = OTHER_FORMATS['.numbers'];
    return said(f.what, ['.numbers'], f.advice, f.code);
  }
  if (entries.has('word/document.xml')) return said('一个 Word 文档（.docx）', ['.docx', '.docm'], '请给出台账的 Excel 工作簿（.xlsx）。');
  if (entries.has('ppt/presentation.xml')) return said('一个 PowerPoint 演示文稿（.pptx）', ['.pptx'], '请给出台账的 Excel 工作簿（.xlsx）。');
  const xlsx = [...entries.keys()].filter((k) => /\.(xlsx|xlsm)$/.test(k)).length;
  return said(
    '一个压缩包（.zip 等）',
    ['.zip'],
    xlsx ? '台账在压缩包里的，请先解压，再检查解压出的 .xlsx 文件。' : '里面没有 Excel 工作簿。请给出台账的 Excel 工作簿（.xlsx）。',
  );
}

function parse(buf: Uint8Array, name: string, options: ReadOptions): Grid[] {
  // Worksheet parts by package path, with the sheet's name: a damaged sheet is named as the clerk knows it.
  const sheetOfPart = new Map<string, string>();
  try {
    return parseParts(buf, name, options, sheetOfPart);
  } catch (e) {
    if (e instanceof ZipFormatError || e instanceof XmlFormatError) throw damaged(name, e, sheetOfPart);
    throw e;
  }
}

function parseParts(buf: Uint8Array, name: string, options: ReadOptions, sheetOfPart: Map<string, string>): Grid[] {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const partLimit = limits.partBytes;
  const entries = readEntries(buf);
  // The workbook part: from the package relationships, as Strict and renamed parts need.
  const rootRels = relsOf(buf, entries, '', partLimit);
  let wbPart = [...rootRels.values()].find((r) => relType(r, 'officeDocument'))?.target ?? 'xl/workbook.xml';
  if (!entries.has(wbPart.toLowerCase())) wbPart = 'xl/workbook.xml';
  const wbEntry = entries.get(wbPart.toLowerCase());
  if (!wbEntry) throw notAWorkbookPackage(buf, entries, name);
  const sheets: Array<{ name: string; rid: string; hidden: boolean }> = [];
  let date1904 = false;
  streamXml(buf, wbEntry, partLimit, {
    open(tag, a) {
      if (tag === 'sheet') {
        let rid = '';
        for (const k in a) if (k !== 'id' && localName(k) === 'id' && k.includes(':')) rid = a[k];
        sheets.push({ name: unescapeOoxml(a.name ?? ''), rid, hidden: a.state === 'hidden' || a.state === 'veryHidden' });
      } else if (tag === 'workbookPr') {
        date1904 = xmlTrue(a.date1904);
      }
    },
  });
  const wbRels = relsOf(buf, entries, wbEntry.name, partLimit);
  const rels = [...wbRels.values()];
  const sstPart = rels.find((r) => relType(r, 'sharedStrings'))?.target ?? 'xl/sharedStrings.xml';
  const stylesPart = rels.find((r) => relType(r, 'styles'))?.target ?? 'xl/styles.xml';

  const sharedStrings: string[] = [];
  const sstEntry = entries.get(sstPart.toLowerCase());
  if (sstEntry) {
    let depth = 0; // inside <si>
    let phonetic = false;
    let inT = false;
    let s = '';
    streamXml(buf, sstEntry, partLimit, {
      open(tag, _a, selfClosing) {
        if (tag === 'si') {
          if (selfClosing) sharedStrings.push('');
          else depth = 1;
          s = '';
        } else if (tag === 't' && depth && !phonetic && !selfClosing) inT = true;
        else if (tag === 'rPh') phonetic = true;
      },
      close(tag) {
        if (tag === 't') inT = false;
        else if (tag === 'rPh') phonetic = false;
        else if (tag === 'si') {
          sharedStrings.push(unescapeOoxml(s));
          depth = 0;
        }
      },
      text(t) {
        if (inT) s += t;
      },
    });
  }
  const dateStyles = readStyles(buf, entries.get(stylesPart.toLowerCase()), partLimit);

  const grids: Grid[] = [];
  const cellBudget = { left: limits.cells, limit: limits.cells };
  let rowsBefore = 0;
  let totalBefore = 0;
  for (const sh of sheets) {
    const rel = wbRels.get(sh.rid);
    if (!rel || !relType(rel, 'worksheet')) continue;
    const entry = entries.get(rel.target.toLowerCase());
    if (!entry) continue;
    sheetOfPart.set(entry.name.toLowerCase(), sh.name);
    const onProgress = options.onProgress;
    const result = readSheet(buf, entry, sh.name, sh.hidden, {
      sharedStrings,
      dateStyles,
      date1904,
      partLimit,
      cellBudget,
      progress: onProgress
        ? (rowsRead, rowsTotal) => onProgress({ rowsRead: rowsBefore + rowsRead, rowsTotal: rowsTotal === undefined ? undefined : totalBefore + rowsTotal })
        : undefined,
    });
    rowsBefore += result.rowsRead;
    totalBefore += result.rowsTotal ?? result.rowsRead;
    grids.push(result.grid);
  }
  return grids;
}

/** Loads a workbook into Grids. Throws BanliError with a Chinese message for anything it cannot read. */
export async function readWorkbook(input: Uint8Array, name: string, options: ReadOptions = {}): Promise<ReadWorkbook> {
  sniff(input, name);
  let grids: Grid[];
  try {
    grids = parse(input, name, options);
  } catch (e) {
    if (e instanceof BanliError) throw e;
    if (e instanceof PartTooLargeError) {
      const what = e.reason === 'size' ? `解压后超过 ${megabytes(e.limit)}（正常的台账远小于此）` : `解压后膨胀到压缩数据的 ${e.limit} 倍以上（正常的表格数据不会这样）`;
      throw new BanliError(
        'too-large',
        `${name} 太大，没有读取：其中的 ${e.part} ${what}，可能是损坏的文件或恶意构造的“压缩炸弹”。请确认文件来源；如确是台账，请删去多余的工作表、空行和格式后另存，再检查。`,
      );
    }
    if (e instanceof CellLimitError) {
      if (e.what === 'cells') {
        throw new BanliError('too-large', `${name} 太大，没有读取：工作簿中有值的单元格超过 ${e.limit.toLocaleString('en')} 个。请把台账拆成几个文件，或删去不需要的工作表后另存，再检查。`);
      }
      const where = e.what === 'rows' ? `${e.limit.toLocaleString('en')} 行` : `${e.limit.toLocaleString('en')} 列`;
      throw new BanliError('too-large', `${name} 没有读取：其中的工作表超出了 Excel 的最大范围（${where}），文件可能已损坏或是恶意构造的。请确认文件来源，在 Excel 或 WPS 中打开后另存，再检查。`);
    }
    throw new BanliError(
      'unsupported-format',
      `${name} 的内容无法读取：文件可能由不兼容的程序生成，或已损坏。请在 Excel 或 WPS 中打开后另存为 .xlsx 再检查；仍不行的，请向报送单位要一份完好的文件。`,
      String((e as Error)?.stack ?? (e as Error)?.message ?? e),
    );
  }
  if (grids.length === 0) {
    throw new BanliError('unsupported-format', `${name} 里找不到任何工作表：文件可能由不兼容的程序生成。请在 Excel 或 WPS 中打开后另存为 .xlsx 再检查。`);
  }
  return { grids, buffer: input };
}

export async function readWorkbookBuffer(buf: Uint8Array, name: string, options: ReadOptions = {}): Promise<Grid[]> {
  return (await readWorkbook(buf, name, options)).grids;
}
