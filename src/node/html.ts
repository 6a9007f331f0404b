/**
 * The HTML report: one self-contained page (no network: a Content-Security-Policy forbids any fetch; fonts come
 * from the system), with the totals in the circular's terms, inline SVG charts, a per-unit table and every
 * finding, sortable and filterable by file, rule, unit and severity. Prints on A4.
 */
import { RULE_IDS, RuleId, Totals, UnitStats, percent, rateText, ruleTitle, totalsLines } from '../core';
import { FileSummary, OkSummary, countText, rowUnit } from './summary';

export function escapeHtml(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const e = escapeHtml;
const COLORS = ['#c8102e', '#1f6fb2', '#2e8b57', '#d98e04', '#6a4c93', '#4d4d4d'];

interface Bar {
  label: string;
  value: number;
  note?: string;
}

/** Long labels cut to fit the label column (the whole text is in the tooltip). */
function shorten(s: string, max: number): string {
  const chars = [...s];
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join('')}…`;
}

/** A horizontal bar chart as inline SVG; labels escaped. */
export function barChart(title: string, bars: Bar[], opts: { width?: number; max?: number; color?: string; suffix?: string } = {}): string {
  const width = opts.width ?? 420;
  const labelW = width > 600 ? 170 : 130;
  const rowH = 22;
  const max = opts.max ?? Math.max(1, ...bars.map((b) => b.value));
  const longestNote = Math.max(0, ...bars.map((b) => [...`${b.value}${opts.suffix ?? ''}${b.note ? `\u3000${b.note}` : ''}`].length));
  const plotW = Math.max(80, width - labelW - 12 - longestNote * 7);
  const height = bars.length * rowH + 30;
  const rows = bars
    .map((b, i) => {
      const y = 24 + i * rowH;
      const w = Math.max(b.value > 0 ? 1 : 0, Math.round((b.value / max) * plotW));
      const color = opts.color ?? COLORS[i % COLORS.length];
      return (
        `<text x="${labelW - 6}" y="${y + 14}" text-anchor="end" class="lbl"><title>${e(b.label)}</title>${e(shorten(b.label, 13))}</text>` +
        `<rect x="${labelW}" y="${y + 3}" width="${w}" height="${rowH - 8}" fill="${color}"><title>${e(`${b.label}：${b.value}${opts.suffix ?? ''}`)}</title></rect>` +
        `<text x="${labelW + w + 6}" y="${y + 14}" class="val">${e(`${b.value}${opts.suffix ?? ''}${b.note ? `\u3000${b.note}` : ''}`)}</text>`
      );
    })
    .join('');
  return (
    `<figure class="chart"><svg role="img" aria-label="${e(title)}" viewBox="0 0 ${width} ${height}" width="100%" preserveAspectRatio="xMinYMin meet">` +
    `<text x="0" y="14" class="ttl">${e(title)}</text>${rows}</svg></figure>`
  );
}

function sourceBars(t: Totals): Bar[] {
  return [
    { label: '省人大建议', value: t.provincialNpc },
    { label: '省政协提案', value: t.provincialCppcc },
    { label: '市人大建议（含闭会）', value: t.municipalNpc, note: `其中闭会建议 ${t.municipalNpcInterSession}` },
    { label: '市政协提案', value: t.municipalCppcc },
    ...(t.nationalNpc ? [{ label: '全国人大建议', value: t.nationalNpc }] : []),
    ...(t.unknownSource ? [{ label: '来源无法识别', value: t.unknownSource }] : []),
  ];
}

function unitBars(units: UnitStats[]): Bar[] {
  return units
    .filter((u) => u.items > 0)
    .sort((a, b) => b.items - a.items)
    .map((u) => ({ label: u.name, value: u.items, note: `按期 ${u.replied ? Math.round((u.onTime / u.replied) * 1000) / 10 : 0}%（${u.onTime}/${u.replied}）` }));
}

function onTimeBars(units: UnitStats[]): Bar[] {
  return units
    .filter((u) => u.replied > 0)
    .map((u) => ({ label: u.name, value: Math.round((u.onTime / u.replied) * 1000) / 10 }))
    .sort((a, b) => a.value - b.value);
}

function unitTable(units: UnitStats[]): string {
  const rows = units
    .map(
      (u) =>
        `<tr><td>${e(u.name)}${u.known === false ? ' <span class="tag warn">不在名单</span>' : ''}</td><td class="n">${u.items}</td><td class="n">${u.replied}</td>` +
        `<td class="n">${u.onTime}</td><td class="n">${u.replied ? percent({ numerator: u.onTime, denominator: u.replied, rate: u.onTime / u.replied }) : '—'}</td>` +
        `<td class="n">${u.overdue}</td><td class="n">${u.findings}</td><td>${u.receptionDay === true ? '已落实' : u.receptionDay === false ? '<span class="tag warn">未落实</span>' : '—'}</td></tr>`,
    )
    .join('');
  return (
    '<table class="units"><thead><tr><th>承办单位</th><th>件数</th><th>已答复</th><th>按期答复</th><th>按期办复率</th><th>超期未答复</th><th>问题</th><th>接待日</th></tr></thead>' +
    `<tbody>${rows}</tbody></table>`
  );
}

/** Which sheets were read: the one sheet and its header row, or each sheet (with its file, when combined). */
function sheetsText(s: OkSummary): string {
  const sheets = s.sheets ?? [];
  if (sheets.length <= 1) return `工作表“${e(s.sheet)}”，表头第 ${s.headerRow} 行，`;
  return `读取了 ${sheets.length} 个工作表（${sheets.map((p) => `${e(p.file ? `${p.file}!` : '')}“${e(p.name)}”${p.items} ${rowUnit(s)}`).join('，')}），合计`;
}

function fileSection(s: OkSummary, index: number, multi: boolean): string {
  const t = s.totals;
  const cats = Object.entries(t.categories).map(([c, n]) => ({ label: `${c}类`, value: n }));
  const sat = (['满意', '基本满意', '不满意'] as const).map((k) => ({ label: k, value: t.satisfaction[k] }));
  return (
    `<section class="file" id="file-${index}"><h2>${multi ? `${index + 1}. ` : ''}${e(s.path)}</h2>` +
    `<p class="meta">${sheetsText(s)}${e(countText(s))}` +
    (s.hiddenItemRows ? `，其中 ${s.hiddenItemRows} 行在 Excel 中被隐藏` : '') +
    `；错误 ${s.counts.errors} 条，警告 ${s.counts.warnings} 条。${s.unitList ? `承办单位名单 ${s.unitList.units} 个单位。` : '没有承办单位名单。'}</p>` +
    `<ul class="totals">${totalsLines(t).map((l) => `<li>${e(l)}</li>`).join('')}</ul>` +
    '<div class="charts">' +
    barChart('各来源件数', sourceBars(t), { suffix: ' 件' }) +
    barChart('答复类别', cats, { suffix: ' 件' }) +
    barChart(`满意度（满意率 ${rateText(t.rates.satisfied)}）`, sat, { suffix: ' 件' }) +
    '</div>' +
    '<div class="charts wide">' +
    barChart('各承办单位件数和按期办复率', unitBars(s.units), { width: 760, color: '#1f6fb2', suffix: ' 件' }) +
    barChart('各承办单位按期办复率', onTimeBars(s.units), { width: 760, max: 100, color: '#2e8b57', suffix: '%' }) +
    '</div>' +
    `<h3 id="units-${index}">各承办单位</h3><div class="scroll" tabindex="0" role="region" aria-labelledby="units-${index}">${unitTable(s.units)}</div>` +
    (s.rulesNotRun.length ? `<h3>未进行的检查</h3><ul>${s.rulesNotRun.map((n) => `<li>${e(ruleTitle(n.rule))}：${e(n.reason)}</li>`).join('')}</ul>` : '') +
    '</section>'
  );
}

const STYLE = `
:root { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif; color: #222; }
body { margin: 24px; max-width: 1100px; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 18px; border-bottom: 2px solid #c8102e; padding-bottom: 4px; margin-top: 28px; }
h3 { font-size: 15px; margin: 18px 0 6px; }
.meta, .note { color: #555; font-size: 14px; }
ul.totals { padding-left: 18px; font-size: 14px; line-height: 1.7; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(320px, 100%), 1fr)); gap: 8px 16px; }
.charts.wide { grid-template-columns: 1fr; }
figure.chart { margin: 6px 0; }
svg .ttl { font-size: 14px; font-weight: 600; } svg .lbl { font-size: 12px; fill: #333; } svg .val { font-size: 11px; fill: #555; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
.scroll { overflow-x: auto; max-width: 100%; } .scroll:focus-visible { outline: 2px solid #1f6fb2; }
table.units { min-width: 560px; }
th, td { border: 1px solid #ccc; padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: #f3f3f3; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
table.findings th { padding: 0; }
table.findings th button { font: inherit; font-weight: 600; color: inherit; background: none; border: 0; padding: 3px 6px; width: 100%; text-align: left; cursor: pointer; }
table.findings th button:focus-visible { outline: 2px solid #1f6fb2; outline-offset: -2px; }
table.findings th[aria-sort="ascending"] button::after { content: " ▲"; } table.findings th[aria-sort="descending"] button::after { content: " ▼"; }
td.msg { overflow-wrap: anywhere; min-width: 8em; }
.tag { font-size: 11px; padding: 0 4px; border-radius: 3px; background: #eee; white-space: nowrap; }
.tag.error { background: #ffc7ce; color: #9c0006; } .tag.warning, .tag.warn { background: #ffeb9c; color: #7a5c00; }
.filters { display: flex; flex-wrap: wrap; gap: 8px; margin: 8px 0; font-size: 14px; } .filters label { display: flex; flex-wrap: wrap; gap: 4px; align-items: center; max-width: 100%; } .filters select { max-width: 100%; font: inherit; }
/* Narrow screens (a phone, a 375 px window): each finding becomes a card; the header stays as a row of sort buttons. */
@media (max-width: 640px) {
  body { margin: 12px; }
  table.findings, table.findings tbody, table.findings tr, table.findings td { display: block; width: auto; }
  table.findings thead, table.findings thead tr { display: flex; flex-wrap: wrap; gap: 4px; }
  table.findings th { border: 1px solid #ccc; border-radius: 4px; }
  table.findings tbody tr { border: 1px solid #ccc; border-radius: 4px; margin: 6px 0; padding: 4px 0; }
  table.findings tbody tr[hidden] { display: none; }
  table.findings td { border: 0; padding: 2px 8px; }
  table.findings td[data-label]::before { content: attr(data-label) "："; color: #555; }
  table.findings td.n { text-align: left; }
}
.failed li { color: #9c0006; }
@page { size: A4; margin: 15mm 12mm; }
@media print {
  body { margin: 0; max-width: none; } .filters, .noprint { display: none !important; }
  h2 { break-before: auto; } table { page-break-inside: auto; } tr { break-inside: avoid; } thead { display: table-header-group; }
  figure.chart { break-inside: avoid; }
}`;

const SCRIPT = `
(function () {
  var table = document.getElementById('findings'); if (!table) return;
  var body = table.tBodies[0]; var selects = document.querySelectorAll('.filters select');
  function apply() {
    var want = {}; selects.forEach(function (s) { want[s.name] = s.value; });
    var shown = 0;
    Array.prototype.forEach.call(body.rows, function (r) {
      var ok = ['file', 'rule', 'unit', 'severity'].every(function (k) { return !want[k] || r.dataset[k] === want[k]; });
      r.hidden = !ok; if (ok) shown++;
    });
    document.getElementById('shown').textContent = shown;
  }
  selects.forEach(function (s) { s.addEventListener('change', apply); });
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, col) {
    th.querySelector('button').addEventListener('click', function () {
      var asc = th.getAttribute('aria-sort') !== 'ascending';
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = a.cells[col].dataset.key || a.cells[col].textContent, y = b.cells[col].dataset.key || b.cells[col].textContent;
        return (asc ? 1 : -1) * x.localeCompare(y, 'zh-CN', { numeric: true });
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
})();`;

function options(values: string[], labels?: Map<string, string>): string {
  return values.map((v) => `<option value="${e(v)}">${e(labels?.get(v) ?? v)}</option>`).join('');
}

/**
 * The page. `results`: one summary per file checked (or that could not be read); for a combined check, the one
 * summary of the combined ledger and the files left out, with `combined` naming the files read as it.
 */
export function htmlReport(results: FileSummary[], meta: { asOf: string; generated?: string; combined?: string[] }): string {
  const ok = results.filter((r): r is OkSummary => r.ok);
  const failed = results.filter((r) => !r.ok);
  const multi = results.length > 1;
  const findings = ok.flatMap((s, fi) => s.findings.map((f) => ({ ...f, file: s.path, fi })));
  const rules = RULE_IDS.filter((r) => findings.some((f) => f.rule === r));
  const units = [...new Set(findings.map((f) => f.unit ?? ''))].filter(Boolean).sort((a, b) => a.localeCompare(b, 'zh-CN'));
  const ruleLabels = new Map(rules.map((r): [string, string] => [r, ruleTitle(r as RuleId)]));
  const rows = findings
    .map(
      (f, i) =>
        `<tr data-file="${e(f.file)}" data-rule="${f.rule}" data-unit="${e(f.unit ?? '')}" data-severity="${f.severity}">` +
        `<td class="n" data-key="${String(i).padStart(7, '0')}" data-label="序号">${i + 1}</td>` +
        (multi ? `<td data-label="文件">${e(f.file)}</td>` : '') +
        `<td data-key="${f.severity === 'error' ? 0 : 1}" data-label="严重程度"><span class="tag ${f.severity}">${f.severity === 'error' ? '错误' : '警告'}</span></td>` +
        `<td data-label="问题类型">${e(ruleTitle(f.rule))}</td>` +
        `<td data-key="${f.row === null ? '' : String(f.row).padStart(8, '0')}${e(f.cell ?? '')}" data-label="单元格">${e(f.cell ?? '（整表）')}</td>` +
        `<td data-label="主办单位">${e(f.unit ?? '')}</td><td class="msg" data-label="问题">${e(f.message)}</td><td class="msg" data-label="建议">${e(f.suggestion ?? '')}</td></tr>`,
    )
    .join('');
  const grand = ok.length > 1 ? `<p class="meta">共 ${results.length} 个文件，已检查 ${ok.length} 个；共 ${ok.reduce((n, s) => n + s.totals.total, 0)} 件，错误 ${ok.reduce((n, s) => n + s.counts.errors, 0)} 条，警告 ${ok.reduce((n, s) => n + s.counts.warnings, 0)} 条。</p>` : '';
  return (
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>建议提案办理台账检查报告（截至 ${e(meta.asOf)}）</title><style>${STYLE}</style></head><body>` +
    `<h1>建议提案办理台账检查报告</h1><p class="meta">检查截至 ${e(meta.asOf)}${meta.generated ? `，生成于 ${e(meta.generated)}` : ''}。在本机生成，数据未离开本机。</p>` +
    (meta.combined ? `<p class="meta">合并读取 ${meta.combined.length} 个工作簿：${meta.combined.map(e).join('、')}。问题所在的单元格写作 文件!工作表!单元格。</p>` : '') +
    grand +
    (failed.length ? `<h2>无法检查的文件</h2><ul class="failed">${failed.map((f) => (f.ok ? '' : `<li>${e(f.path)}：${e(f.error.message)}</li>`)).join('')}</ul>` : '') +
    ok.map((s, i) => fileSection(s, i, multi)).join('') +
    `<h2>问题清单（<span id="shown">${findings.length}</span> / ${findings.length} 条）</h2>` +
    '<div class="filters">' +
    (multi ? `<label>文件 <select name="file"><option value="">全部</option>${options(ok.map((s) => s.path))}</select></label>` : '') +
    `<label>问题类型 <select name="rule"><option value="">全部</option>${options(rules, ruleLabels)}</select></label>` +
    `<label>主办单位 <select name="unit"><option value="">全部</option>${options(units)}</select></label>` +
    `<label>严重程度 <select name="severity"><option value="">全部</option><option value="error">错误</option><option value="warning">警告</option></select></label>` +
    '</div>' +
    `<table class="findings" id="findings"><thead><tr>${['序号', ...(multi ? ['文件'] : []), '严重程度', '问题类型', '单元格', '主办单位', '问题', '建议'].map((h) => `<th scope="col"><button type="button">${h}</button></th>`).join('')}</tr></thead>` +
    `<tbody>${rows}</tbody></table>` +
    '<p class="note noprint">点表头的按钮排序（再点一次倒序）；用上面的下拉框筛选。</p>' +
    `<script>${SCRIPT}</script></body></html>`
  );
}
