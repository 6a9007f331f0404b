/**
 * What the circular needs from a checked ledger, and nothing more: serialisable, so the Word pane can keep the
 * last one inside the document and refresh or reconcile after the document is reopened without the ledger.
 */
import { Analysis } from '../analyse';
import { Day } from '../dates';
import { RuleId, deadlineOf } from '../rules';
import { Item, partHas } from '../ledger';
import { isBlank } from '../text';
import { Totals, UnitStats } from '../totals';

/**
 * Counts the circular states, each a partition of the figure it breaks down, so every sentence adds up:
 * replied = onTime + late + undeterminable; total − replied = overdue + pending + unreplied without a deadline;
 * replied = Σ grades + gradeUnknown; formsRated = 满意 + 基本满意 + 不满意 ≤ formsReturned ≤ replied.
 */
export interface CircularCounts {
  onTime: number;
  late: number;
  /** Replied, but the reply date or the deadline cannot be read: neither on time nor late. */
  undeterminable: number;
  overdue: number;
  /** Not replied, deadline not yet passed. */
  pending: number;
  /** Not replied, no deadline can be computed (no assignment date). */
  unrepliedNoDeadline: number;
  /** Replied items by grade (the configured grades, in order). */
  grades: Array<{ grade: string; count: number }>;
  /** Replied items without a valid grade. */
  gradeUnknown: number;
  /** Replied items whose feedback form came back: a satisfaction written (readable or not) or a form version. */
  formsReturned: number;
  /** Replied items with a readable satisfaction (满意 + 基本满意 + 不满意); absent in data kept by older versions. */
  formsRated?: number;
  satisfaction: { 满意: number; 基本满意: number; 不满意: number };
  faceToFace: number;
  interSession: number;
  interSessionReplied: number;
  keyReplied: number;
  /** Items whose source is not one of the circular's (unknown or national). */
  otherSource: number;
  /** Per lead unit, master-list order first: the attachment's table. */
  units: Array<{ name: string; items: number; replied: number; onTime: number; faceToFace: number; satisfied: number }>;
  /** Rows without a lead unit, as a row of that table (absent when there are none, or in older data). */
  noLead?: { items: number; replied: number; onTime: number; faceToFace: number; satisfied: number };
}

export interface CircularData {
  version: 1;
  asOf: Day;
  totals: Totals;
  units: UnitStats[];
  /** The master list in its order; null when the ledger had none. */
  unitList: Array<{ name: string; receptionDay: boolean | null }> | null;
  /** The master list says who has the reception day. */
  receptionKnown: boolean;
  findings: Array<{ rule: RuleId; unit: string | null }>;
  /** Errors left in the ledger when the data was taken. */
  errors: number;
  source: string;
  /** Partitioned counts (absent in data kept by older versions: then derived as well as can be). */
  counts?: CircularCounts;
  /** 办理较好的单位 from the configuration (praisedUnits), when it names them. */
  praisedUnits?: string[];
  /**
   * Columns the circular's figures read that no sheet of the ledger has (nothing is said of what was not recorded:
   * no 满意度 column is no form unrated); absent in data kept by older versions.
   */
  absent?: CircularField[];
}

/** The columns whose absence changes what the circular can say. */
export const CIRCULAR_FIELDS = ['satisfaction', 'faceToFace', 'category', 'key', 'formVersion', 'degree'] as const;
export type CircularField = (typeof CIRCULAR_FIELDS)[number];

/**
 * Replied by the deadline: a readable reply on or before it, and not before the item was assigned (such a date is
 * wrong somewhere: neither on time nor late, 待核实).
 */
export function repliedOnTime(item: Item, deadline: Day | null): boolean {
  const r = item.replyDate;
  if (r.kind !== 'ok' || !deadline || r.day > deadline) return false;
  return !(item.assignDate.kind === 'ok' && r.day < item.assignDate.day);
}

export function circularCounts(a: Analysis, asOf: Day): CircularCounts {
  const l = a.ledger;
  const t = a.totals;
  const c: CircularCounts = {
    onTime: 0,
    late: 0,
    undeterminable: 0,
    overdue: 0,
    pending: 0,
    unrepliedNoDeadline: 0,
    grades: l.config.categories.map((g) => ({ grade: g, count: 0 })),
    gradeUnknown: 0,
    formsReturned: 0,
    formsRated: 0,
    satisfaction: { 满意: 0, 基本满意: 0, 不满意: 0 },
    faceToFace: 0,
    interSession: t.municipalNpcInterSession,
    interSessionReplied: 0,
    keyReplied: 0,
    otherSource: t.total - t.provincial - t.municipalNpc - t.municipalCppcc,
    units: [],
  };
  const perUnit = new Map<string, CircularCounts['units'][number]>();
  for (const u of a.units) {
    const row = { name: u.name, items: 0, replied: 0, onTime: 0, faceToFace: 0, satisfied: 0 };
    perUnit.set(u.name, row);
    c.units.push(row);
  }
  // Per unit: each unit's own rows (an item split between units counts for each of them).
  const noLead = { items: 0, replied: 0, onTime: 0, faceToFace: 0, satisfied: 0 };
  for (const item of l.items) {
    // A duplicate row (same item, same lead unit) counts once; a split item's rows count for each of their units.
    const first = item.firstRow;
    if (first !== null && (first.leadUnit?.name ?? null) === (item.leadUnit?.name ?? null)) continue;
    const u = item.leadUnit ? perUnit.get(item.leadUnit.name) : noLead;
    if (!u) continue;
    u.items++;
    if (item.replyDate.kind === 'empty') continue;
    u.replied++;
    if (repliedOnTime(item, deadlineOf(item, l.config))) u.onTime++;
    if (item.faceToFace) u.faceToFace++;
    if (item.satisfaction && item.satisfaction !== '不满意') u.satisfied++;
  }
  if (noLead.items) c.noLead = noLead;
  // The circular's figures count an item once, as the totals do: rows with the same source and number are one item
  // (分办), replied when every row is, on time when every row is; its first row's grade, contact and satisfaction.
  // Rows join their item's first row (classification's link: a number given to two titled items is two items).
  const groups = new Map<Item, Item[]>();
  const items: Item[][] = [];
  for (const item of l.items) {
    const g = item.firstRow === null ? undefined : groups.get(item.firstRow);
    if (g) g.push(item);
    else {
      const rows = [item];
      groups.set(item, rows);
      items.push(rows);
    }
  }
  for (const rows of items) {
    const first = rows[0];
    const deadlines = rows.map((r) => deadlineOf(r, l.config));
    const replied = rows.every((r) => r.replyDate.kind !== 'empty');
    const def = first.source.def;
    const inter = !!def && def.level === 'own' && def.body === 'npc' && first.source.interSession;
    if (!replied) {
      const open = rows.map((r, i) => ({ r, d: deadlines[i] })).filter((x) => x.r.replyDate.kind === 'empty');
      if (open.some((x) => x.d && x.d < asOf)) c.overdue++;
      else if (open.some((x) => !x.d)) c.unrepliedNoDeadline++;
      else c.pending++;
      continue;
    }
    if (inter) c.interSessionReplied++;
    if (first.key && def) c.keyReplied++;
    const judged = rows.map((r, i) => (repliedOnTime(r, deadlines[i]) ? 'on' : r.replyDate.kind === 'ok' && deadlines[i] && r.replyDate.day > deadlines[i]! ? 'late' : 'unknown'));
    if (judged.every((j) => j === 'on')) c.onTime++;
    else if (judged.includes('late')) c.late++;
    else c.undeterminable++;
    const g = c.grades.find((x) => x.grade === first.category);
    if (g) g.count++;
    else c.gradeUnknown++;
    if (first.faceToFace) c.faceToFace++;
    if (first.satisfaction) {
      c.formsRated!++;
      c.satisfaction[first.satisfaction]++;
    }
    const formAt = first.part.at.formVersion;
    if (first.satisfaction !== null || (formAt >= 0 && !isBlank(first.raw[formAt]))) c.formsReturned++;
  }
  return c;
}

/** Counts for data kept by an older version (no item detail): as close as the totals allow, still partitions. */
function derivedCounts(d: CircularData): CircularCounts {
  const t = d.totals;
  const late = d.findings.filter((f) => f.rule === 'reply.late').length;
  const onTime = t.repliedOnTime;
  const grades = Object.entries(t.categories).map(([grade, count]) => ({ grade, count }));
  const graded = grades.reduce((n, g) => n + g.count, 0);
  const sat = { 满意: t.satisfaction['满意'], 基本满意: t.satisfaction['基本满意'], 不满意: t.satisfaction['不满意'] };
  const forms = sat.满意 + sat.基本满意 + sat.不满意;
  const unreplied = t.total - t.replied;
  return {
    onTime,
    late: Math.min(late, t.replied - onTime),
    undeterminable: t.replied - onTime - Math.min(late, t.replied - onTime),
    overdue: Math.min(t.overdue, unreplied),
    pending: unreplied - Math.min(t.overdue, unreplied),
    unrepliedNoDeadline: 0,
    grades,
    gradeUnknown: Math.max(0, t.replied - graded),
    formsReturned: forms,
    formsRated: forms,
    satisfaction: sat,
    faceToFace: t.faceToFace,
    interSession: t.municipalNpcInterSession,
    interSessionReplied: 0,
    keyReplied: 0,
    otherSource: t.total - t.provincial - t.municipalNpc - t.municipalCppcc,
    units: d.units.map((u) => ({ name: u.name, items: u.items, replied: u.replied, onTime: u.onTime, faceToFace: 0, satisfied: 0 })),
  };
}

export function countsOf(d: CircularData): CircularCounts {
  return d.counts ?? derivedCounts(d);
}

/** Forms with a readable satisfaction (data kept before formsRated counted every such form as returned). */
export function formsRated(c: CircularCounts): number {
  return c.formsRated ?? c.formsReturned;
}

export function circularData(a: Analysis, asOf: Day, source = ''): CircularData {
  const l = a.ledger;
  return {
    version: 1,
    asOf,
    totals: a.totals,
    units: a.units,
    unitList: l.units ? l.units.units.map((u) => ({ name: u.name, receptionDay: u.receptionDay })) : null,
    receptionKnown: Boolean(l.units && l.units.receptionColumn !== null),
    findings: a.findings.map((f) => ({ rule: f.rule, unit: f.unit })),
    errors: a.errors,
    source,
    counts: circularCounts(a, asOf),
    absent: CIRCULAR_FIELDS.filter((f) => !l.parts.some((p) => partHas(p, f))),
    ...(l.config.praisedUnits && l.config.praisedUnits.length ? { praisedUnits: l.config.praisedUnits } : {}),
  };
}

export function isCircularData(x: unknown): x is CircularData {
  const d = x as CircularData;
  return !!d && d.version === 1 && typeof d.asOf === 'string' && !!d.totals && Array.isArray(d.units) && Array.isArray(d.findings);
}
