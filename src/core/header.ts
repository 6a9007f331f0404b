/** Finding the ledger's header row and mapping its columns to fields through the synonyms. */
import { Field, Config } from './vocabulary';
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
}

export type ColumnMap = Partial<Record<Field, ColumnInfo>>;

export interface HeaderMatch {
  headerRow: number; // worksheet row
  headerIndex: number; // index into grid.values
  columns: ColumnMap;
  score: number;
}

/** Header text as compared: half-width, no spaces, no trailing notes in brackets, no * or colon. */
export function headerKey(text: string): string {
  return compactKey(text)
    .replace(/[(（[【][^)）\]】]*[)）\]】]/g, '')
    .replace(/[*：:※]/g, '');
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

/** Exact after normalisation first; then the longest synonym (3+ characters) the header contains. */
export function matchHeader(text: string, config: Config): FieldMatch | null {
  const key = headerKey(text);
  if (key === '' || [...key].length > 20) return null;
  const index = synonymIndex(config);
  const exact = index.exact.get(key);
  if (exact) return { field: exact, exact: true };
  for (const [syn, field] of index.contained) if (key.includes(syn)) return { field, exact: false };
  return null;
}

function mapRow(grid: Grid, index: number, config: Config): ColumnMap {
  const row = grid.values[index] ?? [];
  const columns: ColumnMap = {};
  const matches = row.map((cell) => {
    if (typeof cell !== 'string') return null;
    return { text: cell, m: matchHeader(cell, config) };
  });
  // Exact matches claim their field first, then close ones fill what is left.
  for (const pass of [true, false]) {
    matches.forEach((x, c) => {
      if (!x?.m || x.m.exact !== pass || columns[x.m.field]) return;
      columns[x.m.field] = { col: grid.left + c, header: x.text.replace(/\s+/g, ' ').trim(), exact: x.m.exact };
    });
  }
  return columns;
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
  return best;
}
