/**
 * The ledger engine itself: reads a workbook (or several, as one ledger), keeps their grids, checks them against a day, and makes the downloads.
 * It runs inside the Web Worker (worker.ts) in the page; tests and browsers without workers run it in-thread.
 * Only results leave it: totals as text, findings, the circular's data, one row on request.
 */
import { zipSync } from 'fflate';
import {
  Analysis,
  BanliError,
  CircularOptions,
  ColumnChoice,
  Config,
  ConfigFile,
  DEFAULT_CONFIG,
  Grid,
  RowDetail,
  analyseLedger,
  baseName,
  checkView,
  circularData,
  citedNames,
  columnLetter,
  combinedLabel,
  compactKey,
  composeCircular,
  configFromFile,
  fileOfCell,
  isAnnotatedName,
  isBanliError,
  Item,
  readLedgers,
  sameBytes,
} from '../core';
import { configIssues } from '../config/validate';
import { readStored } from '../config/stored';
import { defaultSettings, sameSettings } from '../config/form';
import { savedSettingsValue } from '../xlsx/savedSettings';
import { readWorkbook } from '../xlsx/read';
import { annotateBuffer, annotatedFileName, isBanliAnnotated } from '../xlsx/annotate';
import { docxBytes } from '../docx/zip';
import { CombinedNote, LedgerFile, OpenedLedger, PageView, Progress } from './types';

function text(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  return String(v);
}

/** A workbook read: its cited name (null when it is the only one), its grids, and its bytes for the annotated copy. */
interface Book {
  file: string | null;
  name: string;
  grids: Grid[];
  bytes: Uint8Array;
}

/** The sheets to choose from, visible ones first. */
function sheetList(grids: Grid[]): string[] {
  return [...grids].sort((a, b) => Number(Boolean(a.hidden)) - Number(Boolean(b.hidden))).map((g) => g.sheet);
}

/** A file's own reason for not being readable, in Chinese, naming it. */
function unreadableText(name: string, e: unknown): string {
  const m = isBanliError(e) ? e.message : '文件已损坏或不是 .xlsx 工作簿。请在 Excel 或 WPS 中打开后另存为 .xlsx 再试。';
  return m.includes(name) ? m : `${name}：${m}`;
}

/**
 * What several files read as one ledger mean for the check: the same items found in two of them (the same source,
 * number and lead unit: a file chosen with a copy of itself, not an item split among units), and the workbooks that
 * hold no ledger at all (left out of the totals).
 */
export function combinedNote(a: Analysis, books: ReadonlyArray<{ file: string | null; grids: Grid[] }>): CombinedNote {
  // The rows of each item, by its first row.
  const rows = new Map<Item, Item[]>();
  for (const it of a.ledger.items) {
    const head = it.firstRow ?? it;
    const list = rows.get(head);
    if (list) list.push(it);
    else rows.set(head, [it]);
  }
  const groups = new Map<string, { files: string[]; items: number; copy: boolean }>();
  for (const list of rows.values()) {
    if (list.length < 2) continue;
    const byUnit = new Map<string, string[]>();
    for (const r of list) {
      const unit = r.leadUnit ? compactKey(r.leadUnit.name) : '';
      const files = byUnit.get(unit) ?? [];
      const file = r.part.file ?? '';
      if (!files.includes(file)) files.push(file);
      byUnit.set(unit, files);
    }
    const files = [...byUnit.values()].filter((f) => f.length > 1).sort((x, y) => y.length - x.length)[0];
    if (!files) continue;
    const key = files.join('\u0000');
    const g = groups.get(key) ?? { files, items: 0, copy: false };
    g.items++;
    groups.set(key, g);
  }
  const withLedger = new Set(a.ledger.parts.map((p) => p.file));
  const noLedger = books
    .filter((b) => b.file !== null && !withLedger.has(b.file))
    .map((b) => {
      const empty = b.grids.every((g) => g.values.every((r) => r.every((v) => v === null || v === undefined || v === '')));
      const why = a.ledger.unread.filter((u) => u.file === b.file).map((u) => (u.sheet.startsWith('（') ? u.reason : `工作表“${u.sheet}”${u.reason}`));
      return { name: b.file as string, reason: empty ? '工作簿是空的' : why.length ? why.join('；') : '没有找到台账表头' };
    });
  // Most of a file's rows found again in another file: a copy of it, not an item entered twice.
  const rowsIn = new Map<string, number>();
  for (const p of a.ledger.parts) rowsIn.set(p.file ?? '', (rowsIn.get(p.file ?? '') ?? 0) + p.items);
  for (const g of groups.values()) g.copy = g.items * 2 >= Math.min(...g.files.map((f) => rowsIn.get(f) ?? 0));
  return { shared: [...groups.values()].sort((x, y) => y.items - x.items), noLedger };
}

/**
 * The workbooks that are copies of one read before them: every item of theirs (source, number and lead unit) is in
 * that file too. The totals count such items once already (from the first file's rows); left out, their rows are not
 * listed again as findings (编号重复 on every item, each finding twice).
 */
export function copiesIn(a: Analysis, books: ReadonlyArray<{ file: string | null }>): NonNullable<CombinedNote['copies']> {
  const order = books.map((b) => b.file ?? '');
  const rowsIn = new Map<string, number>();
  for (const p of a.ledger.parts) rowsIn.set(p.file ?? '', (rowsIn.get(p.file ?? '') ?? 0) + p.items);
  const out: NonNullable<CombinedNote['copies']> = [];
  for (const g of combinedNote(a, []).shared) {
    if (g.files.length !== 2) continue;
    const [first, later] = [...g.files].sort((x, y) => order.indexOf(x) - order.indexOf(y));
    if (out.some((c) => c.name === first || c.name === later)) continue;
    if ((rowsIn.get(later) ?? 0) === g.items && g.items > 0) out.push({ name: later, of: first, items: g.items });
  }
  return out;
}

export class Session {
  private name = '';
  /** The ledger as the circular's data names it: the file, or the files combined. */
  private source = '';
  private books: Book[] | null = null;
  /** The last analysis, the books it read (copies left out) and the copies left out. */
  private last: { key: string; analysis: Analysis; books: Book[]; copies: NonNullable<CombinedNote['copies']> } | null = null;
  /** The page's own settings (null: none, or the defaults): used before the workbook's. */
  private own: ConfigFile | null = null;
  /** 设置 saved in the one workbook open (by the Excel pane or WPS 表格), used when the page has none of its own. */
  private workbookSettings: ConfigFile | null = null;

  /** The settings in force: the page's own, else the workbook's, else the defaults. */
  private effective(): { config: Config; praisedUnits: string[] | undefined } {
    const f = this.own ?? this.workbookSettings;
    if (!f) return { config: DEFAULT_CONFIG, praisedUnits: undefined };
    return { config: configFromFile(f), praisedUnits: f.praisedUnits?.length ? [...f.praisedUnits] : undefined };
  }

  /** What the workbook's saved settings mean for this check, in the clerk's words (for the message after opening). */
  private settingsNote(bytes: Uint8Array, grids: Grid[]): OpenedLedger['settings'] {
    this.workbookSettings = null;
    const value = savedSettingsValue(bytes, grids);
    if (value === undefined) return undefined;
    const stored = readStored(value, '工作簿中');
    if (!stored.file) return { used: false, message: stored.problem ?? '' };
    this.workbookSettings = stored.file;
    if (!this.own) return { used: true, message: '按工作簿中保存的设置检查（在 Excel 或 WPS 表格的“设置”中保存的）。' };
    if (sameSettings(stored.file, this.own)) return { used: true, message: '工作簿中保存的设置与这里“设置”中的相同。' };
    return {
      used: false,
      message: '工作簿中保存了另一套设置（在 Excel 或 WPS 表格的“设置”中保存的），这里按“设置”中的设置检查。要按工作簿中的设置检查，请在这里的“设置”中点“恢复默认”并保存。',
    };
  }
  /** The settings used from now on (checked again here: the page's word is not taken for it). */
  configure(settings: ConfigFile): void {
    const issues = configIssues(settings);
    if (issues.length) throw new BanliError('bad-option', `设置有 ${issues.length} 处问题，没有使用：${issues.map((i) => i.text).join(' ')}`);
    // Nothing set (an empty file, or the defaults written out) is no settings of the page's own.
    this.own = Object.keys(settings).length > 0 && !sameSettings(settings, defaultSettings()) ? settings : null;
    this.last = null;
  }

  /**
   * One file: read as today. Several: Banli's own annotated copies and the same file twice are skipped, the others
   * read one after another (a file that cannot be read is listed and left out) and checked as one ledger.
   */
  async open(files: LedgerFile[], onProgress?: (p: Progress) => void): Promise<OpenedLedger> {
    this.books = null;
    this.last = null;
    if (files.length === 0) throw new BanliError('not-found', '没有选择文件。请选择台账工作簿（.xlsx）。');
    if (files.length === 1) {
      const { bytes, name } = files[0];
      onProgress?.({ phase: 'read', done: 0, total: 0 });
      // The streaming reader reports rows read, and the rows the sheets declare when they do.
      const { grids, buffer } = await readWorkbook(bytes, name, { onProgress: (p) => onProgress?.({ phase: 'read', done: p.rowsRead, total: p.rowsTotal ?? 0 }) });
      this.name = name;
      this.source = name;
      this.books = [{ file: null, name, grids, bytes: buffer }];
      const settings = this.settingsNote(buffer, grids);
      return { name, sheets: sheetList(grids), files: [name], skipped: [], unreadable: [], ...(settings ? { settings } : {}) };
    }
    // Several workbooks: each may carry its own settings; none is chosen over the others (the page's are used).
    this.workbookSettings = null;
    const skipped: OpenedLedger['skipped'] = [];
    const kept: LedgerFile[] = [];
    // In the order of their names, as the CLI reads a folder (a browser hands a folder's files in any order).
    const ordered = [...files].sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
    for (const f of ordered) {
      const shown = baseName(f.name);
      if (isAnnotatedName(shown) || (await isBanliAnnotated(f.bytes))) {
        skipped.push({ name: f.name, message: `${f.name} 是办理助手写出的标注副本，不作为台账读取。` });
        continue;
      }
      const same = kept.find((k) => sameBytes(k.bytes, f.bytes));
      if (same) {
        skipped.push({ name: f.name, message: same.name === f.name ? `${f.name} 选择了两次，只读取一次。` : `${f.name} 与 ${same.name} 内容相同，只读取一次。` });
        continue;
      }
      kept.push(f);
    }
    if (kept.length === 0) throw new BanliError('not-found', `选择的文件中没有可以读取的台账：${skipped.map((x) => x.message).join('')}`);
    const combined = kept.length > 1;
    const names = combined ? citedNames(kept.map((f) => f.name)) : [baseName(kept[0].name)];
    const books: Book[] = [];
    const unreadable: OpenedLedger['unreadable'] = [];
    for (let i = 0; i < kept.length; i++) {
      const file = { index: i + 1, count: kept.length, name: names[i] };
      onProgress?.({ phase: 'read', done: 0, total: 0, file });
      try {
        const { grids, buffer } = await readWorkbook(kept[i].bytes, names[i], {
          onProgress: (p) => onProgress?.({ phase: 'read', done: p.rowsRead, total: p.rowsTotal ?? 0, file }),
        });
        books.push({ file: combined ? names[i] : null, name: names[i], grids, bytes: buffer });
      } catch (e) {
        unreadable.push({ name: names[i], message: unreadableText(names[i], e) });
      }
    }
    if (books.length === 0) {
      throw new BanliError('unreadable', kept.length === 1 ? unreadable[0].message : `选择的 ${kept.length} 个文件都无法读取：${unreadable.map((u) => u.message).join(' ')}`);
    }
    // Several chosen but one read: named as that file (its findings still cite it, as the files chosen were several).
    this.name = books.length > 1 ? combinedLabel(books.length) : books[0].name;
    const shown = books.slice(0, 5).map((b) => b.name);
    this.source = books.length > 1 ? `${this.name}（${shown.join('、')}${books.length > shown.length ? ' 等' : ''}）` : this.name;
    this.books = books;
    const sheets = combined ? [] : sheetList(books[0].grids);
    return { name: this.name, sheets, files: books.map((b) => b.name), skipped, unreadable };
  }

  private analysis(asOf: string, sheet?: string, columns?: ColumnChoice): Analysis {
    return this.analysed(asOf, sheet, columns).analysis;
  }

  private analysed(asOf: string, sheet?: string, columns?: ColumnChoice): NonNullable<Session['last']> {
    if (!this.books) throw new BanliError('not-found', '请先打开台账文件。');
    // No choice (the settings' 列对应 holds) and an empty one (Banli's guess) read differently.
    const key = `${asOf}|${sheet ?? ''}|${columns === undefined ? 'settings' : JSON.stringify(columns)}`;
    if (this.last?.key !== key) {
      const options = { asOf, sheet, columns, config: this.effective().config };
      const analyse = (books: Book[]) => analyseLedger(readLedgers(books.map((b) => ({ file: b.file, grids: b.grids })), options), options);
      let books = this.books;
      let analysis = analyse(books);
      // A workbook all of whose items are in one read before it is a copy (a ledger chosen with its re-saved copy):
      // left out, so each item is counted and its findings listed once (the core's combined reading lists each
      // file's rows; see copiesIn).
      const copies = books.length > 1 ? copiesIn(analysis, books) : [];
      if (copies.length) {
        const left = new Set(copies.map((c) => c.name));
        books = books.filter((b) => !left.has(b.name));
        analysis = analyse(books);
      }
      this.last = { key, analysis, books, copies };
    }
    return this.last;
  }

  check(asOf: string, sheet?: string, columns?: ColumnChoice): PageView {
    try {
      const { analysis: a, books, copies } = this.analysed(asOf, sheet, columns);
      const view = checkView(a, asOf, this.source);
      if ((this.books as Book[]).length <= 1) return view;
      return { ...view, combined: { ...combinedNote(a, books), ...(copies.length ? { copies } : {}) } };
    } catch (e) {
      // Said with the ledger's name, as a file that cannot be read is: “empty.xlsx：工作簿是空的……”.
      if (isBanliError(e)) return { ok: false, message: e.message.includes(this.name) ? e.message : `${this.source}：${e.message}` };
      throw e;
    }
  }

  /** One worksheet row with its headers: what a clerk sees when opening a finding (file: which, when combined). */
  row(sheet: string, row: number, file?: string): RowDetail {
    const book = this.books?.find((b) => file === undefined || b.file === null || b.file === file);
    const g = book?.grids.find((x) => x.sheet === sheet);
    if (!book || !g) throw new BanliError('not-found', `找不到${file ? `${file} 的` : ''}工作表“${sheet}”。`);
    const part = this.last?.analysis.ledger.parts.find((p) => p.file === book.file && p.sheet === sheet);
    const headerRow = part ? part.headerRow : g.top;
    const header = g.values[headerRow - g.top] ?? [];
    const values = g.values[row - g.top] ?? [];
    const width = Math.max(header.length, values.length);
    const cells = [];
    for (let i = 0; i < width; i++) {
      const h = text(header[i]).trim();
      const v = text(values[i]);
      if (!h && !v) continue;
      cells.push({ cell: `${columnLetter(g.left + i)}${row}`, header: h || `（${columnLetter(g.left + i)} 列）`, value: v });
    }
    return { sheet, row, cells };
  }

  async annotated(asOf: string, sheet?: string, columns?: ColumnChoice): Promise<Uint8Array> {
    const { analysis: a, books } = this.analysed(asOf, sheet, columns);
    if ((this.books as Book[]).length === 1) return annotateBuffer(books[0].bytes, a);
    // One annotated copy per file, each marking its own cells (and listing the findings about the whole ledger).
    const names = books.map((b) => b.name);
    const entries: Record<string, [Uint8Array, { level: 0 }]> = {};
    for (const b of books) {
      const findings = a.findings.filter((f) => f.cell === null || fileOfCell(f.cell, names) === b.name);
      entries[annotatedFileName(b.name)] = [await annotateBuffer(b.bytes, { ...a, findings }), { level: 0 }];
    }
    return zipSync(entries);
  }

  async circular(options: CircularOptions, asOf: string, sheet?: string, columns?: ColumnChoice): Promise<Uint8Array> {
    const a = this.analysis(asOf, sheet, columns);
    // The settings' 表扬单位 unless the circular's own options name them.
    const praisedUnits = this.effective().praisedUnits;
    const o = options.praisedUnits?.length || !praisedUnits ? options : { ...options, praisedUnits };
    return docxBytes(composeCircular(circularData(a, asOf, this.source), o, asOf), o.date);
  }
}
