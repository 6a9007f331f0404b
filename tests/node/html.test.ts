/** The HTML report opened in headless Chromium: content, filters, sorting, A4 print; nothing leaves localhost. */
import { promises as fs } from 'fs';
import * as http from 'http';
import { AddressInfo } from 'net';
import * as path from 'path';
import { Browser } from 'playwright-core';
import { main } from '../../src/node/cli';
import { OUTPUT } from '../helpers/office';
import { isLocal, launch, recordRequests } from '../helpers/browser';
import { makeFixtures } from '../helpers/hostile';
import { tempDir } from '../helpers/xlsx';
import { horizontalOverflow, seriousViolations } from '../e2e/pageHelpers';

const ROOT = path.join(__dirname, '../..');
const DIR = path.join(OUTPUT, 'html');
let browser: Browser;
let server: http.Server;
let base: string;
let html: string;

beforeAll(async () => {
  await fs.mkdir(DIR, { recursive: true });
  const fx = await makeFixtures(path.join(await tempDir('banli-html-'), 'in'));
  html = path.join(DIR, 'report.html');
  const code = await main(['check', '--as-of', '2021-07-19', '--html', html, path.join(ROOT, 'samples/ledger-2021.xlsx'), fx.nasty, fx.txt], {
    out: () => undefined,
    err: () => undefined,
  });
  expect(code).toBe(2);
  const page = await fs.readFile(html);
  server = http.createServer((req, res) => {
    res.writeHead(req.url === '/report.html' ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(req.url === '/report.html' ? page : '');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launch();
}, 120000);

afterAll(async () => {
  await browser?.close();
  server?.close();
});

test('renders totals, charts, units and findings; filters and sorting work; prints on A4; no request leaves localhost', async () => {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  const urls = recordRequests(page);
  await page.goto(`${base}/report.html`);
  await page.screenshot({ path: path.join(DIR, 'report-top.png') });
  const body = await page.locator('body').innerText();
  expect(body).toContain('共 1388 件：省人大建议、省政协提案 81 件');
  expect(body).toContain('市人大建议 468 件（含闭会建议 14 件），市政协提案 839 件');
  expect(body).toContain('无法检查的文件');
  expect(await page.locator('figure.chart svg').count()).toBeGreaterThanOrEqual(10);
  expect(await page.locator('table.units').first().locator('tbody tr').count()).toBe(41);
  // The escaped title is shown as text, not run.
  expect(await page.evaluate(() => (window as unknown as { alertCalled?: boolean }).alertCalled)).toBeUndefined();

  const total = await page.locator('#findings tbody tr').count();
  expect(total).toBeGreaterThan(91);
  await page.selectOption('select[name="rule"]', 'reply.late');
  expect(await page.locator('#findings tbody tr:not([hidden])').count()).toBe(10);
  expect(await page.locator('#shown').innerText()).toBe('10');
  await page.selectOption('select[name="rule"]', '');
  await page.selectOption('select[name="severity"]', 'error');
  const errors = await page.locator('#findings tbody tr:not([hidden])').count();
  expect(errors).toBeGreaterThan(20);
  expect(errors).toBeLessThan(total);
  await page.selectOption('select[name="severity"]', '');
  await page.selectOption('select[name="unit"]', '市水利局');
  const unitRows = await page.locator('#findings tbody tr:not([hidden]) td:nth-child(6)').allInnerTexts();
  expect(unitRows.length).toBeGreaterThan(0);
  expect(new Set(unitRows)).toEqual(new Set(['市水利局']));
  await page.selectOption('select[name="unit"]', '');

  // Sort by cell: ascending, then descending.
  const cellCol = page.locator('#findings thead th', { hasText: '单元格' });
  await cellCol.getByRole('button').click();
  expect(await cellCol.getAttribute('aria-sort')).toBe('ascending');
  await cellCol.getByRole('button').click();
  expect(await cellCol.getAttribute('aria-sort')).toBe('descending');

  await page.screenshot({ path: path.join(DIR, 'report-findings.png') });
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  await fs.writeFile(path.join(DIR, 'report.pdf'), pdf);
  expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
  expect(urls.length).toBeGreaterThan(0);
  expect(urls.filter((u) => !isLocal(u))).toEqual([]);
}, 120000);

test('a clerk’s report: rule titles (no rule id anywhere, tooltips included), sort headers are buttons, usable at 375 px, no serious axe violation', async () => {
  const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
  await page.goto(`${base}/report.html`);
  const body = await page.locator('body').innerText();
  expect(body).not.toMatch(/reply\.late|assign\.unit-missing|Banli|README/);
  expect(await page.locator('#findings td[data-label="问题类型"]', { hasText: /^超期答复$/ }).count()).toBe(10);
  expect(await page.locator('[title*="reply."], [title*="assign."], [title*="feedback."]').count()).toBe(0);
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  // The 问题 text has room: a finding's card is as wide as the page, not one character.
  const msg = await page.locator('#findings tbody tr td.msg').first().boundingBox();
  expect(msg!.width).toBeGreaterThan(250);
  await page.screenshot({ path: path.join(DIR, 'report-375.png'), fullPage: false });
  await page.locator('#findings').screenshot({ path: path.join(DIR, 'report-375-findings.png') });
  expect(await seriousViolations(page)).toEqual([]);

  // Sorting from the keyboard.
  const cell = page.getByRole('button', { name: '单元格' });
  await cell.focus();
  await page.keyboard.press('Enter');
  expect(await page.locator('#findings thead th', { hasText: '单元格' }).getAttribute('aria-sort')).toBe('ascending');
  await page.selectOption('select[name="severity"]', 'error');
  expect(await seriousViolations(page)).toEqual([]);
  const wide = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await wide.goto(`${base}/report.html`);
  expect(await horizontalOverflow(wide)).toBeLessThanOrEqual(0);
  expect(await seriousViolations(wide)).toEqual([]);
}, 120000);
