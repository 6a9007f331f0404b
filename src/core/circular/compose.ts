/**
 * composeCircular: the ledger's analysis plus options → the circular's blocks. Figures and lists are computed,
 * consistent by construction: every breakdown is a partition of its figure (CircularCounts) and names its
 * remainder; no unit is both praised and under a problem; each list is given once.
 */
import { Analysis } from '../analyse';
import { CircularCounts, CircularData, CircularField, circularData, countsOf, formsRated } from './data';
import { chineseDate } from '../dates';
import { RULES, RuleId } from '../rules';
import { percent } from '../summary';
import { rate } from '../totals';
import { PLACES, PLACE_PREFIX } from '../sources';
import { Block, Circular, Role, Run, Section, SectionId } from './model';
import { CircularOptions, SWITCH_DEFAULTS } from './options';
import { DEFAULT_PROSE, fillTemplate } from './prose';
import { chineseNumeral } from './numbers';
import { titleLines, wordLines } from './title';
import { ADVANCE, CELL_PAD, TABLE_COLUMNS, TYPE_WIDTH } from './layout';
import { compactKey } from '../text';

type Input = Analysis | CircularData;
const dataOf = (input: Input, asOf: string): CircularData => ('ledger' in input ? circularData(input, asOf) : input);

/** Units with any finding (item- or unit-level, any severity), with how many. */
function unitsWithFindings(d: Pick<CircularData, 'findings'>): Map<string, number> {
  const m = new Map<string, number>();
  for (const f of d.findings) if (f.unit) m.set(f.unit, (m.get(f.unit) ?? 0) + 1);
  return m;
}

export interface Praise {
  units: string[];
  /** Units of a given praised list left out because a problem names them. */
  dropped: string[];
  /** Names of a given praised list that are no unit of the ledger or its master list (a typo): left out. */
  unknown: string[];
}

/**
 * 办理较好的单位: units on the master list with replies, all of them on time, no finding of any severity on them
 * (item- or unit-level: a unit without the reception day is not praised) and nothing overdue; none without a master
 * list (a name found only in the ledger may be another spelling of a criticised unit). Most items first (master-list order
 * between equals), at most options.maxPraised. A given list (options.praisedUnits) replaces the rule, less any
 * unit with a finding: no unit is praised and criticised in the same circular.
 */
export function praise(
  a: Pick<CircularData, 'units' | 'findings'> & { praisedUnits?: string[] },
  options: Pick<CircularOptions, 'praisedUnits' | 'maxPraised'>,
): Praise {
  const flagged = unitsWithFindings(a);
  // A list given with the report's options, else the configuration's praisedUnits, else the rule.
  const given = options.praisedUnits && options.praisedUnits.length ? options.praisedUnits : a.praisedUnits;
  if (given && given.length) {
    const known = new Map(a.units.map((u) => [compactKey(u.name), u.name]));
    const named = given.map((g) => ({ given: g, unit: known.get(compactKey(g)) }));
    return {
      units: named.filter((n) => n.unit !== undefined && !flagged.has(n.unit)).map((n) => n.unit!),
      dropped: named.filter((n) => n.unit !== undefined && flagged.has(n.unit)).map((n) => n.unit!),
      unknown: named.filter((n) => n.unit === undefined).map((n) => n.given),
    };
  }
  const order = new Map(a.units.map((u, i) => [u.name, i]));
  // On the master list (a name found only in the ledger may be another spelling of a unit with problems), with
  // something answered, everything answered on time, nothing overdue and no finding.
  const units = a.units
    .filter((u) => u.known === true && u.replied > 0 && u.onTime === u.replied && u.findings === 0 && u.overdue === 0 && !flagged.has(u.name))
    .sort((x, y) => y.items - x.items || order.get(x.name)! - order.get(y.name)!)
    .slice(0, options.maxPraised)
    .map((u) => u.name);
  return { units, dropped: [], unknown: [] };
}

/** The praised units' names (see praise). */
export function selectPraisedUnits(a: Pick<CircularData, 'units' | 'findings'> & { praisedUnits?: string[] }, options: Pick<CircularOptions, 'praisedUnits' | 'maxPraised'>): string[] {
  return praise(a, options).units;
}

/** Units with findings of these rules, master-list order, with their counts. */
function unitsOf(a: Pick<CircularData, 'findings' | 'units'>, rules: RuleId[]): Array<{ name: string; count: number }> {
  const counts = new Map<string, number>();
  for (const f of a.findings) if (rules.includes(f.rule) && f.unit) counts.set(f.unit, (counts.get(f.unit) ?? 0) + 1);
  const order = new Map(a.units.map((u, i) => [u.name, i]));
  return [...counts.entries()]
    .map(([name, count]) => ({ name, count }))
    .sort((x, y) => (order.get(x.name) ?? 1e9) - (order.get(y.name) ?? 1e9));
}

const GRADE_WORDS: Record<string, string> = {
  A: '所提问题已经解决或基本解决的',
  B: '正在解决或已列入计划逐步解决的',
  C: '因条件限制留作参考的',
  D: '留作参考的',
};

/**
 * A share of a whole as a circular writes it: 64.0%, 98.6%, 100% (a whole), 0; empty when there is no whole (so
 * that a clause with it is left out instead of saying “—”).
 */
export function share(n: number, of: number): string {
  if (of === 0) return '';
  if (n === of) return '100%';
  if (n === 0) return '0';
  return percent(rate(n, of));
}

/** Parts of a phrase with their figures, those with 0 left out. */
const nonZero = (parts: Array<[number, string]>): string[] => parts.filter(([n]) => n > 0).map(([, t]) => t);

/** 个别单位 (1–2), 少数单位 (up to a third of the units with items), 部分单位 (more). */
export function vagueUnits(n: number, unitsWithItems: number): string {
  if (n <= 2) return '个别单位';
  return n * 3 <= Math.max(unitsWithItems, 1) ? '少数单位' : '部分单位';
}

/** What part three asks of the feedback forms: only what the ledger shows was wrong. */
function formsTask(old: boolean, notReturned: number, unrated: number): string {
  const fill = notReturned && unrated ? '及时收回并如实、完整填写' : notReturned ? '及时收回' : unrated ? '如实、完整填写' : '';
  return `征询意见表要${old ? `使用新版${fill ? '，' : ''}` : ''}${fill}`;
}

/** Whether the ledger has a column the circular reads (data kept by older versions: taken as recorded). */
function recorded(a: CircularData): (f: CircularField) => boolean {
  const absent = new Set(a.absent ?? []);
  return (f) => !absent.has(f);
}

/** The figures and lists the template's placeholders take (see TEMPLATE_FIELDS). */
export function circularValues(input: Input, options: CircularOptions, asOf: string): Record<string, string | number> {
  const a = dataOf(input, asOf);
  const t = a.totals;
  const c: CircularCounts = countsOf(a);
  const sw = { ...SWITCH_DEFAULTS, ...definedOnly(options) };
  const unitList = a.unitList ?? [];
  const receptionYes = a.receptionKnown ? unitList.filter((u) => u.receptionDay === true).map((u) => u.name) : [];
  const unreplied = t.total - t.replied;
  const office = t.office ?? 'city';
  const own = PLACE_PREFIX[office];
  const upper = PLACE_PREFIX[PLACES[Math.min(PLACES.indexOf(office) + 1, PLACES.length - 1)]];
  const rated = formsRated(c);
  // What the ledger does not record is not said: no 满意度 column is no form left unrated, no 是否面商 column no
  // reply without contact, no 答复类别 column no grade to check.
  const has = recorded(a);
  const unrated = has('satisfaction') ? c.formsReturned - rated : 0;
  // Forms are known returned or not only from a 满意度 or a 征询意见表版本 column.
  const notReturned = has('satisfaction') || has('formVersion') ? t.replied - c.formsReturned : 0;
  // B (正在解决或已列入计划): what the deputies are still waiting for.
  const unsolved = has('category') ? (c.grades[1]?.count ?? 0) : 0;
  // What was handled: only the levels and bodies with items.
  const levels = nonZero([[t.provincial, upper], [t.municipalNpc + t.municipalCppcc, own]]);
  const npc = t.provincialNpc + t.municipalNpc > 0;
  const cppcc = t.provincialCppcc + t.municipalCppcc > 0;
  const bodies = npc && !cppcc ? '人大代表建议' : cppcc && !npc ? '政协委员提案' : '人大代表建议和政协委员提案';
  const upperParts = nonZero([[t.provincialNpc, `${upper}人大建议`], [t.provincialCppcc, `${upper}政协提案`]]);
  const sources = nonZero([
    [t.provincial, `${upperParts.join('、')}${t.provincial}件`],
    [t.municipalNpc, `${own}人大建议${t.municipalNpc}件${t.municipalNpcInterSession ? `（含闭会期间建议${t.municipalNpcInterSession}件）` : ''}`],
    [t.municipalCppcc, `${own}政协提案${t.municipalCppcc}件`],
    [c.otherSource, `其他或来源待核实的${c.otherSource}件`],
  ]);
  // One source: the opening's total says it; only its inter-session part is worth a sentence.
  const sourceParts = sources.length > 1 ? sources.join('，') : t.municipalNpcInterSession ? `闭会期间建议${t.municipalNpcInterSession}件` : '';
  const open = nonZero([
    [c.overdue, `超过办理期限的${c.overdue}件`],
    [c.pending, `尚在办理期限内的${c.pending}件`],
    [c.unrepliedNoDeadline, `交办日期待核实的${c.unrepliedNoDeadline}件`],
  ]);
  // 均 of two or more; one item is said without it.
  const all = (n: number) => (n > 1 ? '均' : '');
  const openAll = open.length === 1 ? (c.overdue ? `，${all(unreplied)}已超过办理期限` : c.pending ? `，${all(unreplied)}在办理期限内` : `，交办日期${all(unreplied)}待核实`) : '';
  const timely = nonZero([
    [c.onTime, `按期答复${c.onTime}件`],
    [c.late, `超期答复${c.late}件`],
    [c.undeterminable, `答复日期或办理期限待核实的${c.undeterminable}件`],
  ]);
  const replyTimes = c.onTime === t.replied && t.replied > 0 ? `，${all(t.replied)}按期答复` : timely.length ? `；其中${timely.join('，')}` : '';
  const inter = c.interSession;
  const interReplied = c.interSessionReplied;
  const interText = !sw.interSessionOpen || inter === 0
    ? ''
    : interReplied === inter
      ? `闭会期间建议${inter}件${all(inter)}已答复`
      : interReplied === 0
        ? `闭会期间建议${inter}件正在办理`
        : `闭会期间建议${inter}件中，已答复${interReplied}件，${inter - interReplied}件正在办理`;
  const keys = nonZero([[t.keyNpc, `重点人大建议${t.keyNpc}件`], [t.keyCppcc, `重点政协提案${t.keyCppcc}件`]]);
  const keyTotal = t.keyNpc + t.keyCppcc;
  const praised = praise(a, options).units;
  const old = a.findings.some((f) => f.rule === 'feedback.old-form');
  const tasks = nonZero([
    [unreplied, `尚未答复的${unreplied}件要抓紧答复`],
    [unsolved, `正在解决或已列入计划解决的${unsolved}件，要持续跟踪落实`],
    [old || notReturned + unrated > 0 ? 1 : 0, formsTask(old, notReturned, unrated)],
  ]);
  const values: Record<string, string | number> = {
    年度: options.year,
    本级: own,
    上级: upper,
    承办范围: `${levels.join('、')}${bodies}`,
    来源构成: sourceParts,
    未答复构成: open.length > 1 ? `（${open.join('，')}）` : openAll,
    闭会建议答复情况: interText,
    重点件构成: keys.length ? `的${keys.join('、')}` : '',
    重点答复情况: keyTotal > 0 && c.keyReplied === keyTotal ? `，${all(keyTotal)}已答复` : c.keyReplied > 0 ? `，已答复${c.keyReplied}件` : '',
    意见表未评价: unrated,
    // The 满意率's base, said when it is not the forms returned (some came back without a readable 满意度).
    填写满意度: unrated > 0 ? rated : '',
    办理较好单位称: praised.length > 1 ? `${praised.join('、')}等单位` : praised.join(''),
    整改事项: tasks.join('；'),
    总件数: t.total,
    省级件数: t.provincial,
    省人大建议: t.provincialNpc,
    省政协提案: t.provincialCppcc,
    市人大建议: t.municipalNpc,
    闭会建议: t.municipalNpcInterSession,
    市政协提案: t.municipalCppcc,
    来源待核实: c.otherSource,
    重点人大建议: t.keyNpc,
    重点政协提案: t.keyCppcc,
    重点已答复: c.keyReplied,
    截至日期: chineseDate(asOf),
    已答复: t.replied,
    办复率: share(t.replied, t.total),
    答复及时情况: replyTimes,
    按期答复: c.onTime,
    按期办复率: share(c.onTime, t.replied),
    超期答复: c.late,
    期限待核实: c.undeterminable,
    未答复: unreplied,
    超期未答复: c.overdue,
    期限内未答复: c.pending,
    未答复期限待核实: c.unrepliedNoDeadline,
    闭会建议已答复: sw.interSessionOpen ? c.interSessionReplied : '',
    闭会建议未答复: sw.interSessionOpen ? c.interSession - c.interSessionReplied : '',
    类别待核实: has('category') ? c.gradeUnknown : '',
    收回意见表: sw.formsReturned && (has('satisfaction') || has('formVersion')) ? c.formsReturned : '',
    未收回意见表: notReturned,
    满意: c.satisfaction.满意,
    基本满意: c.satisfaction.基本满意,
    不满意: c.satisfaction.不满意,
    满意率: share(c.satisfaction.满意 + c.satisfaction.基本满意, rated),
    面商: has('faceToFace') ? c.faceToFace : '',
    面商率: has('faceToFace') ? share(c.faceToFace, t.replied) : '',
    已落实接待日单位数: receptionYes.length,
    已落实接待日单位: receptionYes.join('、'),
    未落实接待日单位数: unitsOf(a, ['unit.no-reception-day']).length,
    整改期限: options.receptionDeadline,
    办理较好单位: praised.join('、'),
    附件名称: `${options.year}年度建议提案办理情况分单位统计表`,
  };
  values['闭会建议件数'] = sw.interSessionOpen ? t.municipalNpcInterSession : '';
  for (const g of c.grades) {
    values[`${g.grade}类`] = g.count;
    values[`${g.grade}类占比`] = sw.gradeShares ? share(g.count, t.replied) : '';
  }
  const graded = c.grades.filter((g) => g.count > 0);
  values['答复类别构成'] = !has('category')
    ? ''
    : graded.length === 1 && graded[0].count === t.replied && t.replied > 1
      ? `${all(t.replied)}为${GRADE_WORDS[graded[0].grade] ?? ''}${graded[0].grade}类`
      : graded.map((g) => `${GRADE_WORDS[g.grade] ?? ''}${g.grade}类${g.count}件${sw.gradeShares ? `，占${share(g.count, t.replied)}` : ''}`).join('；');
  const sat = c.satisfaction;
  values['满意度构成'] = (
    sw.satisfactionApart
      ? nonZero([[sat.满意, `满意${sat.满意}件`], [sat.基本满意, `基本满意${sat.基本满意}件`], [sat.不满意, `不满意${sat.不满意}件`]])
      : nonZero([[sat.满意 + sat.基本满意, `满意和基本满意${sat.满意 + sat.基本满意}件`], [sat.不满意, `不满意${sat.不满意}件`]])
  ).join('、');
  return values;
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

const PROBLEM_FIELDS = [
  '未落实接待日单位称', '未面商单位称', '未面商件数', '旧表单位称', '旧表件数', '意见表不全单位称', '意见表不全件数', '意见表不全情形',
  '程度不符单位称', '程度不符件数', '超期未答复单位称', '超期答复单位称',
];

/** At most this many units named in a problem (--problem-units named). */
const NAMED_MAX = 5;

/** One problem: its paragraph key, its figures and the units it names. */
interface Problem {
  key: string;
  values: Record<string, string | number>;
  units: string[];
}

/** The problems that occur, in order, with their figures: each figure is the same number the opening gives. */
export function circularProblems(input: Input, options: CircularOptions, asOf: string): Problem[] {
  const a = dataOf(input, asOf);
  const c = countsOf(a);
  const t = a.totals;
  const named = (options.problemUnits ?? SWITCH_DEFAULTS.problemUnits) === 'named';
  const withItems = a.units.filter((u) => u.items > 0).length;
  // A clause of a problem with several (forms, timeliness) says 有的单位 when units are not named, as a circular
  // does; a problem of its own says how many (个别单位, 少数单位, 部分单位).
  const phrase = (us: Array<{ name: string; count: number }>, withCounts: boolean, clause = false): string => {
    if (!us.length) return '';
    if (!named) return clause ? '有的单位' : vagueUnits(us.length, withItems);
    // Named: at most five, those with most items first (the attachment lists every unit); a count per unit only when
    // the counts differ (one unit's count is the sentence's own: 市水利局有1件, not 市水利局（1件）有1件).
    const shown = us.length > NAMED_MAX ? [...us].sort((x, y) => y.count - x.count).slice(0, NAMED_MAX) : us;
    const counted = withCounts && us.length > 1 && us.some((u) => u.count !== us[0].count);
    const list = shown.map((u) => (counted ? `${u.name}（${u.count}件）` : u.name)).join('、');
    return us.length > 1 ? `${list}等${us.length}个单位` : list;
  };
  const out: Problem[] = [];
  const reception = unitsOf(a, ['unit.no-reception-day']);
  if (reception.length) {
    out.push({ key: 'problem.reception', values: { 未落实接待日单位称: phrase(reception, false) }, units: reception.map((u) => u.name) });
  }
  const has = recorded(a);
  const f2fCount = has('faceToFace') ? t.replied - c.faceToFace : 0;
  const f2f = unitsOf(a, ['contact.no-face-to-face']);
  if (f2fCount > 0) {
    out.push({ key: 'problem.faceToFace', values: { 未面商单位称: phrase(f2f, true) || '有的单位', 未面商件数: f2fCount }, units: f2f.map((u) => u.name) });
  }
  const old = unitsOf(a, ['feedback.old-form']);
  const incomplete = unitsOf(a, ['feedback.missing', 'feedback.invalid']);
  const degree = unitsOf(a, ['feedback.degree-mismatch']);
  const oldCount = old.reduce((n, u) => n + u.count, 0);
  const rated = formsRated(c);
  // Unrated: forms not returned, or returned without a readable 满意度 (only where the ledger has that column).
  const notReturned = has('satisfaction') || has('formVersion') ? t.replied - c.formsReturned : 0;
  const incompleteCount = has('satisfaction') ? t.replied - rated : notReturned;
  const degreeCount = degree.reduce((n, u) => n + u.count, 0);
  if (oldCount || incompleteCount || degreeCount) {
    out.push({
      key: 'problem.forms',
      values: {
        旧表单位称: phrase(old, true, true), 旧表件数: oldCount,
        意见表不全单位称: phrase(incomplete, true, true) || '有的单位', 意见表不全件数: incompleteCount,
        意见表不全情形: notReturned === 0 ? '未填写满意度或填写不规范' : notReturned === incompleteCount ? '未收回征询意见表' : '征询意见表未收回、未填写满意度或填写不规范',
        程度不符单位称: phrase(degree, true, true), 程度不符件数: degreeCount,
      },
      units: [...old, ...incomplete, ...degree].map((u) => u.name),
    });
  }
  const overdue = unitsOf(a, ['reply.overdue']);
  const late = unitsOf(a, ['reply.late']);
  if (c.overdue || c.late) {
    out.push({
      key: 'problem.timeliness',
      values: { 超期未答复单位称: phrase(overdue, true, true) || '有的单位', 超期未答复: c.overdue, 超期答复单位称: phrase(late, true, true) || '有的单位', 超期答复: c.late },
      units: [...overdue, ...late].map((u) => u.name),
    });
  }
  return out;
}

export interface CircularWarning {
  rule: RuleId;
  /** The rule's title, in the clerk's words. */
  title: string;
  count: number;
  /** Which figures of the circular it affects. */
  affects: string;
}

const AFFECTS: Partial<Record<RuleId, string>> = {
  'ledger.column-missing': '缺列相关的全部数字',
  'ledger.duplicate-number': '总件数及各项分项（可能重复计数）',
  'source.unknown': '按来源的分项（计入“其他或来源待核实”）',
  'assign.unit-missing': '分单位统计和单位名单',
  'assign.date-missing': '按期答复、超期未答复件数（办理期限无法计算，计入“待核实”）',
  'date.invalid': '已答复、按期答复件数（计入“待核实”）',
  'reply.overdue': '超期未答复件数',
  'reply.before-assignment': '按期答复件数',
  'reply.after-as-of': '已答复件数（截止日以后的答复也计入了已答复）',
  'reply.category-missing': '答复类别分项（计入“答复类别待核实”）',
  'reply.category-invalid': '答复类别分项（计入“答复类别待核实”）',
  'feedback.invalid': '满意度分项和满意率（计入“未填写满意度或填写不规范”）',
  'feedback.degree-mismatch': '“解决程度与答复类别不符”件数',
  'key.leader-missing': '重点督办件',
};

/**
 * The error-level findings left in the ledger that touch the circular's figures, by rule: what the command line
 * prints (and the panes show) before a circular with them goes out.
 */
/**
 * Errors that are facts the circular reports, not mistakes in the ledger: an item still unanswered after its
 * deadline, a reply after it. The circular counts them as they are; nothing to correct before sending it.
 */
const REPORTED_FACTS: ReadonlySet<RuleId> = new Set<RuleId>(['reply.overdue', 'reply.late']);

/** Error findings that make figures of the circular uncertain (to correct or confirm before sending it). */
export function circularWarnings(input: Input, asOf = ''): CircularWarning[] {
  const a = dataOf(input, asOf || ('asOf' in input ? input.asOf : ''));
  const counts = new Map<RuleId, number>();
  for (const f of a.findings) if (RULES[f.rule].severity === 'error' && !REPORTED_FACTS.has(f.rule)) counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
  return [...counts.entries()].map(([rule, count]) => ({ rule, title: RULES[rule].title, count, affects: AFFECTS[rule] ?? '相关数字' }));
}

/** What the composer decided besides the text (for the command line and the panes to say). */
export interface CompositionNotes {
  praised: string[];
  praisedDropped: string[];
  /** Names given to praise that are no unit of the ledger or its master list. */
  praisedUnknown: string[];
  problemUnits: string[];
}

export function compositionNotes(input: Input, options: CircularOptions, asOf: string): CompositionNotes {
  const a = dataOf(input, asOf);
  const p = praise(a, options);
  return { praised: p.units, praisedDropped: p.dropped, praisedUnknown: p.unknown, problemUnits: [...new Set(circularProblems(a, options, asOf).flatMap((x) => x.units))] };
}

/** Character widths for the signature layout: CJK 1, digits and ASCII ½. */
function em(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.codePointAt(0)! < 0x2e80 ? 0.5 : 1;
  return w;
}

/** The circular from a checked ledger (or the data kept from one). */
export function composeCircular(input: Input, options: CircularOptions, asOf: string): Circular {
  const a = dataOf(input, asOf);
  const prose = { ...DEFAULT_PROSE, ...options.prose };
  const values = circularValues(a, options, asOf);
  const sw = { ...SWITCH_DEFAULTS, ...definedOnly(options) };

  const para = (role: Role, key: string, extra: Record<string, string | number> = {}): Block => ({
    role,
    runs: fillTemplate(prose[key] ?? '', { ...values, ...extra }).flatMap(figureRuns),
  });
  const text = (role: Role, s: string, computed = false): Block => ({ role, runs: [computed ? { text: s, computed } : { text: s }] });
  const blank = (): Block => ({ role: 'blank', runs: [] });

  const found = circularProblems(a, options, asOf);
  // The problems' figures can be used anywhere in the template (0 or empty when the problem does not occur).
  for (const name of PROBLEM_FIELDS) values[name] = /件数$|^超期/.test(name) && !/单位称$/.test(name) ? 0 : '';
  for (const p of found) Object.assign(values, p.values);
  const problems = found.map((p, i) => para('body', p.key, { ...p.values, 序: chineseNumeral(i + 1) }));
  // Problems introduced as such; without any, one sentence saying so (no “还存在以下问题：” before it).
  const problemBlocks = problems.length ? [para('body', 'part2.2.intro'), ...problems] : [para('body', 'problem.none')];

  const good: Block[] = [];
  if (values['办理较好单位']) good.push(para('body', 'part2.1'));
  if (values['已落实接待日单位数']) good.push(para('body', 'part2.1.reception'));
  // Nothing to say of good units (no master list, nothing answered yet): the part is about the problems alone.
  // Nothing to praise but the reception day: its units under a heading of their own, not as 办理较好的单位 (a unit
  // with overdue items may have set it up).
  const receptionOnly = !values['办理较好单位'] && good.length > 0;
  const part2: Block[] = good.length
    ? [
        para('heading1', receptionOnly ? 'part2.heading.reception' : 'part2.heading'),
        para('heading2', receptionOnly ? 'part2.1.heading.reception' : 'part2.1.heading'),
        ...good,
        para('heading2', 'part2.2.heading'),
        ...problemBlocks,
      ]
    : [para('heading1', 'part2.heading.problems'), ...problemBlocks];

  // 署名 and 成文日期 (§7.3.5): with a seal, centred on each other, the date four characters from the right and
  // room above for the seal; without, the 署名 two from the right and the date two right of its first character.
  const signature = options.signature ?? options.issuingBody;
  const dateText = chineseDate(options.date);
  const sigW = em(signature);
  const dateW = em(dateText);
  let sigRight: number;
  let dateRight: number;
  if (sw.seal) {
    dateRight = 4;
    sigRight = 4 + (dateW - sigW) / 2;
  } else if (sigW - dateW >= 2) {
    sigRight = 2;
    dateRight = sigW - dateW;
  } else {
    dateRight = 2;
    sigRight = 2 + dateW + 2 - sigW;
  }
  const closing: Block[] = [];
  if (sw.attachment) closing.push(blank(), { ...para('attachmentNote', 'attachment.note') });
  closing.push(...(sw.seal ? [blank(), blank()] : [blank()]));
  closing.push({ role: 'signature', runs: [{ text: signature }], indentRight: Math.max(0, sigRight) });
  if (sw.seal) closing.push({ role: 'date', runs: [{ text: dateText }], indentRight: Math.max(0, dateRight) });
  else {
    // The date's first character two right of the 署名's: placed from the left, so a renderer that spaces figures
    // wider (LibreOffice) keeps the relation and only the date's right end moves.
    const typeEm = TYPE_WIDTH / 320;
    closing.push({ role: 'date', runs: [{ text: dateText }], indentLeft: Math.max(0, typeEm - Math.max(0, sigRight) - sigW + 2) });
  }
  if (sw.attachment) {
    const c = countsOf(a);
    closing.push(
      { role: 'attachmentLabel', runs: [{ text: '附件' }], pageBreakBefore: true },
      blank(),
      text('attachmentTitle', String(values['附件名称'])),
      blank(),
      {
        role: 'table',
        runs: [],
        table: {
          header: ['单位', '件数', '已答复', '按期', '面商', '满意'],
          rows: attachmentRows(c),
        },
      },
      text('tableNote', `注：按期指在办理期限内答复；满意含基本满意。${a.totals.splitItems ? `由几个单位分别主办的${a.totals.splitItems}件在各主办单位分别计数，故合计件数多于总件数。` : ''}`),
    );
  }

  const lines = titleLines(options.title);
  const sections: Array<[SectionId, Block[]]> = [
    ['header', [text('mark', options.mark), blank(), blank(), text('docNumber', options.docNumber)]],
    ['title', [blank(), blank(), ...lines.map((l) => text('title', l))]],
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
      ],
    ],
    ['part2', part2],
    ['part3', [para('heading1', 'part3.heading'), para('body', found.length ? 'part3.1' : 'part3.1.none'), para('body', 'part3.2')]],
    ['date', closing],
    [
      'colophon',
      [
        ...options.copyTo.map((line, i): Block => ({ role: 'copyTo', runs: [{ text: i === 0 ? `抄送：${line}` : line }] })),
        { role: 'printedBy', runs: [{ text: options.printingOffice }], right: `${chineseDate(options.printDate)}印发` },
      ],
    ],
  ];
  return {
    title: lines.join(''),
    sections: sections.map(([id, blocks]): Section => ({ id, blocks: numberHeadings(blocks.filter((b) => b.role !== 'body' || b.runs.length > 0)) })),
  };
}

/**
 * A filled piece as runs. A computed phrase that counts (省人大建议45件，市人大建议468件…) gives each figure a computed run
 * of its own and its words as text, so that 核对 names the figure someone typed over, not the whole phrase.
 */
function figureRuns(f: { text: string; computed: boolean }): Run[] {
  if (!f.computed) return [{ text: f.text }];
  if (!f.text.includes('件') || !/\D/.test(f.text.replace(/件/g, ''))) return [{ text: f.text, computed: true }];
  return f.text
    .split(/(\d+)/)
    .filter((t) => t !== '')
    .map((t): Run => (/^\d+$/.test(t) ? { text: t, computed: true } : { text: t }));
}

/** The attachment's rows: each lead unit with items, the rows without one, and 合计 (the column sums). */
function attachmentRows(c: CircularCounts): string[][] {
  type Row = Omit<CircularCounts['units'][number], 'name'>;
  const rows: Array<[string, Row]> = c.units.filter((u) => u.items > 0).map((u) => [u.name, u]);
  if (c.noLead) rows.push(['（未填写主办单位）', c.noLead]);
  const sum = (k: keyof Row) => rows.reduce((n, [, r]) => n + r[k], 0);
  const total: Row = { items: sum('items'), replied: sum('replied'), onTime: sum('onTime'), faceToFace: sum('faceToFace'), satisfied: sum('satisfied') };
  rows.push(['合计', total]);
  // A long unit name is broken between words (\n), never inside one (…国有资 | 产… as the renderer would).
  const nameEm = Math.floor((TABLE_COLUMNS[0] - 2 * CELL_PAD) / ADVANCE.sihao);
  return rows.map(([name, r]) => [wordLines(name, nameEm).join('\n'), String(r.items), String(r.replied), String(r.onTime), String(r.faceToFace), String(r.satisfied)]);
}

const ORDINAL = /^（[一二三四五六七八九十]+）/;

/**
 * Second-level headings of a part as they stand: one with nothing under it is left out, the others numbered again
 * in order（一）（二）…; a lone one is left out too (a part is not divided into one).
 */
function numberHeadings(blocks: Block[]): Block[] {
  const kept = blocks.filter((b, i) => {
    if (b.role !== 'heading2') return true;
    const next = blocks[i + 1];
    return next !== undefined && next.role !== 'heading2' && next.role !== 'heading1';
  });
  const headings = kept.filter((b) => b.role === 'heading2');
  if (headings.length === 1) return kept.filter((b) => b.role !== 'heading2');
  let n = 0;
  return kept.map((b) => {
    if (b.role !== 'heading2') return b;
    n++;
    const runs = b.runs.map((r, i) => (i === 0 && ORDINAL.test(r.text) ? { ...r, text: r.text.replace(ORDINAL, `（${chineseNumeral(n)}）`) } : r));
    return { ...b, runs };
  });
}
