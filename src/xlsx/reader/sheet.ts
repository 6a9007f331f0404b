/**
 * One worksheet part streamed into a Grid: plain values straight into row arrays, no object per cell. Rows and
 * cells without r= continue from the previous one; empty rows (formatted or not) allocate nothing; merged ranges
 * repeat their first cell's value over the rows and columns that hold data; hidden rows are listed.
 */
import { CellValue, Grid, UncalculatedFormula } from '../../core/grid';
import { ZipEntry } from './zip';
import { streamXml, unescapeOoxml, xmlTrue } from './xml';

export interface SheetContext {
  sharedStrings: string[];
  dateStyles: boolean[];
  date1904: boolean;
  partLimit: number;
  /** Cells still allowed across the workbook; exceeding it throws CellLimitError. */
  cellBudget: { left: number; limit: number };
  /** Called every few thousand rows with the rows read in this sheet and its declared row count, if any. */
  progress?: (rowsRead: number, rowsTotal: number | undefined) => void;
}

/** Past the cells allowed, or past Excel's own grid (1,048,576 rows × 16,384 columns): no real sheet goes there. */
export class CellLimitError extends Error {
  constructor(
    readonly what: 'cells' | 'rows' | 'columns',
    readonly limit: number,
  ) {
    super(`more than ${limit} ${what}`);
  }
}

export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

const EMPTY_ROW: CellValue[] = Object.freeze([]) as unknown as CellValue[];
const DAY_MS = 86400000;

/** "AB12" → column 28 (and the row into `rowOut[0]`); 0 when not a reference. */
function parseRef(ref: string, rowOut: number[]): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else if (c === 36) continue; // $
    else break;
  }
  let row = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 48 && c <= 57) row = row * 10 + (c - 48);
    else if (c !== 36) break;
  }
  rowOut[0] = row;
  return col;
}

/** The last serial of a real day, 9999-12-31 23:59:59.999 (Excel's last date), in each date system. */
const LAST_SERIAL = { 1900: 2958466, 1904: 2958466 - 1462 } as const;

/**
 * Whether a number in a date-formatted cell is a date: a serial from 0 to 9999-12-31 (its time of day kept). A number
 * past any real date — 20210510 typed into a cell formatted yyyy-mm-dd hh:mm, which Excel shows as ##### — or below
 * zero is no serial: it stays the number typed, and the core reads an eight-digit one as YYYYMMDD.
 */
export function isDateSerial(n: number, date1904: boolean): boolean {
  return n >= 0 && n < LAST_SERIAL[date1904 ? 1904 : 1900];
}

/** Excel serial → Date at UTC (the day and the time of day exactly as the cell holds them). */
export function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * DAY_MS));
}

export interface SheetResult {
  grid: Grid;
  rowsRead: number;
  rowsTotal: number | undefined;
}

export function readSheet(buf: Uint8Array, entry: ZipEntry, name: string, hidden: boolean, ctx: SheetContext): SheetResult {
  const values: CellValue[][] = [];
  const hiddenRows: number[] = [];
  const merges: string[] = [];
  const { sharedStrings, dateStyles, date1904, cellBudget, progress } = ctx;
  const refRow = [0];
  const dates = new Map<number, Date>();
  let rowsTotal: number | undefined;

  let inSheetData = false;
  let rowNum = 0;
  let colNum = 0;
  let rowsRead = 0;
  // The cell being read.
  let type = '';
  let style = 0;
  let cellRow = 0;
  let text = '';
  let hasV = false;
  let hasF = false;
  let formula = '';
  /** 1 = <v>, 2 = <f>, 3 = <t> of an inline string (outside phonetic runs). */
  let capture = 0;
  let inIs = false;
  let inPhonetic = false;

  const put = (r: number, c: number, v: CellValue) => {
    if (--cellBudget.left < 0) throw new CellLimitError('cells', cellBudget.limit);
    if (r > MAX_ROWS || r < 1) throw new CellLimitError('rows', MAX_ROWS);
    if (c > MAX_COLUMNS || c < 1) throw new CellLimitError('columns', MAX_COLUMNS);
    while (values.length < r - 1) values.push(EMPTY_ROW);
    let row = values[r - 1];
    if (row === undefined || row === EMPTY_ROW) {
      row = [];
      values[r - 1] = row;
    }
    while (row.length < c - 1) row.push(null);
    row[c - 1] = v;
  };

  const endCell = () => {
    let v: CellValue = null;
    if (hasV) {
      switch (type) {
        case 's': {
          const s = sharedStrings[Number(text)];
          v = s === undefined ? null : s;
          break;
        }
        case 'str':
        case 'inlineStr':
          v = unescapeOoxml(text);
          break;
        case 'b':
          v = text === '1' || text === 'true';
          break;
        case 'e':
          v = text;
          break;
        case 'd': {
          const d = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`);
          v = Number.isNaN(d.getTime()) ? text : d;
          break;
        }
        default: {
          if (text === '') break;
          const n = Number(text);
          if (Number.isNaN(n)) v = text;
          else if (dateStyles[style] && isDateSerial(n, date1904)) {
            // One Date per distinct serial: a ledger's dates repeat (a few hundred days over its rows), and nothing
            // changes a cell's value once read.
            let d = dates.get(n);
            if (d === undefined) {
              d = serialToDate(n, date1904);
              if (dates.size < 100000) dates.set(n, d);
            }
            v = d;
          } else v = n;
        }
      }
      if (v === '' && type !== 's' && type !== 'inlineStr') v = null;
    } else if (hasF) {
      v = new UncalculatedFormula(`=${formula}`);
    }
    if (v !== null) put(cellRow, colNum, v);
  };

  streamXml(buf, entry, ctx.partLimit, {
    open(tag, a, selfClosing) {
      if (inSheetData) {
        switch (tag) {
          case 'c': {
            const ref = a.r;
            if (ref !== undefined) {
              const c = parseRef(ref, refRow);
              colNum = c > 0 ? c : colNum + 1;
              if (refRow[0] > 0) cellRow = refRow[0];
              else cellRow = rowNum;
            } else {
              colNum++;
              cellRow = rowNum;
            }
            type = a.t ?? '';
            const s = a.s;
            style = s === undefined ? 0 : Number(s);
            hasV = false;
            hasF = false;
            text = '';
            if (selfClosing) endCell();
            return;
          }
          case 'v':
            hasV = true;
            text = '';
            capture = selfClosing ? 0 : 1;
            return;
          case 'f':
            hasF = true;
            formula = '';
            capture = selfClosing ? 0 : 2;
            return;
          case 'is':
            inIs = true;
            hasV = true;
            type = 'inlineStr';
            text = '';
            return;
          case 't':
            if (inIs && !inPhonetic && !selfClosing) capture = 3;
            return;
          case 'rPh':
            inPhonetic = true;
            return;
          case 'row': {
            const r = a.r;
            rowNum = r !== undefined ? Number(r) : rowNum + 1;
            if (!(rowNum <= MAX_ROWS)) throw new CellLimitError('rows', MAX_ROWS);
            colNum = 0;
            if (xmlTrue(a.hidden)) hiddenRows.push(rowNum);
            if (progress && ++rowsRead % 4096 === 0) progress(rowsRead, rowsTotal);
            return;
          }
        }
        return;
      }
      if (tag === 'sheetData') {
        inSheetData = !selfClosing;
      } else if (tag === 'mergeCell') {
        if (a.ref) merges.push(a.ref);
      } else if (tag === 'dimension' && a.ref) {
        const to = a.ref.split(':')[1] ?? a.ref;
        parseRef(to, refRow);
        if (refRow[0] > 0) rowsTotal = refRow[0];
      }
    },
    close(tag) {
      if (!inSheetData) return;
      switch (tag) {
        case 'c':
          endCell();
          return;
        case 'v':
        case 'f':
        case 't':
          capture = 0;
          return;
        case 'is':
          inIs = false;
          return;
        case 'rPh':
          inPhonetic = false;
          return;
        case 'row': {
          // A row array grown by push has spare capacity (17 slots for one cell): keep an exact copy.
          const row = values[rowNum - 1];
          if (row !== undefined && row !== EMPTY_ROW && row.length < 64) values[rowNum - 1] = row.slice();
          return;
        }
        case 'sheetData':
          inSheetData = false;
          return;
      }
    },
    text(t) {
      if (capture === 1 || capture === 3) text += t;
      else if (capture === 2) formula += t;
    },
  });
  if (progress) progress(rowsRead, rowsTotal);

  // Merged ranges: the first cell's value over the range, within the rows and columns that hold data.
  if (merges.length) {
    let maxCol = 0;
    for (const row of values) if (row.length > maxCol) maxCol = row.length;
    for (const m of merges) {
      const [from, to] = m.split(':');
      const c1 = parseRef(from, refRow);
      const r1 = refRow[0];
      const c2 = to ? parseRef(to, refRow) : c1;
      const r2 = to ? refRow[0] : r1;
      const v = values[r1 - 1]?.[c1 - 1];
      if (v === undefined || v === null || c1 < 1 || r1 < 1) continue;
      const lastRow = Math.min(r2, values.length);
      const lastCol = Math.min(c2, maxCol);
      for (let r = r1; r <= lastRow; r++) {
        for (let c = c1; c <= lastCol; c++) if (r !== r1 || c !== c1) put(r, c, v);
      }
    }
  }
  const last = values.length;
  return {
    grid: { sheet: name, values, top: 1, left: 1, hiddenRows: hiddenRows.filter((r) => r <= last), hidden },
    rowsRead,
    rowsTotal,
  };
}
