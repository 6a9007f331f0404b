/**
 * dist/banli.html (built here into test-output/build-single/), the one-file page, opened from disk (file://) in Debian's Chromium, as a clerk double-clicks it:
 * the sample's check and both downloads with no request at all; typed dates; one ledger across the tabs; a bad file
 * after a good one; a 100,000-item ledger without freezing the page; filters; axe-core in every state; no
 * sideways scrolling at 320 px and at 200 % zoom. Screenshots at 320 px and 1280 px go to test-output/pages/.
 */
import { execFileSync } from 'child_process';
import { existsSync, promises as fs, statSync } from 'fs';
import * as path from 'path';
import { Browser, Page } from 'playwright-core';
import * as acorn from 'acorn';
import { OUTPUT } from '../helpers/office';
import { launch, recordRequests } from '../helpers/browser';
import { writeBigLedger } from '../../src/node/sample/big';
import { LONG_TASKS_INIT, horizontalOverflow, longTasks, recordProgress, seriousViolations } from './pageHelpers';

const ROOT = path.join(__dirname, '../..');
const BUILD = path.join(OUTPUT, 'build-single');
const HTML = path.join(BUILD, 'banli.html');
const URL_ = `file://${HTML}`;
const DIR = path.join(OUTPUT, 'pages');
// Its own folder: a copy left by an older run without the <dimension> would be reused otherwise.
const BIG = path.join(DIR, 'with-dimension', 'ledger-100000.xlsx');

/**
 * The benchmark's large ledger, with the <dimension> Excel and LibreOffice write at the top of every sheet (the
 * streaming writer leaves it out): it is what lets a reader say "rows read / total".
 */
async function writeExcelLikeBigLedger(file: string, items: number): Promise<void> {
  const raw = `${file}.raw.xlsx`;
  await writeBigLedger(raw, items);
  const JSZip = (await import('jszip')).default;
  const zip = await JSZip.loadAsync(await fs.readFile(raw));
  const sheet = 'xl/worksheets/sheet1.xml';
  const xml = await zip.file(sheet)!.async('string');
  zip.file(sheet, xml.replace(/(<worksheet\b[^>]*>)/, `$1<dimension ref="A1:Q${items + 2}"/>`));
  await fs.writeFile(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  await fs.rm(raw);
}
let browser: Browser;

beforeAll(async () => {
  // BANLI_REUSE_BUILD=1 tests the dist/banli.html already built (while working on the tests themselves).
  if (process.env.BANLI_REUSE_BUILD !== '1' || !existsSync(HTML)) execFileSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--config', 'webpack.single.config.js', '--mode', 'production', '--env', `out=${BUILD}`], { cwd: ROOT, stdio: 'pipe' });
  await fs.mkdir(path.dirname(BIG), { recursive: true });
  if (!existsSync(BIG) || statSync(BIG).size < 1000000) await writeExcelLikeBigLedger(BIG, 100000);
  browser = await launch();
}, 600000);

afterAll(async () => {
  await browser?.close();
});

/** Only the file itself and blob: URLs made in the page (the worker, the downloads): nothing fetched. */
const offline = (urls: string[]) => urls.filter((u) => u !== URL_ && !u.startsWith('blob:'));

async function open(width: number, extra: { deviceScaleFactor?: number } = {}): Promise<{ page: Page; urls: string[]; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 900 }, acceptDownloads: true, locale: 'zh-CN', ...extra });
  await page.addInitScript(LONG_TASKS_INIT);
  const urls = recordRequests(page);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(URL_);
  await page.getByRole('button', { name: '打开示例台账' }).waitFor();
  return { page, urls, errors };
}

async function openSample(page: Page): Promise<void> {
  await page.getByRole('button', { name: '打开示例台账' }).click();
  await page.getByLabel('办理总数').waitFor({ timeout: 60000 });
}

async function expectAccessible(page: Page, state: string): Promise<void> {
  const issues = await seriousViolations(page);
  expect({ state, issues }).toEqual({ state, issues: [] });
}

test('one self-contained file: no script, style or sample file beside it, and no office.js', async () => {
  const html = await fs.readFile(HTML, 'utf8');
  expect(html).not.toMatch(/<script[^>]+src=/i);
  expect(html).not.toMatch(/<link[^>]+href=/i);
  expect(html).not.toMatch(/office\.js|appsforoffice/i);
  expect(html).toContain("default-src 'none'");
  expect(statSync(HTML).size).toBeGreaterThan(1000000); // the reader, the worker and the sample are inside
});

test('its scripts (the page and the inlined worker) parse at the oldest engine’s language level', async () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the build's own CommonJS settings
  const { ECMA_VERSION } = require('../../webpack.common.js') as { ECMA_VERSION: acorn.ecmaVersion };
  const html = await fs.readFile(HTML, 'utf8');
  const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  expect(scripts).toHaveLength(1);
  const worker = await fs.readFile(path.join(ROOT, 'node_modules/.cache/banli-single/worker.js'), 'utf8');
  expect(html).toContain(JSON.stringify(worker.slice(0, 40)).slice(1, -1).slice(0, 20));
  for (const code of [scripts[0], worker]) expect(() => acorn.parse(code, { ecmaVersion: ECMA_VERSION, sourceType: 'script' })).not.toThrow();
});

test('opened from disk at 1280 px: the sample checked, both files downloaded, zero requests', async () => {
  const { page, urls, errors } = await open(1280);
  await expectAccessible(page, 'empty page');
  await openSample(page);
  const text = await page.getByLabel('办理总数').innerText();
  expect(text).toContain('共 1388 件：省人大建议、省政协提案 81 件');
  expect(text).toContain('人大建议 20 件，政协提案 8 件');
  // The result is said (live region) and has the focus.
  await page.waitForFunction(() => /已打开 ledger-2021\.xlsx：1388 件/.test(document.querySelector('[data-testid="announcer"]')?.textContent ?? ''));
  expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toMatch(/已打开 ledger-2021\.xlsx/);
  await page.screenshot({ path: path.join(DIR, 'banli-1280-loaded.png'), fullPage: true });
  await expectAccessible(page, 'sample loaded');

  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载标注副本' }).click()]);
  expect(xlsx.suggestedFilename()).toBe('ledger-2021（已标注）.xlsx');
  const saved = path.join(DIR, xlsx.suggestedFilename());
  await xlsx.saveAs(saved);
  const bytes = await fs.readFile(saved);
  expect(bytes.subarray(0, 2).toString()).toBe('PK');
  expect(bytes.length).toBeGreaterThan(100000);

  const [docx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载通报（.docx）' }).click()]);
  expect(docx.suggestedFilename()).toBe('通报-2021.docx');
  const docxPath = path.join(DIR, 'banli-通报-2021.docx');
  await docx.saveAs(docxPath);
  const JSZip = (await import('jszip')).default;
  const doc = (await (await JSZip.loadAsync(await fs.readFile(docxPath))).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
  expect(doc).toContain('郑政文〔2021〕84号');
  expect(doc).toContain('市人大建议468件（含闭会期间建议14件）');
  await page.getByTestId('notice').getByText(/已生成 通报-2021\.docx/).waitFor();
  await expectAccessible(page, 'after the downloads');

  expect(errors).toEqual([]);
  expect(offline(urls)).toEqual([]);
  expect(urls.filter((u) => u.startsWith('blob:')).length).toBeGreaterThan(0); // the worker, started from inlined code
}, 240000);

test('typed dates in each form give the right as-of; half-typed text is an error on the field, not a date', async () => {
  const { page } = await open(320);
  await openSample(page);
  const date = page.getByRole('textbox', { name: '截至日期' });
  const overdue = async () => Number(/超期未答复 (\d+) 件/.exec(await page.getByLabel('办理总数').innerText())![1]);
  expect(await overdue()).toBe(6);
  await date.fill('08012021');
  await date.press('Tab');
  await page.getByText(/年份 801 不对/).first().waitFor();
  expect(await overdue()).toBe(6);
  await page.screenshot({ path: path.join(DIR, 'banli-320-date-error.png'), fullPage: true });
  await expectAccessible(page, 'date field with an error');
  for (const [typed, words] of [
    ['2021-05-01', '2021年5月1日（星期六）'],
    ['2021/5/2', '2021年5月2日（星期日）'],
    ['2021年5月3日', '2021年5月3日（星期一）'],
    ['20210504', '2021年5月4日（星期二）'],
  ]) {
    await date.fill(typed);
    await date.press('Enter');
    await page.getByText(words, { exact: false }).first().waitFor();
    expect(await date.inputValue()).toMatch(/^2021-05-0\d$/);
  }
  await page.waitForFunction(() => /超期未答复 [0-5] 件/.test(document.querySelector('[aria-label="办理总数"]')?.textContent ?? ''));
  expect(await overdue()).toBeLessThan(6);
}, 180000);

test('one ledger for both tabs; a bad file after a good one clears the results and names the file', async () => {
  const { page } = await open(320);
  await page.getByRole('tab', { name: '生成通报' }).click();
  await openSample(page);
  expect(await page.getByRole('textbox', { name: /^发文字号/ }).inputValue()).toBe('郑政文〔2021〕84号');
  await page.screenshot({ path: path.join(DIR, 'banli-320-circular.png'), fullPage: true });
  await expectAccessible(page, 'circular tab with the sample');
  await page.getByRole('tab', { name: '检查台账' }).click();
  expect(await page.getByLabel('办理总数').innerText()).toContain('共 1388 件');
  await page.screenshot({ path: path.join(DIR, 'banli-320-loaded.png'), fullPage: true });
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

  const bad = path.join(DIR, 'notes.xlsx');
  await fs.writeFile(bad, '这不是工作簿');
  await page.getByTestId('file-input').setInputFiles(bad);
  await page.getByTestId('notice').getByText(/notes\.xlsx.*不是 Excel 工作簿/).waitFor();
  expect(await page.getByLabel('办理总数').count()).toBe(0);
  expect(await page.getByRole('button', { name: '下载标注副本' }).count()).toBe(0);
  await page.getByRole('tab', { name: '生成通报' }).click();
  expect(await page.getByLabel('办理总数').count()).toBe(0);
  await page.screenshot({ path: path.join(DIR, 'banli-320-bad-file.png'), fullPage: true });
  await expectAccessible(page, 'after a bad file');
}, 180000);

test('findings: filters narrow the list, a click opens the whole row; no sideways scrolling at 320 px or 200 % zoom', async () => {
  for (const [width, scale, name] of [
    [1280, 1, '1280'],
    [320, 1, '320'],
    [160, 2, '320-zoom200'],
  ] as const) {
    const { page } = await open(width, { deviceScaleFactor: scale });
    await openSample(page);
    const list = page.getByRole('region', { name: '问题清单' });
    const count = () => list.getByTestId('findings-count').innerText();
    expect(await count()).toBe('共 91 条');
    await list.getByRole('combobox', { name: '问题类型' }).selectOption({ label: '超期未答复（6）' });
    expect(await count()).toBe('显示 6 条（共 91 条）');
    await list.getByRole('combobox', { name: '严重程度' }).selectOption({ index: 0 });
    await list.getByRole('searchbox', { name: '搜索' }).fill('金水区');
    await page.waitForFunction(() => /显示 [0-5] 条/.test(document.querySelector('[data-testid="findings-count"]')?.textContent ?? ''));
    await list.getByRole('combobox', { name: '问题类型' }).selectOption({ index: 0 });
    await list.getByRole('searchbox', { name: '搜索' }).fill('');
    await list.getByRole('button', { name: /超期未答复/ }).click();
    const item = list.locator('[data-cell^="台账!K"]').first();
    await item.click();
    const row = list.getByLabel(/工作表“台账”第 \d+ 行的各列/);
    await row.waitFor();
    expect(await row.innerText()).toMatch(/交办日期/);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(DIR, `banli-${name}-findings.png`), fullPage: true });
    await expectAccessible(page, `findings open at ${name}`);
    await page.close();
  }
}, 300000);

test('100,000 items: read in the worker with rows and a percentage shown, no main-thread task over 100 ms', async () => {
  const { page, urls } = await open(1280);
  await longTasks(page, true);
  const progressSeen = await recordProgress(page);
  await page.getByTestId('file-input').setInputFiles(BIG);
  const progress = page.getByTestId('progress');
  await progress.waitFor({ timeout: 120000 });
  await page.screenshot({ path: path.join(DIR, 'banli-1280-100000-progress.png') });
  await page.getByLabel('办理总数').waitFor({ timeout: 400000 });
  // Rows read out of the rows the sheet declares, with a percentage, were shown while reading.
  const seen = await progressSeen();
  expect(seen.filter((t) => /正在读取 ledger-100000\.xlsx：[\d,]+ \/ [\d,]+ 行（\d+%）/.test(t)).length).toBeGreaterThan(0);
  expect(await page.getByLabel('办理总数').innerText()).toContain('共 100000 件');
  // Work with the result: open a group, filter.
  const list = page.getByRole('region', { name: '问题清单' });
  await list.getByRole('combobox', { name: '严重程度' }).selectOption({ index: 1 });
  await list.getByRole('button', { name: /超期未答复/ }).click();
  await page.waitForTimeout(500);
  const tasks = await longTasks(page);
  console.log(`100,000 items: main-thread long tasks (ms): ${JSON.stringify(tasks)}`);
  expect({ longestTaskMs: Math.max(0, ...tasks) }).toEqual({ longestTaskMs: expect.any(Number) });
  expect(tasks.filter((d) => d > 100)).toEqual([]);
  expect(offline(urls).filter((u) => !u.startsWith('file://'))).toEqual([]);
}, 600000);

test('cancel stops a large read and leaves no ledger', async () => {
  const { page } = await open(320);
  await page.getByTestId('file-input').setInputFiles(BIG);
  await page.getByRole('button', { name: '取消' }).click();
  await page.getByTestId('notice').getByText('已取消打开台账。').waitFor();
  expect(await page.getByLabel('办理总数').count()).toBe(0);
  await openSample(page); // a fresh worker works
  expect(await page.getByLabel('办理总数').innerText()).toContain('共 1388 件');
}, 180000);
