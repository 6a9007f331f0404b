/**
 * End to end: the built pane served on localhost and driven in Debian's headless Chromium, at the task pane's
 * 320 px: the sample → 1388 and the source figures → a finding → the annotated download. Fails if any request
 * leaves localhost, and checks that exceljs arrives only when the standalone page needs it.
 */
import { execFileSync } from 'child_process';
import { promises as fs } from 'fs';
import * as path from 'path';
import { Browser } from 'playwright-core';
import { OUTPUT } from '../helpers/office';
import { isLocal, launch, recordRequests } from '../helpers/browser';
import { serve } from '../helpers/serve';
import { horizontalOverflow, seriousViolations } from './pageHelpers';

const ROOT = path.join(__dirname, '../..');
const DIST = path.join(ROOT, 'dist');
const DIR = path.join(OUTPUT, 'taskpane');
let browser: Browser;
let server: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  execFileSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production'], { cwd: ROOT, stdio: 'pipe' });
  await fs.mkdir(DIR, { recursive: true });
  server = await serve(DIST);
  browser = await launch();
}, 240000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('standalone page at 320 px: sample → 1388 → a finding → annotated download; nothing leaves localhost', async () => {
  const page = await browser.newPage({ viewport: { width: 320, height: 900 }, acceptDownloads: true, locale: 'zh-CN' });
  const urls = recordRequests(page);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${server.url}/taskpane.html`);
  await page.getByRole('button', { name: '打开示例台账' }).waitFor();
  expect(urls.some((u) => /exceljs/.test(u))).toBe(false); // not loaded until the page needs it

  await page.getByRole('button', { name: '打开示例台账' }).click();
  const totals = page.getByLabel('办理总数');
  await totals.waitFor({ timeout: 60000 });
  const text = await totals.innerText();
  expect(text).toContain('共 1388 件：省人大建议、省政协提案 81 件');
  expect(text).toContain('市人大建议 468 件（含闭会建议 14 件），市政协提案 839 件');
  expect(text).toContain('人大建议 20 件，政协提案 8 件');
  expect(urls.some((u) => /exceljs/.test(u))).toBe(false); // read with Banli's own streaming reader, never exceljs

  await page.screenshot({ path: path.join(DIR, 'standalone-320-top.png') });
  await page.getByLabel('问题清单').getByText('超期未答复', { exact: true }).click();
  const finding = page.locator('[data-cell^="台账!K"]').first();
  await finding.waitFor();
  expect(await finding.innerText()).toMatch(/台账!K\d+.*办理期限 2021-06-26 已过/s);

  await page.screenshot({ path: path.join(DIR, 'standalone-320-findings.png') });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(320);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载标注副本' }).click()]);
  expect(download.suggestedFilename()).toBe('ledger-2021（已标注）.xlsx');
  const saved = path.join(DIR, download.suggestedFilename());
  await download.saveAs(saved);
  const bytes = await fs.readFile(saved);
  expect(bytes.subarray(0, 2).toString()).toBe('PK');
  expect(bytes.length).toBeGreaterThan(100000);

  const [docx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载通报（.docx）' }).click()]);
  expect(docx.suggestedFilename()).toBe('通报-2021.docx');

  // Read and checked in the worker, served next to the page (the add-in's CSP allows same-origin workers).
  expect(urls.some((u) => /\/ledger\.[0-9a-f]+\.js$/.test(u))).toBe(true);
  expect(await seriousViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
  expect(urls.filter((u) => !isLocal(u))).toEqual([]);
}, 180000);

test('the served page at 1280 px: loaded, a finding opened; axe-core finds nothing serious; no sideways scroll', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  await page.goto(`${server.url}/taskpane.html`);
  await page.getByRole('button', { name: '打开示例台账' }).click();
  await page.getByLabel('办理总数').waitFor({ timeout: 60000 });
  const list = page.getByRole('region', { name: '问题清单' });
  await list.getByRole('button', { name: /没有主办单位/ }).click();
  await list.locator('[data-cell^="台账!"]').first().click();
  await list.getByLabel(/工作表“台账”第 \d+ 行的各列/).waitFor();
  await page.screenshot({ path: path.join(DIR, 'standalone-1280-row.png'), fullPage: true });
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  expect(await seriousViolations(page)).toEqual([]);
}, 120000);

test('the Word pane’s standalone path (生成通报): the sample’s circular as a .docx download, at 320 px', async () => {
  const page = await browser.newPage({ viewport: { width: 320, height: 900 }, acceptDownloads: true, locale: 'zh-CN' });
  const urls = recordRequests(page);
  await page.goto(`${server.url}/taskpane.html`);
  await page.getByRole('tab', { name: '生成通报' }).click();
  await page.getByRole('button', { name: '打开示例台账' }).click();
  await page.getByLabel('办理总数').waitFor({ timeout: 60000 });
  expect(await page.getByRole('textbox', { name: /^发文字号/ }).inputValue()).toBe('郑政文〔2021〕84号');
  await page.screenshot({ path: path.join(DIR, 'word-standalone-320.png') });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载通报（.docx）' }).click()]);
  expect(download.suggestedFilename()).toBe('通报-2021.docx');
  const saved = path.join(DIR, download.suggestedFilename());
  await download.saveAs(saved);
  const JSZip = (await import('jszip')).default;
  const doc = await (await JSZip.loadAsync(await fs.readFile(saved))).file('word/document.xml')!.async('string');
  expect(doc).toContain('<w:tag w:val="banli:opening"/>');
  expect(doc.replace(/<[^>]+>/g, '')).toContain('市人大建议468件（含闭会期间建议14件）');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  expect(urls.filter((u) => !isLocal(u))).toEqual([]);
}, 120000);
