/**
 * Marking findings in the open workbook, and clearing exactly what was marked. What a cell looked like before (its
 * fill, its note) is kept in the document's settings, so 清除标记 restores it also after the workbook was saved and
 * reopened. Values are never changed.
 *
 * Within Excel's limits (budget.ts): cells are probed, marked and restored in chunks of at most CHUNK_TARGET
 * estimated request bytes, so every context.sync() stays under 1 MB and the number of syncs grows as N / chunk.
 * Fills go on one range of many areas per severity (getRanges, ExcelApi 1.9) where the host has it. The saved
 * originals are stored compactly (cells with the same original grouped) and split over several settings; past
 * MAX_SAVED_CHARS marking is refused, before anything changes, with a message saying so.
 */
import { BanliError, Finding, MarkTarget, Severity, markTargets } from '../core';
import { ACTION_BYTES, CHUNK_TARGET, PATH_BYTES, chunkByCost, jsonBytes } from './budget';
import { ExcelCapabilities } from './requirements';

export const MARKS_SETTING = 'banli.marks.v1';
export const MARK_FILL: Record<Severity, string> = { error: '#FFC7CE', warning: '#FFEB9C' };
/** One settings entry holds at most this many characters of the saved originals; more go to further entries. */
export const SETTING_PART_CHARS = 100_000;
/** The most the saved originals may take (about 150,000 cells without notes of their own); past it 标记问题 refuses. */
export const MAX_SAVED_CHARS = 1_000_000;
/** A getRanges address is kept below this many characters. */
const AREAS_CHARS = 2_000;

export interface SavedMark {
  sheet: string;
  cell: string;
  /** The fill before Banli: null when the cell had none. */
  fill: { color: string; pattern: string | null } | null;
  /** The note before Banli: null when the cell had none; undefined when notes are not supported. */
  note?: string | null;
}



function noteKey(sheet: string, cell: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${cell}`;
}

const NOTE_HEAD = '办理助手：';

function isNoFill(color: string | null, pattern: string | null): boolean {
  if (pattern !== null) return pattern === 'None';
  return !color || color.toUpperCase() === '#FFFFFF';
}

// ---- the saved originals: compact, split over settings ------------------------------------------------------

/** v2: per sheet, groups of cells that had the same fill and note: [fill, note, "A1 B2 C3"]. */
interface Compact {
  v: 2;
  s: Array<[sheet: string, groups: Array<[fill: [string, string | null] | null, note: string | null | 0, cells: string]>]>;
}

export function packSaved(marks: SavedMark[]): string {
  const sheets = new Map<string, Map<string, { fill: SavedMark['fill']; note: SavedMark['note']; cells: string[] }>>();
  for (const m of marks) {
    const groups = sheets.get(m.sheet) ?? new Map();
    sheets.set(m.sheet, groups);
    const key = JSON.stringify([m.fill, m.note === undefined ? 0 : m.note]);
    const g = groups.get(key) ?? { fill: m.fill, note: m.note, cells: [] };
    groups.set(key, g);
    g.cells.push(m.cell);
  }
  const compact: Compact = {
    v: 2,
    s: [...sheets].map(([sheet, groups]) => [
      sheet,
      [...groups.values()].map((g) => [g.fill ? [g.fill.color, g.fill.pattern] : null, g.note === undefined ? 0 : g.note, g.cells.join(' ')]),
    ]),
  };
  return JSON.stringify(compact);
}

export function unpackSaved(text: string | null): SavedMark[] {
  if (!text) return [];
  try {
    const parsed = JSON.parse(text) as Partial<Compact> & { marks?: SavedMark[] };
    if (Array.isArray(parsed.marks)) return parsed.marks; // v1: written before the compact form
    if (parsed.v !== 2 || !Array.isArray(parsed.s)) return [];
    return parsed.s.flatMap(([sheet, groups]) =>
      groups.flatMap(([fill, note, cells]) =>
        cells
          .split(' ')
          .filter(Boolean)
          .map((cell) => ({ sheet, cell, fill: fill ? { color: fill[0], pattern: fill[1] } : null, ...(note === 0 ? {} : { note }) })),
      ),
    );
  } catch {
    return [];
  }
}

function partKey(i: number): string {
  return `${MARKS_SETTING}.${i}`;
}

/** What the settings hold: the originals themselves, or {"parts": n} with the text split over MARKS_SETTING.0…n-1. */
async function loadSaved(context: Excel.RequestContext): Promise<{ marks: SavedMark[]; parts: number; present: boolean }> {
  const settings = context.workbook.settings;
  const head = settings.getItemOrNullObject(MARKS_SETTING);
  head.load('value');
  await context.sync();
  if (head.isNullObject) return { marks: [], parts: 0, present: false };
  const value = typeof head.value === 'string' ? head.value : '';
  const index = /^\{"parts":(\d+)\}$/.exec(value);
  if (!index) return { marks: unpackSaved(value), parts: 0, present: true };
  const parts = Number(index[1]);
  // Each part is at most SETTING_PART_CHARS characters: a few per sync keep the response under the limit.
  const perSync = Math.max(1, Math.floor(CHUNK_TARGET / (SETTING_PART_CHARS * 1.5)));
  let text = '';
  for (let i = 0; i < parts; i += perSync) {
    const items = [];
    for (let j = i; j < Math.min(parts, i + perSync); j++) {
      const it = settings.getItemOrNullObject(partKey(j));
      it.load('value');
      items.push(it);
    }
    await context.sync();
    for (const it of items) text += it.isNullObject ? '' : String(it.value);
  }
  return { marks: unpackSaved(text), parts, present: true };
}

/** Writes the originals (or deletes them when there are none), removing parts left from a larger earlier save. */
async function saveSaved(context: Excel.RequestContext, marks: SavedMark[], oldParts: number, present: boolean): Promise<void> {
  const settings = context.workbook.settings;
  if (!marks.length) {
    if (!present) return;
    settings.getItemOrNullObject(MARKS_SETTING).delete();
    for (let i = 0; i < oldParts; i++) settings.getItemOrNullObject(partKey(i)).delete();
    await context.sync();
    return;
  }
  const text = packSaved(marks);
  const pieces: string[] = [];
  for (let i = 0; i < text.length; i += SETTING_PART_CHARS) pieces.push(text.slice(i, i + SETTING_PART_CHARS));
  let queued = 0;
  if (pieces.length === 1) settings.add(MARKS_SETTING, text);
  else {
    for (let i = 0; i < pieces.length; i++) {
      settings.add(partKey(i), pieces[i]);
      queued += jsonBytes(pieces[i]);
      if (queued > CHUNK_TARGET / 2) {
        await context.sync();
        queued = 0;
      }
    }
    settings.add(MARKS_SETTING, JSON.stringify({ parts: pieces.length }));
  }
  const keep = pieces.length === 1 ? 0 : pieces.length;
  for (let i = keep; i < oldParts; i++) settings.getItemOrNullObject(partKey(i)).delete();
  await context.sync();
}

// ---- fills by areas ----------------------------------------------------------------------------------------

/** Groups cells by sheet and by a key; each group's cells as addresses of at most AREAS_CHARS characters. */
function areas<T extends { sheet: string; cell: string }>(items: T[], key: (t: T) => string): Array<{ sheet: string; key: string; address: string; count: number }> {
  const groups = new Map<string, { sheet: string; key: string; cells: string[] }>();
  for (const it of items) {
    const k = JSON.stringify([it.sheet, key(it)]);
    const g = groups.get(k) ?? { sheet: it.sheet, key: key(it), cells: [] };
    groups.set(k, g);
    g.cells.push(it.cell);
  }
  const out: Array<{ sheet: string; key: string; address: string; count: number }> = [];
  for (const g of groups.values()) {
    let cur: string[] = [];
    let len = 0;
    for (const c of g.cells) {
      if (cur.length && len + c.length + 1 > AREAS_CHARS) {
        out.push({ sheet: g.sheet, key: g.key, address: cur.join(','), count: cur.length });
        cur = [];
        len = 0;
      }
      cur.push(c);
      len += c.length + 1;
    }
    if (cur.length) out.push({ sheet: g.sheet, key: g.key, address: cur.join(','), count: cur.length });
  }
  return out;
}

/** The fill of several cells at once: one range of areas where the host has getRanges, else one range per cell. */
function fillOf(wb: Excel.Workbook, sheet: string, address: string, caps: ExcelCapabilities): Excel.RangeFill[] {
  const ws = wb.worksheets.getItem(sheet);
  if (caps.areas) return [ws.getRanges(address).format.fill];
  return address.split(',').map((cell) => ws.getRange(cell).format.fill);
}

function restoreFills(wb: Excel.Workbook, marks: SavedMark[], caps: ExcelCapabilities): void {
  for (const g of areas(marks, (m) => JSON.stringify(m.fill))) {
    const fill = JSON.parse(g.key) as SavedMark['fill'];
    for (const f of fillOf(wb, g.sheet, g.address, caps)) {
      if (fill === null) f.clear();
      else {
        f.color = fill.color;
        if (caps.fillPattern && fill.pattern) f.pattern = fill.pattern as Excel.FillPattern;
      }
    }
  }
}

/** Restores the notes of these cells; `notes` are the probed notes (loaded, so isNullObject is known). */
function restoreNotes(wb: Excel.Workbook, marks: SavedMark[], notes: Array<Excel.Note | null>, caps: ExcelCapabilities): void {
  if (!caps.notes) return;
  marks.forEach((m, i) => {
    const note = notes[i];
    if (m.note === undefined) return;
    if (m.note === null) {
      if (note && !note.isNullObject) note.delete();
    } else if (note && !note.isNullObject) note.content = m.note;
    else wb.notes.add(noteKey(m.sheet, m.cell), m.note);
  });
}

function probeNote(wb: Excel.Workbook, m: { sheet: string; cell: string }, caps: ExcelCapabilities): Excel.Note | null {
  if (!caps.notes) return null;
  const n = wb.notes.getItemOrNullObject(noteKey(m.sheet, m.cell));
  n.load('content');
  return n;
}

/** Estimated request bytes of probing one cell (range, format, fill, load; the note and its load). */
function probeCost(m: { sheet: string; cell: string }, caps: ExcelCapabilities): number {
  const names = jsonBytes(m.sheet) + m.cell.length;
  return 4 * PATH_BYTES + ACTION_BYTES + names + (caps.notes ? PATH_BYTES + ACTION_BYTES + names : 0);
}

/** Estimated bytes of marking one cell (its fill, or its share of an areas fill; its note). */
function markCost(t: MarkTarget, original: SavedMark | undefined, caps: ExcelCapabilities): number {
  const fill = caps.areas ? t.cell.length + 1 : 4 * PATH_BYTES + ACTION_BYTES + jsonBytes(t.sheet) + t.cell.length;
  const note = caps.notes ? PATH_BYTES + ACTION_BYTES + jsonBytes(t.text.join('\n')) + (original?.note ? jsonBytes(original.note) : 0) + 40 : 0;
  return fill + note;
}

function restoreCost(m: SavedMark, caps: ExcelCapabilities): number {
  return (caps.areas ? m.cell.length + 1 : 4 * PATH_BYTES + 2 * ACTION_BYTES) + (caps.notes && m.note !== undefined ? PATH_BYTES + ACTION_BYTES + jsonBytes(m.note ?? '') : 0);
}

export interface MarkResult {
  marked: number;
  restored: number;
  notes: boolean;
  /** context.sync() calls made. */
  syncs?: number;
}

/** Puts cells back as they were, in chunks: notes probed, then fills (by areas) and notes restored. */
async function restoreAll(context: Excel.RequestContext, marks: SavedMark[], caps: ExcelCapabilities): Promise<void> {
  const wb = context.workbook;
  for (const chunk of chunkByCost(marks, (m) => restoreCost(m, caps) + (caps.notes ? probeCost(m, caps) : 0))) {
    const notes = chunk.map((m) => probeNote(wb, m, caps));
    if (caps.notes) await context.sync();
    restoreFills(wb, chunk, caps);
    restoreNotes(wb, chunk, notes, caps);
    await context.sync();
  }
}

/**
 * Marks the problem cells: a fill by severity and a note naming the rule and the fix. Cells marked before keep
 * their first originals; cells no longer in the findings get back exactly what they had. Syncs: one for what was
 * saved, one per chunk to read what the cells look like, one per chunk to mark, the restores, one to save.
 */
export async function markFindings(context: Excel.RequestContext, findings: Finding[], caps: ExcelCapabilities): Promise<MarkResult> {
  const wb = context.workbook;
  const loaded = await loadSaved(context);
  const saved = new Map(loaded.marks.map((m) => [`${m.sheet}!${m.cell}`, m]));
  const list = markTargets(findings);

  // 1. What the cells look like now (only cells not marked before need their fill; notes are needed for the text).
  const probed: Array<{ t: MarkTarget; fill: Excel.RangeFill | null; note: Excel.Note | null }> = [];
  for (const chunk of chunkByCost(list, (t) => probeCost(t, caps))) {
    for (const t of chunk) {
      const before = saved.get(`${t.sheet}!${t.cell}`);
      const fill = before ? null : wb.worksheets.getItem(t.sheet).getRange(t.cell).format.fill;
      fill?.load(caps.fillPattern ? 'color,pattern' : 'color');
      probed.push({ t, fill, note: probeNote(wb, t, caps) });
    }
    await context.sync();
  }

  const next = new Map<string, SavedMark>();
  const existingNotes = new Map<string, string | null>();
  for (const { t, fill, note } of probed) {
    const key = `${t.sheet}!${t.cell}`;
    const existingNote = note && !note.isNullObject ? note.content : null;
    existingNotes.set(key, existingNote);
    const color = fill ? fill.color : null;
    const pattern = fill && caps.fillPattern ? (fill.pattern ?? null) : null;
    next.set(
      key,
      saved.get(key) ?? { sheet: t.sheet, cell: t.cell, fill: isNoFill(color, pattern) ? null : { color: color!, pattern }, ...(caps.notes ? { note: existingNote } : {}) },
    );
  }
  const stale = [...saved.values()].filter((m) => !next.has(`${m.sheet}!${m.cell}`));

  // 2. Refuse, before anything changes, when the originals would not fit in the document's settings.
  const size = packSaved([...next.values()]).length;
  if (size > MAX_SAVED_CHARS) {
    throw new BanliError(
      'too-large',
      `要标记的单元格太多（${next.size} 个）：保存它们原来的样子需要 ${size.toLocaleString('en-US')} 个字符，超过上限 ${MAX_SAVED_CHARS.toLocaleString('en-US')}。工作簿没有改动。请先修正一部分问题，或在浏览器页面中下载标注副本。`,
    );
  }

  // 3. Fills by severity (areas where supported) and notes, chunk by chunk.
  for (const chunk of chunkByCost(list, (t) => markCost(t, saved.get(`${t.sheet}!${t.cell}`), caps))) {
    for (const g of areas(chunk, (t) => t.severity)) for (const f of fillOf(wb, g.sheet, g.address, caps)) f.color = MARK_FILL[g.key as Severity];
    if (caps.notes) {
      const index = new Map(probed.map((p) => [p.t, p.note]));
      for (const t of chunk) {
        const key = `${t.sheet}!${t.cell}`;
        const original = next.get(key)!;
        const ours = `${NOTE_HEAD}\n${t.text.join('\n')}`;
        const content = original.note ? `${original.note}\n\n${ours}` : ours;
        const note = index.get(t);
        if (existingNotes.get(key) !== null && note) note.content = content;
        else wb.notes.add(noteKey(t.sheet, t.cell), content);
      }
    }
    await context.sync();
  }

  // 4. Cells that no longer have a finding get back what they had; 5. the originals are saved.
  await restoreAll(context, stale, caps);
  await saveSaved(context, [...next.values()], loaded.parts, loaded.present);
  return { marked: next.size, restored: stale.length, notes: caps.notes };
}

/** Restores every cell Banli marked, fills and notes exactly as they were, and forgets the marks. */
export async function clearMarks(context: Excel.RequestContext, caps: ExcelCapabilities): Promise<{ restored: number }> {
  const loaded = await loadSaved(context);
  if (!loaded.present) return { restored: 0 };
  await restoreAll(context, loaded.marks, caps);
  await saveSaved(context, [], loaded.parts, true);
  return { restored: loaded.marks.length };
}

/** Selects a finding's cell, activating its sheet: one context.sync(). */
export async function selectCell(context: Excel.RequestContext, sheet: string, cell: string): Promise<void> {
  const ws = context.workbook.worksheets.getItem(sheet);
  ws.activate();
  ws.getRange(cell).select();
  await context.sync();
}
