/**
 * What the page asks of the ledger engine: open a workbook, check it against a day, show one item's row, and make
 * the downloads. The engine runs in a Web Worker (worker.ts), so the page never holds the grid: only results
 * cross over. Tests use the same engine in-thread.
 */
import { CheckView, CircularOptions, ColumnChoice, ConfigFile, RowDetail } from '../core';

export type { CheckView, ColumnChoice, RowDetail };

/** What the files read as one ledger mean for the check: said with the totals, in the clerk's words. */
export interface CombinedNote {
  /**
   * The same items (source, number and lead unit) in two or more files — usually one ledger chosen with a copy of
   * itself (a re-saved copy): which files, how many items, and whether they are most of a file's items (a copy,
   * rather than an item entered twice). Each item counts once in the totals.
   */
  shared: Array<{ files: string[]; items: number; copy: boolean }>;
  /** Workbooks that were read but hold no ledger sheet (left out of the totals), with why. */
  noLedger: Array<{ name: string; reason: string }>;
  /**
   * Workbooks left out as copies: every item in them (source, number and lead unit) is in a file read before
   * (a ledger chosen with its re-saved copy). Counted once, its findings are listed once: the first file's.
   */
  copies?: Array<{ name: string; of: string; items: number }>;
}

/** A check as the page gets it: the core's view and, for several files, what they mean for it. */
export type PageView = CheckView & { combined?: CombinedNote };

export interface Progress {
  phase: 'read' | 'check';
  /** Rows (or parts) done and the total, when known. */
  done: number;
  total: number;
  /** When several files are read: which one (1-based), of how many, and its name. */
  file?: { index: number; count: number; name: string };
}

/** A file given to open(): its bytes and its name (with its folder when a folder was chosen: 回执/单位01.xlsx). */
export interface LedgerFile {
  bytes: Uint8Array;
  name: string;
}

export interface OpenedLedger {
  /** The file's name, or 合并的 N 个工作簿 when several were read as one ledger. */
  name: string;
  /** The sheets to choose the ledger from (none when several workbooks are combined: every ledger sheet is read). */
  sheets: string[];
  /** The files read, by the name findings cite them by (one file: its name). */
  files: string[];
  /** Files not read, and why: the same file twice, or Banli's own annotated copy. */
  skipped: Array<{ name: string; message: string }>;
  /** Files that could not be read (left out of the ledger), with the reason. */
  unreadable: Array<{ name: string; message: string }>;
  /** Settings saved in the workbook (by the Excel pane or WPS 表格): whether they are used, and what to say. */
  settings?: { used: boolean; message: string };
}

export interface Engine {
  /**
   * Opens files (one, the sample, or several read as one ledger, in the order of their names); replaces the ledger held before, or clears it when
   * none can be read. The bytes are handed over (transferred to the worker).
   */
  open(files: LedgerFile[], onProgress?: (p: Progress) => void): Promise<OpenedLedger>;
  /** columns: the clerk's corrections of the guessed column mapping (field → header text, '' = none). */
  check(asOf: string, sheet?: string, columns?: ColumnChoice): Promise<PageView>;
  /** One worksheet row; file: the file it is in when several are combined (Progress/OpenedLedger.files' names). */
  row(sheet: string, row: number, file?: string): Promise<RowDetail>;
  /** The annotated copy (.xlsx); with several files, a .zip of one annotated copy per file. */
  annotated(asOf: string, sheet?: string, columns?: ColumnChoice): Promise<Uint8Array>;
  circular(options: CircularOptions, asOf: string, sheet?: string, columns?: ColumnChoice): Promise<Uint8Array>;
  /**
   * The settings (banli.config.json's content, checked by the page) used by check, annotated and circular from now
   * on; invalid ones are refused with the Chinese message and the settings before stay in force.
   */
  configure(settings: ConfigFile): Promise<void>;
  /** Stops the work under way (the ledger being opened is dropped). */
  cancel(): void;
}

/** The page's side of files: bytes in (a chosen file, the bundled sample) and a download out. */
export interface PageFiles {
  engine(): Promise<Engine>;
  sample(): Promise<Uint8Array>;
  download(bytes: Uint8Array | Blob, name: string, type: string): void;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const ZIP_TYPE = 'application/zip';
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
