/**
 * A fake WPS object model, written from the `wps-jsapi` typings (member names and their COM conventions:
 * 1-based Item(), Value2 as a scalar or rows of columns, BGR colours, xlNone = -4142, xlSheetVeryHidden = 2).
 * It implements the adapters' narrow interfaces (src/wps/types.ts), which tests/wps/typings.test.ts checks
 * member by member against the typings. Every call that changes something is recorded in `calls`.
 *
 * 表格: a workbook of sheets holding values, fills and comments; reopen() keeps only what a saved file keeps.
 * 文字: a document as one text story ("\r" ends a paragraph) with content controls and bookmarks as character spans;
 * InsertFile reads a flat-OPC .xml or a .docx from the fake file system and splices its text, controls and bookmarks in.
 */
import { inflateRawSync } from 'zlib';
import { CellValue, columnLetter, columnNumber } from '../../src/core';
import type * as T from '../../src/wps/types';

export const XL_NONE = -4142;

// ---------------------------------------------------------------- 表格

interface CellState {
  value?: string | number | boolean;
  fill?: { color: number; pattern: number };
  comment?: string;
}

function parseAddress(a: string): { r1: number; c1: number; r2: number; c2: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(a.toUpperCase());
  if (!m) throw new Error(`fake: bad address ${a}`);
  const c1 = columnNumber(m[1]);
  const r1 = Number(m[2]);
  return { r1, c1, r2: m[4] ? Number(m[4]) : r1, c2: m[3] ? columnNumber(m[3]) : c1 };
}

export class FakeEtSheet implements T.EtWorksheet {
  cells = new Map<string, CellState>();
  charts: Array<{ type: number; source: string; title: string; legend: boolean; left: number; top: number }> = [];
  deleted = false;
  constructor(
    readonly book: FakeEtWorkbook,
    public Name: string,
    public Visible = -1,
  ) {}

  static fill(book: FakeEtWorkbook, name: string, values: CellValue[][], top = 1, left = 1): FakeEtSheet {
    const s = new FakeEtSheet(book, name);
    values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === '') return;
        if (v instanceof Date) throw new Error('fake: WPS hands dates over as serial numbers');
        if (typeof v === 'object') throw new Error('fake: a cell holds a string, a number or a boolean');
        s.cell(top + r, left + c).value = v;
      }),
    );
    return s;
  }

  cell(r: number, c: number): CellState {
    const k = `${r},${c}`;
    let s = this.cells.get(k);
    if (!s) this.cells.set(k, (s = {}));
    return s;
  }

  /** The cells that hold anything, for comparing states. */
  state(): Array<[string, CellState]> {
    return [...this.cells].filter(([, c]) => c.value !== undefined || c.fill || c.comment !== undefined);
  }

  peek(address: string): CellState {
    const { r1, c1 } = parseAddress(address);
    return this.cells.get(`${r1},${c1}`) ?? {};
  }

  get UsedRange(): FakeEtRange {
    let r1 = Infinity, c1 = Infinity, r2 = 0, c2 = 0;
    for (const [k, s] of this.cells) {
      if (s.value === undefined && !s.fill && s.comment === undefined) continue;
      const [r, c] = k.split(',').map(Number);
      r1 = Math.min(r1, r); c1 = Math.min(c1, c); r2 = Math.max(r2, r); c2 = Math.max(c2, c);
    }
    if (!r2) return new FakeEtRange(this, 1, 1, 1, 1);
    return new FakeEtRange(this, r1, c1, r2, c2);
  }

  Range(Cell1: string, Cell2?: string): FakeEtRange {
    const a = parseAddress(Cell1);
    const b = Cell2 ? parseAddress(Cell2) : a;
    return new FakeEtRange(this, a.r1, a.c1, b.r2, b.c2);
  }

  ChartObjects(): T.EtChartObjects {
    return {
      Count: this.charts.length,
      Add: (Left: number, Top: number) => {
        const rec = { type: 0, source: '', title: '', legend: true, left: Left, top: Top };
        this.charts.push(rec);
        this.book.calls.push(`${this.Name}.ChartObjects().Add`);
        const chart: T.EtChart = {
          get ChartType() { return rec.type; },
          set ChartType(v: number) { rec.type = v; },
          SetSourceData: (src: T.EtRange) => { rec.source = (src as FakeEtRange).address; },
          HasTitle: false,
          ChartTitle: { get Text() { return rec.title; }, set Text(v: string) { rec.title = v; } },
          get HasLegend() { return rec.legend; },
          set HasLegend(v: boolean) { rec.legend = v; },
        };
        return { Chart: chart };
      },
    };
  }

  Activate(): void {
    this.book.active = this;
    this.book.calls.push(`${this.Name}.Activate`);
  }

  Delete(): void {
    if (this.book.app.DisplayAlerts) throw new Error('fake: WPS would ask before deleting a sheet');
    this.book.sheets = this.book.sheets.filter((s) => s !== this);
    this.deleted = true;
    this.book.calls.push(`${this.Name}.Delete`);
  }
}

class FakeInterior implements T.EtInterior {
  constructor(private readonly cell: () => CellState, private readonly log: (s: string) => void) {}
  get Color(): number { return this.cell().fill?.color ?? 0xffffff; }
  set Color(v: number) { const c = this.cell(); c.fill = { color: v, pattern: c.fill?.pattern ?? 1 }; this.log(`Interior.Color=${v.toString(16)}`); }
  get ColorIndex(): number { return this.cell().fill ? 1 : XL_NONE; }
  set ColorIndex(v: number) { if (v === XL_NONE) delete this.cell().fill; this.log(`Interior.ColorIndex=${v}`); }
  get Pattern(): number { return this.cell().fill?.pattern ?? XL_NONE; }
  set Pattern(v: number) { const c = this.cell(); if (c.fill) c.fill.pattern = v; this.log(`Interior.Pattern=${v}`); }
}

export class FakeEtRange implements T.EtRange {
  constructor(readonly sheet: FakeEtSheet, readonly r1: number, readonly c1: number, readonly r2: number, readonly c2: number) {}
  get address(): string {
    const a = `${columnLetter(this.c1)}${this.r1}`;
    return this.r1 === this.r2 && this.c1 === this.c2 ? a : `${a}:${columnLetter(this.c2)}${this.r2}`;
  }
  private log(s: string): void { this.sheet.book.calls.push(`${this.sheet.Name}!${this.address}.${s}`); }
  private one(): CellState { return this.sheet.cell(this.r1, this.c1); }

  get Value2(): unknown {
    this.sheet.book.reads++;
    if (this.r1 === this.r2 && this.c1 === this.c2) return this.sheet.cells.get(`${this.r1},${this.c1}`)?.value ?? undefined;
    const out: unknown[][] = [];
    for (let r = this.r1; r <= this.r2; r++) {
      const row: unknown[] = [];
      for (let c = this.c1; c <= this.c2; c++) row.push(this.sheet.cells.get(`${r},${c}`)?.value ?? undefined);
      out.push(row);
    }
    return out;
  }
  set Value2(v: unknown) {
    const put = (r: number, c: number, x: unknown) => {
      const cell = this.sheet.cell(r, c);
      if (x === null || x === undefined || x === '') delete cell.value;
      else if (typeof x === 'string' && /^[=+\-@]/.test(x)) cell.value = `FORMULA:${x}`; // what WPS would do: a formula
      else cell.value = x as string | number | boolean;
    };
    if (Array.isArray(v)) v.forEach((row: unknown[], i) => row.forEach((x, j) => put(this.r1 + i, this.c1 + j, x)));
    else for (let r = this.r1; r <= this.r2; r++) for (let c = this.c1; c <= this.c2; c++) put(r, c, v);
    this.log('Value2=');
  }
  get Row(): number { return this.r1; }
  get Column(): number { return this.c1; }
  get Rows() { return { Count: this.r2 - this.r1 + 1 }; }
  get Columns() { return { Count: this.c2 - this.c1 + 1 }; }
  get Interior(): T.EtInterior { return new FakeInterior(() => this.one(), (s) => this.log(s)); }
  get Comment(): T.EtComment | null {
    const cell = this.sheet.cells.get(`${this.r1},${this.c1}`);
    if (cell?.comment === undefined) return null;
    return {
      Text: (text?: string) => {
        if (text !== undefined) { cell.comment = text; this.log('Comment.Text='); }
        return cell.comment ?? '';
      },
      Delete: () => { delete cell.comment; this.log('Comment.Delete'); },
    };
  }
  AddComment(Text?: string): T.EtComment {
    const cell = this.one();
    if (cell.comment !== undefined) throw new Error('fake: the cell already has a comment (AddComment fails in WPS too)');
    cell.comment = Text ?? '';
    this.log('AddComment');
    return this.Comment!;
  }
  ClearComments(): void { delete this.one().comment; this.log('ClearComments'); }
  Select(): void { this.sheet.book.selected = `${this.sheet.Name}!${this.address}`; this.log('Select'); }
  readonly Font = { Bold: false, Size: 11 };
  ColumnWidth = 8.38;
  get Left(): number { return (this.c1 - 1) * 48; }
  get Top(): number { return (this.r1 - 1) * 15; }
}

export class FakeEtWorkbook implements T.EtWorkbook {
  sheets: FakeEtSheet[] = [];
  active: FakeEtSheet | null = null;
  selected = '';
  calls: string[] = [];
  reads = 0;
  Name = '台账.xlsx';
  constructor(readonly app: FakeEtApp, public Date1904: boolean | number = false) {}

  get Worksheets(): T.EtSheets {
    return {
      Count: this.sheets.length,
      Item: (i: number | string) => {
        const s = typeof i === 'number' ? this.sheets[i - 1] : this.sheets.find((x) => x.Name === i);
        if (!s) throw new Error(`fake: no sheet ${i}`);
        return s;
      },
      Add: (before?: T.EtWorksheet, after?: T.EtWorksheet) => {
        const s = new FakeEtSheet(this, `Sheet${this.sheets.length + 1}`);
        const at = after ? this.sheets.indexOf(after as FakeEtSheet) + 1 : before ? this.sheets.indexOf(before as FakeEtSheet) : 0;
        this.sheets.splice(at, 0, s);
        this.calls.push('Worksheets.Add');
        return s;
      },
    };
  }

  sheet(name: string): FakeEtSheet {
    const s = this.sheets.find((x) => x.Name === name);
    if (!s) throw new Error(`fake: no sheet ${name}`);
    return s;
  }
}

export class FakeEtApp implements T.EtApplication {
  DisplayAlerts = true;
  ActiveWorkbook: FakeEtWorkbook;
  constructor(build: (wb: FakeEtWorkbook) => FakeEtSheet[], date1904 = false) {
    this.ActiveWorkbook = new FakeEtWorkbook(this, date1904);
    this.ActiveWorkbook.sheets = build(this.ActiveWorkbook);
  }

  /** Save and reopen: values, fills, comments, sheet names and visibility are in the file; nothing else is. */
  reopen(): FakeEtApp {
    const old = this.ActiveWorkbook;
    return new FakeEtApp((wb) =>
      old.sheets.map((s) => {
        const copy = new FakeEtSheet(wb, s.Name, s.Visible);
        for (const [k, c] of s.cells) copy.cells.set(k, JSON.parse(JSON.stringify(c)) as CellState);
        copy.charts = s.charts.map((c) => ({ ...c }));
        return copy;
      }), Boolean(old.Date1904));
  }
}

// ---------------------------------------------------------------- the `wps` global

export class FakeFileSystem implements T.WpsFileSystem {
  files = new Map<string, string>();
  calls: string[] = [];
  constructor(private readonly writers: { binary: boolean; text: boolean } = { binary: true, text: true }) {
    if (!writers.text) this.WriteFile = undefined;
    if (!writers.binary) this.writeAsBinaryString = undefined;
  }
  Exists(path: string): boolean { return this.files.has(path); }
  Remove(path: string): void { this.files.delete(path); this.calls.push(`Remove ${path}`); }
  Mkdir(): void {}
  WriteFile?: (path: string, data: string) => boolean = (path, data) => {
    // Text is written as UTF-8: kept here as its bytes, one char per byte.
    this.files.set(path, Buffer.from(data, 'utf8').toString('latin1'));
    this.calls.push(`WriteFile ${path}`);
    return true;
  };
  writeAsBinaryString?: (path: string, data: string) => boolean = (path, data) => {
    if ([...data].some((ch) => ch.charCodeAt(0) > 255)) throw new Error('fake: a binary string holds bytes only');
    this.files.set(path, data);
    this.calls.push(`writeAsBinaryString ${path}`);
    return true;
  };
  bytes(path: string): Buffer {
    const s = this.files.get(path);
    if (s === undefined) throw new Error(`fake: no file ${path}`);
    return Buffer.from(s, 'latin1');
  }
}

export class FakeWps implements T.WpsGlobal {
  listeners = new Map<string, Array<(...args: unknown[]) => void>>();
  panes: Array<{ url: string; title?: string; pane: T.WpsTaskPane }> = [];
  storage = new Map<string, string>();
  FileSystem: FakeFileSystem;
  constructor(writers?: { binary: boolean; text: boolean }, readonly et?: FakeEtApp, readonly doc?: FakeWpsApp) {
    this.FileSystem = new FakeFileSystem(writers);
  }
  EtApplication = this.et ? () => this.et! : undefined;
  WpsApplication = this.doc ? () => this.doc! : undefined;
  CreateTaskPane(url: string, title?: string): T.WpsTaskPane {
    const pane = { Visible: false, ID: this.panes.length + 1 };
    this.panes.push({ url, title, pane });
    return pane;
  }
  GetTaskPane(id: number): T.WpsTaskPane { return this.panes[id - 1].pane; }
  ApiEvent = {
    AddApiEventListener: (name: string, cb: (...args: unknown[]) => void) => {
      this.listeners.set(name, [...(this.listeners.get(name) ?? []), cb]);
    },
    RemoveApiEventListener: (name: string, cb?: (...args: unknown[]) => void) => {
      this.listeners.set(name, cb ? (this.listeners.get(name) ?? []).filter((x) => x !== cb) : []);
    },
  };
  fire(name: string, ...args: unknown[]): void { for (const cb of this.listeners.get(name) ?? []) cb(...args); }
  Env = { GetTempPath: () => '/tmp/wps-fake/' };
  PluginStorage = {
    getItem: (k: string) => this.storage.get(k) ?? null,
    setItem: (k: string, v: string | number | boolean) => void this.storage.set(k, String(v)),
  };
}

// ---------------------------------------------------------------- 文字

interface Span { start: number; end: number }
interface Control extends Span { tag: string }

function decode(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** Text, controls and bookmarks of a WordprocessingML body, as WPS would lay them into the story. */
export function layout(xml: string): { text: string; controls: Control[]; bookmarks: Map<string, Span>; sectPr: boolean } {
  const body = /<w:body>([\s\S]*)<\/w:body>/.exec(xml)?.[1] ?? '';
  let text = '';
  const controls: Control[] = [];
  const open: Control[] = [];
  const bookmarks = new Map<string, Span>();
  const bmById = new Map<string, string>();
  let depthSect = 0;
  for (const m of body.matchAll(/<(\/?)(w:[A-Za-z]+)([^>]*?)(\/?)>([^<]*)/g)) {
    const [, close, tag, attrs, selfClose, after] = m;
    if (tag === 'w:sectPr') { depthSect += close ? -1 : selfClose ? 0 : 1; continue; }
    if (depthSect) continue;
    if (tag === 'w:sdt' && !close) open.push({ tag: '', start: -1, end: -1 });
    else if (tag === 'w:tag' && open.length) open[open.length - 1].tag = /w:val="([^"]*)"/.exec(attrs)![1];
    else if (tag === 'w:sdtContent' && open.length) {
      if (!close) open[open.length - 1].start = text.length;
      else open[open.length - 1].end = text.length;
    } else if (tag === 'w:sdt' && close) controls.push(open.pop()!);
    else if (tag === 'w:bookmarkStart') {
      const name = /w:name="([^"]*)"/.exec(attrs)![1];
      bmById.set(/w:id="([^"]*)"/.exec(attrs)![1], name);
      bookmarks.set(name, { start: text.length, end: text.length });
    } else if (tag === 'w:bookmarkEnd') {
      const name = bmById.get(/w:id="([^"]*)"/.exec(attrs)![1]);
      if (name) bookmarks.get(name)!.end = text.length;
    } else if (tag === 'w:t' && !close) text += decode(after);
    else if (tag === 'w:br') text += '\v';
    else if (tag === 'w:tab' && selfClose) text += '\t';
    else if (tag === 'w:p' && close) text += '\r';
  }
  return { text, controls, bookmarks, sectPr: /<w:sectPr[ >]/.test(xml) };
}

/** word/document.xml out of a .docx's bytes (stored or deflated entries; enough for the files Banli writes). */
export function documentXmlOf(zip: Buffer): string {
  let at = 0;
  while (zip.readUInt32LE(at) === 0x04034b50) {
    const method = zip.readUInt16LE(at + 8);
    const size = zip.readUInt32LE(at + 18);
    const nameLen = zip.readUInt16LE(at + 26);
    const extra = zip.readUInt16LE(at + 28);
    const name = zip.subarray(at + 30, at + 30 + nameLen).toString('utf8');
    const data = zip.subarray(at + 30 + nameLen + extra, at + 30 + nameLen + extra + size);
    if (name === 'word/document.xml') return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    at += 30 + nameLen + extra + size;
  }
  throw new Error('fake: no word/document.xml in the .docx');
}

export class FakeWpsDocument implements T.WpsDocument {
  text: string;
  controls: Control[] = [];
  bookmarks = new Map<string, Span>();
  variables: Array<{ Name: string; Value: string }> = [];
  inserted: Array<{ path: string; kind: 'docx' | 'xml'; at: number; length: number; sectPr: boolean }> = [];
  pageSetupApplied = false;
  constructor(readonly app: FakeWpsApp, paragraphs: string[]) {
    // The clerk's paragraphs, then the empty last paragraph where the cursor is.
    this.text = `${paragraphs.map((p) => `${p}\r`).join('')}\r`;
  }

  range(start: number, end: number): T.WpsRange {
    const text = () => this.text;
    const splice = (s: number, e: number, v: string) => this.splice(s, e, v);
    const insertFile = (p: string, s: number, e: number) => this.insertFile(p, s, e);
    const log = (c: string) => this.app.calls.push(c);
    const r = {
      Start: start,
      End: end,
      get Text() { return text().slice(r.Start, r.End); },
      set Text(v: string) { splice(r.Start, r.End, v); },
      InsertFile(path: string) { insertFile(path, r.Start, r.End); },
      Delete() { splice(r.Start, r.End, ''); log(`Range(${r.Start},${r.End}).Delete`); return 1; },
    };
    return r;
  }

  get Content(): T.WpsRange { return this.range(0, this.text.length); }
  Range(Start = 0, End = this.text.length): T.WpsRange { return this.range(Start, End); }

  get ContentControls(): T.WpsContentControls {
    const list = [...this.controls].sort((a, b) => a.start - b.start);
    return {
      Count: list.length,
      Item: (i: number) => {
        const c = list[i - 1];
        return {
          get Tag() { return c.tag; },
          set Tag(v: string) { c.tag = v; },
          Range: this.range(c.start, c.end),
          Delete: (withContents?: boolean) => {
            this.controls = this.controls.filter((x) => x !== c);
            if (withContents) this.splice(c.start, c.end, '');
            this.app.calls.push(`ContentControl(${c.tag}).Delete(${Boolean(withContents)})`);
          },
        };
      },
    };
  }

  get Bookmarks(): T.WpsBookmarks {
    const names = [...this.bookmarks.keys()];
    const item = (i: number | string): T.WpsBookmark => {
      const name = typeof i === 'number' ? names[i - 1] : i;
      const b = this.bookmarks.get(name);
      if (!b) throw new Error(`fake: no bookmark ${name}`);
      return { Name: name, Range: this.range(b.start, b.end) };
    };
    return { Count: names.length, Item: item, Exists: (n: string) => this.bookmarks.has(n) };
  }

  get Variables(): T.WpsVariables {
    const vars = this.variables;
    const item = (i: number | string): T.WpsVariable => {
      const v = typeof i === 'number' ? vars[i - 1] : vars.find((x) => x.Name === i);
      if (!v) throw new Error(`fake: no variable ${i}`);
      return { get Name() { return v.Name; }, get Value() { return v.Value; }, set Value(x: string) { v.Value = x; }, Delete: () => void vars.splice(vars.indexOf(v), 1) };
    };
    return {
      Count: vars.length,
      Item: item,
      Add: (Name: string, Value: string) => {
        if (vars.some((x) => x.Name === Name)) throw new Error('fake: the variable exists (Variables.Add fails in WPS too)');
        vars.push({ Name, Value });
        return item(Name);
      },
    };
  }

  /**
   * Replaces [start, end) with text. Spans (controls, bookmarks) wholly deleted go; the others move or shrink. An
   * insertion at a span's start goes before it; at a span's end, after it.
   */
  splice(start: number, end: number, insert: string): void {
    const removed = end - start;
    const delta = insert.length - removed;
    const move = (p: number, isEnd: boolean): number => {
      if (removed === 0) return p > start || (p === start && !isEnd) ? p + delta : p;
      if (p <= start) return p;
      if (p >= end) return p + delta;
      return start + (isEnd ? insert.length : 0);
    };
    const keep = (s: Span) => !(removed > 0 && s.start >= start && s.end <= end && s.end > s.start);
    this.controls = this.controls.filter(keep);
    for (const [n, b] of this.bookmarks) if (!keep(b)) this.bookmarks.delete(n);
    for (const s of [...this.controls, ...this.bookmarks.values()]) {
      s.start = move(s.start, false);
      s.end = Math.max(s.start, move(s.end, true));
    }
    this.text = this.text.slice(0, start) + insert + this.text.slice(end);
  }

  insertFile(path: string, start: number, end: number): void {
    const fs = this.app.fs;
    const kind = path.endsWith('.docx') ? 'docx' : 'xml';
    const bytes = fs.bytes(path);
    const xml = kind === 'docx' ? documentXmlOf(bytes) : bytes.toString('utf8');
    const l = layout(xml);
    if (start !== end) this.splice(start, end, '');
    this.splice(start, start, l.text);
    if (this.app.keepsControls) for (const c of l.controls) this.controls.push({ tag: c.tag, start: c.start + start, end: c.end + start });
    for (const [n, b] of l.bookmarks) this.bookmarks.set(n, { start: b.start + start, end: b.end + start });
    if (kind === 'docx' && l.sectPr) this.pageSetupApplied = true;
    this.inserted.push({ path, kind, at: start, length: l.text.length, sectPr: l.sectPr });
    this.app.calls.push(`InsertFile ${kind} at ${start}`);
    this.app.cursor = start + l.text.length;
  }

  /** Someone edits the document by hand: the first `find` becomes `replace`. */
  typeOver(find: string, replace: string): void {
    const at = this.text.indexOf(find);
    if (at < 0) throw new Error(`fake: no ${find}`);
    this.splice(at, at + find.length, replace);
  }
}

export class FakeWpsApp implements T.WpsApplication {
  ActiveDocument: FakeWpsDocument | null;
  calls: string[] = [];
  cursor: number;
  constructor(
    readonly fs: FakeFileSystem,
    paragraphs: string[] = [],
    /** false: a WPS build that drops content controls on InsertFile (the bookmarks carry the tags). */
    readonly keepsControls = true,
  ) {
    this.ActiveDocument = new FakeWpsDocument(this, paragraphs);
    this.cursor = this.ActiveDocument.text.length - 1; // in the empty last paragraph
  }
  get Selection(): T.WpsSelection {
    const doc = this.ActiveDocument!;
    return { Range: doc.Range(this.cursor, this.cursor), InsertFile: (p: string) => doc.insertFile(p, this.cursor, this.cursor) };
  }

  /** Save and reopen: text, controls (where kept), bookmarks and variables are in the file. */
  reopen(): FakeWpsApp {
    const old = this.ActiveDocument!;
    const next = new FakeWpsApp(this.fs, [], this.keepsControls);
    const d = next.ActiveDocument!;
    d.text = old.text;
    d.controls = this.keepsControls ? old.controls.map((c) => ({ ...c })) : [];
    d.bookmarks = new Map([...old.bookmarks].map(([n, b]) => [n, { ...b }]));
    d.variables = old.variables.map((v) => ({ ...v }));
    return next;
  }
}
