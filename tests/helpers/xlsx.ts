/** Writing small real .xlsx files for tests, with exceljs. */
import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CellValue } from '../../src/core';

export async function tempDir(prefix = 'banli-'): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), prefix));
}

export interface SheetSpec {
  name: string;
  rows: Array<Array<CellValue | ExcelJS.CellValue>>;
  setup?: (ws: ExcelJS.Worksheet) => void;
}

export async function writeXlsx(file: string, sheets: SheetSpec[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((r, i) => (ws.getRow(i + 1).values = r as ExcelJS.CellValue[]));
    s.setup?.(ws);
  }
  await wb.xlsx.writeFile(file);
  return file;
}
