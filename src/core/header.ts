/** Finding the ledger's header row and mapping its columns to fields through the synonyms. */
import { Field, Config, SATISFACTIONS, Satisfaction } from './vocabulary';
import { readCategory } from './values';
import { parseLabel } from './sources';
import { compactKey } from './text';
import { Grid } from './grid';

/** How deep below the top of a sheet a header row may sit (title rows, notes, merged titles above it). */
export const HEADER_SCAN_ROWS = 15;

export interface ColumnInfo {
  /** 1-based worksheet column. */
  col: number;
  /** The header as written in the file. */
  header: string;
  exact: boolean;
  /** Satisfaction read from three tick columns (满意 / 基本满意 / 不满意): the 1-based column of each. */
  ticks?: Partial<Record<Satisfaction, number>>;
}

export type ColumnMap = Partial<Record<Field, ColumnInfo>>;

export interface HeaderMatch {
  headerRow: number; // worksheet row
  headerIndex: number; // index into grid.values
  columns: ColumnMap;
  score: number;
}

const BRACKETS = /[(（[【]([^)）\]】]*)[)）\]】]/g;

/** Header text as compared: half-width, no spaces, no trailing notes in brackets, no * or colon. */
export function headerKey(text: string): string {
  return compactKey(text).replace(BRACKETS, '').replace(/[*：:※]/g, '');
}

/** 承办单位（主办） → leadUnit, 承办单位（协办）/（会办） → coUnits; null when the brackets say neither. */
function qualifier(text: string): Field | null {
  const key = compactKey(text);
  if (!key.includes('(') && !key.includes('（') && !key.includes('[') && !key.includes('【')) return null;
  for (const m of key.matchAll(BRACKETS)) {
    const q = m[1];
    if (/协办|会办|配合/.test(q)) return 'coUnits';
    if (/主办|牵头/.test(q)) return 'leadUnit';
  }
  return null;
}

export interface FieldMatch {
  field: Field;
  exact: boolean;
}

type SynonymIndex = { exact: Map<string, Field>; contained: Array<[string, Field]> };
const indexCache = new WeakMap<Record<Field, string[]>, SynonymIndex>();

function synonymIndex(config: Config): SynonymIndex {
  const hit = indexCache.get(config.headers);
  if (hit) return hit;
  const exact = new Map<string, Field>();
  const contained: Array<[string, Field]> = [];
  for (const [field, names] of Object.entries(config.headers) as Array<[Field, string[]]>) {
    for (const name of names) {
      const key = headerKey(name);
      if (!exact.has(key)) exact.set(key, field);
      if ([...key].length >= 3) contained.push([key, field]);
    }
  }
  contained.sort((a, b) => b[0].length - a[0].length);
  const index = { exact, contained };
  indexCache.set(config.headers, index);
  return index;
}

/**
 * Exact after normalisation first; then the longest synonym (3+ characters) the header contains. A bracketed
 * 主办 or 协办/会办 decides between the lead unit and the co-units of a unit column.
 */
export function matchHeader(text: string, config: Config): FieldMatch | null {
  const key = headerKey(text);
  if (key === '' || [...key].length > 20) return null;
  const index = synonymIndex(config);
  let m: FieldMatch | null = null;
  const exact = index.exact.get(key);
  if (exact) m = { field: exact, exact: true };
  else {
    for (const [syn, field] of index.contained) {
      if (key.includes(syn)) {
        m = { field, exact: false };
        break;
      }
    }
  }
  const q = qualifier(text);
  if (q && (!m || m.field === 'leadUnit' || m.field === 'coUnits' || key.endsWith('单位'))) return { field: q, exact: true };
  return m;
}

/** A header cell's text, or for a blank cell under a merged parent, the text of the nearest cell above (up to 2 rows). */
function headerText(grid: Grid, index: number, c: number): string | null {
  for (let i = index; i >= 0 && i >= index - 2; i--) {
    const v = grid.values[i]?.[c];
    if (typeof v === 'string' && v.trim() !== '') return v;
    if (v !== null && v !== undefined && v !== '') return null;
  }
  return null;
}

function mapRow(grid: Grid, index: number, config: Config): ColumnMap {
  const row = grid.values[index] ?? [];
  const columns: ColumnMap = {};
  const width = Math.max(row.length, grid.values[index - 1]?.length ?? 0, grid.values[index - 2]?.length ?? 0);
  const matches: Array<{ text: string; m: FieldMatch | null } | null> = [];
  const ticks: Partial<Record<Satisfaction, number>> = {};
  for (let c = 0; c < width; c++) {
    const own = row[c];
    const text = typeof own === 'string' && own.trim() !== '' ? own : isBlankCell(own) ? headerText(grid, index, c) : null;
    if (text === null) {
      matches.push(null);
      continue;
    }
    const key = headerKey(text);
    if (text === own && (SATISFACTIONS as readonly string[]).includes(key)) {
      ticks[key as Satisfaction] = grid.left + c;
      matches.push(null);
      continue;
    }
    matches.push({ text, m: matchHeader(text, config) });
  }
  // Exact matches claim their field first, then close ones fill what is left.
  for (const pass of [true, false]) {
    matches.forEach((x, c) => {
      if (!x?.m || x.m.exact !== pass || columns[x.m.field]) return;
      columns[x.m.field] = { col: grid.left + c, header: x.text.replace(/\s+/g, ' ').trim(), exact: x.m.exact };
    });
  }
  // Tick columns: 满意 and 不满意 at least, side by side under one parent, read as one satisfaction.
  if (ticks['满意'] !== undefined && ticks['不满意'] !== undefined) {
    const cols = Object.values(ticks) as number[];
    const first = Math.min(...cols);
    columns.satisfaction = { col: first, header: SATISFACTIONS.filter((s) => ticks[s] !== undefined).join('/'), exact: true, ticks };
  }
  return columns;
}

function isBlankCell(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/**
 * A column headed only 类别 holds the source in some ledgers and the A/B/C grade in others: its cells decide.
 * Moved to the category when most of its first filled cells read as a grade and not as a source.
 */
function decideCategoryColumn(grid: Grid, header: HeaderMatch, config: Config): void {
  const c = header.columns.source;
  if (!c || headerKey(c.header) !== '类别' || header.columns.category) return;
  let grades = 0;
  let sources = 0;
  let seen = 0;
  for (let i = header.headerIndex + 1; i < grid.values.length && seen < 50; i++) {
    const v = grid.values[i]?.[c.col - grid.left];
    if (isBlankCell(v)) continue;
    seen++;
    if (typeof v === 'string' && (parseLabel(v) || config.sources[v])) sources++;
    else {
      const cat = readCategory(v, config);
      if (typeof cat === 'string' && config.categories.includes(cat)) grades++;
    }
  }
  if (grades > sources) {
    header.columns.category = { ...c, exact: true };
    delete header.columns.source;
  }
}

/** The best header row among the first rows of a grid, or null when no row names 3 or more fields. */
export function findHeader(grid: Grid, config: Config): HeaderMatch | null {
  let best: HeaderMatch | null = null;
  const limit = Math.min(grid.values.length, HEADER_SCAN_ROWS);
  for (let i = 0; i < limit; i++) {
    const columns = mapRow(grid, i, config);
    const fields = Object.values(columns);
    const score = fields.length * 2 + fields.filter((c) => c?.exact).length;
    if (fields.length >= 3 && (!best || score > best.score)) {
      best = { headerRow: grid.top + i, headerIndex: i, columns, score };
    }
  }
  if (best) decideCategoryColumn(grid, best, config);
  return best;
}

/** The clerk's own choice of column per field: the header text as written, or '' for "no column". */
export type ColumnChoice = Partial<Record<Field, string>>;

/** The header row's cells as the clerk sees them (a blank cell under a merged parent takes the parent's text). */
export function headerCells(grid: Grid, header: Pick<HeaderMatch, 'headerIndex'>): Array<{ col: number; text: string }> {
  const index = header.headerIndex;
  const row = grid.values[index] ?? [];
  const width = Math.max(row.length, grid.values[index - 1]?.length ?? 0, grid.values[index - 2]?.length ?? 0);
  const out: Array<{ col: number; text: string }> = [];
  for (let c = 0; c < width; c++) {
    const own = row[c];
    const text = typeof own === 'string' && own.trim() !== '' ? own : isBlankCell(own) ? headerText(grid, index, c) : null;
    if (text !== null) out.push({ col: grid.left + c, text: text.replace(/\s+/g, ' ').trim() });
  }
  return out;
}

/**
 * Applies the clerk's choice over the guessed mapping: a field given a header takes that column (which no other
 * field keeps), a field given '' has no column. A header the sheet does not have leaves the field as guessed.
 */
export function chooseColumns(grid: Grid, header: HeaderMatch, choice: ColumnChoice): void {
  const cells = headerCells(grid, header);
  for (const [field, text] of Object.entries(choice) as Array<[Field, string | undefined]>) {
    if (text === undefined) continue;
    if (text === '') {
      delete header.columns[field];
      continue;
    }
    const want = text.replace(/\s+/g, ' ').trim();
    const cell = cells.find((c) => c.text === want);
    if (!cell) continue;
    for (const [other, info] of Object.entries(header.columns) as Array<[Field, ColumnInfo | undefined]>) {
      if (other !== field && info && info.col === cell.col && !info.ticks) delete header.columns[other];
    }
    header.columns[field] = { col: cell.col, header: cell.text, exact: true };
  }
}
