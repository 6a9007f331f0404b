/** The unit master list (承办单位): canonical names, aliases, reception day; lookup and nearest name. */
import { Config } from './vocabulary';
import { Grid, cellAt, columnLetter } from './grid';
import { compactKey, cleanText, editDistance, splitList, valueText } from './text';
import { headerKey } from './header';
import { parseDay, Day } from './dates';
import { saysNo } from './values';

export interface Unit {
  name: string;
  aliases: string[];
  /** true: in place; false: not; null: the list does not say. */
  receptionDay: boolean | null;
  receptionDate: Day | null;
  /** The reception-day cell as written. */
  receptionText: string;
  /** Worksheet row on the unit sheet. */
  row: number;
}

export interface UnitList {
  sheet: string;
  /** The workbook the list was found in, when several are read as one ledger (cells then cite file!sheet!cell). */
  file?: string;
  headerRow: number;
  /** 1-based column of the reception-day column, when there is one. */
  receptionColumn: number | null;
  receptionHeader: string | null;
  nameColumn: number;
  units: Unit[];
}

export function isUnitSheetName(name: string, config: Config): boolean {
  const key = compactKey(name);
  return config.unitSheetNames.some((n) => compactKey(n) === key);
}

function findColumn(row: unknown[], names: string[]): number {
  const keys = names.map(headerKey);
  let idx = row.findIndex((c) => keys.includes(headerKey(valueText(c))));
  if (idx < 0) idx = row.findIndex((c) => keys.some((k) => k.length >= 3 && headerKey(valueText(c)).includes(k)));
  return idx;
}

/** Reads a unit sheet; null when it has no recognisable name column in its first rows. */
export function readUnitList(grid: Grid, config: Config): UnitList | null {
  const h = config.unitHeaders;
  for (let i = 0; i < Math.min(10, grid.values.length); i++) {
    const row = grid.values[i] ?? [];
    const nameIdx = findColumn(row, h.name);
    if (nameIdx < 0) continue;
    const aliasIdx = findColumn(row, h.aliases);
    const recIdx = findColumn(row, h.receptionDay);
    const units: Unit[] = [];
    for (let r = i + 1; r < grid.values.length; r++) {
      const name = cleanText(valueText(cellAt(grid, r, nameIdx)));
      if (name === '' || config.totalRowWords.includes(compactKey(name))) continue;
      const aliases = aliasIdx >= 0 ? splitList(valueText(cellAt(grid, r, aliasIdx))) : [];
      let receptionDay: boolean | null = null;
      let receptionDate: Day | null = null;
      let receptionText = '';
      if (recIdx >= 0) {
        const v = cellAt(grid, r, recIdx);
        receptionText = valueText(v);
        const d = parseDay(v);
        if (d.kind === 'ok') {
          receptionDay = true;
          receptionDate = d.day;
        } else {
          receptionDay = !saysNo(v, config);
        }
      }
      units.push({ name, aliases, receptionDay, receptionDate, receptionText, row: grid.top + r });
    }
    return {
      sheet: grid.sheet,
      headerRow: grid.top + i,
      nameColumn: grid.left + nameIdx,
      receptionColumn: recIdx >= 0 ? grid.left + recIdx : null,
      receptionHeader: recIdx >= 0 ? valueText(row[recIdx]) : null,
      units,
    };
  }
  return null;
}

export class UnitDirectory {
  private readonly byKey = new Map<string, Unit>();
  constructor(readonly list: UnitList) {
    for (const u of list.units) {
      for (const n of [u.name, ...u.aliases]) {
        const k = compactKey(n);
        if (k && !this.byKey.has(k)) this.byKey.set(k, u);
      }
    }
  }

  lookup(name: string): Unit | null {
    return this.byKey.get(compactKey(name)) ?? null;
  }

  private readonly nearMemo = new Map<string, string | null>();

  /** The canonical name nearest to an unknown one, or null when nothing is reasonably close (remembered per key). */
  nearest(name: string): string | null {
    const key = compactKey(name);
    let near = this.nearMemo.get(key);
    if (near === undefined) {
      near = this.computeNearest(key);
      if (this.nearMemo.size < 10000) this.nearMemo.set(key, near);
    }
    return near;
  }

  private computeNearest(key: string): string | null {
    let best: { unit: Unit; d: number } | null = null;
    for (const [k, unit] of this.byKey) {
      const d = k.includes(key) || key.includes(k) ? Math.abs(k.length - key.length) * 0.5 : editDistance(k, key);
      if (!best || d < best.d) best = { unit, d };
    }
    if (!best || best.d > Math.max(2, Math.ceil([...key].length / 2))) return null;
    return best.unit.name;
  }

  receptionCell(unit: Unit): string {
    const col = this.list.receptionColumn ?? this.list.nameColumn;
    return `${this.list.sheet}!${columnLetter(col)}${unit.row}`;
  }
}
