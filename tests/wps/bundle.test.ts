/**
 * The WPS add-in as built by `npm run build:wps`: the folder's contents, the bundle's syntax (ES2018: Chromium 64),
 * the newer APIs it calls (each one polyfilled), and the pane
 * itself in headless Chromium with those APIs taken away and a WPS object model in the page (表格 and 文字).
 */
import { execFileSync } from 'child_process';
import { promises as fs, readFileSync, readdirSync } from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import * as acorn from 'acorn';
import { DOMParser } from '@xmldom/xmldom';
import type { Browser } from 'playwright-core';
import { dayToSerial } from '../../src/core';
import { POLYFILLED } from '../../src/wps/polyfills';
import { isLocal, launch, recordRequests } from '../helpers/browser';
import { ledgerGrid, rows } from '../helpers/ledger';
import { horizontalOverflow, seriousViolations } from '../e2e/pageHelpers';

const ROOT = path.join(__dirname, '../..');
const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
const OUT = path.join(ROOT, 'dist-wps');
const ADDIN = path.join(OUT, `banli_${version}`);
const SHOTS = path.join(ROOT, 'test-output', 'wps');
let browser: Browser;

beforeAll(async () => {
  execFileSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production', '--config', 'webpack.wps.config.js'], {
    cwd: ROOT,
    stdio: 'pipe',
    env: { ...process.env, BANLI_WPS_URL: 'http://addins.intranet/banli/?a=1&b=2' },
  });
  await fs.mkdir(SHOTS, { recursive: true });
  browser = await launch();
}, 600000);

afterAll(async () => {
  await browser?.close();
});

const scripts = () => readdirSync(ADDIN).filter((f) => f.endsWith('.js'));

function xml(file: string): Document {
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (l, m) => errors.push(`${l} ${m}`) }).parseFromString(readFileSync(file, 'utf8'), 'text/xml');
  expect(errors).toEqual([]);
  return doc as unknown as Document;
}

test('the offline add-in folder: ribbon, entry page, callbacks, manifest, pane; jsplugins.xml for central deployment', () => {
  const files = readdirSync(ADDIN);
  for (const f of ['ribbon.xml', 'index.html', 'main.js', 'manifest.xml', 'taskpane.html', 'taskpane.js', 'assets']) expect(files).toContain(f);
  const ribbon = xml(path.join(ADDIN, 'ribbon.xml'));
  const buttons = Array.from(ribbon.getElementsByTagName('button')).map((b) => [b.getAttribute('label'), b.getAttribute('onAction')]);
  expect(buttons).toEqual([['检查台账', 'OnBanliAction'], ['插入通报', 'OnBanliAction']]);
  // Every callback the ribbon names is a function main.js defines.
  const main = readFileSync(path.join(ADDIN, 'main.js'), 'utf8');
  const callbacks = new Set(readFileSync(path.join(ADDIN, 'ribbon.xml'), 'utf8').match(/(?<=(?:onLoad|onAction|getVisible|getImage)=")[A-Za-z]+/g));
  for (const c of callbacks) expect(main).toMatch(new RegExp(`function ${c}\\(`));
  expect(readFileSync(path.join(ADDIN, 'index.html'), 'utf8')).toMatch(/<script src="main\.js"><\/script>/);
  expect(main).toMatch(/CreateTaskPane\(banliBaseUrl\(\) \+ '\/taskpane\.html'/);
  expect(xml(path.join(ADDIN, 'manifest.xml')).documentElement.tagName).toBe('JsPlugin');
  const central = xml(path.join(OUT, 'jsplugins.xml'));
  const entries = Array.from(central.getElementsByTagName('jspluginonline')).map((e) => [e.getAttribute('type'), e.getAttribute('url'), e.getAttribute('version')]);
  expect(entries).toEqual([['et', 'http://addins.intranet/banli/?a=1&b=2', version], ['wps', 'http://addins.intranet/banli/?a=1&b=2', version]]);
  // The pane loads its scripts relative to itself: nothing from the network.
  expect(readFileSync(path.join(ADDIN, 'taskpane.html'), 'utf8')).not.toMatch(/src="(https?:)?\/\//);
});

test('every script is ES2018 syntax at most (what Chromium 64 parses): no ?. ?? optional catch binding, class fields or newer', () => {
  const failed: string[] = [];
  for (const f of scripts()) {
    try {
      acorn.parse(readFileSync(path.join(ADDIN, f), 'utf8'), { ecmaVersion: 2018, sourceType: 'script' });
    } catch (e) {
      failed.push(`${f}: ${(e as Error).message}`);
    }
  }
  expect(failed).toEqual([]);
  // main.js runs in every WPS that loads add-ins: plain ES5.
  expect(() => acorn.parse(readFileSync(path.join(ADDIN, 'main.js'), 'utf8'), { ecmaVersion: 5 })).not.toThrow();
});

/** APIs newer than Chromium 64, by how a call to them looks in minified code. */
const NEWER: Record<string, RegExp> = {
  'crypto.randomUUID': /\.randomUUID\(/,
  'Object.fromEntries': /\bfromEntries\(/,
  'String.prototype.matchAll': /\.matchAll\(/,
  'String.prototype.replaceAll': /\.replaceAll\(/,
  'Array.prototype.flat': /\.flat\(/,
  'Array.prototype.flatMap': /\.flatMap\(/,
  'Array.prototype.at': /\.at\(-?\w/,
  'Object.hasOwn': /\bObject\.hasOwn\(/,
  globalThis: /\bglobalThis\b/,
  WeakRef: /\bnew WeakRef\(/,
  structuredClone: /\bstructuredClone\(/,
  'Promise.any': /\bPromise\.any\(/,
  'Promise.allSettled': /\ballSettled\(/,
  AggregateError: /\bnew AggregateError\(/,
  'AbortSignal.timeout': /AbortSignal\.timeout\(/,
  'Array.prototype.toSorted': /\.toSorted\(/,
  'Array.prototype.findLastIndex': /\.findLastIndex\(/,
  'Object.groupBy': /\bgroupBy\(/,
  'Intl.Segmenter': /\bSegmenter\(/,
  'String.prototype.at': /\.at\(\d/,
};

test('no API newer than Chromium 64 is called unless the bundle adds it first (crypto.randomUUID among them)', () => {
  const used = Object.entries(NEWER)
    .filter(([, re]) => scripts().some((f) => re.test(readFileSync(path.join(ADDIN, f), 'utf8'))))
    .map(([name]) => name);
  const missing = used.filter((name) => !(name in POLYFILLED));
  expect(missing).toEqual([]);
  // The polyfills come first: the entry's first module runs before React and Fluent UI.
  const pane = readFileSync(path.join(ADDIN, 'taskpane.js'), 'utf8');
  expect(pane.indexOf('randomUUID')).toBeGreaterThan(-1);
});

/** A WPS object model in the page, taking away what the polyfills add first (an older WPS browser). */
function initScript(kind: 'et' | 'writer', ledger: unknown[][]): string {
  return `(() => {
    delete Object.fromEntries; delete Object.hasOwn; delete String.prototype.matchAll; delete String.prototype.replaceAll;
    delete Array.prototype.flat; delete Array.prototype.flatMap; delete Array.prototype.at; delete window.WeakRef;
    delete Crypto.prototype.randomUUID;
    window.__events = [];
    window.wps = {
      CreateTaskPane: function () { return { Visible: false, ID: 1 }; }, GetTaskPane: function () { return null; },
      ApiEvent: { AddApiEventListener: function (n) { window.__events.push(n); }, RemoveApiEventListener: function () {} },
      FileSystem: { Exists: function () { return false; }, Remove: function () {}, Mkdir: function () {}, WriteFile: function () { return true; } },
      Env: { GetTempPath: function () { return '/tmp'; } },
      PluginStorage: { getItem: function () { return null; }, setItem: function () {} },
    };
    var rows = ${JSON.stringify(ledger)};
    if (${JSON.stringify(kind)} === 'et') {
      var sheet = { Name: '台账', Visible: -1, UsedRange: { Row: 1, Column: 1, Rows: { Count: rows.length }, Columns: { Count: rows[0].length }, Value2: rows },
        Range: function (a) { window.__reads = (window.__reads || []).concat(a); return { Value2: rows }; } };
      window.Application = { Workbooks: { Count: 1 }, DisplayAlerts: true,
        ActiveWorkbook: { Name: '台账.xlsx', Date1904: false, Worksheets: { Count: 1, Item: function () { return sheet; } } } };
    } else {
      var empty = { Text: '\\r', Start: 0, End: 1 };
      var vars = window.__variables = [];
      var variables = {
        get Count() { return vars.length; },
        Item: function (i) { return typeof i === 'number' ? vars[i - 1] : vars.filter(function (v) { return v.Name === i; })[0]; },
        Add: function (n, value) { var v = { Name: n, Value: value, Delete: function () { vars.splice(vars.indexOf(v), 1); } }; vars.push(v); return v; },
      };
      window.Application = { Documents: { Count: 1 }, Selection: { Range: empty },
        ActiveDocument: { Content: empty, ContentControls: { Count: 0 }, Bookmarks: { Count: 0, Exists: function () { return false; } }, Variables: variables } };
    }
  })();`;
}

const LEDGER = ledgerGrid(rows({}, { 是否面商: '否' })).values.map((r) =>
  r.map((v) => (typeof v === 'string' && /^\d{4}-\d\d-\d\d$/.test(v) ? dayToSerial(v) : v)),
);

test('in WPS 表格 (older browser APIs taken away): the Excel pane reads the workbook, checks it and listens for SheetChange; nothing leaves the machine', async () => {
  const page = await browser.newPage({ viewport: { width: 320, height: 800 }, locale: 'zh-CN' });
  const urls = recordRequests(page);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.addInitScript(initScript('et', LEDGER));
  await page.goto(pathToFileURL(path.join(ADDIN, 'taskpane.html')).href);
  await page.getByText('当前工作簿：工作表“台账”，表头第 1 行，2 件').waitFor({ timeout: 30000 });
  await page.getByRole('button', { name: '标记问题' }).waitFor();
  expect(await page.evaluate(() => typeof crypto.randomUUID === 'function' && typeof WeakRef === 'function')).toBe(true);
  expect(await page.evaluate(() => (window as unknown as { __events: string[] }).__events)).toContain('SheetChange');
  expect(await page.evaluate(() => (window as unknown as { __reads: string[] }).__reads)).toEqual(['A1:Q3']);
  await page.screenshot({ path: path.join(SHOTS, 'wps-et-320.png'), fullPage: true });
  // 设置 at 320 px: the whole form, kept with the workbook (no note that it cannot be), nothing sideways, nothing serious for axe.
  await page.getByRole('tab', { name: '设置' }).click();
  await page.getByRole('button', { name: '恢复默认' }).waitFor();
  expect(await page.getByText(/不能把设置保存在工作簿中/).count()).toBe(0);
  await page.getByText('这些设置随工作簿保存（在工作簿中一个隐藏的工作表“办理助手数据”里）', { exact: false }).waitFor();
  expect(await page.getByText(/Excel|Word/).count()).toBe(0);
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: path.join(SHOTS, 'wps-et-settings-320.png'), fullPage: true });
  expect(errors).toEqual([]);
  expect(urls.filter((u) => !isLocal(u))).toEqual([]);
  await page.close();
});

test('in WPS 文字 (opened from disk): the sample opened and checked, insert, refresh and 核对, no Office API names; 设置 kept in the document', async () => {
  const page = await browser.newPage({ viewport: { width: 320, height: 900 }, locale: 'zh-CN' });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.addInitScript(initScript('writer', LEDGER));
  await page.goto(pathToFileURL(path.join(ADDIN, 'taskpane.html')).href);
  await page.getByRole('button', { name: '插入全文' }).waitFor({ timeout: 30000 });
  await page.getByRole('button', { name: '核对' }).waitFor();
  // No Office API names for the clerk in WPS.
  expect(await page.getByText(/WordApi|ExcelApi/).count()).toBe(0);
  // Nor Microsoft's programs.
  expect(await page.getByText(/Excel|Word/).count()).toBe(0);
  // Opened from disk, as WPS opens its add-ins: the page may not start a worker from its folder nor fetch a file
  // there, yet the sample opens and is checked (the engine in the page's thread, the sample from a script chunk).
  await page.getByRole('button', { name: '打开示例台账' }).click();
  await page.getByLabel('办理总数').waitFor({ timeout: 30000 });
  expect(await page.getByLabel('办理总数').innerText()).toContain('1388 件');
  await page.screenshot({ path: path.join(SHOTS, 'wps-writer-320.png'), fullPage: true });
  // 设置 at 320 px, kept with the document (its variables): nothing sideways, nothing serious for axe, no Microsoft names.
  await page.getByRole('tab', { name: '设置' }).click();
  await page.getByText('设置随本文档保存', { exact: false }).waitFor();
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  expect(await seriousViolations(page)).toEqual([]);
  expect(await page.getByText(/Excel|Word/).count()).toBe(0);
  await page.getByLabel('催办提前天数（天）').fill('20');
  await page.getByRole('button', { name: '保存' }).click();
  await page.getByText('设置已保存在本文档中，并已按新设置重新检查', { exact: false }).first().waitFor();
  const kept = await page.evaluate(() => (window as unknown as { __variables: Array<{ Name: string; Value: string }> }).__variables.map((v) => [v.Name, v.Value]));
  expect(kept.map(([name]) => name)).toEqual(['banliConfigV1_0']);
  expect(JSON.parse(kept[0][1]).dueSoonDays).toBe(20);
  await page.screenshot({ path: path.join(SHOTS, 'wps-writer-settings-320.png'), fullPage: true });
  expect(errors).toEqual([]);
  await page.close();
});
