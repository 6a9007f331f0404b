/** Totals in the circular's terms, counted from the items: never typed in. */
import { Ledger } from './ledger';
import { Finding, deadlineOf } from './rules';
import { Day } from './dates';
import { SATISFACTIONS, Satisfaction, isNpc } from './vocabulary';

export interface Rate {
  numerator: number;
  denominator: number;
  /** numerator / denominator, or null when the denominator is 0. */
  rate: number | null;
}

export interface Totals {
  total: number;
  provincial: number;
  provincialNpc: number;
  provincialCppcc: number;
  municipalNpc: number;
  municipalNpcInterSession: number;
  municipalCppcc: number;
  nationalNpc: number;
  unknownSource: number;
  keyNpc: number;
  keyCppcc: number;
  replied: number;
  repliedOnTime: number;
  overdue: number;
  /** Replied items whose face-to-face column says yes. */
  faceToFace: number;
  categories: Record<string, number>;
  satisfaction: Record<Satisfaction, number>;
  /** Distinct lead and co-handling units named in the items. */
  handlingUnits: number;
  rates: {
    /** 办复率: replied / all items. */
    reply: Rate;
    /** 按期办复率: replied by the deadline / replied. */
    onTime: Rate;
    /** 面商率: replied with face-to-face contact / replied. */
    faceToFace: Rate;
    /** 满意率: 满意 + 基本满意 / feedback forms returned (items with a satisfaction). */
    satisfied: Rate;
    /** 满意 alone / forms returned. */
    fullySatisfied: Rate;
  };
}

export interface UnitStats {
  name: string;
  /** On the master list: true/false; null without a list. */
  known: boolean | null;
  items: number;
  replied: number;
  onTime: number;
  overdue: number;
  /** Findings on this unit's items (not counting the unit-level reception-day finding). */
  findings: number;
  receptionDay: boolean | null;
}

export function rate(numerator: number, denominator: number): Rate {
  return { numerator, denominator, rate: denominator === 0 ? null : Math.round((numerator / denominator) * 10000) / 10000 };
}

export function computeTotals(ledger: Ledger, asOf: Day): Totals {
  const months = ledger.config.deadlineMonths;
  const t: Totals = {
    total: 0,
    provincial: 0,
    provincialNpc: 0,
    provincialCppcc: 0,
    municipalNpc: 0,
    municipalNpcInterSession: 0,
    municipalCppcc: 0,
    nationalNpc: 0,
    unknownSource: 0,
    keyNpc: 0,
    keyCppcc: 0,
    replied: 0,
    repliedOnTime: 0,
    overdue: 0,
    faceToFace: 0,
    categories: Object.fromEntries(ledger.config.categories.map((c) => [c, 0])),
    satisfaction: { 满意: 0, 基本满意: 0, 不满意: 0 },
    handlingUnits: 0,
    rates: undefined as unknown as Totals['rates'],
  };
  const unitNames = new Set<string>();
  for (const item of ledger.items) {
    t.total++;
    const kind = item.source.def?.kind;
    if (!kind) t.unknownSource++;
    else {
      t[kind]++;
      if (kind === 'municipalNpc' && item.source.interSession) t.municipalNpcInterSession++;
      if (item.key) {
        if (isNpc(kind)) t.keyNpc++;
        else t.keyCppcc++;
      }
    }
    if (item.leadUnit) unitNames.add(item.leadUnit.name);
    for (const u of item.coUnits) unitNames.add(u.name);
    const deadline = deadlineOf(item, months);
    if (item.replyDate.kind !== 'empty') {
      t.replied++;
      if (item.replyDate.kind === 'ok' && deadline && item.replyDate.day <= deadline) t.repliedOnTime++;
      if (item.faceToFace) t.faceToFace++;
      if (typeof item.category === 'string' && item.category in t.categories) t.categories[item.category]++;
    } else if (deadline && deadline < asOf) t.overdue++;
    if (item.satisfaction) t.satisfaction[item.satisfaction]++;
  }
  t.provincial = t.provincialNpc + t.provincialCppcc;
  t.handlingUnits = unitNames.size;
  const forms = SATISFACTIONS.reduce((n, s) => n + t.satisfaction[s], 0);
  t.rates = {
    reply: rate(t.replied, t.total),
    onTime: rate(t.repliedOnTime, t.replied),
    faceToFace: rate(t.faceToFace, t.replied),
    satisfied: rate(t.satisfaction['满意'] + t.satisfaction['基本满意'], forms),
    fullySatisfied: rate(t.satisfaction['满意'], forms),
  };
  return t;
}

/** Per lead unit, in the master list's order first, then units found only in the ledger. */
export function computeUnitStats(ledger: Ledger, findings: Finding[], asOf: Day): UnitStats[] {
  const months = ledger.config.deadlineMonths;
  const byName = new Map<string, UnitStats>();
  const get = (name: string, known: boolean | null): UnitStats => {
    let s = byName.get(name);
    if (!s) {
      const unit = ledger.directory?.lookup(name) ?? null;
      s = { name, known, items: 0, replied: 0, onTime: 0, overdue: 0, findings: 0, receptionDay: unit ? unit.receptionDay : null };
      byName.set(name, s);
    }
    return s;
  };
  for (const u of ledger.units?.units ?? []) get(u.name, true);
  for (const item of ledger.items) {
    if (!item.leadUnit) continue;
    const s = get(item.leadUnit.name, item.leadUnit.known);
    s.items++;
    const deadline = deadlineOf(item, months);
    if (item.replyDate.kind !== 'empty') {
      s.replied++;
      if (item.replyDate.kind === 'ok' && deadline && item.replyDate.day <= deadline) s.onTime++;
    } else if (deadline && deadline < asOf) s.overdue++;
  }
  for (const f of findings) {
    if (f.unit && f.row !== null && f.rule !== 'unit.no-reception-day') {
      const s = byName.get(f.unit);
      if (s) s.findings++;
    }
  }
  return [...byName.values()];
}
