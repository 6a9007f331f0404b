/* eslint-disable @typescript-eslint/no-this-alias -- mock methods get the mock as `this`; `fake` is the workbook */
/**
 * A fake Excel workbook behind office-addin-mock objects. API objects are OfficeMockObjects made on demand, so
 * load() without a context.sync() fails as it does in Excel; context.sync() is counted, applies the queued
 * method calls and the properties the code wrote, and makes loaded values readable.
 *
 * Request size: every object path, method call, load and property write the code queues is counted as office.js
 * would serialize it (PATH/ACTION bytes plus its arguments as JSON), and so is every response of loaded values.
 * A sync whose request or response passes 5 MB fails as Excel on the web does (RequestPayloadSizeLimitExceeded).
 */
import { OfficeMockObject } from 'office-addin-mock';
import { CellValue, columnLetter, columnNumber } from '../../src/core';
import type { ExcelHost } from '../../src/excel/host';
import { readGrids } from '../../src/excel/read';
import { DocumentSettings, documentConfigStore } from '../../src/excel/settings';

/** What office.js sends for one object path or one action, without its arguments (measured order of magnitude). */
export const MOCK_PATH_BYTES = 110;
export const MOCK_ACTION_BYTES = 90;
/** Excel on the web's limit for one request and for one response. */
export const WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;

/** JSON bytes as office.js sends them: UTF-8 (a CJK character is 3 bytes). */
export function sentBytes(v: unknown): number {
  return Buffer.byteLength(JSON.stringify(v) ?? '', 'utf8');
}

export interface Fill {
  color: string;
  pattern: string;
}

export class FakeSheet {
  cells = new Map<string, CellValue>();
  fills = new Map<string, Fill>();
  bold = new Set<string>();
  charts: Array<{ type: string; source: string; title: string }> = [];
  constructor(
    public name: string,
    public visibility = 'Visible',
  ) {}

  static from(name: string, rows: CellValue[][], top = 1, left = 1): FakeSheet {
    const s = new FakeSheet(name);
    rows.forEach((row, r) => row.forEach((v, c) => v !== null && v !== undefined && v !== '' && s.cells.set(`${columnLetter(left + c)}${top + r}`, v)));
    return s;
  }

  used(): { top: number; left: number; rows: number; cols: number } | null {
    if (!this.cells.size) return null;
    let top = Infinity;
    let left = Infinity;
    let bottom = 0;
    let right = 0;
    for (const ref of this.cells.keys()) {
      const { row, col } = parseRef(ref);
      top = Math.min(top, row);
      left = Math.min(left, col);
      bottom = Math.max(bottom, row);
      right = Math.max(right, col);
    }
    return { top, left, rows: bottom - top + 1, cols: right - left + 1 };
  }
}

function parseRef(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(ref)!;
  return { col: columnNumber(m[1]), row: Number(m[2]) };
}

/** Cells of an address: A1, A1:H20; whole columns (A:A) have none. */
function cellsOf(address: string): string[][] {
  if (address.includes(',')) return address.split(',').flatMap((a) => cellsOf(a.trim()));
  const [a, b] = address.split(':');
  if (!/\d/.test(a)) return [];
  const p = parseRef(a);
  const q = b ? parseRef(b) : p;
  const out: string[][] = [];
  for (let r = p.row; r <= q.row; r++) {
    const row: string[] = [];
    for (let c = p.col; c <= q.col; c++) row.push(`${columnLetter(c)}${r}`);
    out.push(row);
  }
  return out;
}

const NO_FILL: Fill = { color: '#FFFFFF', pattern: 'None' };

type Op = () => void;

export class FakeExcel {
  sheets: FakeSheet[] = [];
  notes = new Map<string, string>();
  settings = new Map<string, string>();
  syncs = 0;
  selected: string | null = null;
  active: string | null = null;
  /** The largest number of cells read in one request (Excel on the web caps a request at 5 MB). */
  maxCellsPerSync = 0;
  /** Bytes of the current request, and the largest request and response of any sync so far. */
  requestBytes = 0;
  maxRequestBytes = 0;
  responseBytes = 0;
  maxResponseBytes = 0;
  /** Every sync's request size, in order. */
  requestSizes: number[] = [];
  /** Calls of worksheet.getRanges (areas) and of getRange. */
  areaCalls = 0;
  private queue: Op[] = [];
  private writes: Array<{ count: () => void; apply: () => void }> = [];
  private cellsThisSync = 0;

  constructor(sheets: FakeSheet[]) {
    this.sheets = sheets;
  }

  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`ItemNotFound: worksheet ${name}`);
    return s;
  }

  /** Counts an object path or action of the current request. */
  send(kind: 'path' | 'action', ...args: unknown[]): void {
    this.requestBytes += (kind === 'path' ? MOCK_PATH_BYTES : MOCK_ACTION_BYTES) + (args.length ? sentBytes(args) : 0);
  }

  /** Mocks with a load since the last sync: only they need the mock's own sync (which makes loaded values readable). */
  private dirty = new Set<OfficeMockObject>();

  /** Wraps load() of the nested mocks (format, fill, font…) so that a load there marks the top mock for the sync. */
  private wrapNested(top: OfficeMockObject, obj: unknown, depth = 0): void {
    if (depth > 3 || !obj || typeof obj !== 'object') return;
    for (const key of Object.keys(obj)) {
      if (key.startsWith('_')) continue;
      const child = (obj as Record<string, unknown>)[key];
      if (child instanceof OfficeMockObject) {
        const load = (child as unknown as { load: (p?: string) => unknown }).load;
        (child as unknown as { load: (p?: string) => unknown }).load = (props?: string) => {
          this.send('action', props ?? '');
          this.dirty.add(top);
          return load.call(child, props);
        };
        this.wrapNested(top, child, depth + 1);
      }
    }
  }

  private track<T extends OfficeMockObject>(m: T): T {
    this.dirty.add(m);
    this.wrapNested(m, m);
    const fake = this;
    const load = (m as unknown as { load: (p?: string) => unknown }).load;
    (m as unknown as { load: (p?: string) => unknown }).load = function (this: unknown, props?: string) {
      fake.dirty.add(m);
      fake.send('action', props ?? '');
      const values = (m as unknown as { _properties?: Map<string, { _valueBeforeLoaded: unknown }> })._properties;
      for (const p of String(props ?? '').split(',')) {
        const v = values?.get(p.trim())?._valueBeforeLoaded;
        if (v !== undefined) fake.responseBytes += sentBytes(v);
      }
      return load.call(this, props);
    };
    const o = m as unknown as { isNullObject?: unknown; _properties: Map<string, { _valueBeforeLoaded: unknown }> };
    if (o._properties.has('isNullObject')) {
      const actual = o._properties.get('isNullObject')!._valueBeforeLoaded;
      this.nullStates.set(m, actual as boolean);
    }
    return m;
  }

  /** Excel sets isNullObject on every sync, whether or not it was loaded. */
  nullStates = new Map<OfficeMockObject, boolean>();

  /** Registers a property the code may write; applied at the next sync when it differs from what was there. */
  private watch(obj: Record<string, unknown>, prop: string, given: unknown, apply: (v: unknown) => void): void {
    // What the property holds underneath the mock's "not loaded" marker.
    const props = (obj as { _properties?: Map<string, { _valueBeforeLoaded: unknown }> })._properties;
    let initial = props?.has(prop) ? props.get(prop)!._valueBeforeLoaded : given;
    let pending: unknown;
    this.writes.push({
      count: () => {
        const v = obj[prop];
        pending = undefined;
        if (typeof v === 'string' && v.startsWith('Error, ')) return;
        if (v !== initial && v !== undefined) {
          this.send('action', v);
          pending = v;
        }
      },
      apply: () => {
        if (pending === undefined) return;
        apply(pending);
        initial = pending;
        pending = undefined;
      },
    });
  }

  private rangeMock(sheet: FakeSheet, address: string): OfficeMockObject {
    const cells = cellsOf(address);
    // The range, its format and its fill: three object paths, the address as argument.
    this.send('path', address);
    this.send('path');
    this.send('path');
    this.cellsThisSync += cells.length * (cells[0]?.length ?? 0);
    const first = cells[0]?.[0];
    const fill = (first && sheet.fills.get(first)) || NO_FILL;
    const values = cells.map((row) => row.map((ref) => sheet.cells.get(ref) ?? ''));
    const fake = this;
    const m = this.track(
      new OfficeMockObject({
        address: `${sheet.name}!${address}`,
        values,
        format: {
          fill: {
            color: fill.color,
            pattern: fill.pattern,
            clear() {
              fake.send('action');
              fake.queue.push(() => cells.flat().forEach((ref) => sheet.fills.delete(ref)));
            },
          },
          font: { bold: false, size: 11 },
          columnWidth: 64,
        },
        select() {
          fake.queue.push(() => (fake.selected = `${sheet.name}!${address}`));
        },
      }),
    ) as unknown as Record<string, never> & OfficeMockObject;
    const mm = m as unknown as { values: unknown; format: { fill: Record<string, unknown>; font: Record<string, unknown> } };
    this.watch(mm as unknown as Record<string, unknown>, 'values', mm.values, (v) =>
      (v as CellValue[][]).forEach((row, r) => row.forEach((val, c) => cells[r]?.[c] && sheet.cells.set(cells[r][c], val))),
    );
    this.watch(mm.format.fill, 'color', mm.format.fill.color, (v) =>
      cells.flat().forEach((ref) => sheet.fills.set(ref, { color: String(v), pattern: sheet.fills.get(ref)?.pattern === 'None' || !sheet.fills.get(ref) ? 'Solid' : sheet.fills.get(ref)!.pattern })),
    );
    this.watch(mm.format.fill, 'pattern', mm.format.fill.pattern, (v) =>
      cells.flat().forEach((ref) => sheet.fills.set(ref, { color: sheet.fills.get(ref)?.color ?? '#FFFFFF', pattern: String(v) })),
    );
    this.watch(mm.format.font, 'bold', false, (v) => v && cells.flat().forEach((ref) => sheet.bold.add(ref)));
    return m;
  }

  private sheetMock(sheet: FakeSheet): OfficeMockObject {
    const fake = this;
    const m = this.track(
      new OfficeMockObject({
        name: sheet.name,
        visibility: sheet.visibility,
        getRange(address: string) {
          return fake.rangeMock(sheet, address);
        },
        getRanges(address: string) {
          fake.areaCalls++;
          return fake.rangeMock(sheet, address);
        },
        getUsedRangeOrNullObject() {
          const u = sheet.used();
          return fake.track(
            new OfficeMockObject({
              isNullObject: u === null,
              rowIndex: u ? u.top - 1 : 0,
              columnIndex: u ? u.left - 1 : 0,
              rowCount: u ? u.rows : 0,
              columnCount: u ? u.cols : 0,
            }),
          );
        },
        activate() {
          fake.queue.push(() => (fake.active = sheet.name));
        },
        delete() {
          fake.queue.push(() => (fake.sheets = fake.sheets.filter((s) => s !== sheet)));
        },
        charts: {
          add(type: string, source: OfficeMockObject) {
            const chart = { type, source: String((source as unknown as { address: string }).address), title: '' };
            fake.queue.push(() => sheet.charts.push(chart));
            const cm = fake.track(new OfficeMockObject({ title: { text: '' }, legend: { visible: true }, setPosition() {} }));
            const t = (cm as unknown as { title: Record<string, unknown> }).title;
            fake.watch(t, 'text', '', (v) => (chart.title = String(v)));
            return cm;
          },
        },
      }),
    );
    return m;
  }

  private noteMock(key: string): OfficeMockObject {
    const fake = this;
    const exists = this.notes.has(key);
    const m = this.track(
      new OfficeMockObject({
        isNullObject: !exists,
        content: exists ? this.notes.get(key)! : '',
        delete() {
          fake.send('action');
          fake.queue.push(() => {
            if (!fake.notes.has(key)) throw new Error(`ItemNotFound: note ${key}`);
            fake.notes.delete(key);
          });
        },
      }),
    );
    const mm = m as unknown as Record<string, unknown>;
    this.watch(mm, 'content', mm.content, (v) => {
      if (!exists) throw new Error(`InvalidArgument: note ${key} does not exist`);
      this.notes.set(key, String(v));
    });
    return m;
  }

  /** A RequestContext for one Excel.run. */
  context(): Excel.RequestContext {
    const fake = this;
    const items = this.sheets.map((s) => this.sheetMock(s));
    const worksheets = this.track(
      new OfficeMockObject({
        items,
        // Collections load their items' properties with "items/name" paths, which the mock cannot walk through
        // an array: load the items one by one, as Excel does.
        load(props: string) {
          OfficeMockObject.prototype.load.call(this, 'items');
          const names = props.split(',').map((p) => p.trim().replace(/^items\//, ''));
          for (const it of items) it.load(names.join(','));
          return this;
        },
        getItem(name: string) {
          fake.send('path', name);
          return fake.sheetMock(fake.sheet(name));
        },
        getItemOrNullObject(name: string) {
          const s = fake.sheets.find((x) => x.name === name);
          if (s) {
            const sm = fake.sheetMock(s);
            fake.nullStates.set(sm, false);
            return sm;
          }
          return fake.track(new OfficeMockObject({ isNullObject: true, name: '' }));
        },
        add(name: string) {
          const s = new FakeSheet(name);
          fake.queue.push(() => {
            if (fake.sheets.some((x) => x.name === name)) throw new Error(`ItemAlreadyExists: ${name}`);
            fake.sheets.push(s);
          });
          return fake.sheetMock(s);
        },
      }),
    );
    const settingsMock = this.track(
      new OfficeMockObject({
        getItemOrNullObject(key: string) {
          fake.send('path', key);
          const has = fake.settings.has(key);
          return fake.track(
            new OfficeMockObject({
              isNullObject: !has,
              value: has ? fake.settings.get(key)! : '',
              delete() {
                fake.send('action');
                fake.queue.push(() => fake.settings.delete(key));
              },
            }),
          );
        },
        add(key: string, value: string) {
          fake.send('action', key, value);
          fake.queue.push(() => fake.settings.set(key, value));
        },
      }),
    );
    const notesMock = this.track(
      new OfficeMockObject({
        getItemOrNullObject(key: string) {
          fake.send('path', key);
          return fake.noteMock(key);
        },
        add(key: string, content: string) {
          fake.send('action', key, content);
          fake.queue.push(() => {
            if (fake.notes.has(key)) throw new Error(`InvalidArgument: a note already exists at ${key}`);
            fake.notes.set(key, content);
          });
        },
      }),
    );
    const ctx = {
      workbook: { worksheets, settings: settingsMock, notes: notesMock },
      async sync() {
        fake.syncs++;
        fake.maxCellsPerSync = Math.max(fake.maxCellsPerSync, fake.cellsThisSync);
        fake.cellsThisSync = 0;
        const ops = fake.queue;
        fake.queue = [];
        // Property writes are part of this request: count them before deciding whether it is too large.
        const writes = fake.writes.splice(0);
        for (const w of writes) w.count();
        const request = fake.requestBytes;
        const response = fake.responseBytes;
        fake.requestBytes = 0;
        fake.responseBytes = 0;
        fake.requestSizes.push(request);
        fake.maxRequestBytes = Math.max(fake.maxRequestBytes, request);
        fake.maxResponseBytes = Math.max(fake.maxResponseBytes, response);
        if (request > WEB_PAYLOAD_LIMIT) throw Object.assign(new Error('The request payload size has exceeded the limit.'), { code: 'RequestPayloadSizeLimitExceeded' });
        if (response > WEB_PAYLOAD_LIMIT) throw Object.assign(new Error('The response payload size has exceeded the limit.'), { code: 'ResponsePayloadSizeLimitExceeded' });
        for (const op of ops) op();
        for (const w of writes) w.apply();
        for (const w of writes) fake.writes.push(w);
        const dirty = [...fake.dirty];
        fake.dirty.clear();
        for (const m of dirty) await m.sync();
        for (const [m, v] of fake.nullStates) (m as unknown as { isNullObject: boolean }).isNullObject = v;
      },
    };
    return ctx as unknown as Excel.RequestContext;
  }

  /** Notes by sheet-less cell address for one sheet. */
  noteAt(sheet: string, cell: string): string | undefined {
    return this.notes.get(`'${sheet}'!${cell}`);
  }
}

/** The Excel enums the adapter uses. */
export function installExcelGlobals(): void {
  (globalThis as unknown as { Excel: unknown }).Excel = {
    ChartType: { columnClustered: 'ColumnClustered', barClustered: 'BarClustered' },
    ChartSeriesBy: { columns: 'Columns', rows: 'Rows', auto: 'Auto' },
  };
}

/** The Excel pane's host over a fake workbook: reading and selecting work; marking is not what these tests do. */
export function paneHost(fake: FakeExcel, settings?: DocumentSettings): ExcelHost {
  const fail = async (): Promise<never> => Promise.reject(new Error('not in this test'));
  return {
    capabilities: { basic: true, changeEvents: true, fillPattern: true, notes: true },
    read: (p) => readGrids(fake.context(), p),
    mark: fail,
    clear: fail,
    summary: fail,
    select: async () => undefined,
    onChanged: async () => async () => undefined,
    settings: settings ? documentConfigStore(settings) : undefined,
  };
}
