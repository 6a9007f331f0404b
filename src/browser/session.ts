/**
 * The ledger engine itself: reads a workbook, keeps its grids, checks them against a day, and makes the downloads.
 * It runs inside the Web Worker (worker.ts) in the page; tests and browsers without workers run it in-thread.
 * Only results leave it: totals as text, findings, the circular's data, one row on request.
 */
import { Analysis, BanliError, CheckView, CircularOptions, ColumnChoice, Config, ConfigFile, DEFAULT_CONFIG, Grid, RowDetail, analyse, checkView, circularData, columnLetter, composeCircular, configFromFile, isBanliError } from '../core';
import { configIssues } from '../config/validate';
import { readWorkbook } from '../xlsx/read';
import { annotateBuffer } from '../xlsx/annotate';
import { docxBytes } from '../docx/zip';
import { OpenedLedger, Progress } from './types';

function text(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  return String(v);
}

export class Session {
  private name = '';
  private grids: Grid[] | null = null;
  private bytes: Uint8Array | null = null;
  private last: { key: string; analysis: Analysis } | null = null;
  private config: Config = DEFAULT_CONFIG;
  private praisedUnits: string[] | undefined;

  /** The settings used from now on (checked again here: the page's word is not taken for it). */
  configure(settings: ConfigFile): void {
    const issues = configIssues(settings);
    if (issues.length) throw new BanliError('bad-option', `设置有 ${issues.length} 处问题，没有使用：${issues.map((i) => i.text).join(' ')}`);
    this.config = configFromFile(settings);
    this.praisedUnits = settings.praisedUnits?.length ? [...settings.praisedUnits] : undefined;
    this.last = null;
  }

  async open(bytes: Uint8Array, name: string, onProgress?: (p: Progress) => void): Promise<OpenedLedger> {
    this.grids = null;
    this.bytes = null;
    this.last = null;
    onProgress?.({ phase: 'read', done: 0, total: 0 });
    // The streaming reader reports rows read, and the rows the sheets declare when they do.
    const { grids, buffer } = await readWorkbook(bytes, name, { onProgress: (p) => onProgress?.({ phase: 'read', done: p.rowsRead, total: p.rowsTotal ?? 0 }) });
    this.name = name;
    this.grids = grids;
    this.bytes = buffer;
    return { name, sheets: [...grids].sort((a, b) => Number(Boolean(a.hidden)) - Number(Boolean(b.hidden))).map((g) => g.sheet) };
  }

  private analysis(asOf: string, sheet?: string, columns?: ColumnChoice): Analysis {
    if (!this.grids) throw new BanliError('not-found', '请先打开台账文件。');
    const key = `${asOf}|${sheet ?? ''}|${JSON.stringify(columns ?? {})}`;
    if (this.last?.key !== key) this.last = { key, analysis: analyse(this.grids, { asOf, sheet, columns, config: this.config }) };
    return this.last.analysis;
  }

  check(asOf: string, sheet?: string, columns?: ColumnChoice): CheckView {
    try {
      return checkView(this.analysis(asOf, sheet, columns), asOf, this.name);
    } catch (e) {
      if (isBanliError(e)) return { ok: false, message: e.message };
      throw e;
    }
  }

  /** One worksheet row with its headers: what a clerk sees when opening a finding. */
  row(sheet: string, row: number): RowDetail {
    const g = this.grids?.find((x) => x.sheet === sheet);
    if (!g) throw new BanliError('not-found', `找不到工作表“${sheet}”。`);
    const l = this.last?.analysis.ledger;
    const headerRow = l && l.sheet === sheet ? l.headerRow : g.top;
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
    const a = this.analysis(asOf, sheet, columns);
    return annotateBuffer(this.bytes as Uint8Array, a);
  }

  async circular(options: CircularOptions, asOf: string, sheet?: string, columns?: ColumnChoice): Promise<Uint8Array> {
    const a = this.analysis(asOf, sheet, columns);
    // The settings' 表扬单位 unless the circular's own options name them.
    const o = options.praisedUnits?.length || !this.praisedUnits ? options : { ...options, praisedUnits: this.praisedUnits };
    return docxBytes(composeCircular(circularData(a, asOf, this.name), o, asOf), o.date);
  }
}
