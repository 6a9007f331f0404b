/**
 * Ledger layouts as other offices build them, written as real .xlsx files. Each fixture says what the ledger holds
 * so the tests can assert exact totals and findings. The tests write them into a temporary folder with
 * writeFixtures(dir); nothing generated is committed.
 */
import * as path from 'path';
import { CellValue } from '../../src/core';
import { FULL_HEADERS, RowSpec, rows, unitGrid } from '../helpers/ledger';
import { SheetSpec, writeXlsx } from '../helpers/xlsx';

/** A header row and rows built from specs (a spec's key is a header; absent keys are blank cells). */
export function table(headers: readonly string[], specs: RowSpec[], above: CellValue[][] = []): CellValue[][] {
  return [...above, [...headers], ...specs.map((r) => headers.map((h) => (r[h] === undefined ? null : r[h]!)))];
}

const NO_SOURCE = FULL_HEADERS.filter((h) => h !== '类别');
const units = (): SheetSpec => ({ name: '承办单位', rows: unitGrid().values });
const pending: RowSpec = { 答复日期: null, 答复类别: null, 代表委员意见: null, 解决程度: null, 是否面商: null };

export interface Fixture {
  file: string;
  sheets: SheetSpec[];
}

/** Every fixture, by name. */
export function fixtures(): Record<string, Fixture> {
  return {
    /** 人大建议 (10) and 政协提案 (8) on sheets of their own, no source column; one proposal overdue. */
    twoSheets: {
      file: 'two-sheets.xlsx',
      sheets: [
        { name: '人大建议', rows: table(NO_SOURCE, rows(...Array.from({ length: 10 }, () => ({})))) },
        { name: '政协提案', rows: table(NO_SOURCE, rows(...Array.from({ length: 8 }, (_, i) => (i === 3 ? pending : {})))) },
        units(),
      ],
    },
    /** 省人大建议 (2), 市人大建议 (3, one 闭会建议 by a marker column) and 市政协提案 (4), a hidden old copy, an empty sheet. */
    threeSheets: {
      file: 'three-sheets.xlsx',
      sheets: [
        { name: '2021年省人大建议', rows: table(NO_SOURCE, rows({}, {}), [['2021年省人大代表建议办理台账']]) },
        { name: '市人大建议', rows: table([...NO_SOURCE, '是否闭会建议'], rows({}, {}, { 是否闭会建议: '是' })) },
        { name: '市政协提案', rows: table(NO_SOURCE, rows({}, {}, {}, {})) },
        { name: '旧台账', rows: table(FULL_HEADERS, rows({}, {})), setup: (ws) => (ws.state = 'hidden') },
        { name: '模板', rows: table(FULL_HEADERS, []) },
        units(),
      ],
    },
  };
}

export async function writeFixture(dir: string, f: Fixture): Promise<string> {
  return writeXlsx(path.join(dir, f.file), f.sheets);
}

export async function writeFixtures(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [name, f] of Object.entries(fixtures())) out[name] = await writeFixture(dir, f);
  return out;
}
