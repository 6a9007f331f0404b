/**
 * What the page asks of the ledger engine: open a workbook, check it against a day, show one item's row, and make
 * the downloads. The engine runs in a Web Worker (worker.ts), so the page never holds the grid: only results
 * cross over. Tests use the same engine in-thread.
 */
import { CheckView, CircularOptions, ColumnChoice, ConfigFile, RowDetail } from '../core';

export type { CheckView, ColumnChoice, RowDetail };

export interface Progress {
  phase: 'read' | 'check';
  /** Rows (or parts) done and the total, when known. */
  done: number;
  total: number;
}

export interface OpenedLedger {
  name: string;
  sheets: string[];
}

export interface Engine {
  /** Opens bytes (a file or the sample); replaces the ledger held before, or clears it when this one fails. */
  open(bytes: Uint8Array, name: string, onProgress?: (p: Progress) => void): Promise<OpenedLedger>;
  /** columns: the clerk's corrections of the guessed column mapping (field → header text, '' = none). */
  check(asOf: string, sheet?: string, columns?: ColumnChoice): Promise<CheckView>;
  row(sheet: string, row: number): Promise<RowDetail>;
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
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
