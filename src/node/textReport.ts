/** The CLI's text output: totals in the circular's terms, findings grouped by rule, in Chinese. */
import { FIELD_LABELS, Field, RULES, RULE_IDS, ruleTitle, severityText, totalsLines } from '../core';
import { FileSummary, FindingSummary, OkSummary, countText, rowUnit } from './summary';
import { SkippedPath } from './files';

function findingLine(f: FindingSummary): string {
  const where = f.cell ?? '（整表）';
  const unit = f.unit ? `［${f.unit}］` : '';
  return `  ${where} ${unit}${f.message}${f.suggestion ? ` → ${f.suggestion}` : ''}`;
}

/** The annotated copy: where it is, or why it was not written (the check's result stands). */
function annotatedText(s: OkSummary, lead: string): string {
  if (!s.annotated) return '';
  return s.annotated.ok ? `${lead}标注副本：${s.annotated.path}` : `${lead}标注副本未写出：${s.annotated.error.message}`;
}

/** Lines for what was skipped: duplicates, Banli's own copies, links back to a folder. */
export function skippedText(skipped: SkippedPath[]): string {
  return skipped.map((k) => `跳过：${k.message}`).join('\n');
}

/** One status line per file, for batches. */
export function statusLine(s: FileSummary): string {
  if (!s.ok) return `✗ ${s.path}：无法检查。${s.error.message}`;
  const hidden = s.hiddenItemRows ? `，隐藏行 ${s.hiddenItemRows}` : '';
  const mark = s.counts.errors ? '✗' : s.counts.warnings ? '!' : '✓';
  const rows = s.items !== s.totals.total ? `（${s.items} 行）` : '';
  return `${mark} ${s.path}：${s.totals.total} 件${rows}，错误 ${s.counts.errors}，警告 ${s.counts.warnings}${hidden}${annotatedText(s, '；')}`;
}

/**
 * One file's report. maxFindings caps the finding lines listed per file, perRule those listed per rule;
 * the counts stay complete.
 */
export function fileText(s: FileSummary, maxFindings = Infinity, perRule = Infinity): string {
  const out: string[] = [`══ ${s.path} ══`];
  if (!s.ok) {
    out.push(`无法检查：${s.error.message}`);
    return out.join('\n');
  }
  const skipped = [
    s.skippedRows.blank ? `空行 ${s.skippedRows.blank} 行` : '',
    s.skippedRows.total ? `合计行 ${s.skippedRows.total} 行` : '',
    s.skippedRows.note ? `说明行 ${s.skippedRows.note} 行` : '',
  ].filter(Boolean);
  const sheets = s.sheets ?? [];
  if (sheets.length > 1) {
    out.push(
      `读取了 ${sheets.length} 个工作表：` +
        sheets
          .map((p) => `${p.file ? `${p.file}!` : ''}“${p.name}”${p.items} ${rowUnit(s)}（表头第 ${p.headerRow} 行${p.sheetSource ? `，来源按表名记为${p.sheetSource}` : ''}）`)
          .join('，') +
        '。',
    );
  }
  for (const u of s.unreadSheets ?? []) out.push(`未读取工作表 ${u.file ? `${u.file}!` : ''}“${u.name}”：${u.reason}。`);
  if (s.savedSettings) out.push(`设置：${s.savedSettings.message}`);
  out.push(
    (sheets.length > 1 ? `合计` : `工作表“${s.sheet}”，表头在第 ${s.headerRow} 行，`) + countText(s) +
      (skipped.length ? `（已跳过${skipped.join('、')}）` : '') +
      (s.hiddenItemRows ? `；其中 ${s.hiddenItemRows} 行在 Excel 中被隐藏，也已检查` : '') +
      '。',
  );
  const renamed = (columns: Partial<Record<Field, string>>) =>
    (Object.entries(columns) as Array<[Field, string]>).filter(([f, h]) => h !== FIELD_LABELS[f]).map(([f, h]) => `“${h}”→${FIELD_LABELS[f]}`);
  if (s.columnsByFile) {
    // Workbooks that name their columns differently: each one's mapping, so none is taken for all.
    out.push('各工作簿的列名对应不同：');
    for (const { file, columns } of s.columnsByFile) {
      const r = renamed(columns);
      out.push(`  ${file}：${r.length ? `${r.join('、')}。` : '与默认列名相同。'}`);
    }
  } else if (renamed(s.columns).length) out.push(`列名对应：${renamed(s.columns).join('、')}。`);
  if (s.missingColumns?.length) {
    out.push(`没有找到的列：${s.missingColumns.map((m) => m.label).join('、')}（依赖它们的检查没有进行；列名可在 banli.config.json 的 headers 中补充）。`);
  }
  out.push(s.unitList ? `承办单位名单：${s.unitList.file ? `${s.unitList.file} 的` : ''}工作表“${s.unitList.sheet}”，${s.unitList.units} 个单位。` : '承办单位名单：没有（单位名称和接待日的检查未进行）。');
  out.push('', ...totalsLines(s.totals));
  if (s.unitList && !s.rulesNotRun.some((n) => n.rule === 'unit.no-reception-day')) {
    const u = s.unitList;
    out.push(`【接待日】承办单位名单共 ${u.units} 个单位，已落实代表委员接待日 ${u.withReceptionDay} 个，未落实 ${u.units - u.withReceptionDay} 个。`);
  }
  const total = s.counts.errors + s.counts.warnings;
  out.push('', total ? `发现问题 ${total} 条：错误 ${s.counts.errors} 条，警告 ${s.counts.warnings} 条。` : '没有发现问题。');
  let listed = 0;
  for (const rule of RULE_IDS.filter((r) => (s.counts.byRule[r] ?? 0) > 0)) {
    const list = s.findings.filter((f) => f.rule === rule);
    out.push(`■ ${ruleTitle(rule)}（${severityText(RULES[rule].severity)}）${s.counts.byRule[rule]} 条`);
    for (const f of list.slice(0, perRule)) {
      if (listed >= maxFindings) break;
      out.push(findingLine(f));
      listed++;
    }
  }
  if (listed < total) {
    out.push(`（共 ${total} 条，列出了 ${listed} 条${perRule < Infinity ? `，每条规则最多 ${perRule} 条` : '；用 --max-findings 调整'}）`);
  }
  if (s.rulesNotRun.length) {
    out.push('', '未进行的检查：');
    for (const n of s.rulesNotRun) out.push(`  ${ruleTitle(n.rule)}：${n.reason}`);
  }
  if (s.annotated) out.push('', annotatedText(s, ''));
  return out.join('\n');
}

export function grandTotalText(results: FileSummary[], skipped = 0): string {
  const ok = results.filter((r): r is OkSummary => r.ok);
  const items = ok.reduce((n, r) => n + r.totals.total, 0);
  const errors = ok.reduce((n, r) => n + r.counts.errors, 0);
  const warnings = ok.reduce((n, r) => n + r.counts.warnings, 0);
  const bad = results.length - ok.length;
  return `合计：${results.length} 个文件，已检查 ${ok.length} 个${bad ? `，${bad} 个无法读取` : ''}${skipped ? `（另跳过 ${skipped} 个，见上）` : ''}；共 ${items} 件，错误 ${errors} 条，警告 ${warnings} 条。`;
}
