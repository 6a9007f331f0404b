/**
 * Reading a ledger sheet's rows into items. What every check and total reads (dates, units, grades, satisfaction,
 * yes/no columns) is read once per row, each distinct text of a column worked out once; what only some items need
 * (titles, proposers, remarks, the less used columns) is read from the row when asked, so a hundred thousand items
 * cost no more than their checks need.
 */
import { Config, Field, FIELD_LABELS, Satisfaction } from './vocabulary';
import { CellValue, Grid } from './grid';
import { cleanText, compactKey, isBlank, splitList, valueText } from './text';
import { ColumnMap, HeaderMatch, headerCells } from './header';
import { DateParse, parseDay } from './dates';
import { UnitDirectory } from './units';
import { isYes, readCategory, readSatisfaction } from './values';
import { labelInName } from './sources';
import type { Item, LedgerPart, PartIndex, UnitRef } from './ledger';

/** A cell's display text, cleaned (what `cleanText(valueText(cell))` gives), '' for no column. */
export function cellText(row: CellValue[], i: number): string {
  if (i < 0) return '';
  const v = row[i];
  if (v === undefined || v === null) return '';
  return cleanText(typeof v === 'string' ? v : valueText(v));
}

function cellAtIndex(row: CellValue[], i: number): CellValue {
  if (i < 0) return null;
  const v = row[i];
  return v === undefined ? null : v;
}

/**
 * An item of the ledger. The fields every check reads are kept; the others are getters that read the item's row
 * (shared with the grid, never copied) when asked: they give the same as a kept field would.
 */
export class LedgerItem implements Item {
  itemSource: string | null = null;
  itemNumber = '';
  firstRow: Item | null = null;
  constructor(
    readonly part: LedgerPart,
    readonly row: number,
    readonly raw: CellValue[],
    public source: Item['source'],
    readonly number: string,
    readonly leadUnit: UnitRef | null,
    readonly coUnits: UnitRef[],
    readonly assignDate: DateParse,
    readonly deadline: DateParse,
    readonly replyDate: DateParse,
    readonly key: boolean,
    readonly category: string | null | undefined,
    readonly faceToFace: boolean,
    readonly satisfaction: Satisfaction | null | undefined,
    readonly published: boolean,
  ) {}

  get title(): string {
    return cellText(this.raw, this.part.at.title);
  }
  get proposer(): string {
    return cellText(this.raw, this.part.at.proposer);
  }
  get leader(): string {
    return cellText(this.raw, this.part.at.leader);
  }
  get formVersion(): string {
    return cellText(this.raw, this.part.at.formVersion);
  }
  get degree(): string {
    return cellText(this.raw, this.part.at.degree);
  }
  get remarks(): string {
    return cellText(this.raw, this.part.at.remarks);
  }
  get replyNumber(): string {
    return cellText(this.raw, this.part.at.replyNumber);
  }
  get delegation(): string {
    return cellText(this.raw, this.part.at.delegation);
  }
  get sector(): string {
    return cellText(this.raw, this.part.at.sector);
  }
  get topic(): string {
    return cellText(this.raw, this.part.at.topic);
  }
  get extension(): string {
    return cellText(this.raw, this.part.at.extension);
  }
  get secondReply(): DateParse {
    return parseDay(cellAtIndex(this.raw, this.part.at.secondReply));
  }
  get coUnitOpinion(): DateParse {
    return parseDay(cellAtIndex(this.raw, this.part.at.coUnitOpinion));
  }
}

/** Each field's index in a part's rows (-1 when the part has no such column); every part's has the same shape. */
export function partIndex(cols: ColumnMap, left: number): PartIndex {
  const at = {} as PartIndex;
  for (const f of Object.keys(FIELD_LABELS) as Field[]) {
    const c = cols[f];
    at[f] = c ? c.col - left : -1;
  }
  return at;
}

/** At most this many distinct texts of one column are remembered (a column of unique texts stops there). */
const MEMO_LIMIT = 20000;

/**
 * What one column's cells read as, each distinct text worked out once (a ledger repeats its units, grades, dates
 * and yes/no words down a column); other values (numbers, dates, booleans) each time.
 */
class ColumnMemo<T> {
  private readonly map = new Map<string, T>();
  constructor(private readonly derive: (v: CellValue) => T) {}
  of(v: CellValue | undefined): T {
    if (typeof v !== 'string') return this.derive(v === undefined ? null : v);
    const hit = this.map.get(v);
    if (hit !== undefined || this.map.has(v)) return hit as T;
    const d = this.derive(v);
    if (this.map.size < MEMO_LIMIT) this.map.set(v, d);
    return d;
  }
}

/**
 * What a rule works out from one of the less used text fields (form version, degree…), once per distinct text of
 * the column instead of once per item: derive gets the field's text as the item's getter gives it ('' for an
 * empty cell or no column).
 */
export function fieldMemo<T>(field: Field, derive: (text: string) => T): (item: Item) => T {
  const memo = new Map<string, T>();
  let part: LedgerPart | null = null;
  let at = -1;
  return (item) => {
    if (item.part !== part) {
      part = item.part;
      at = part.at[field];
    }
    const v = at < 0 ? undefined : item.raw[at];
    if (typeof v !== 'string') return derive(v === undefined || v === null ? '' : cleanText(valueText(v)));
    const hit = memo.get(v);
    if (hit !== undefined || memo.has(v)) return hit as T;
    const d = derive(cleanText(v));
    if (memo.size < MEMO_LIMIT) memo.set(v, d);
    return d;
  };
}

function unitRef(raw: string, dir: UnitDirectory | null): UnitRef {
  const text = cleanText(raw);
  if (!dir) return { raw, name: text, known: null, viaAlias: false };
  const u = dir.lookup(text);
  if (!u) return { raw, name: text, known: false, viaAlias: false };
  return { raw, name: u.name, known: true, viaAlias: compactKey(u.name) !== compactKey(text) };
}

/** No list of co-handling units: one shared empty list (items never change their lists). */
const NO_UNITS: UnitRef[] = [];

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
  for (let i = 0; i < row.length; i++) {
    const c = row[i];
    if (isBlank(c)) continue;
    if (filled !== null) return false;
    filled = c;
  }
  return filled !== null && /^(注|说明|备注|填表|制表|填报)/.test(cleanText(valueText(filled)));
}

/**
 * What a row's first written cell says when the row is no item though other cells are filled: a subtotal or a
 * count (省人大建议小计, 以上共计1388件, a total word anywhere in it), or a line under the table (填表人：张三 |
 * 联系电话：…, 审核人, 其中：人大建议 | 468件, 以下空白, 单位负责人：… 填报日期：…).
 */
const NOTE_START =
  /^(?:(?:注|说明|备注|附注)(?:[:：.、（(\d]|$)|填表|制表|填报|审核|审批|复核|核对人|联系人|联系电话|联系方式|电话|负责人|单位负责人|分管领导|主管领导|经办人|统计人|以下空白|以下无|其中[:：]|盖章|报送单位|签字|签发)/;

type RowKind = 'total' | 'note' | null;

function firstCellKind(text: string, totalWords: readonly string[]): RowKind {
  const k = compactKey(text);
  for (const w of totalWords) if (w !== '' && k.includes(w)) return 'total';
  if (k.includes('共计')) return 'total';
  return NOTE_START.test(k) ? 'note' : null;
}

/**
 * The first characters a cell that starts with a total word can have: a word's own first character, and any
 * character compactKey changes or drops (white space, lower case, full-width forms), after which the key may still
 * start with the word. Characters compactKey keeps as they are (see alreadyKey in text.ts) and no word starts
 * with are 0: such a cell is no total row's.
 */
function totalStarts(words: readonly string[]): Uint8Array {
  const table = new Uint8Array(65536).fill(1);
  table.fill(0, 0x21, 0x61);
  table.fill(0, 0x7b, 0x7f);
  table.fill(0, 0x3001, 0xa000);
  for (const w of words) table[w.charCodeAt(0)] = 1;
  return table;
}

/**
 * Per ledger read: what repeats from row to row is worked out once (unit names, lists of co-handling units), and
 * the same value shares one object (nothing changes an item's parts after reading).
 */
export class RowReader {
  private readonly units = new Map<string, UnitRef>();
  private readonly lists = new Map<string, UnitRef[]>();
  private readonly sources = [new Map<string, { source: Item['source']; items: number }>(), new Map<string, { source: Item['source']; items: number }>()];
  /** Per first character (UTF-16 unit) of a cell: 1 when the cell may start a total row's words, null: no shortcut. */
  private readonly totalFirst: Uint8Array | null;
  constructor(
    private readonly config: Config,
    private readonly directory: UnitDirectory | null,
  ) {
    // A total row's first cells start with one of these words (an empty word matches anything: no shortcut then).
    this.totalFirst = config.totalRowWords.some((w) => w === '') ? null : totalStarts(config.totalRowWords);
  }

  unit(raw: string): UnitRef {
    let u = this.units.get(raw);
    if (u === undefined) {
      u = unitRef(raw, this.directory);
      if (this.units.size < 50000) this.units.set(raw, u);
    }
    return u;
  }

  /** An item's source before classification: the label and the inter-session marker (shared, replaced later). */
  pending(raw: string, marker: boolean): Item['source'] {
    const m = this.sources[marker ? 1 : 0];
    let p = m.get(raw);
    if (p === undefined) {
      p = { source: { raw, def: null, interSession: marker, problem: null }, items: 0 };
      m.set(raw, p);
    }
    p.items++;
    return p.source;
  }

  /** How many items each label was read for (empty labels not counted). */
  labelCounts(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const m of this.sources) {
      for (const [raw, p] of m) if (raw !== '') counts.set(raw, (counts.get(raw) ?? 0) + p.items);
    }
    return counts;
  }

  /** The co-handling units of a cell (its text split as a hand-written list). */
  list(v: CellValue): UnitRef[] {
    if (v === null) return NO_UNITS;
    const text = valueText(v);
    if (text === '') return NO_UNITS;
    let l = this.lists.get(text);
    if (l === undefined) {
      const names = splitList(text);
      l = names.length === 0 ? NO_UNITS : names.map((n) => this.unit(n));
      if (this.lists.size < 50000) this.lists.set(text, l);
    }
    return l;
  }

  private readonly firstKinds = new Map<string, RowKind>();

  /**
   * A row whose first written cell (left of the title's column: a title may say anything) is a subtotal, a count or
   * a line under the table: 'total' or 'note'; null for an item row (its first cell a 序号, a source or a number).
   */
  footerKind(row: CellValue[], titleAt: number): RowKind {
    for (let i = 0; i < row.length; i++) {
      const c = row[i];
      if (c === null || c === undefined || c === '') continue;
      if (i === titleAt || typeof c !== 'string') return null;
      let kind = this.firstKinds.get(c);
      if (kind === undefined) {
        kind = isBlank(c) ? null : firstCellKind(c, this.config.totalRowWords);
        if (this.firstKinds.size < 20000) this.firstKinds.set(c, kind);
      }
      if (kind !== null || !isBlank(c)) return kind;
    }
    return null;
  }

  /** isTotalRow, skipping cells whose first character no total word starts with (compactKey keeps such a character). */
  isTotal(row: CellValue[]): boolean {
    const first = this.totalFirst;
    if (first === null) return isTotalRow(row, this.config);
    for (let i = 0; i < 4 && i < row.length; i++) {
      const c = row[i];
      if (typeof c !== 'string' || c === '') continue;
      if (first[c.charCodeAt(0)] === 0) continue;
      const k = compactKey(c);
      if (this.config.totalRowWords.some((w) => k.startsWith(w))) return true;
    }
    return false;
  }
}

/** How a group heading is numbered: 一、 （二） 3. 第一部分. */
const HEADING_NUMBER = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d)|第[一二三四五六七八九十\d]+(?:部分|类|批))/;

/**
 * A group heading between the rows (一、省人大建议, （二）市政协提案（15件）, or 省人大建议 alone): the row's only text
 * (a merged heading repeats it across the row) in its first written cell, which is not the title's, numbered like
 * a heading or naming a source. Returns the text, cleaned, or null for any other row.
 */
export function groupHeading(row: CellValue[], titleAt: number): string | null {
  let text: string | null = null;
  let at = -1;
  for (let i = 0; i < row.length; i++) {
    const c = row[i];
    if (c === null || c === undefined || c === '') continue;
    if (typeof c !== 'string') return null;
    if (text === null) {
      if (isBlank(c)) continue;
      text = c;
      at = i;
    } else if (c !== text && !isBlank(c)) return null;
  }
  if (text === null || at === titleAt) return null;
  const t = cleanText(text);
  return HEADING_NUMBER.test(t) || labelInName(t) !== null ? t : null;
}

/** A sheet to read: the grid, where its header is, and the workbook it came from. */
export interface PartSource {
  file: string | null;
  grid: Grid;
  header: HeaderMatch;
}

/** Reads one sheet's item rows (skipping blank, total and note rows) into items; returns the part. */
export function readPart(c: PartSource, sheetSource: string | null, config: Config, reader: RowReader, items: Item[]): LedgerPart {
  const { grid, header } = c;
  const cols = header.columns;
  const left = grid.left;
  const at = partIndex(cols, left);
  const part: LedgerPart = {
    file: c.file,
    sheet: grid.sheet,
    left: grid.left,
    headerRow: header.headerRow,
    columns: cols,
    at,
    sheetSource,
    headers: headerCells(grid, header).map((h) => h.text),
    items: 0,
    skipped: { blank: 0, total: 0, note: 0 },
    hiddenItemRows: 0,
  };
  const iSource = at.source;
  const iNumber = at.number;
  const iLead = at.leadUnit;
  const iCo = at.coUnits;
  const iAssign = at.assignDate;
  const iDeadline = at.deadline;
  const iReply = at.replyDate;
  const iKey = at.key;
  const iCategory = at.category;
  const iFace = at.faceToFace;
  const iSatisfaction = at.satisfaction;
  const iPublished = at.published;
  const iInterSession = at.interSession;
  const titleAt = at.title;
  // Without a source column: the source the last group heading named (一、省人大建议), for the rows under it.
  let groupSource: string | null = null;
  const fromHeading = (text: string) => {
    const label = iSource < 0 ? labelInName(text) : null;
    if (label !== null) {
      groupSource = label;
      part.groupSources = true;
    }
  };
  const hidden = grid.hiddenRows && grid.hiddenRows.length ? new Set(grid.hiddenRows) : null;
  const mappedCols = Object.values(cols).map((col) => col!.col - left);
  const ticks = cols.satisfaction?.ticks
    ? (Object.entries(cols.satisfaction.ticks) as Array<[Satisfaction, number]>).map(([s, col]) => [s, col - left] as const)
    : null;
  if (ticks) for (const [, col] of ticks) if (!mappedCols.includes(col)) mappedCols.push(col);
  const mapped = Int32Array.from(mappedCols);
  const yesWord = new ColumnMemo((v) => isYes(v, config));
  const yes = (row: CellValue[], i: number): boolean => (i < 0 ? false : yesWord.of(row[i]));
  const satisfactionWord = new ColumnMemo(readSatisfaction);
  const satisfactionOf = (row: CellValue[]): Satisfaction | null | undefined => {
    if (!ticks) return iSatisfaction < 0 ? null : satisfactionWord.of(row[iSatisfaction]);
    let found: Satisfaction | null | undefined = null;
    for (const [s, col] of ticks) {
      const v = row[col];
      if (isBlank(v) || !isYes(v, config)) continue;
      found = found === null ? s : undefined;
    }
    return found;
  };
  const categoryWord = new ColumnMemo((v) => readCategory(v, config));
  const leadOf = new ColumnMemo((v): UnitRef | null => {
    const lead = v === null ? '' : cleanText(valueText(v));
    return lead === '' ? null : reader.unit(lead);
  });
  const sourceText = new ColumnMemo((v) => (v === null ? '' : cleanText(valueText(v))));
  const skipped = part.skipped;
  const values = grid.values;
  for (let i = header.headerIndex + 1; i < values.length; i++) {
    const row = values[i] ?? [];
    let any = false;
    for (let m = 0; m < mapped.length; m++) {
      if (!isBlank(row[mapped[m]])) {
        any = true;
        break;
      }
    }
    if (!any) {
      if (row.some((cell) => !isBlank(cell))) {
        skipped.note++;
        const heading = groupHeading(row, -1);
        if (heading !== null) fromHeading(heading);
      } else skipped.blank++;
      continue;
    }
    if (reader.isTotal(row)) {
      skipped.total++;
      continue;
    }
    if (isNoteRow(row)) {
      skipped.note++;
      continue;
    }
    // A group heading is no item (counted with the 说明行); it may name the source of the rows under it. (A row
    // starting with a number, a 序号, is none: no call for it.)
    const heading = typeof row[0] === 'number' ? null : groupHeading(row, titleAt);
    if (heading !== null) {
      skipped.note++;
      fromHeading(heading);
      continue;
    }
    const footer = reader.footerKind(row, titleAt);
    if (footer !== null) {
      skipped[footer]++;
      continue;
    }
    const worksheetRow = grid.top + i;
    if (hidden !== null && hidden.has(worksheetRow)) part.hiddenItemRows++;
    part.items++;
    items.push(
      new LedgerItem(
        part,
        worksheetRow,
        row,
        // Classified once every sheet is read (the office's level depends on all labels); the marker kept meanwhile.
        reader.pending(iSource >= 0 ? sourceText.of(row[iSource]) : (groupSource ?? sheetSource ?? ''), yes(row, iInterSession)),
        cellText(row, iNumber),
        iLead < 0 ? null : leadOf.of(row[iLead]),
        reader.list(cellAtIndex(row, iCo)),
        parseDay(cellAtIndex(row, iAssign)),
        parseDay(cellAtIndex(row, iDeadline)),
        parseDay(cellAtIndex(row, iReply)),
        yes(row, iKey),
        iCategory < 0 ? null : categoryWord.of(row[iCategory]),
        yes(row, iFace),
        satisfactionOf(row),
        yes(row, iPublished),
      ),
    );
  }
  return part;
}
