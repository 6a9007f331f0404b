/** readLedger: workbook grids → the ledger's items, its column map and its unit list. */
import { Config, DEFAULT_CONFIG, Field, SourceDef, Satisfaction } from './vocabulary';
import { CellValue, Grid } from './grid';
import { cleanText, compactKey, isBlank, splitList, valueText } from './text';
import { ColumnMap, findHeader } from './header';
import { DateParse, parseDay } from './dates';
import { UnitDirectory, UnitList, isUnitSheetName, readUnitList } from './units';
import { isYes, readCategory, readSatisfaction, readSource } from './values';
import { BanliError } from './errors';

export interface UnitRef {
  /** As written in the cell. */
  raw: string;
  /** Canonical name when the master list knows it, else the cleaned raw text. */
  name: string;
  /** true: on the master list (directly or by alias); false: not; null: no master list. */
  known: boolean | null;
  viaAlias: boolean;
}

export interface Item {
  /** Worksheet row, 1-based. */
  row: number;
  source: { raw: string; def: SourceDef | null; interSession: boolean };
  number: string;
  title: string;
  proposer: string;
  leadUnit: UnitRef | null;
  coUnits: UnitRef[];
  assignDate: DateParse;
  deadline: DateParse;
  replyDate: DateParse;
  key: boolean;
  leader: string;
  /** Letter; null when empty; undefined when the text names no category. */
  category: string | null | undefined;
  faceToFace: boolean;
  satisfaction: Satisfaction | null | undefined;
  formVersion: string;
  degree: string;
  remarks: string;
  /** The worksheet row as read (shared with the grid, not copied); cellOf() gives a field's cell. */
  raw: CellValue[];
}

export interface Ledger {
  sheet: string;
  /** 1-based worksheet column of the grid's first column (item.raw[0]). */
  left: number;
  headerRow: number;
  columns: ColumnMap;
  items: Item[];
  units: UnitList | null;
  directory: UnitDirectory | null;
  skipped: { blank: number; total: number; note: number };
  /** Item rows that were hidden in the source. */
  hiddenItemRows: number;
  config: Config;
}

/** The cell of a field in an item's row, as read; null when the column is absent. */
export function cellOf(ledger: Pick<Ledger, 'columns'> & { left: number }, item: Item, f: Field): CellValue {
  const c = ledger.columns[f];
  if (!c) return null;
  const v = item.raw[c.col - ledger.left];
  return v === undefined ? null : v;
}

export interface ReadOptions {
  config?: Config;
  /** Grids of a separate unit master-list workbook (--units FILE); wins over a 承办单位 sheet in the ledger. */
  unitGrids?: Grid[];
  /** Read this sheet as the ledger instead of detecting it. */
  sheet?: string;
}

function unitRef(raw: string, dir: UnitDirectory | null): UnitRef {
  const text = cleanText(raw);
  if (!dir) return { raw, name: text, known: null, viaAlias: false };
  const u = dir.lookup(text);
  if (!u) return { raw, name: text, known: false, viaAlias: false };
  return { raw, name: u.name, known: true, viaAlias: compactKey(u.name) !== compactKey(text) };
}

function findUnitList(grids: Grid[], config: Config, exclude?: string): UnitList | null {
  for (const g of grids) {
    if (g.sheet === exclude || !isUnitSheetName(g.sheet, config)) continue;
    const list = readUnitList(g, config);
    if (list) return list;
  }
  return null;
}

function allHeaderNames(config: Config): string {
  return config.requiredFields.map((f) => config.headers[f].slice(0, 3).join('/')).join('；');
}

function isTotalRow(row: CellValue[], config: Config): boolean {
  for (let i = 0; i < 4 && i < row.length; i++) {
    const c = row[i];
    if (typeof c !== 'string' || c === '') continue;
    const k = compactKey(c);
    if (config.totalRowWords.some((w) => k.startsWith(w))) return true;
  }
  return false;
}

function isNoteRow(row: CellValue[]): boolean {
  let filled: CellValue = null;
  for (const c of row) {
    if (isBlank(c)) continue;
    if (filled !== null) return false;
    filled = c;
  }
  return filled !== null && /^(注|说明|备注|填表|制表|填报)/.test(cleanText(valueText(filled)));
}

/**
 * Finds the ledger sheet and its header row, reads every item row (skipping blank, total and note rows),
 * and the unit master list (a 承办单位 sheet or options.unitGrids). Throws BanliError when no sheet has a header.
 */
export function readLedger(grids: Grid[], options: ReadOptions = {}): Ledger {
  const config = options.config ?? DEFAULT_CONFIG;
  if (grids.length === 0 || grids.every((g) => g.values.every((r) => r.every(isBlank)))) {
    throw new BanliError('empty-workbook', `工作簿是空的，没有可检查的台账。需要包含这些列的表头：${allHeaderNames(config)}。`);
  }
  let best: { grid: Grid; header: NonNullable<ReturnType<typeof findHeader>> } | null = null;
  for (const grid of grids) {
    if (options.sheet !== undefined && grid.sheet !== options.sheet) continue;
    if (options.sheet === undefined && isUnitSheetName(grid.sheet, config) && grids.length > 1) continue;
    const header = findHeader(grid, config);
    if (!header) continue;
    const visibleBonus = grid.hidden ? -1000 : 0;
    if (!best || header.score + visibleBonus > best.header.score + (best.grid.hidden ? -1000 : 0)) best = { grid, header };
  }
  if (!best) {
    const where = options.sheet !== undefined ? `工作表“${options.sheet}”` : '任何工作表';
    throw new BanliError(
      'no-header',
      `在${where}的前 15 行中没有找到台账表头。Banli 查找的列名有：${allHeaderNames(config)}（以及标题、主办单位、协办单位等同义列名）。`,
    );
  }
  const { grid, header } = best;
  const cols = header.columns;

  const unitList = options.unitGrids
    ? (findUnitList(options.unitGrids, config) ??
      options.unitGrids.map((g) => readUnitList(g, config)).find((l) => l !== null) ??
      null)
    : findUnitList(grids, config, grid.sheet);
  const directory = unitList ? new UnitDirectory(unitList) : null;

  const at = (row: CellValue[], f: Field): CellValue => {
    const c = cols[f];
    if (!c) return null;
    const v = row[c.col - grid.left];
    return v === undefined ? null : v;
  };
  const text = (row: CellValue[], f: Field): string => cleanText(valueText(at(row, f)));
  const hidden = new Set(grid.hiddenRows ?? []);

  const items: Item[] = [];
  const skipped = { blank: 0, total: 0, note: 0 };
  const mappedCols = Object.values(cols).map((c) => c!.col - grid.left);
  let hiddenItemRows = 0;
  for (let i = header.headerIndex + 1; i < grid.values.length; i++) {
    const row = grid.values[i] ?? [];
    if (mappedCols.every((c) => isBlank(row[c]))) {
      if (row.some((c) => !isBlank(c))) skipped.note++;
      else skipped.blank++;
      continue;
    }
    if (isTotalRow(row, config)) {
      skipped.total++;
      continue;
    }
    if (isNoteRow(row)) {
      skipped.note++;
      continue;
    }
    const worksheetRow = grid.top + i;
    if (hidden.has(worksheetRow)) hiddenItemRows++;
    const source = readSource(at(row, 'source'), config);
    const marker = cols.interSession ? isYes(at(row, 'interSession'), config) : false;
    const lead = text(row, 'leadUnit');
    items.push({
      row: worksheetRow,
      source: {
        raw: source.raw,
        def: source.def,
        interSession: Boolean(source.def?.interSession) || (marker && source.def?.kind === 'municipalNpc'),
      },
      number: text(row, 'number'),
      title: text(row, 'title'),
      proposer: text(row, 'proposer'),
      leadUnit: lead === '' ? null : unitRef(lead, directory),
      coUnits: splitList(valueText(at(row, 'coUnits'))).map((u) => unitRef(u, directory)),
      assignDate: parseDay(at(row, 'assignDate')),
      deadline: parseDay(at(row, 'deadline')),
      replyDate: parseDay(at(row, 'replyDate')),
      key: cols.key ? isYes(at(row, 'key'), config) : false,
      leader: text(row, 'leader'),
      category: readCategory(at(row, 'category'), config),
      faceToFace: cols.faceToFace ? isYes(at(row, 'faceToFace'), config) : false,
      satisfaction: readSatisfaction(at(row, 'satisfaction')),
      formVersion: text(row, 'formVersion'),
      degree: text(row, 'degree'),
      remarks: text(row, 'remarks'),
      raw: row,
    });
  }
  return {
    sheet: grid.sheet,
    left: grid.left,
    headerRow: header.headerRow,
    columns: cols,
    items,
    units: unitList,
    directory,
    skipped,
    hiddenItemRows,
    config,
  };
}
