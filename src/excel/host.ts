/** The Excel host as the task pane sees it: adapter functions run inside Excel.run. */
import { Analysis, Finding, Grid } from '../core';
import { clearMarks, markFindings, MarkResult, selectCell } from './marks';
import { ReadProgress, readGrids } from './read';
import { ExcelCapabilities, excelCapabilities } from './requirements';
import { writeSummarySheet } from './summarySheet';
import { ConfigStore, documentConfigStore, documentSettingsUsable } from './settings';

export interface ExcelHost {
  /** Whose program this is, for messages naming it: Microsoft Excel (default) or WPS 表格. */
  product?: 'office' | 'wps';
  capabilities: ExcelCapabilities;
  read(onProgress?: (p: ReadProgress) => void): Promise<Grid[]>;
  mark(findings: Finding[]): Promise<MarkResult>;
  clear(): Promise<{ restored: number }>;
  summary(a: Analysis, asOf: string): Promise<string>;
  select(sheet: string, cell: string): Promise<void>;
  /** Calls back when the named sheet's data changes; returns the unsubscribe. */
  onChanged(sheet: string, callback: () => void): Promise<() => Promise<void>>;
  /** Banli's settings kept in the workbook (document settings); absent where this Office cannot keep them. */
  settings?: ConfigStore;
}

/** Office.context.document.settings when it has every member Banli calls, else undefined. */
function workbookSettings(): ConfigStore | undefined {
  const settings = typeof Office !== 'undefined' ? Office.context?.document?.settings : undefined;
  return documentSettingsUsable(settings) ? documentConfigStore(settings, Office.AsyncResultStatus.Succeeded) : undefined;
}

export function officeExcelHost(): ExcelHost {
  const lib = (globalThis as unknown as { Excel?: Record<string, unknown> }).Excel;
  const settings = workbookSettings();
  const capabilities = { ...excelCapabilities((n, v) => Office.context.requirements.isSetSupported(n, v), lib), documentSettings: settings !== undefined };
  return {
    capabilities,
    settings,
    read: (onProgress) => Excel.run((ctx) => readGrids(ctx, onProgress)),
    mark: (findings) => Excel.run((ctx) => markFindings(ctx, findings, capabilities)),
    clear: () => Excel.run((ctx) => clearMarks(ctx, capabilities)),
    summary: (a, asOf) => Excel.run((ctx) => writeSummarySheet(ctx, a, asOf)),
    select: (sheet, cell) => Excel.run((ctx) => selectCell(ctx, sheet, cell)),
    async onChanged(sheet, callback) {
      if (!capabilities.changeEvents) return async () => undefined;
      const handler = await Excel.run(async (ctx) => {
        const h = ctx.workbook.worksheets.getItem(sheet).onChanged.add(async () => callback());
        await ctx.sync();
        return h;
      });
      return async () => {
        await Excel.run(handler.context, async (ctx) => {
          handler.remove();
          await ctx.sync();
        });
      };
    },
  };
}
