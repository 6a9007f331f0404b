/**
 * 设置 saved with a workbook travel with the file: the page and the Word pane (the same engine) check it with the
 * settings the Excel pane kept in its document settings (the package's web-extension part) or WPS 表格 kept in
 * Banli's very hidden sheet — unless the page has settings of its own, which it then says.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { inThreadEngine } from '../../src/browser/inThread';
import { CheckView, ConfigFile } from '../../src/core';
import { CONFIG_SETTING, STORE_SHEET, WPS_CONFIG_KEY } from '../../src/config/stored';
import { officeSettingValue } from '../../src/xlsx/savedSettings';

const SAMPLE = path.join(__dirname, '../../samples/ledger-2021.xlsx');
const AS_OF = '2021-07-19';
const overdue = (v: CheckView) => (v.ok ? /超期未答复 (\d+) 件/.exec(v.totalsLines.join(''))?.[1] : v.message);
const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The sample as Excel saves it after the pane's 保存: office.js's setting (a JSON text, serialised as JSON again). */
async function withOfficeSetting(value: unknown): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(readFileSync(SAMPLE));
  zip.file(
    'xl/webextensions/webextension1.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{52811C31-4593-43B8-A697-EB873422D156}"><we:reference id="5d6f6a1e-0000-4000-8000-62616e6c6901" version="1.0.0.0" store="\\\\banli\\manifests" storeType="Filesystem"/><we:alternateReferences/><we:properties><we:property name="Office.AutoShowTaskpaneWithDocument" value="true"/><we:property name="${CONFIG_SETTING}" value="${attr(JSON.stringify(value))}"/></we:properties><we:bindings/><we:snapshot xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></we:webextension>`,
  );
  return zip.generateAsync({ type: 'uint8array' });
}

const FIVE_MONTHS: ConfigFile = { deadlineMonths: { 市人大建议: 5 } };

test('Excel: the settings kept by the pane are read from the file and used; the clerk is told', async () => {
  const bytes = await withOfficeSetting(JSON.stringify(FIVE_MONTHS));
  expect(officeSettingValue(bytes)).toBe(JSON.stringify(FIVE_MONTHS));
  const e = inThreadEngine();
  const opened = await e.open([{ bytes, name: '台账.xlsx' }]);
  expect(opened.settings).toEqual({ used: true, message: expect.stringContaining('按工作簿中保存的设置检查') });
  expect(overdue(await e.check(AS_OF))).toBe('0');
  // Without them the same ledger has 6 overdue.
  const plain = inThreadEngine();
  expect((await plain.open([{ bytes: new Uint8Array(readFileSync(SAMPLE)), name: 'ledger-2021.xlsx' }])).settings).toBeUndefined();
  expect(overdue(await plain.check(AS_OF))).toBe('6');
}, 120000);

test('the page’s own settings win and the clerk is told; back to the defaults, the workbook’s are used', async () => {
  const bytes = await withOfficeSetting(JSON.stringify(FIVE_MONTHS));
  const e = inThreadEngine();
  await e.configure({ dueSoonDays: 20 });
  const opened = await e.open([{ bytes, name: '台账.xlsx' }]);
  expect(opened.settings?.used).toBe(false);
  expect(opened.settings?.message).toContain('工作簿中保存了另一套设置');
  expect(overdue(await e.check(AS_OF))).toBe('6');
  const { defaultSettings } = await import('../../src/config/form');
  await e.configure(defaultSettings()); // 恢复默认 + 保存
  expect(overdue(await e.check(AS_OF))).toBe('0');
  await e.configure({ dueSoonDays: 20 });
  expect(overdue(await e.check(AS_OF))).toBe('6');
  await e.configure({}); // nothing set
  expect(overdue(await e.check(AS_OF))).toBe('0');
}, 120000);

test('a value kept that is not valid settings is said, and the defaults are used', async () => {
  const bytes = await withOfficeSetting(JSON.stringify({ deadlineMonths: '五个月' }));
  const e = inThreadEngine();
  const opened = await e.open([{ bytes, name: '台账.xlsx' }]);
  expect(opened.settings).toEqual({ used: false, message: expect.stringMatching(/^工作簿中保存的设置有 1 处问题，没有使用.*deadlineMonths/) });
  expect(overdue(await e.check(AS_OF))).toBe('6');
}, 120000);

test('WPS 表格: the settings in Banli’s very hidden sheet are used', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  const assigned = new Date(Date.UTC(2021, 2, 26));
  const rows = [
    ['序号', '类别', '编号', '标题', '主办单位', '交办日期', '答复日期', '答复类别', '是否面商', '代表委员意见'],
    [1, '市政协提案', 1, '关于公交的提案', '市交通局', assigned],
    [2, '市政协提案', 2, '关于绿化的提案', '市园林局', assigned],
    [3, '市人大建议', 1, '关于学校的建议', '市教育局', assigned],
  ];
  rows.forEach((r, i) => (ws.getRow(i + 1).values = r as ExcelJS.CellValue[]));
  const store = wb.addWorksheet(STORE_SHEET, { state: 'veryHidden' });
  const json = JSON.stringify({ deadlineMonths: { 市政协提案: 5 } });
  store.getRow(1).values = ['banli.marks.v1', 'j{"marks":[]}'];
  store.getRow(2).values = [WPS_CONFIG_KEY, `j${json.slice(0, 10)}`, `j${json.slice(10)}`];
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  const e = inThreadEngine();
  const opened = await e.open([{ bytes, name: 'WPS台账.xlsx' }]);
  expect(opened.settings?.used).toBe(true);
  expect(overdue(await e.check(AS_OF))).toBe('1');
}, 120000);

describe('the command line', () => {
  async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
    const { main } = await import('../../src/node/cli');
    let out = '';
    let err = '';
    const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
    return { code, out, err };
  }
  let dir: string;
  beforeAll(async () => {
    const { tempDir } = await import('../helpers/xlsx');
    dir = await tempDir('banli-saved-settings-');
  });

  test('check: a workbook’s saved settings are used when no settings file is, and said; a settings file wins', async () => {
    const { promises: fs } = await import('fs');
    const ledger = path.join(dir, '台账.xlsx');
    await fs.writeFile(ledger, await withOfficeSetting(JSON.stringify({ ...FIVE_MONTHS, praisedUnits: ['市城建局'] })));
    const json = JSON.parse((await cli('check', '--json', '--as-of', AS_OF, ledger)).out);
    expect(json.files[0].savedSettings).toEqual({ used: true, message: expect.stringContaining('按工作簿中保存的设置检查') });
    expect(json.files[0].totals.overdue).toBe(0);
    expect((await cli('check', '--as-of', AS_OF, ledger)).out).toContain('设置：按工作簿中保存的设置检查');
    // A settings file given (or beside the ledger) is what the command line was told: the workbook's are not used.
    const conf = path.join(dir, 'other.json');
    await fs.writeFile(conf, JSON.stringify({ dueSoonDays: 20 }));
    const told = JSON.parse((await cli('check', '--json', '--as-of', AS_OF, '--config', conf, ledger)).out);
    expect(told.files[0].savedSettings.used).toBe(false);
    expect(told.files[0].totals.overdue).toBe(6);
    // report: the circular's figures and its 办理较好的单位 from the same saved settings.
    const docx = path.join(dir, '通报.docx');
    const r = await cli('report', '--as-of', AS_OF, ledger, '-o', docx);
    expect(r.out).toContain('设置：按工作簿中保存的设置检查');
    const text = (await (await JSZip.loadAsync(await fs.readFile(docx))).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(text).toContain('市城建局答复及时、规范');
  }, 120000);

  test('check: a bad saved value is said and the defaults are used', async () => {
    const { promises: fs } = await import('fs');
    const ledger = path.join(dir, '坏设置.xlsx');
    await fs.writeFile(ledger, await withOfficeSetting(JSON.stringify({ deadlineMonths: '五个月' })));
    const json = JSON.parse((await cli('check', '--json', '--as-of', AS_OF, ledger)).out);
    expect(json.files[0].savedSettings.used).toBe(false);
    expect(json.files[0].savedSettings.message).toMatch(/deadlineMonths/);
    expect(json.files[0].totals.overdue).toBe(6);
  }, 120000);
});

test('列对应 remembered in Excel travels too: no choice given, the workbook’s holds (and the view says so); a choice replaces it', async () => {
  const bytes = await withOfficeSetting(JSON.stringify({ columns: { 类别: '' } }));
  const e = inThreadEngine();
  await e.open([{ bytes, name: '台账.xlsx' }]);
  const kept = await e.check(AS_OF);
  expect(kept.ok && kept.chosen).toEqual({ source: '' });
  expect(kept.ok && kept.columns.find((c) => c.field === 'source')?.header).toBeNull();
  // The clerk's own choice (here: back to Banli's guess) replaces it.
  const guessed = await e.check(AS_OF, undefined, {});
  expect(guessed.ok && guessed.chosen).toEqual({});
  expect(guessed.ok && guessed.columns.find((c) => c.field === 'source')?.header).toBe('类别');
  // And without a choice again, the workbook's (not a result kept from the last check).
  const again = await e.check(AS_OF);
  expect(again.ok && again.columns.find((c) => c.field === 'source')?.header).toBeNull();
}, 120000);
