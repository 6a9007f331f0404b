/**
 * The old read path (exceljs), kept only in the tests: the parity test reads every workbook with it and with the
 * streaming reader and compares the Grids cell by cell.
 */
import ExcelJS from 'exceljs';
import { CellValue, Grid } from '../../src/core';

function plainValue(v: ExcelJS.CellValue | undefined): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as unknown as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as Array<{ text: string }>).map((r) => r.text).join('');
    if ('formula' in o || 'sharedFormula' in o) return 'result' in o ? plainValue(o.result as ExcelJS.CellValue) : null;
    if ('hyperlink' in o) return plainValue(o.text as ExcelJS.CellValue);
    if ('error' in o) return String(o.error);
  }
  return null;
}

const IGNORED_NODES = [
  'dataValidations', 'conditionalFormatting', 'hyperlinks', 'sheetPr', 'printOptions', 'pageMargins', 'pageSetup',
  'headerFooter', 'rowBreaks', 'drawing', 'picture', 'tableParts', 'autoFilter', 'sheetViews', 'cols',
  'sheetFormatPr', 'sheetProtection', 'extLst', 'dimensions',
];

export async function readWithExceljs(buf: Uint8Array): Promise<Grid[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer, { ignoreNodes: IGNORED_NODES } as never);
  return wb.worksheets.map((ws) => {
    const values: CellValue[][] = [];
    const hiddenRows: number[] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      if (row.hidden) hiddenRows.push(r);
      const raw = row.values as Array<ExcelJS.CellValue | undefined>;
      const out: CellValue[] = [];
      for (let c = 1; c < raw.length; c++) out.push(plainValue(raw[c]));
      values.push(out);
    }
    return { sheet: ws.name, values, top: 1, left: 1, hiddenRows, hidden: ws.state !== 'visible' };
  });
}
