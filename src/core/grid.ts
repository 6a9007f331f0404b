/**
 * Grid: what every source (Office.js, an .xlsx file, a file dropped in a browser) hands the core.
 * Nothing after a Grid knows where the data came from.
 */
export type CellValue = string | number | boolean | Date | null | UncalculatedFormula;

/**
 * A formula cell saved without its result (written by a program that does not calculate): it has no value to
 * read, and the core says so instead of calling the cell empty.
 */
export class UncalculatedFormula {
  constructor(readonly formula: string) {}
  /** As text it is empty: it shows nothing until calculated. */
  toString(): string {
    return '';
  }
}

export interface Grid {
  /** Worksheet name as written in the workbook. */
  sheet: string;
  /** Cell values, row-major; rows may be ragged. */
  values: CellValue[][];
  /** 1-based worksheet row of values[0]. */
  top: number;
  /** 1-based worksheet column of values[r][0]. */
  left: number;
  /** Worksheet rows (1-based) hidden in the source, where the source knows. */
  hiddenRows?: number[];
  /** The sheet itself is hidden in the source. */
  hidden?: boolean;
}

/** 1 → A, 27 → AA. */
export function columnLetter(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A → 1, AA → 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Sheet names that need quoting in a reference ('My Sheet'!A1); Chinese names do not. */
export function cellAddress(sheet: string, row: number, col: number): string {
  const needsQuote = /[\s'!,;()\-+&]/.test(sheet);
  const name = needsQuote ? `'${sheet.replace(/'/g, "''")}'` : sheet;
  return `${name}!${columnLetter(col)}${row}`;
}

export function cellAt(grid: Grid, rowIndex: number, colIndex: number): CellValue {
  const row = grid.values[rowIndex];
  if (!row) return null;
  const v = row[colIndex];
  return v === undefined ? null : v;
}
