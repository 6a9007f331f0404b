/** readLedger: workbook grids → the ledger's items, its column map and its unit list. */
import { Config, DEFAULT_CONFIG, Field, SourceDef, Satisfaction } from './vocabulary';
import { CellValue, Grid, cellAddress } from './grid';
import { compactKey, isBlank } from './text';
import { ColumnChoice, ColumnMap, HeaderMatch, chooseColumns, findHeader } from './header';
import { DateParse } from './dates';
import { UnitDirectory, UnitList, isUnitSheetName, readUnitList } from './units';
import { RowReader, readPart } from './itemRows';
import { Place, labelInName } from './sources';
import { NumberClash, classifySources } from './classify';
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

/** One sheet of the ledger (a workbook may keep 人大建议 and 政协提案 on sheets of their own). */
export interface LedgerPart {
  /** The workbook's name when several workbooks are read as one ledger; null for a single workbook. */
  file: string | null;
  sheet: string;
  /** 1-based worksheet column of the grid's first column (item.raw[0]). */
  left: number;
  headerRow: number;
  columns: ColumnMap;
  /** Each field's index in the part's rows (-1: no such column). */
  at: PartIndex;
  /** The source the sheet's name gives its rows when it has no source column (a sheet called 政协提案). */
  sheetSource: string | null;
  /** Without a source column, rows take their source from the group heading above them (一、省人大建议). */
  groupSources?: boolean;
  /** The header row's texts, left to right (what a clerk may choose a field's column from). */
  headers: string[];
  items: number;
  skipped: { blank: number; total: number; note: number };
  hiddenItemRows: number;
}

/** Each field's index in a part's rows (item.raw), -1 when the part has no such column. */
export type PartIndex = Record<Field, number>;

/** A sheet that looks like a ledger but was not read, and why. */
export interface UnreadSheet {
  file: string | null;
  sheet: string;
  reason: string;
}

export interface Item {
  /** The sheet the item was read from. */
  part: LedgerPart;
  /** Worksheet row, 1-based. */
  row: number;
  /**
   * raw: as written (or the sheet's name's label); def: body and level relative to the office, null when
   * unreadable; problem: why a readable label is not this office's (a lower level's).
   */
  source: { raw: string; def: SourceDef | null; interSession: boolean; problem: string | null };
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
  /** 答复文号. */
  replyNumber: string;
  /** 代表团 (NPC) or 界别 (CPPCC), 内容分类. */
  delegation: string;
  sector: string;
  topic: string;
  /** 是否公开 / 公开日期 says yes (false when the column is absent). */
  published: boolean;
  /** 延期至: the extended deadline as written (a date, or 延期2个月). */
  extension: string;
  /** 再次答复日期 (after a 不满意). */
  secondReply: DateParse;
  /** The day the co-handling units gave their opinion (协办意见日期). */
  coUnitOpinion: DateParse;
  /** Which item the row is (see ItemIndex): its source's key (shared, interned) and its number as compared; null without a number or a source. */
  itemSource: string | null;
  itemNumber: string;
  /** The first row of the same item when this row is not it (a split item's other units, or a duplicate); else null. */
  firstRow: Item | null;
  /** The worksheet row as read (shared with the grid, not copied); cellOf() gives a field's cell. */
  raw: CellValue[];
}

export interface Ledger {
  /** The first part's sheet, header row and first column. */
  sheet: string;
  left: number;
  headerRow: number;
  /** Every field found on any part (the first part's header wins). */
  columns: ColumnMap;
  /** Every sheet read, in workbook order (files in the order given). */
  parts: LedgerPart[];
  /** Sheets that look like a ledger but were not read. */
  unread: UnreadSheet[];
  items: Item[];
  units: UnitList | null;
  directory: UnitDirectory | null;
  skipped: { blank: number; total: number; note: number };
  /** Item rows that were hidden in the source. */
  hiddenItemRows: number;
  /** The office's own level (configured, or the level most source labels name). */
  office: Place;
  config: Config;
  /** The 列对应 applied: the choice given to the reader, else the settings' ({} for none). */
  columnChoice: ColumnChoice;
  /** Rows numbered like an earlier row of the same source but titled otherwise: two items, counted apart. */
  numberClashes: NumberClash[];
}

/** The cell of a field in an item's row, as read; null when the item's sheet has no such column. */
export function cellOf(item: Item, f: Field): CellValue {
  const c = item.part.columns[f];
  if (!c) return null;
  const v = item.raw[c.col - item.part.left];
  return v === undefined ? null : v;
}

/**
 * Which item a row is: source and number (null when the row has no number or its sheet no source). Rows with
 * the same key are one item: handled by several units (分办) when their lead units differ, duplicates when not.
 */
export function itemKey(item: Item): string | null {
  return item.itemSource === null ? null : `${item.itemSource}#${item.itemNumber}`;
}

/** A map from items to values where rows of the same item (same source and number) share the entry. */
export class ItemIndex<T> {
  private readonly bySource = new Map<string, Map<string, T>>();
  get(item: Item): T | undefined {
    return item.itemSource === null ? undefined : this.bySource.get(item.itemSource)?.get(item.itemNumber);
  }
  set(item: Item, value: T): void {
    if (item.itemSource === null) return;
    let m = this.bySource.get(item.itemSource);
    if (!m) {
      m = new Map();
      this.bySource.set(item.itemSource, m);
    }
    m.set(item.itemNumber, value);
  }
}

/** A part has a field: its column, or for the source, the sheet's name. */
export function partHas(part: LedgerPart, f: Field): boolean {
  return part.columns[f] !== undefined || (f === 'source' && (part.sheetSource !== null || part.groupSources === true));
}

/** The address of a cell as findings cite it: Sheet!A1, or file!Sheet!A1 when several workbooks are combined. */
export function partCell(part: LedgerPart, row: number, col: number): string {
  const a = cellAddress(part.sheet, row, col);
  return part.file === null ? a : `${part.file}!${a}`;
}

/** A part named for a message: 工作表“X” (and its file when combined). */
export function partName(part: Pick<LedgerPart, 'file' | 'sheet'>): string {
  return part.file === null ? `工作表“${part.sheet}”` : `${part.file} 的工作表“${part.sheet}”`;
}

export interface ReadOptions {
  config?: Config;
  /** Grids of a separate unit master-list workbook (--units FILE); wins over a 承办单位 sheet in the ledger. */
  unitGrids?: Grid[];
  /** Read this sheet as the ledger instead of detecting it. */
  sheet?: string;
  /**
   * The clerk's correction of the guessed mapping: field → the header text to read it from ('' = none). Given, it
   * replaces the settings' 列对应 (config.columns), which holds otherwise.
   */
  columns?: ColumnChoice;
}

/** A workbook's grids with the name findings cite it by when several are combined. */
export interface WorkbookGrids {
  file: string | null;
  grids: Grid[];
}

function findUnitList(grids: Grid[], config: Config, exclude?: string): UnitList | null {
  for (const g of grids) {
    if (g.sheet === exclude || !isUnitSheetName(g.sheet, config)) continue;
    const list = readUnitList(g, config);
    if (list) return list;
  }
  return null;
}

/** The first unit master list among the sheets that are not ledger parts, with its file when it has one. */
function unitListOf(books: WorkbookGrids[], partSheets: Set<Grid>, config: Config): UnitList | null {
  for (const b of books) {
    const list = findUnitList(b.grids.filter((g) => !partSheets.has(g)), config);
    if (list) return b.file === null ? list : { ...list, file: b.file };
  }
  return null;
}

function allHeaderNames(config: Config): string {
  return config.requiredFields.map((f) => config.headers[f].slice(0, 3).join('/')).join('；');
}

/** Sheets Banli writes itself: never read as part of the ledger. */
const OWN_SHEETS = /^(检查结果|办理统计)(（\d+）)?$/;

/** A header that names an item: its number or its title, and something about its handling. */
function isLedgerHeader(h: HeaderMatch): boolean {
  const c = h.columns;
  return Boolean((c.number || c.title) && (c.leadUnit || c.replyDate || c.assignDate || c.source || c.category || c.satisfaction));
}

/** The longest source label a sheet's name contains (政协提案, 2021年省人大建议台账…), or null. */
export function sourceFromSheetName(name: string, config: Config): string | null {
  const key = compactKey(name);
  let best: string | null = labelInName(name);
  for (const label of Object.keys(config.sources)) {
    const k = compactKey(label);
    if (k !== '' && key.includes(k) && (best === null || k.length > compactKey(best).length)) best = label;
  }
  return best;
}

interface Candidate {
  file: string | null;
  grid: Grid;
  header: HeaderMatch;
}

function emptyItems(grid: Grid, header: HeaderMatch): boolean {
  const mapped = Object.values(header.columns).map((c) => c!.col - grid.left);
  for (let i = header.headerIndex + 1; i < grid.values.length; i++) {
    const row = grid.values[i] ?? [];
    if (mapped.some((c) => !isBlank(row[c]))) return false;
  }
  return true;
}

/** Which sheets of which workbooks are parts of the ledger; the others that look like one, with the reason. */
function chooseParts(books: WorkbookGrids[], options: ReadOptions, config: Config): { parts: Candidate[]; unread: UnreadSheet[] } {
  const found: Candidate[] = [];
  const unread: UnreadSheet[] = [];
  for (const { file, grids } of books) {
    for (const grid of grids) {
      if (options.sheet !== undefined && grid.sheet !== options.sheet) continue;
      if (options.sheet === undefined && isUnitSheetName(grid.sheet, config) && grids.length > 1) continue;
      const header = findHeader(grid, config);
      if (!header) continue;
      // The clerk's choice in the pane replaces the one kept in the settings.
      const choice = options.columns ?? config.columns;
      if (choice) chooseColumns(grid, header, choice);
      if (options.sheet === undefined && OWN_SHEETS.test(grid.sheet)) {
        unread.push({ file, sheet: grid.sheet, reason: '办理助手生成的工作表' });
        continue;
      }
      if (options.sheet === undefined && !isLedgerHeader(header)) {
        unread.push({ file, sheet: grid.sheet, reason: '表头中没有编号或标题列，不像台账' });
        continue;
      }
      found.push({ file, grid, header });
    }
  }
  if (options.sheet !== undefined) return { parts: found.slice(0, 1), unread };
  // Per workbook: hidden sheets and sheets with a header but no rows are left out when another sheet has items.
  const parts: Candidate[] = [];
  for (const { file } of books) {
    const mine = found.filter((c) => c.file === file);
    const visible = mine.filter((c) => !c.grid.hidden);
    const pool = visible.length ? visible : mine;
    for (const c of mine) if (!pool.includes(c)) unread.push({ file, sheet: c.grid.sheet, reason: '工作表已隐藏' });
    const withRows = pool.filter((c) => !emptyItems(c.grid, c.header));
    if (withRows.length) {
      for (const c of pool) if (!withRows.includes(c)) unread.push({ file, sheet: c.grid.sheet, reason: '表头下没有数据行' });
      parts.push(...withRows);
    } else if (pool.length) {
      // Nothing but headers: the best-scoring one stands for the workbook.
      const best = pool.reduce((a, b) => (b.header.score > a.header.score ? b : a));
      parts.push(best);
    }
  }
  return { parts, unread };
}

/**
 * Reads every ledger sheet of one or more workbooks as one ledger: each sheet with a ledger header is a part,
 * items from all parts in order (skipping blank, total and note rows), and the unit master list (a 承办单位
 * sheet or options.unitGrids). Throws BanliError when no sheet has a header.
 */
export function readLedgers(books: WorkbookGrids[], options: ReadOptions = {}): Ledger {
  const config = options.config ?? DEFAULT_CONFIG;
  const all = books.flatMap((b) => b.grids);
  if (all.length === 0 || all.every((g) => g.values.every((r) => r.every(isBlank)))) {
    throw new BanliError('empty-workbook', `工作簿是空的，没有可检查的台账。需要包含这些列的表头：${allHeaderNames(config)}。`);
  }
  const { parts: chosen, unread } = chooseParts(books, options, config);
  if (books.length > 1) {
    for (const b of books) {
      if (chosen.some((c) => c.file === b.file) || b.grids.some((g) => isUnitSheetName(g.sheet, config))) continue;
      unread.push({ file: b.file, sheet: '（整个工作簿）', reason: '没有找到台账表头' });
    }
  }
  if (chosen.length === 0) {
    const where = options.sheet !== undefined ? `工作表“${options.sheet}”` : '任何工作表';
    throw new BanliError(
      'no-header',
      `在${where}的前 15 行中没有找到台账表头。查找的列名有：${allHeaderNames(config)}（以及标题、主办单位、协办单位等同义列名）。`,
    );
  }
  const partSheets = new Set(chosen.map((c) => c.grid));
  const unitList = options.unitGrids
    ? (findUnitList(options.unitGrids, config) ??
      options.unitGrids.map((g) => readUnitList(g, config)).find((l) => l !== null) ??
      null)
    : unitListOf(books, partSheets, config);
  const directory = unitList ? new UnitDirectory(unitList) : null;

  const items: Item[] = [];
  const reader = new RowReader(config, directory);
  const parts = chosen.map((c) => readPart(c, c.header.columns.source ? null : sourceFromSheetName(c.grid.sheet, config), config, reader, items));
  if (items.length === 0) {
    const where = parts.map((p) => partName(p)).join('、');
    throw new BanliError(
      'no-items',
      `${where}的表头（第 ${parts[0].headerRow} 行）下面没有一件建议提案：是空白的台账模板，还是选错了文件或工作表？请先填入台账数据再检查。`,
    );
  }
  const { office, clashes } = classifySources(items, config, reader.labelCounts());
  const columns: ColumnMap = {};
  for (const p of parts) for (const [f, c] of Object.entries(p.columns) as Array<[Field, ColumnMap[Field]]>) columns[f] ??= c;
  const first = parts[0];
  return {
    sheet: first.sheet,
    left: first.left,
    headerRow: first.headerRow,
    columns,
    parts,
    unread,
    items,
    units: unitList,
    directory,
    skipped: {
      blank: parts.reduce((n, p) => n + p.skipped.blank, 0),
      total: parts.reduce((n, p) => n + p.skipped.total, 0),
      note: parts.reduce((n, p) => n + p.skipped.note, 0),
    },
    hiddenItemRows: parts.reduce((n, p) => n + p.hiddenItemRows, 0),
    office,
    config,
    columnChoice: { ...(options.columns ?? config.columns ?? {}) },
    numberClashes: clashes,
  };
}

/** One workbook's ledger (every ledger sheet of it). */
export function readLedger(grids: Grid[], options: ReadOptions = {}): Ledger {
  return readLedgers([{ file: null, grids }], options);
}
