/**
 * Where an item comes from, relative to the office keeping the ledger: the body (NPC suggestion or CPPCC proposal),
 * the level (the office's own, an upper level, or national) and whether it is an inter-session suggestion.
 * 市人大建议 is the own NPC item of a city office and an upper-level one of a county office, so labels are read
 * by their place prefix (全国/省/市/区/县…) and the office's level: configured, or the prefix most items carry.
 */
import { compactKey } from './text';

export type Body = 'npc' | 'cppcc';
export type Level = 'own' | 'upper' | 'national';
/** Administrative level a label names. */
export type Place = 'national' | 'province' | 'city' | 'county';

export interface SourceDef {
  body: Body;
  level: Level;
  /** 闭会建议: counted with the own NPC items but reported apart. */
  interSession?: boolean;
}

export const PLACES: readonly Place[] = ['county', 'city', 'province', 'national'];
const RANK: Record<Place, number> = { county: 0, city: 1, province: 2, national: 3 };
/** The prefix a label of each level is written with. */
export const PLACE_PREFIX: Record<Place, string> = { national: '全国', province: '省', city: '市', county: '区' };

const PREFIXES: Array<[string, Place]> = [
  ['全国', 'national'],
  ['自治区', 'province'],
  ['省', 'province'],
  ['市', 'city'],
  ['州', 'city'],
  ['区', 'county'],
  ['县', 'county'],
  ['旗', 'county'],
];

/** A label read without the office: body, place (null: no prefix, the office's own), inter-session. */
export interface ParsedLabel {
  body: Body;
  place: Place | null;
  interSession: boolean;
}

const LABEL = /^(全国|自治区|省|市|州|区|县|旗)?(人大|政协)?(代表|委员)?(闭会期间|闭会)?(代表|委员)?(建议|提案)(件)?$/;
/** The same inside a sheet's name (2021年省人大建议台账). */
const IN_NAME = /(全国|自治区|省|市|州|区|县|旗)?(人大|政协)(代表|委员)?(闭会期间|闭会)?(代表|委员)?(建议|提案)|(闭会期间|闭会)(建议)/;

const parsedMemo = new Map<string, ParsedLabel | null>();

/** 区人大建议 → NPC, county; 政协提案 → CPPCC, no place; 议案转建议 → NPC; anything else → null. */
export function parseLabel(text: string): ParsedLabel | null {
  const key = compactKey(text);
  const hit = parsedMemo.get(key);
  if (hit !== undefined) return hit;
  let out: ParsedLabel | null = null;
  if (key === '议案转建议' || key === '代表议案转建议') out = { body: 'npc', place: null, interSession: false };
  else {
    const m = LABEL.exec(key);
    if (m) {
      const body: Body = m[2] === '政协' ? 'cppcc' : m[2] === '人大' ? 'npc' : m[6] === '提案' ? 'cppcc' : 'npc';
      const place = m[1] ? PREFIXES.find(([p]) => p === m[1])![1] : null;
      out = { body, place, interSession: Boolean(m[4]) && body === 'npc' };
    }
  }
  if (parsedMemo.size > 10000) parsedMemo.clear();
  parsedMemo.set(key, out);
  return out;
}

/** The source label a sheet's name carries (人大建议, 2021年省政协提案台账, 闭会建议), or null. */
export function labelInName(name: string): string | null {
  const key = compactKey(name);
  if (key.includes('建议') && key.includes('提案')) return null;
  const m = IN_NAME.exec(key);
  return m ? m[0] : null;
}

/**
 * The office's level when not configured: county when more labels name 区/县 than 市 (a county office also
 * handles the city's items assigned to it), else city; province only when every label names the province (a label
 * without a place beside 省… ones is the office's own: a city's).
 * labels: every item's label, or each label with its number of items.
 */
export function officePlace(labels: Iterable<string> | Map<string, number>, configured?: Place): Place {
  if (configured) return configured;
  let county = 0;
  let city = 0;
  let province = 0;
  let unprefixed = 0;
  // A map counts each label's items (a ledger has a handful of labels over its rows).
  const counted: Iterable<[string, number]> = labels instanceof Map ? labels : Array.from(labels, (l): [string, number] => [l, 1]);
  for (const [l, n] of counted) {
    const p = parseLabel(l)?.place;
    if (p === 'county') county += n;
    else if (p === 'city') city += n;
    else if (p === 'province') province += n;
    else if (p === null) unprefixed += n;
  }
  if (county > city) return 'county';
  // 人大建议 without a place beside 省人大建议 is the office's own, below the province: a city's ledger.
  if (city === 0 && county === 0 && province > 0 && unprefixed === 0) return 'province';
  return 'city';
}

export interface SourceReading {
  def: SourceDef | null;
  /** Why a label that reads as a source is not one of this office's (a lower level's), or null. */
  problem: string | null;
}

/**
 * A label's source for an office at `office`: the configured labels first (exactly as written, compared without
 * spaces), then the label read by its prefix.
 */
export function classifySource(text: string, office: Place, configured: Record<string, SourceDef>): SourceReading {
  const key = compactKey(text);
  if (key === '') return { def: null, problem: null };
  for (const [label, def] of Object.entries(configured)) if (compactKey(label) === key) return { def, problem: null };
  const p = parseLabel(key);
  if (!p) return { def: null, problem: null };
  let level: Level;
  if (p.place === null || p.place === office) level = 'own';
  else if (p.place === 'national') level = 'national';
  else if (RANK[p.place] > RANK[office]) level = 'upper';
  else return { def: null, problem: `“${text}”是下级的建议提案，不由${PLACE_PREFIX[office]}级办理` };
  return { def: { body: p.body, level, ...(p.interSession && level === 'own' ? { interSession: true } : {}) }, problem: null };
}

/** The labels an office writes, for suggestions in messages: 市人大建议、市政协提案、市人大闭会建议、省人大建议… */
export function usualLabels(office: Place): string[] {
  const own = PLACE_PREFIX[office];
  const upper = PLACES.filter((p) => RANK[p] > RANK[office] && p !== 'national').map((p) => PLACE_PREFIX[p]);
  return [`${own}人大建议`, `${own}政协提案`, `${own}人大闭会建议`, ...upper.flatMap((u) => [`${u}人大建议`, `${u}政协提案`]), '全国人大建议'];
}
