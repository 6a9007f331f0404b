/** Totals and findings described in Chinese, in the circular's own terms. Shared by the CLI and the panes. */
import { Analysis } from './analyse';
import { Rate, SourceCount, Totals } from './totals';
import { PLACE_PREFIX } from './sources';
import { RULES, RuleId } from './rules';

export function percent(r: Rate): string {
  return r.rate === null ? '—' : `${(r.rate * 100).toFixed(1)}%`;
}

/** "98.6%（1369/1388）": a rate always with its numerator and denominator. */
export function rateText(r: Rate): string {
  return `${percent(r)}（${r.numerator}/${r.denominator}）`;
}

/** 【办理总数】 naming the sources as the ledger does: upper levels, the office's own, national. */
export function sourcesLine(t: Totals): string {
  const by = t.bySource ?? [];
  const own = PLACE_PREFIX[t.office ?? 'city'];
  const label = (level: SourceCount['level'], body: SourceCount['body'], inter: boolean, fallback: string) =>
    by.find((s) => s.level === level && s.body === body && s.interSession === inter)?.label ?? fallback;
  const upper = by.filter((s) => s.level === 'upper');
  const upperText = upper.length
    ? upper.map((s) => s.label).join('、') + ` ${t.provincial} 件（${upper.map((s) => `${s.label} ${s.items} 件`).join('，')}），`
    : t.office === 'province'
      ? ''
      : `省人大建议、省政协提案 0 件（省人大建议 0 件，省政协提案 0 件），`;
  const national = by.filter((s) => s.level === 'national');
  return (
    `【办理总数】共 ${t.total} 件：${upperText}` +
    `${label('own', 'npc', false, `${own}人大建议`)} ${t.municipalNpc} 件（含闭会建议 ${t.municipalNpcInterSession} 件），` +
    `${label('own', 'cppcc', false, `${own}政协提案`)} ${t.municipalCppcc} 件` +
    national.map((s) => `，${s.label} ${s.items} 件`).join('') +
    (t.unknownSource ? `，来源无法识别 ${t.unknownSource} 件` : '') +
    '。'
  );
}

export function totalsLines(t: Totals): string[] {
  const lines = [
    sourcesLine(t),
    `【重点督办】人大建议 ${t.keyNpc} 件，政协提案 ${t.keyCppcc} 件。`,
    `【办复情况】已答复 ${t.replied} 件，办复率 ${rateText(t.rates.reply)}；按期答复 ${t.repliedOnTime} 件，按期办复率 ${rateText(t.rates.onTime)}；超期未答复 ${t.overdue} 件。`,
    `【答复类别】${Object.entries(t.categories)
      .map(([c, n]) => `${c}类 ${n} 件`)
      .join('，')}。`,
    `【满意度】满意 ${t.satisfaction['满意']} 件，基本满意 ${t.satisfaction['基本满意']} 件，不满意 ${t.satisfaction['不满意']} 件；` +
      `满意率（满意+基本满意，以收回的征询意见表计）${rateText(t.rates.satisfied)}。`,
    `【当面会商】已答复件中当面会商 ${t.faceToFace} 件，面商率 ${rateText(t.rates.faceToFace)}。`,
    `【承办单位】主办、协办单位共 ${t.handlingUnits} 个。`,
  ];
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
