/** Totals in the circular's terms, counted from the items: never typed in. */
import { Item, Ledger, UnitRef } from './ledger';
import { Finding } from './rules';
import { deadlinesOf } from './deadlines';
import { Day } from './dates';
import { SATISFACTIONS, Satisfaction } from './vocabulary';
import { Body, Level, Place, parseLabel } from './sources';
import { compactKey, isBlank } from './text';

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
  /**
   * 征询意见表 returned: answered items whose form came back — a satisfaction written (readable or not) or a form
   * version. Those without a readable satisfaction are counted but not rated (满意率 is over the rated ones).
   */
  formsReturned: number;
  /** The ledger has a reply-date column on some sheet (without one nothing can be known answered; absent in old data). */
  replyColumn?: boolean;
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
    /** 满意率: 满意 + 基本满意 / the forms rated (items with a readable satisfaction). */
    satisfied: Rate;
    /** 满意 alone / forms rated. */
    fullySatisfied: Rate;
    /** 基本满意 alone / forms rated. */
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

function countSource(groups: Map<string, Group>, byLabel: Array<Map<string, Group>>, source: Item['source'], n: number): void {
  const def = source.def!;
  const raw = source.raw;
  const labels = byLabel[source.interSession ? 1 : 0];
  let g = labels.get(raw);
  if (!g) {
    const place = parseLabel(raw)?.place ?? null;
    const key = `${def.body}/${def.level}/${source.interSession ? 1 : 0}/${def.level === 'upper' ? (place ?? compactKey(raw)) : ''}`;
    g = groups.get(key);
    if (!g) {
      g = { body: def.body, level: def.level, interSession: source.interSession, rank: place ? PLACE_RANK[place] : 0, items: 0, spellings: new Map() };
      groups.set(key, g);
    }
    labels.set(raw, g);
  }
  g.items += n;
  g.spellings.set(raw, (g.spellings.get(raw) ?? 0) + n);
}

/** Items counted per source (items read alike share one source object, so there are few). */
interface SourceTally {
  items: number;
  key: number;
}

/** The deadline of each item (index as in ledger.items), for the totals, the unit figures and the checks. */
export function itemDeadlines(ledger: Ledger): Array<Day | null> {
  return deadlinesOf(ledger.items, ledger.config);
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

/** deadlines: itemDeadlines(ledger), when already worked out. */
export function computeTotals(ledger: Ledger, asOf: Day, deadlines: ReadonlyArray<Day | null> = itemDeadlines(ledger)): Totals {
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
  // Unit references are shared by the items naming the same unit: each is looked at once.
  const seenLead = new Set<UnitRef>();
  const seenCo = new Set<UnitRef>();
  const topic = ledger.parts.some((p) => p.columns.topic) ? new Map<string, number>() : null;
  const delegation = ledger.parts.some((p) => p.columns.delegation) ? new Map<string, number>() : null;
  const sector = ledger.parts.some((p) => p.columns.sector) ? new Map<string, number>() : null;
  const bump = (m: Map<string, number>, k: string) => {
    if (k !== '') m.set(k, (m.get(k) ?? 0) + 1);
  };
  const sources = new Map<Item['source'], SourceTally>();
  const items = ledger.items;
  // Rows of one item (same source and number): the first row stands for it, the others (by index) follow it.
  const others = new Map<Item, number[]>();
  for (let i = 0; i < items.length; i++) {
    const first = items[i].firstRow;
    if (first === null) continue;
    const list = others.get(first);
    if (list) list.push(i);
    else others.set(first, [i]);
  }
  const categories = t.categories;
  const satisfaction = t.satisfaction;
  const countPublished = t.published !== null;
  let total = 0;
  let unknownSource = 0;
  let splitItems = 0;
  let replied = 0;
  let repliedOnTime = 0;
  let overdue = 0;
  let faceToFace = 0;
  let published = 0;
  let returned = 0;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item.firstRow !== null) continue;
    const rows = others.size ? others.get(item) : undefined;
    total++;
    const source = item.source;
    if (!source.def) unknownSource++;
    else {
      let tally = sources.get(source);
      if (tally === undefined) {
        tally = { items: 0, key: 0 };
        sources.set(source, tally);
      }
      tally.items++;
      if (item.key) tally.key++;
    }
    if (rows && rows.some((k) => (items[k].leadUnit?.name ?? '') !== (item.leadUnit?.name ?? ''))) splitItems++;
    let allReplied = true;
    let onTime = true;
    let late = false;
    for (let k = -1; k < (rows ? rows.length : 0); k++) {
      const index = k < 0 ? i : rows![k];
      const r = items[index];
      const lead = r.leadUnit;
      if (lead && !seenLead.has(lead)) {
        seenLead.add(lead);
        unitNames.add(lead.name);
        leadNames.add(lead.name);
      }
      const co = r.coUnits;
      for (let c = 0; c < co.length; c++) {
        const u = co[c];
        if (seenCo.has(u)) continue;
        seenCo.add(u);
        unitNames.add(u.name);
        coNames.add(u.name);
      }
      const deadline = deadlines[index];
      const reply = r.replyDate;
      if (reply.kind !== 'empty') {
        // On time: by the deadline, and not before the item was assigned (a date wrong somewhere: 待核实).
        if (!(reply.kind === 'ok' && deadline && reply.day <= deadline) || (r.assignDate.kind === 'ok' && reply.day < r.assignDate.day)) onTime = false;
      } else {
        allReplied = false;
        if (deadline && deadline < asOf) late = true;
      }
    }
    // Answered when every unit has answered; the first row's category, contact and satisfaction stand for it.
    if (allReplied) {
      replied++;
      if (onTime) repliedOnTime++;
      if (item.faceToFace) faceToFace++;
      const category = item.category;
      if (typeof category === 'string' && category in categories) categories[category]++;
      if (countPublished && item.published) published++;
      if (item.satisfaction !== null) returned++;
      else {
        const at = item.part.at.formVersion;
        if (at >= 0 && !isBlank(item.raw[at])) returned++;
      }
    } else if (late) overdue++;
    if (item.satisfaction) satisfaction[item.satisfaction]++;
    if (topic) bump(topic, item.topic);
    if (delegation) bump(delegation, item.delegation);
    if (sector) bump(sector, item.sector);
  }
  t.total = total;
  t.unknownSource = unknownSource;
  t.splitItems = splitItems;
  t.replied = replied;
  t.repliedOnTime = repliedOnTime;
  t.overdue = overdue;
  t.faceToFace = faceToFace;
  if (countPublished) t.published = published;
  const groups = new Map<string, Group>();
  const byLabel = [new Map<string, Group>(), new Map<string, Group>()];
  // Each source in the order of its first item, as the groups were met before.
  for (const [source, tally] of sources) {
    const def = source.def!;
    t[FIGURE[def.level][def.body]] += tally.items;
    if (def.level === 'own' && def.body === 'npc' && source.interSession) t.municipalNpcInterSession += tally.items;
    if (def.body === 'npc') t.keyNpc += tally.key;
    else t.keyCppcc += tally.key;
    countSource(groups, byLabel, source, tally.items);
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
  t.formsReturned = returned;
  t.replyColumn = ledger.parts.some((p) => p.columns.replyDate !== undefined);
  t.rates = {
    reply: rate(t.replied, t.total),
    onTime: rate(t.repliedOnTime, t.replied),
    faceToFace: rate(t.faceToFace, t.replied),
    satisfied: rate(t.satisfaction['满意'] + t.satisfaction['基本满意'], forms),
    fullySatisfied: rate(t.satisfaction['满意'], forms),
    basicallySatisfied: rate(t.satisfaction['基本满意'], forms),
    formsReturned: rate(returned, t.replied),
    categories: Object.fromEntries(Object.entries(t.categories).map(([c, n]) => [c, rate(n, t.replied)])),
    published: t.published === null ? null : rate(t.published, t.replied),
  };
  return t;
}

/** Per lead unit, in the master list's order first, then units found only in the ledger. */
export function computeUnitStats(ledger: Ledger, findings: Finding[], asOf: Day, deadlines: ReadonlyArray<Day | null> = itemDeadlines(ledger)): UnitStats[] {
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
  const items = ledger.items;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (!item.leadUnit) continue;
    // A row repeating an item for the same lead unit (a duplicate, not a split) counts once for it.
    const first = item.firstRow;
    if (first !== null && first.leadUnit !== null && first.leadUnit.name === item.leadUnit.name) continue;
    const s = get(item.leadUnit.name, item.leadUnit.known);
    s.items++;
    const deadline = deadlines[i];
    if (item.replyDate.kind !== 'empty') {
      s.replied++;
      const reply = item.replyDate;
      if (reply.kind === 'ok' && deadline && reply.day <= deadline && !(item.assignDate.kind === 'ok' && reply.day < item.assignDate.day)) s.onTime++;
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
