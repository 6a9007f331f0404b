/** Totals in the circular's terms, counted from the items: never typed in. */
import { Item, Ledger, itemKey } from './ledger';
import { Finding, deadlineOf } from './rules';
import { Day } from './dates';
import { SATISFACTIONS, Satisfaction } from './vocabulary';
import { Body, Level, Place, parseLabel } from './sources';
import { compactKey } from './text';

export interface Rate {
  numerator: number;
  denominator: number;
  /** numerator / denominator, or null when the denominator is 0. */
  rate: number | null;
}

/** Items of one source as the ledger names it. */
export interface SourceCount {
  /** The label as the ledger writes it (its most frequent spelling). */
  label: string;
  body: Body;
  level: Level;
  interSession: boolean;
  items: number;
}

/**
 * The figures. The source counts are relative to the office: "provincial" is the upper level and "municipal"
 * the office's own (a county office's 区人大建议 are counted as municipalNpc); bySource names them as written.
 */
export interface Totals {
  total: number;
  /** Upper-level items (省人大建议 and 省政协提案 for a city office). */
  provincial: number;
  provincialNpc: number;
  provincialCppcc: number;
  /** The office's own NPC items, inter-session ones included. */
  municipalNpc: number;
  municipalNpcInterSession: number;
  municipalCppcc: number;
  nationalNpc: number;
  nationalCppcc: number;
  bySource: SourceCount[];
  /** The office's own level (市 for a city office, 区/县 for a county one). */
  office: Place;
  unknownSource: number;
  /** Items handled by several lead units (分办): rows with the same source and number, each counted once. */
  splitItems: number;
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
  /** Distinct lead units, and distinct units named only or also as co-handling units. */
  leadUnits: number;
  coUnits: number;
  /** 征询意见表 returned: items with a satisfaction. */
  formsReturned: number;
  /** Answered items published (null when the ledger has no 是否公开 column). */
  published: number | null;
  /** Counts by 内容分类, 代表团 and 界别 (null when the column is absent), most first. */
  byTopic: Array<[string, number]> | null;
  byDelegation: Array<[string, number]> | null;
  bySector: Array<[string, number]> | null;
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
    /** 基本满意 alone / forms returned. */
    basicallySatisfied: Rate;
    /** 征询意见表 returned / answered. */
    formsReturned: Rate;
    /** Each grade's share of the answered items. */
    categories: Record<string, Rate>;
    /** 公开率: published / answered (null without the column). */
    published: Rate | null;
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

const FIGURE: Record<Level, Record<Body, 'provincialNpc' | 'provincialCppcc' | 'municipalNpc' | 'municipalCppcc' | 'nationalNpc' | 'nationalCppcc'>> = {
  upper: { npc: 'provincialNpc', cppcc: 'provincialCppcc' },
  own: { npc: 'municipalNpc', cppcc: 'municipalCppcc' },
  national: { npc: 'nationalNpc', cppcc: 'nationalCppcc' },
};

interface Group {
  body: Body;
  level: Level;
  interSession: boolean;
  /** Place rank for ordering upper levels (higher first). */
  rank: number;
  items: number;
  spellings: Map<string, number>;
}

const PLACE_RANK: Record<string, number> = { county: 0, city: 1, province: 2, national: 3 };

function countSource(groups: Map<string, Group>, item: Item): void {
  const def = item.source.def!;
  const raw = item.source.raw;
  const place = parseLabel(raw)?.place ?? null;
  const key = `${def.body}/${def.level}/${item.source.interSession ? 1 : 0}/${def.level === 'upper' ? (place ?? compactKey(raw)) : ''}`;
  let g = groups.get(key);
  if (!g) {
    g = { body: def.body, level: def.level, interSession: item.source.interSession, rank: place ? PLACE_RANK[place] : 0, items: 0, spellings: new Map() };
    groups.set(key, g);
  }
  g.items++;
  g.spellings.set(raw, (g.spellings.get(raw) ?? 0) + 1);
}

/** Upper levels first (the higher first), then the office's own, then national; NPC before CPPCC; 闭会 after. */
function orderSources(groups: Map<string, Group>): SourceCount[] {
  const levelOrder: Record<Level, number> = { upper: 0, own: 1, national: 2 };
  return [...groups.values()]
    .sort(
      (a, b) =>
        levelOrder[a.level] - levelOrder[b.level] ||
        b.rank - a.rank ||
        (a.body === b.body ? 0 : a.body === 'npc' ? -1 : 1) ||
        Number(a.interSession) - Number(b.interSession),
    )
    .map((g) => {
      let label = '';
      let best = -1;
      for (const [s, n] of g.spellings) if (n > best) [label, best] = [s, n];
      return { label, body: g.body, level: g.level, interSession: g.interSession, items: g.items };
    });
}

export function rate(numerator: number, denominator: number): Rate {
  return { numerator, denominator, rate: denominator === 0 ? null : Math.round((numerator / denominator) * 10000) / 10000 };
}

export function computeTotals(ledger: Ledger, asOf: Day): Totals {
  const t: Totals = {
    total: 0,
    provincial: 0,
    provincialNpc: 0,
    provincialCppcc: 0,
    municipalNpc: 0,
    municipalNpcInterSession: 0,
    municipalCppcc: 0,
    nationalNpc: 0,
    nationalCppcc: 0,
    bySource: [],
    office: ledger.office,
    unknownSource: 0,
    splitItems: 0,
    keyNpc: 0,
    keyCppcc: 0,
    replied: 0,
    repliedOnTime: 0,
    overdue: 0,
    faceToFace: 0,
    categories: Object.fromEntries(ledger.config.categories.map((c) => [c, 0])),
    satisfaction: { 满意: 0, 基本满意: 0, 不满意: 0 },
    handlingUnits: 0,
    leadUnits: 0,
    coUnits: 0,
    formsReturned: 0,
    published: ledger.parts.some((p) => p.columns.published) ? 0 : null,
    byTopic: null,
    byDelegation: null,
    bySector: null,
    rates: undefined as unknown as Totals['rates'],
  };
  const unitNames = new Set<string>();
  const leadNames = new Set<string>();
  const coNames = new Set<string>();
  const topic = ledger.parts.some((p) => p.columns.topic) ? new Map<string, number>() : null;
  const delegation = ledger.parts.some((p) => p.columns.delegation) ? new Map<string, number>() : null;
  const sector = ledger.parts.some((p) => p.columns.sector) ? new Map<string, number>() : null;
  const bump = (m: Map<string, number> | null, k: string) => {
    if (m && k !== '') m.set(k, (m.get(k) ?? 0) + 1);
  };
  const groups = new Map<string, Group>();
  // Rows of one item (same source and number): the first row stands for it, the others follow it.
  const firstOf = new Map<string, Item>();
  const others = new Map<Item, Item[]>();
  for (const item of ledger.items) {
    const k = itemKey(item);
    if (k === null) continue;
    const first = firstOf.get(k);
    if (!first) firstOf.set(k, item);
    else {
      const list = others.get(first);
      if (list) list.push(item);
      else others.set(first, [item]);
    }
  }
  const following = new Set<Item>();
  for (const list of others.values()) for (const i of list) following.add(i);
  for (const item of ledger.items) {
    if (following.has(item)) continue;
    const rows = others.get(item);
    t.total++;
    const def = item.source.def;
    if (!def) t.unknownSource++;
    else {
      t[FIGURE[def.level][def.body]]++;
      if (def.level === 'own' && def.body === 'npc' && item.source.interSession) t.municipalNpcInterSession++;
      if (item.key) {
        if (def.body === 'npc') t.keyNpc++;
        else t.keyCppcc++;
      }
      countSource(groups, item);
    }
    const all = rows ? [item, ...rows] : [item];
    if (rows && new Set(all.map((r) => r.leadUnit?.name ?? '')).size > 1) t.splitItems++;
    let replied = true;
    let onTime = true;
    let overdue = false;
    for (const r of all) {
      if (r.leadUnit) {
        unitNames.add(r.leadUnit.name);
        leadNames.add(r.leadUnit.name);
      }
      for (const u of r.coUnits) {
        unitNames.add(u.name);
        coNames.add(u.name);
      }
      const deadline = deadlineOf(r, ledger.config);
      if (r.replyDate.kind !== 'empty') {
        if (!(r.replyDate.kind === 'ok' && deadline && r.replyDate.day <= deadline)) onTime = false;
      } else {
        replied = false;
        if (deadline && deadline < asOf) overdue = true;
      }
    }
    // Answered when every unit has answered; the first row's category, contact and satisfaction stand for it.
    if (replied) {
      t.replied++;
      if (onTime) t.repliedOnTime++;
      if (item.faceToFace) t.faceToFace++;
      if (typeof item.category === 'string' && item.category in t.categories) t.categories[item.category]++;
      if (t.published !== null && item.published) t.published++;
    } else if (overdue) t.overdue++;
    if (item.satisfaction) t.satisfaction[item.satisfaction]++;
    bump(topic, item.topic);
    bump(delegation, item.delegation);
    bump(sector, item.sector);
  }
  t.provincial = t.provincialNpc + t.provincialCppcc;
  t.bySource = orderSources(groups);
  t.handlingUnits = unitNames.size;
  t.leadUnits = leadNames.size;
  t.coUnits = coNames.size;
  const sorted = (m: Map<string, number> | null) => (m ? [...m].sort((a, b) => b[1] - a[1]) : null);
  t.byTopic = sorted(topic);
  t.byDelegation = sorted(delegation);
  t.bySector = sorted(sector);
  const forms = SATISFACTIONS.reduce((n, s) => n + t.satisfaction[s], 0);
  t.formsReturned = forms;
  t.rates = {
    reply: rate(t.replied, t.total),
    onTime: rate(t.repliedOnTime, t.replied),
    faceToFace: rate(t.faceToFace, t.replied),
    satisfied: rate(t.satisfaction['满意'] + t.satisfaction['基本满意'], forms),
    fullySatisfied: rate(t.satisfaction['满意'], forms),
    basicallySatisfied: rate(t.satisfaction['基本满意'], forms),
    formsReturned: rate(forms, t.replied),
    categories: Object.fromEntries(Object.entries(t.categories).map(([c, n]) => [c, rate(n, t.replied)])),
    published: t.published === null ? null : rate(t.published, t.replied),
  };
  return t;
}

/** Per lead unit, in the master list's order first, then units found only in the ledger. */
export function computeUnitStats(ledger: Ledger, findings: Finding[], asOf: Day): UnitStats[] {
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
    const deadline = deadlineOf(item, ledger.config);
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
