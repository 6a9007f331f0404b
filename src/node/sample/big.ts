/**
 * Large ledgers for benchmarks and the 100,000-item test: the sample's layout, rows cycled from the sample's
 * own, written with exceljs's streaming writer so that writing them stays light.
 */
import ExcelJS from 'exceljs';
import { buildSampleRows, HEADERS } from './generate';
import { SAMPLE_UNITS } from './units';

export async function writeBigLedger(file: string, items: number): Promise<void> {
  const rows = buildSampleRows();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet('台账');
  ws.addRow([`${items} 件测试台账（由示例台账循环生成）`]).commit();
  ws.addRow(HEADERS).commit();
  const source: Record<string, string> = { pnpc: '省人大建议', pcppcc: '省政协提案', mnpc: '市人大建议', inter: '市人大闭会建议', mcppcc: '市政协提案' };
  const date = (d: string | null) => (d && /^\d{4}-\d{2}-\d{2}$/.test(d) ? new Date(`${d}T00:00:00Z`) : d);
  for (let i = 0; i < items; i++) {
    const r = rows[i % rows.length];
    const row = ws.addRow([
      i + 1, source[r.kind], Math.floor(i / rows.length) * 10000 + r.number, r.title, r.proposer, r.lead || null,
      r.co.join('、') || null, date(r.assign), r.key ? '是' : '否', r.leader || null, date(r.reply), r.category || null,
      r.f2f || null, r.satisfaction || null, r.formVersion || null, r.degree || null, r.remarks || null,
    ]);
    row.getCell(8).numFmt = 'yyyy-mm-dd';
    row.getCell(11).numFmt = 'yyyy-mm-dd';
    row.commit();
  }
  await ws.commit();
  const us = wb.addWorksheet('承办单位');
  us.addRow(['序号', '单位名称', '别名', '代表委员接待日']).commit();
  SAMPLE_UNITS.forEach((u, i) => us.addRow([i + 1, u.name, u.aliases.join('、'), u.reception ? new Date(`${u.reception}T00:00:00Z`) : '否']).commit());
  await us.commit();
  await wb.commit();
}
