/** Totals and findings described in Chinese, in the circular's own terms. Shared by the CLI and the panes. */
import { Analysis } from './analyse';
import { Rate, SourceCount, Totals } from './totals';
import { PLACE_PREFIX } from './sources';
import { Finding, RULES, RuleId, Severity } from './rules';

export function percent(r: Rate): string {
  if (r.rate === null || r.denominator === 0) return '—';
  // From the counts, rounded once: 407/413 = 98.547 % is 98.5 %, never 98.6 % by way of a rate kept to four places;
  // a share short of the whole never shows as 100.0 %.
  let tenths = Math.round((1000 * r.numerator) / r.denominator);
  if (tenths === 1000 && r.numerator < r.denominator) tenths = 999;
  return `${(tenths / 10).toFixed(1)}%`;
}

/** "98.6%（1369/1388）": a rate always with its numerator and denominator. */
export function rateText(r: Rate): string {
  return `${percent(r)}（${r.numerator}/${r.denominator}）`;
}

/** 【办理总数】 naming the sources as the ledger does: upper levels, the office's own, national; none that has no item. */
export function sourcesLine(t: Totals): string {
  const by = t.bySource ?? [];
  const own = PLACE_PREFIX[t.office ?? 'city'];
  const label = (level: SourceCount['level'], body: SourceCount['body'], inter: boolean, fallback: string) =>
    by.find((s) => s.level === level && s.body === body && s.interSession === inter)?.label ?? fallback;
  const parts: string[] = [];
  const upper = by.filter((s) => s.level === 'upper');
  if (upper.length === 1) parts.push(`${upper[0].label} ${t.provincial} 件`);
  else if (upper.length) parts.push(upper.map((s) => s.label).join('、') + ` ${t.provincial} 件（${upper.map((s) => `${s.label} ${s.items} 件`).join('，')}）`);
  if (t.municipalNpc) {
    const inter = t.municipalNpcInterSession ? `（含闭会建议 ${t.municipalNpcInterSession} 件）` : '';
    parts.push(`${label('own', 'npc', false, `${own}人大建议`)} ${t.municipalNpc} 件${inter}`);
  }
  if (t.municipalCppcc) parts.push(`${label('own', 'cppcc', false, `${own}政协提案`)} ${t.municipalCppcc} 件`);
  for (const s of by.filter((x) => x.level === 'national')) parts.push(`${s.label} ${s.items} 件`);
  if (t.unknownSource) parts.push(`来源无法识别 ${t.unknownSource} 件`);
  return `【办理总数】共 ${t.total} 件${parts.length ? `：${parts.join('，')}` : ''}。`;
}

export function totalsLines(t: Totals): string[] {
  const graded = Object.values(t.categories).reduce((n, c) => n + c, 0);
  const rated = t.satisfaction['满意'] + t.satisfaction['基本满意'] + t.satisfaction['不满意'];
  const lines = [sourcesLine(t), `【重点督办】人大建议 ${t.keyNpc} 件，政协提案 ${t.keyCppcc} 件。`];
  if (t.replyColumn === false) {
    // Without a reply date nothing is known answered: no figure that would say otherwise.
    lines.push('【办复情况】台账没有“答复日期”列，无法统计答复、按期和超期情况。');
  } else {
    lines.push(
      `【办复情况】已答复 ${t.replied} 件，办复率 ${rateText(t.rates.reply)}；按期答复 ${t.repliedOnTime} 件，按期办复率 ${rateText(t.rates.onTime)}；超期未答复 ${t.overdue} 件。`,
      `【答复类别】${Object.entries(t.categories)
        .map(([c, n]) => `${c}类 ${n} 件`)
        .join('，')}${graded < t.replied ? `，答复类别待核实 ${t.replied - graded} 件` : ''}。`,
    );
  }
  lines.push(
    `【满意度】满意 ${t.satisfaction['满意']} 件，基本满意 ${t.satisfaction['基本满意']} 件，不满意 ${t.satisfaction['不满意']} 件；` +
      `满意率（满意和基本满意占填写了满意度的件数）${rateText(t.rates.satisfied)}。`,
  );
  if (t.replyColumn !== false) lines.push(`【当面会商】已答复件中当面会商 ${t.faceToFace} 件，面商率 ${rateText(t.rates.faceToFace)}。`);
  lines.push(`【承办单位】主办、协办单位共 ${t.handlingUnits} 个（主办单位 ${t.leadUnits ?? 0} 个，协办单位 ${t.coUnits ?? 0} 个）。`);
  if (t.rates.formsReturned && t.replyColumn !== false) {
    const unrated = t.formsReturned - rated;
    lines.push(
      `【征询意见】收回征询意见表 ${t.formsReturned} 件，占已答复件 ${rateText(t.rates.formsReturned)}` +
        (unrated > 0 ? `，其中未填写满意度或填写不规范 ${unrated} 件` : '') +
        `；满意占 ${rateText(t.rates.fullySatisfied)}，基本满意占 ${rateText(t.rates.basicallySatisfied)}（以填写了满意度的件数计）。`,
      `【答复类别占比】${Object.entries(t.rates.categories)
        .map(([c, r]) => `${c}类 ${percent(r)}`)
        .join('，')}（以已答复件计）。`,
    );
  }
  if (t.splitItems) lines.push(`【分办】由几个单位分别主办的 ${t.splitItems} 件，各按一件计。`);
  if (t.rates.published) lines.push(`【公开】已答复件中已公开 ${t.published} 件，公开率 ${rateText(t.rates.published)}。`);
  const top = (list: Array<[string, number]> | null, title: string) => {
    if (list && list.length) lines.push(`【${title}】${list.map(([k, n]) => `${k} ${n} 件`).join('，')}。`);
  };
  top(t.byTopic, '按内容分类');
  top(t.byDelegation, '按代表团');
  top(t.bySector, '按界别');
  return lines;
}

export function receptionLine(a: Analysis): string | null {
  const units = a.ledger.units;
  if (!units || units.receptionColumn === null) return null;
  const yes = units.units.filter((u) => u.receptionDay === true).length;
  return `【接待日】承办单位名单共 ${units.units.length} 个单位，已落实代表委员接待日 ${yes} 个，未落实 ${units.units.length - yes} 个。`;
}

export function findingsHeadline(a: Analysis): string {
  if (a.findings.length === 0) return '没有发现问题。';
  return `发现问题 ${a.findings.length} 条：错误 ${a.errors} 条，警告 ${a.warnings} 条。`;
}

export function severityText(s: 'error' | 'warning'): string {
  return s === 'error' ? '错误' : '警告';
}

export function ruleTitle(rule: RuleId): string {
  return RULES[rule].title;
}

/** A finding as a line of a cell's note, in the clerk's words: 【错误】没有主办单位：…… 建议：…… */
export function findingNote(f: Finding): string {
  return `【${severityText(f.severity)}】${ruleTitle(f.rule)}：${f.message}${f.suggestion ? ` 建议：${f.suggestion}` : ''}`;
}

/** What marking puts on one cell: the worst severity of its findings and one note line per finding. */
export interface MarkTarget {
  sheet: string;
  /** The cell without its sheet (K17). */
  cell: string;
  severity: Severity;
  text: string[];
}

/** One target per cell that has findings (findings about the whole ledger have no cell and are left out). */
export function markTargets(findings: Finding[]): MarkTarget[] {
  const map = new Map<string, MarkTarget>();
  for (const f of findings) {
    if (f.row === null || f.col === null || !f.cell) continue;
    const cell = f.cell.slice(f.cell.lastIndexOf('!') + 1);
    const key = `${f.sheet}!${cell}`;
    let t = map.get(key);
    if (!t) map.set(key, (t = { sheet: f.sheet, cell, severity: f.severity, text: [] }));
    if (f.severity === 'error') t.severity = 'error';
    t.text.push(findingNote(f));
  }
  return [...map.values()];
}
