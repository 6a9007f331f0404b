/** composeCircular: the ledger's analysis plus options → the circular's blocks. Figures and lists are computed. */
import { Analysis } from '../analyse';
import { CircularData, circularData } from './data';
import { chineseDate } from '../dates';
import { RuleId } from '../rules';
import { percent } from '../summary';
import { UnitStats } from '../totals';
import { Block, Circular, Role, Run, Section, SectionId } from './model';
import { CircularOptions } from './options';
import { DEFAULT_PROSE, fillTemplate } from './prose';
import { chineseNumeral, emWidth } from './numbers';

/** Width of a title line in em (二号 on the 156 mm type area). */
export const TITLE_LINE_EM = 19;

/**
 * The documented rule for 办理较好的单位: units on the master list with items, no finding on any of their items
 * and nothing overdue, most items first (master-list order between equals), at most options.maxPraised.
 * options.praisedUnits overrides it with a list.
 */
export function selectPraisedUnits(a: Pick<CircularData, 'units'>, options: Pick<CircularOptions, 'praisedUnits' | 'maxPraised'>): string[] {
  if (options.praisedUnits && options.praisedUnits.length) return options.praisedUnits;
  const order = new Map(a.units.map((u, i) => [u.name, i]));
  return a.units
    .filter((u: UnitStats) => u.known !== false && u.items > 0 && u.findings === 0 && u.overdue === 0)
    .sort((x, y) => y.items - x.items || order.get(x.name)! - order.get(y.name)!)
    .slice(0, options.maxPraised)
    .map((u) => u.name);
}

function unitsOf(a: Pick<CircularData, 'findings' | 'units'>, rule: RuleId): { count: number; units: string[] } {
  const list = a.findings.filter((f) => f.rule === rule);
  const units: string[] = [];
  for (const f of list) if (f.unit && !units.includes(f.unit)) units.push(f.unit);
  const order = new Map(a.units.map((u, i) => [u.name, i]));
  units.sort((x, y) => (order.get(x) ?? 1e9) - (order.get(y) ?? 1e9));
  return { count: list.length, units };
}

/** Splits a title at word boundaries into lines no wider than maxEm, shaped as a trapezoid or diamond. */
export function titleLines(title: string, maxEm = TITLE_LINE_EM): string[] {
  if (title.includes('\n')) return title.split('\n').map((s) => s.trim()).filter(Boolean);
  if (emWidth(title) <= maxEm) return [title];
  // Break only before 关于 (after the issuing body) and before 办理工作: never inside a word.
  const breaks = new Set<number>();
  for (const re of [/(?=关于)/g, /(?=办理工作)/g, /(?=工作情况)/g]) {
    for (const m of title.matchAll(re)) breaks.add(m.index!);
  }
  const points = [...breaks].filter((i) => i > 0 && i < title.length).sort((x, y) => x - y);
  let best: string[] | null = null;
  let bestScore = Infinity;
  const n = points.length;
  for (let mask = 1; mask < 1 << n; mask++) {
    const cuts = points.filter((_, k) => mask & (1 << k));
    const parts: string[] = [];
    let prev = 0;
    for (const c of cuts) {
      parts.push(title.slice(prev, c));
      prev = c;
    }
    parts.push(title.slice(prev));
    const widths = parts.map(emWidth);
    if (widths.some((w) => w > maxEm) || parts.length > 3) continue;
    const spread = Math.max(...widths) - Math.min(...widths);
    const score = parts.length * 100 + spread;
    if (score < bestScore) {
      bestScore = score;
      best = parts;
    }
  }
  if (best) return best;
  const lines: string[] = [];
  let cur = '';
  for (const ch of title) {
    if (emWidth(cur + ch) > maxEm) {
      lines.push(cur);
      cur = '';
    }
    cur += ch;
  }
  if (cur) lines.push(cur);
  return lines;
}

/** The circular from a checked ledger (or the data kept from one). */
export function composeCircular(input: Analysis | CircularData, options: CircularOptions, asOf: string): Circular {
  const a: CircularData = 'ledger' in input ? circularData(input, asOf) : input;
  const prose = { ...DEFAULT_PROSE, ...options.prose };
  const t = a.totals;
  const unitList = a.unitList ?? [];
  const receptionYes = unitList.filter((u) => u.receptionDay === true).map((u) => u.name);
  const receptionNo = unitList.filter((u) => u.receptionDay !== true).map((u) => u.name);
  const praised = selectPraisedUnits(a, options);
  const values: Record<string, string | number> = {
    year: options.year,
    total: t.total,
    provincial: t.provincial,
    provincialNpc: t.provincialNpc,
    provincialCppcc: t.provincialCppcc,
    municipalNpc: t.municipalNpc,
    municipalNpcInterSession: t.municipalNpcInterSession,
    municipalCppcc: t.municipalCppcc,
    keyNpc: t.keyNpc,
    keyCppcc: t.keyCppcc,
    replied: t.replied,
    repliedOnTime: t.repliedOnTime,
    overdue: t.overdue,
    asOf: chineseDate(asOf),
    categoryA: t.categories.A ?? 0,
    categoryB: t.categories.B ?? 0,
    categoryC: t.categories.C ?? 0,
    satisfied: t.rates.satisfied.numerator,
    satisfiedRate: percent(t.rates.satisfied),
    receptionYes: receptionYes.length,
    receptionNo: receptionNo.length,
    receptionYesUnits: receptionYes.join('、'),
    receptionNoUnits: receptionNo.join('、'),
    receptionDeadline: options.receptionDeadline,
    praisedUnits: praised.join('、'),
  };

  const para = (role: Role, key: string, extra: Record<string, string | number> = {}): Block => ({
    role,
    runs: fillTemplate(prose[key] ?? '', { ...values, ...extra }).map((f): Run => (f.computed ? { text: f.text, computed: true } : { text: f.text })),
  });
  const text = (role: Role, s: string, computed = false): Block => ({ role, runs: [computed ? { text: s, computed } : { text: s }] });
  const blank = (): Block => ({ role: 'blank', runs: [] });

  // 存在的问题: one numbered sentence per kind that occurs, in this order.
  const problems: Block[] = [];
  let ordinal = 0;
  const next = () => chineseNumeral(++ordinal);
  const noReception = unitsOf(a, 'unit.no-reception-day');
  if (noReception.count) problems.push(para('body', 'problem.reception', { ordinal: next(), count: noReception.count }));
  const f2f = unitsOf(a, 'contact.no-face-to-face');
  if (f2f.count) problems.push(para('body', 'problem.faceToFace', { ordinal: next(), count: f2f.count, units: f2f.units.join('、') }));
  const compound = (key: string, parts: Array<[string, { count: number; units: string[] }]>) => {
    const present = parts.filter(([, p]) => p.count > 0);
    if (!present.length) return;
    const block = para('body', key, { ordinal: next(), parts: '\u0000' });
    // Splice the sub-sentences (each with its own computed figures) in place of {parts}.
    const runs: Run[] = [];
    for (const r of block.runs) {
      if (r.text !== '\u0000') {
        runs.push(r);
        continue;
      }
      present.forEach(([k, p], i) => {
        if (i) runs.push({ text: '；' });
        runs.push(...para('body', k, { count: p.count, units: p.units.join('、') }).runs);
      });
    }
    problems.push({ role: 'body', runs });
  };
  compound('problem.forms', [
    ['problem.forms.old', unitsOf(a, 'feedback.old-form')],
    ['problem.forms.incomplete', unitsOf(a, 'feedback.missing')],
    ['problem.forms.degree', unitsOf(a, 'feedback.degree-mismatch')],
  ]);
  compound('problem.timeliness', [
    ['problem.timeliness.overdue', unitsOf(a, 'reply.overdue')],
    ['problem.timeliness.late', unitsOf(a, 'reply.late')],
  ]);
  if (!problems.length) problems.push(para('body', 'problem.none'));

  const part2: Block[] = [para('heading1', 'part2.heading'), para('heading2', 'part2.1.heading')];
  if (praised.length) part2.push(para('body', 'part2.1'));
  if (a.unitList && a.receptionKnown) {
    if (receptionYes.length) part2.push(para('body', 'part2.1.reception'));
    if (receptionNo.length) part2.push(para('body', 'part2.1.receptionMissing'));
  }
  part2.push(para('heading2', 'part2.2.heading'), para('body', 'part2.2.intro'), ...problems);

  const sections: Array<[SectionId, Block[]]> = [
    ['header', [text('mark', options.mark), blank(), blank(), text('docNumber', options.docNumber)]],
    ['title', [blank(), blank(), ...titleLines(options.title).map((l) => text('title', l))]],
    ['addressees', [blank(), text('addressees', options.addressees)]],
    ['opening', [para('body', 'opening')]],
    [
      'part1',
      [
        para('heading1', 'part1.heading'),
        para('heading2', 'part1.1.heading'),
        para('body', 'part1.1'),
        para('heading2', 'part1.2.heading'),
        para('body', 'part1.2'),
        para('heading2', 'part1.3.heading'),
        para('body', 'part1.3'),
        para('heading2', 'part1.4.heading'),
        para('body', 'part1.4'),
      ],
    ],
    ['part2', part2],
    ['part3', [para('heading1', 'part3.heading'), para('body', 'part3.1'), para('body', 'part3.2')]],
    ['date', [blank(), text('date', chineseDate(options.date))]],
    [
      'colophon',
      [
        ...options.copyTo.map((line, i): Block => ({ role: 'copyTo', runs: [{ text: i === 0 ? `抄送：${line}` : line }] })),
        { role: 'printedBy', runs: [{ text: options.printingOffice }], right: `${chineseDate(options.printDate)}印发` },
      ],
    ],
  ];
  return {
    title: titleLines(options.title).join(''),
    sections: sections.map(([id, blocks]): Section => ({ id, blocks })),
  };
}
