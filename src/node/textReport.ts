/** The CLI's text output: totals in the circular's terms, findings grouped by rule, in Chinese. */
import {
  Finding,
  RULES,
  findingsHeadline,
  receptionLine,
  ruleTitle,
  rulesWithFindings,
  severityText,
  totalsLines,
} from '../core';
import { FileResult } from './check';

function findingLine(f: Finding): string {
  const where = f.cell ?? '（整表）';
  const unit = f.unit ? `［${f.unit}］` : '';
  return `  ${where} ${unit}${f.message}${f.suggestion ? ` → ${f.suggestion}` : ''}`;
}

/**
 * One file's report. maxFindings caps the finding lines listed per file, perRule those listed per rule;
 * the counts stay complete.
 */
export function fileText(r: FileResult, maxFindings = Infinity, perRule = Infinity): string {
  const out: string[] = [`══ ${r.path} ══`];
  if (!r.ok) {
    out.push(`无法检查（${r.error.code}）：${r.error.message}`);
    return out.join('\n');
  }
  const a = r.analysis;
  const l = a.ledger;
  const skipped = [
    l.skipped.blank ? `空行 ${l.skipped.blank} 行` : '',
    l.skipped.total ? `合计行 ${l.skipped.total} 行` : '',
    l.skipped.note ? `说明行 ${l.skipped.note} 行` : '',
  ].filter(Boolean);
  out.push(
    `工作表“${l.sheet}”，表头在第 ${l.headerRow} 行，共 ${l.items.length} 件` +
      (skipped.length ? `（已跳过${skipped.join('、')}）` : '') +
      (l.hiddenItemRows ? `；其中 ${l.hiddenItemRows} 行在 Excel 中被隐藏，也已检查` : '') +
      '。',
  );
  out.push(l.units ? `承办单位名单：工作表“${l.units.sheet}”，${l.units.units.length} 个单位。` : '承办单位名单：没有（单位名称和接待日的检查未进行）。');
  out.push('', ...totalsLines(a.totals));
  const rec = receptionLine(a);
  if (rec) out.push(rec);
  out.push('', findingsHeadline(a));
  let listed = 0;
  for (const rule of rulesWithFindings(a)) {
    const list = a.findings.filter((f) => f.rule === rule);
    out.push(`■ ${ruleTitle(rule)}（${severityText(RULES[rule].severity)}，${rule}）${list.length} 条`);
    for (const f of list.slice(0, perRule)) {
      if (listed >= maxFindings) break;
      out.push(findingLine(f));
      listed++;
    }
  }
  if (listed < a.findings.length) {
    out.push(`（共 ${a.findings.length} 条，列出了 ${listed} 条${perRule < Infinity ? `，每条规则最多 ${perRule} 条` : '；用 --max-findings 调整'}）`);
  }
  if (a.notRun.length) {
    out.push('', '未进行的检查：');
    for (const n of a.notRun) out.push(`  ${n.rule}：${n.reason}`);
  }
  return out.join('\n');
}

export function grandTotalText(results: FileResult[]): string {
  const ok = results.filter((r): r is Extract<FileResult, { ok: true }> => r.ok);
  const items = ok.reduce((n, r) => n + r.analysis.ledger.items.length, 0);
  const errors = ok.reduce((n, r) => n + r.analysis.errors, 0);
  const warnings = ok.reduce((n, r) => n + r.analysis.warnings, 0);
  const bad = results.length - ok.length;
  return `合计：${results.length} 个文件，已检查 ${ok.length} 个${bad ? `，${bad} 个无法读取` : ''}；共 ${items} 件，错误 ${errors} 条，警告 ${warnings} 条。`;
}
