/**
 * 生成统计表: writes (or replaces the one Banli wrote before) a sheet with the totals by source, the rates with their denominators, a
 * per-unit table, and native charts (items by source, per-unit on-time rate). Two context.sync() calls.
 * Text going into cells cannot become a formula.
 */
import { Analysis, columnLetter, formulaSafe, percent, rateText } from '../core';

export const SUMMARY_SHEET = '办理统计';
/** The name of the sheet Banli made last, kept in the document: only that sheet is ever replaced. */
export const SUMMARY_SETTING = 'banli.summarySheet.v1';

/** Banli's own sheet when it is still there; else the first free name (a clerk's own 办理统计 is never touched). */
export function summarySheetName(existing: string[], ours: string | null): { name: string; replace: boolean } {
  if (ours && existing.includes(ours)) return { name: ours, replace: true };
  for (let n = 1; ; n++) {
    const name = n === 1 ? SUMMARY_SHEET : `${SUMMARY_SHEET}（${n}）`;
    if (!existing.includes(name)) return { name, replace: false };
  }
}

type Row = Array<string | number>;

export function summaryRows(a: Analysis, asOf: string): { title: string; sources: Row[]; rates: Row[]; units: Row[] } {
  const t = a.totals;
  const sources: Row[] = [
    ['来源', '件数'],
    ['省人大建议', t.provincialNpc],
    ['省政协提案', t.provincialCppcc],
    ['市人大建议（含闭会建议）', t.municipalNpc],
    ['市政协提案', t.municipalCppcc],
  ];
  if (t.nationalNpc) sources.push(['全国人大建议', t.nationalNpc]);
  const rates: Row[] = [
    ['项目', '数值', '说明'],
    ['合计', t.total, `其中省人大建议、省政协提案 ${t.provincial} 件`],
    ['其中闭会建议', t.municipalNpcInterSession, '计入市人大建议'],
    ['重点督办', t.keyNpc + t.keyCppcc, `人大建议 ${t.keyNpc} 件，政协提案 ${t.keyCppcc} 件`],
    ['办复率', percent(t.rates.reply), rateText(t.rates.reply)],
    ['按期办复率', percent(t.rates.onTime), rateText(t.rates.onTime)],
    ['超期未答复', t.overdue, '件'],
    ['面商率', percent(t.rates.faceToFace), rateText(t.rates.faceToFace)],
    ['满意率（满意+基本满意）', percent(t.rates.satisfied), rateText(t.rates.satisfied)],
  ];
  const units: Row[] = [['承办单位', '按期办复率(%)', '件数', '已答复', '按期答复', '超期未答复', '问题', '接待日']];
  for (const u of a.units.filter((x) => x.items > 0)) {
    units.push([
      formulaSafe(u.name),
      u.replied ? Math.round((u.onTime / u.replied) * 1000) / 10 : 0,
      u.items,
      u.replied,
      u.onTime,
      u.overdue,
      u.findings,
      u.receptionDay === true ? '已落实' : u.receptionDay === false ? '未落实' : '',
    ]);
  }
  return { title: `建议提案办理情况统计（截至 ${asOf}，共 ${t.total} 件）`, sources, rates, units };
}

function rangeOf(top: number, left: number, rows: Row[]): string {
  return `${columnLetter(left)}${top}:${columnLetter(left + rows[0].length - 1)}${top + rows.length - 1}`;
}

export async function writeSummarySheet(context: Excel.RequestContext, a: Analysis, asOf: string): Promise<string> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  const setting = context.workbook.settings.getItemOrNullObject(SUMMARY_SETTING);
  setting.load('value');
  await context.sync();
  const target = summarySheetName(
    sheets.items.map((w) => w.name),
    setting.isNullObject ? null : String(setting.value),
  );
  if (target.replace) sheets.getItem(target.name).delete();
  const ws = sheets.add(target.name);
  context.workbook.settings.add(SUMMARY_SETTING, target.name);
  const { title, sources, rates, units } = summaryRows(a, asOf);
  ws.getRange('A1').values = [[title]];
  ws.getRange('A1').format.font.bold = true;
  ws.getRange('A1').format.font.size = 14;
  const srcAddr = rangeOf(3, 1, sources);
  ws.getRange(srcAddr).values = sources;
  const ratesTop = 3 + sources.length + 1;
  ws.getRange(rangeOf(ratesTop, 1, rates)).values = rates;
  const unitsTop = ratesTop + rates.length + 1;
  const unitsAddr = rangeOf(unitsTop, 1, units);
  ws.getRange(unitsAddr).values = units;
  for (const top of [3, ratesTop, unitsTop]) ws.getRange(`A${top}:H${top}`).format.font.bold = true;
  ws.getRange('A:A').format.columnWidth = 160;
  ws.getRange('B:H').format.columnWidth = 80;

  const bySource = ws.charts.add(Excel.ChartType.columnClustered, ws.getRange(srcAddr), Excel.ChartSeriesBy.columns);
  bySource.title.text = '各来源件数';
  bySource.legend.visible = false;
  bySource.setPosition('J3', 'Q18');
  const rateAddr = `A${unitsTop}:B${unitsTop + units.length - 1}`;
  const onTime = ws.charts.add(Excel.ChartType.barClustered, ws.getRange(rateAddr), Excel.ChartSeriesBy.columns);
  onTime.title.text = '各承办单位按期办复率（%）';
  onTime.legend.visible = false;
  onTime.setPosition('J20', `Q${20 + Math.max(16, Math.ceil(units.length * 0.8))}`);
  ws.activate();
  await context.sync();
  return target.name;
}
