/**
 * What field test B found, in Debian's Chromium on the built files opened from disk (test-output/build-fieldb/: the
 * task pane build and dist/banli.html beside it, as in dist/): at 320 px the dates in findings never break, the
 * circular's multi-line boxes show all their lines, placeholders fit; switching tabs with the arrow keys keeps the
 * focus on the tab bar; while several files are read the focus is on 取消 and the words and the bar agree; 帮助 on the
 * page and dist/help.html cover banli.html; taskpane.html opened from disk sends the clerk to banli.html at once.
 * Nothing is requested. Screenshots go to test-output/pages-fieldb/.
 */
import { execFileSync } from 'child_process';
import { existsSync, promises as fs } from 'fs';
import * as path from 'path';
import { Browser, Page } from 'playwright-core';
import { OUTPUT } from '../helpers/office';
import { buildPane } from '../helpers/build';
import { launch, recordRequests } from '../helpers/browser';
import { horizontalOverflow, seriousViolations } from './pageHelpers';

const ROOT = path.join(__dirname, '../..');
const BUILD = path.join(OUTPUT, 'build-fieldb');
const PAGE = `file://${path.join(BUILD, 'banli.html')}`;
const DIR = path.join(OUTPUT, 'pages-fieldb');
const SAMPLE = path.join(ROOT, 'samples/ledger-2021.xlsx');
let browser: Browser;

beforeAll(async () => {
  if (process.env.BANLI_REUSE_BUILD !== '1' || !existsSync(path.join(BUILD, 'banli.html'))) {
    buildPane('fieldb');
    execFileSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--config', 'webpack.single.config.js', '--mode', 'production', '--env', `out=${BUILD}`], { cwd: ROOT, stdio: 'pipe' });
  }
  await fs.mkdir(DIR, { recursive: true });
  // Three copies of the sample under other names, each with a part of its own (not the same bytes, so none is skipped
  // as the same file): reading them takes long enough to look at the page meanwhile.
  const JSZip = (await import('jszip')).default;
  for (const n of ['单位01', '单位02', '单位03']) {
    const zip = await JSZip.loadAsync(await fs.readFile(SAMPLE));
    zip.file(`customXml/${n}.txt`, n);
    await fs.writeFile(path.join(DIR, `${n}.xlsx`), await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  }
  browser = await launch();
}, 900000);

afterAll(async () => {
  await browser?.close();
});

async function open(url: string, width: number): Promise<{ page: Page; urls: string[]; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 800 }, locale: 'zh-CN' });
  const urls = recordRequests(page);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  return { page, urls, errors };
}

/** Requests other than the file opened and blob: URLs made in the page. */
const offline = (urls: string[], url: string) => urls.filter((u) => u !== url && !u.startsWith('blob:'));

const focused = (page: Page) => page.evaluate(() => `${document.activeElement?.getAttribute('role') ?? document.activeElement?.tagName}:${document.activeElement?.textContent?.trim() ?? ''}`);

test('320 px: dates in findings on one line, the circular’s boxes show every line, placeholders fit, no sideways scroll', async () => {
  const { page, urls, errors } = await open(PAGE, 320);
  await page.getByRole('button', { name: '打开示例台账' }).click();
  await page.getByLabel('办理总数').waitFor({ timeout: 60000 });
  await page.getByRole('button', { name: /警告.*超期答复/ }).click();
  await page.locator('[data-cell="台账!K105"]').click();
  await page.getByRole('region', { name: '第 105 行' }).waitFor();
  // Every date written in the list and in the row opened sits on one line (one box, one line high).
  const broken = await page.evaluate(() =>
    [...document.querySelectorAll('[aria-label="问题清单"] span')]
      .filter((s) => /^\d{4}-\d{2}-\d{2}$/.test(s.textContent ?? ''))
      .map((s) => ({ date: s.textContent, boxes: s.getClientRects().length, oneLine: s.getBoundingClientRect().height <= parseFloat(getComputedStyle(s).lineHeight) * 1.5 })),
  );
  expect(broken.length).toBeGreaterThan(10);
  expect(broken.filter((b) => b.boxes !== 1 || !b.oneLine)).toEqual([]);
  const placeholders = async () =>
    page.evaluate(() =>
      [...document.querySelectorAll('input[placeholder]')].map((i) => {
        const el = i as HTMLInputElement;
        const cs = getComputedStyle(el);
        const ctx = document.createElement('canvas').getContext('2d')!;
        ctx.font = cs.font;
        return { text: el.placeholder, fits: ctx.measureText(el.placeholder).width <= el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) + 1 };
      }),
    );
  expect((await placeholders()).filter((p) => !p.fits)).toEqual([]);
  await page.screenshot({ path: path.join(DIR, 'findings-320.png'), fullPage: true });
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

  await page.getByRole('tab', { name: '生成通报' }).click();
  await page.getByRole('form', { name: '通报设置' }).waitFor();
  const boxes = await page.evaluate(() => [...document.querySelectorAll('textarea')].map((t) => ({ label: t.labels?.[0]?.textContent, client: t.clientHeight, scroll: t.scrollHeight })));
  expect(boxes).toHaveLength(3);
  for (const b of boxes) expect({ label: b.label, cut: b.scroll > b.client + 1 }).toEqual({ label: b.label, cut: false });
  // 抄送's second line wraps at 320 px: its box grows to show it (two rows would show half of it).
  const rows = await page.evaluate(() => {
    const t = [...document.querySelectorAll('textarea')].find((x) => /^抄送/.test(x.labels?.[0]?.textContent ?? ''))!;
    return Math.round((t.clientHeight - parseFloat(getComputedStyle(t).paddingTop) - parseFloat(getComputedStyle(t).paddingBottom)) / parseFloat(getComputedStyle(t).lineHeight));
  });
  expect(rows).toBeGreaterThanOrEqual(3);
  expect((await placeholders()).filter((p) => !p.fits)).toEqual([]);
  await page.screenshot({ path: path.join(DIR, 'circular-320.png'), fullPage: true });
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  expect(errors).toEqual([]);
  expect(offline(urls, PAGE)).toEqual([]);
}, 180000);

test('at 200 % zoom on 320 px (160 CSS px) a finding’s row gives its values room: dates on one line, no sideways scroll', async () => {
  const page = await browser.newPage({ viewport: { width: 160, height: 800 }, deviceScaleFactor: 2, locale: 'zh-CN' });
  await page.goto(PAGE);
  await page.getByRole('button', { name: '打开示例台账' }).click();
  await page.getByLabel('办理总数').waitFor({ timeout: 60000 });
  await page.getByRole('button', { name: /警告.*超期答复/ }).click();
  await page.locator('[data-cell="台账!K105"]').click();
  const row = page.getByRole('region', { name: '第 105 行' });
  await row.waitFor();
  const widths = await row.evaluate((r) => {
    const dl = r.querySelector('dl')!;
    return { dl: dl.clientWidth, dd: (dl.querySelector('dd') as HTMLElement).clientWidth };
  });
  expect(widths.dd).toBeGreaterThanOrEqual(widths.dl * 0.5);
  const replied = row.locator('dd', { hasText: '2021-07-12' }).locator('span', { hasText: /^2021-07-12$/ });
  expect(await replied.evaluate((s) => s.getBoundingClientRect().height <= parseFloat(getComputedStyle(s).lineHeight) * 1.5)).toBe(true);
  await row.screenshot({ path: path.join(DIR, 'row-160-zoom200.png') });
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
}, 120000);

test('with a ledger open, → and ← move along the tabs and the focus stays on the tab bar', async () => {
  const { page } = await open(PAGE, 1280);
  await page.getByRole('button', { name: '打开示例台账' }).click();
  await page.getByLabel('办理总数').waitFor({ timeout: 60000 });
  await page.getByRole('tab', { name: '检查台账' }).focus();
  for (const next of ['生成通报', '设置', '检查台账']) {
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(400);
    expect(await focused(page)).toBe(`tab:${next}`);
  }
  await page.keyboard.press('ArrowLeft');
  await page.waitForTimeout(400);
  expect(await focused(page)).toBe('tab:设置');
  await page.getByRole('tab', { name: '生成通报' }).click();
  await page.waitForTimeout(400);
  expect(await focused(page)).toBe('tab:生成通报');
}, 120000);

test('several files: while they are read the focus is on 取消; the words give the bar’s percentage; the result takes the focus', async () => {
  const { page, errors } = await open(PAGE, 320);
  await page.evaluate(() => {
    const w = window as unknown as { __seen: Array<{ text: string; now: string | null }> };
    w.__seen = [];
    new MutationObserver(() => {
      const p = document.querySelector('[data-testid="progress"]');
      if (!p) return;
      const text = p.textContent ?? '';
      if (w.__seen.length && w.__seen[w.__seen.length - 1].text === text) return;
      w.__seen.push({ text, now: p.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow') ?? null });
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  await page.getByRole('button', { name: '打开台账文件' }).focus();
  await page.getByTestId('file-input').setInputFiles(['单位01', '单位02', '单位03'].map((n) => path.join(DIR, `${n}.xlsx`)));
  await page.getByRole('button', { name: '取消' }).waitFor();
  await page.waitForTimeout(100);
  expect(await focused(page)).toBe('BUTTON:取消');
  expect(await page.getByTestId('progress-spoken').getAttribute('aria-live')).toBe('polite');
  await page.getByLabel('办理总数').waitFor({ timeout: 120000 });
  const seen = await page.evaluate(() => (window as unknown as { __seen: Array<{ text: string; now: string | null }> }).__seen);
  const withPercent = seen.filter((s) => /(\d+)%/.test(s.text) && s.now !== null);
  expect(withPercent.length).toBeGreaterThan(0);
  for (const s of withPercent) expect(Number(/(\d+)%/.exec(s.text)![1])).toBe(Math.min(100, Math.floor(Number(s.now) * 100)));
  await page.waitForFunction(() => /^已合并读取 3 个工作簿/.test(document.activeElement?.textContent ?? ''), null, { timeout: 60000 }).catch(async (e) => {
    throw new Error(`${String(e)}; focus on ${await focused(page)}`);
  });
  expect(errors).toEqual([]);
}, 180000);

test('帮助 on the page and dist/help.html cover banli.html, at 320 px, without a request', async () => {
  const { page, urls } = await open(PAGE, 320);
  await page.getByRole('button', { name: '帮助' }).click();
  await page.getByRole('region', { name: '使用帮助' }).waitFor();
  expect(await page.getByRole('region', { name: '使用帮助' }).innerText()).toContain('打开台账');
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: path.join(DIR, 'help-in-page-320.png'), fullPage: true });
  expect(offline(urls, PAGE)).toEqual([]);

  const helpUrl = `file://${path.join(BUILD, 'help.html')}`;
  const help = await open(helpUrl, 320);
  expect(await help.page.getByRole('heading', { name: '在浏览器中（banli.html）' }).count()).toBe(1);
  expect(await horizontalOverflow(help.page)).toBeLessThanOrEqual(0);
  expect(await seriousViolations(help.page)).toEqual([]);
  await help.page.screenshot({ path: path.join(DIR, 'help-320.png'), fullPage: true });
  expect(offline(help.urls, helpUrl)).toEqual([]);
}, 120000);

test('taskpane.html opened from disk says at once to open banli.html, and its link opens the page', async () => {
  const url = `file://${path.join(BUILD, 'taskpane.html')}`;
  const { page } = await open(url, 320);
  const alert = page.getByRole('alert');
  await alert.waitFor({ timeout: 3000 });
  expect(await alert.innerText()).toMatch(/任务窗格，要在 Office 中使用[\s\S]*请打开同一文件夹中的 banli\.html/);
  await page.screenshot({ path: path.join(DIR, 'taskpane-file-320.png') });
  await page.getByRole('link', { name: 'banli.html' }).click();
  await page.getByRole('button', { name: '打开示例台账' }).waitFor({ timeout: 30000 });
  expect(page.url()).toBe(PAGE);
}, 120000);
