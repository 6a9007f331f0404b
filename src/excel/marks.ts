/**
 * Marking findings in the open workbook, and clearing exactly what was marked. What a cell looked like before
 * (its fill, its note) is kept in the document's settings, so 清除标记 restores it also after the workbook was
 * saved and reopened. Values are never changed. Each action takes two context.sync() calls, whatever the count.
 */
import { Finding, Severity } from '../core';
import { ExcelCapabilities } from './requirements';

export const MARKS_SETTING = 'banli.marks.v1';
export const MARK_FILL: Record<Severity, string> = { error: '#FFC7CE', warning: '#FFEB9C' };

export interface SavedMark {
  sheet: string;
  cell: string;
  /** The fill before Banli: null when the cell had none. */
  fill: { color: string; pattern: string | null } | null;
  /** The note before Banli: null when the cell had none; undefined when notes are not supported. */
  note?: string | null;
}

interface Target {
  sheet: string;
  cell: string;
  severity: Severity;
  text: string[];
}

function targets(findings: Finding[]): Target[] {
  const map = new Map<string, Target>();
  for (const f of findings) {
    if (f.row === null || f.col === null || !f.cell) continue;
    const cell = f.cell.slice(f.cell.lastIndexOf('!') + 1);
    const key = `${f.sheet}!${cell}`;
    const t = map.get(key) ?? { sheet: f.sheet, cell, severity: f.severity, text: [] };
    if (f.severity === 'error') t.severity = 'error';
    t.text.push(`${f.rule}：${f.message}${f.suggestion ? ` 建议：${f.suggestion}` : ''}`);
    map.set(key, t);
  }
  return [...map.values()];
}

function noteKey(sheet: string, cell: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${cell}`;
}

const NOTE_HEAD = '办理助手：';

function isNoFill(color: string | null, pattern: string | null): boolean {
  if (pattern !== null) return pattern === 'None';
  return !color || color.toUpperCase() === '#FFFFFF';
}

function parseSaved(value: unknown): SavedMark[] {
  if (typeof value !== 'string' || value === '') return [];
  try {
    const parsed = JSON.parse(value) as { marks?: SavedMark[] };
    return Array.isArray(parsed.marks) ? parsed.marks : [];
  } catch {
    return [];
  }
}

export interface MarkResult {
  marked: number;
  restored: number;
  notes: boolean;
}

/** Restores one cell from what was saved; `note` is the probed note (loaded, so isNullObject is known). */
function restore(wb: Excel.Workbook, m: SavedMark, caps: ExcelCapabilities, note: Excel.Note | null): void {
  const range = wb.worksheets.getItem(m.sheet).getRange(m.cell);
  if (m.fill === null) range.format.fill.clear();
  else {
    range.format.fill.color = m.fill.color;
    if (caps.fillPattern && m.fill.pattern) range.format.fill.pattern = m.fill.pattern as Excel.FillPattern;
  }
  if (!caps.notes || m.note === undefined) return;
  if (m.note === null) {
    if (note && !note.isNullObject) note.delete();
  } else if (note && !note.isNullObject) note.content = m.note;
  else wb.notes.add(noteKey(m.sheet, m.cell), m.note);
}

function probeNote(wb: Excel.Workbook, m: { sheet: string; cell: string }, caps: ExcelCapabilities): Excel.Note | null {
  if (!caps.notes) return null;
  const n = wb.notes.getItemOrNullObject(noteKey(m.sheet, m.cell));
  n.load('content');
  return n;
}

/**
 * Marks the problem cells: a fill by severity and a note naming the rule and the fix. Two context.sync() calls
 * whatever the number of findings; one more when marks made earlier must first be put back (cells no longer in
 * the findings get back exactly what they had).
 */
export async function markFindings(context: Excel.RequestContext, findings: Finding[], caps: ExcelCapabilities): Promise<MarkResult> {
  const wb = context.workbook;
  const setting = wb.settings.getItemOrNullObject(MARKS_SETTING);
  setting.load('value');
  const list = targets(findings);
  const probes = list.map((t) => {
    const range = wb.worksheets.getItem(t.sheet).getRange(t.cell);
    range.format.fill.load(caps.fillPattern ? 'color,pattern' : 'color');
    return { t, range, note: probeNote(wb, t, caps) };
  });
  await context.sync();

  const saved = new Map(parseSaved(setting.isNullObject ? null : setting.value).map((m) => [`${m.sheet}!${m.cell}`, m]));
  const wanted = new Set(list.map((t) => `${t.sheet}!${t.cell}`));
  const stale = [...saved.values()].filter((m) => !wanted.has(`${m.sheet}!${m.cell}`));
  const staleNotes = stale.map((m) => probeNote(wb, m, caps));
  if (stale.length && caps.notes) await context.sync();

  const next = new Map<string, SavedMark>();
  for (const { t, range, note } of probes) {
    const key = `${t.sheet}!${t.cell}`;
    const color = range.format.fill.color;
    const pattern = caps.fillPattern ? (range.format.fill.pattern ?? null) : null;
    const existingNote = note && !note.isNullObject ? note.content : null;
    // A cell marked before keeps what it looked like before the first mark.
    const original: SavedMark = saved.get(key) ?? {
      sheet: t.sheet,
      cell: t.cell,
      fill: isNoFill(color, pattern) ? null : { color, pattern },
      ...(caps.notes ? { note: existingNote } : {}),
    };
    next.set(key, original);
    range.format.fill.color = MARK_FILL[t.severity];
    if (caps.notes && note) {
      const ours = `${NOTE_HEAD}\n${t.text.join('\n')}`;
      const content = original.note ? `${original.note}\n\n${ours}` : ours;
      if (existingNote !== null) note.content = content;
      else wb.notes.add(noteKey(t.sheet, t.cell), content);
    }
  }
  stale.forEach((m, i) => restore(wb, m, caps, staleNotes[i]));
  wb.settings.add(MARKS_SETTING, JSON.stringify({ marks: [...next.values()] }));
  await context.sync();
  return { marked: next.size, restored: stale.length, notes: caps.notes };
}

/**
 * Restores every cell Banli marked, fills and notes exactly as they were, and forgets the marks. Three
 * context.sync() calls: what was marked, whether each note is still there, the restore.
 */
export async function clearMarks(context: Excel.RequestContext, caps: ExcelCapabilities): Promise<{ restored: number }> {
  const wb = context.workbook;
  const setting = wb.settings.getItemOrNullObject(MARKS_SETTING);
  setting.load('value');
  await context.sync();
  const saved = parseSaved(setting.isNullObject ? null : setting.value);
  if (!saved.length) return { restored: 0 };
  const notes = saved.map((m) => probeNote(wb, m, caps));
  if (caps.notes) await context.sync();
  saved.forEach((m, i) => restore(wb, m, caps, notes[i]));
  setting.delete();
  await context.sync();
  return { restored: saved.length };
}

/** Selects a finding's cell, activating its sheet: one context.sync(). */
export async function selectCell(context: Excel.RequestContext, sheet: string, cell: string): Promise<void> {
  const ws = context.workbook.worksheets.getItem(sheet);
  ws.activate();
  ws.getRange(cell).select();
  await context.sync();
}
