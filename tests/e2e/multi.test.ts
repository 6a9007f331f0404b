/**
 * Several workbooks as one ledger in dist/banli.html (built here into test-output/build-multi/), opened from disk in
 * Debian's headless Chromium at 320 px: three files chosen (two unit returns and a file that is not a workbook) give
 * the combined totals, a duplicate-item finding citing both files (its row opened from its own file), the unreadable
 * file listed, and a .zip of annotated copies; a folder of 40 returns chosen through the folder picker gives the
 * CLI's combined total with the files counted in the progress line; at 320 px and at 200 % zoom nothing scrolls sideways.
 * Nothing is requested; axe-core finds nothing serious.
 */
import { execFileSync } from 'child_process';
import { existsSync, promises as fs } from 'fs';
import * as path from 'path';
import { Browser, Page } from 'playwright-core';
import { unzipSync } from 'fflate';
import { OUTPUT } from '../helpers/office';
import { launch, recordRequests } from '../helpers/browser';
import { unitReturns, writeFixture } from '../ledgers/fixtures';
import { horizontalOverflow, recordProgress, seriousViolations } from './pageHelpers';

const ROOT = path.join(__dirname, '../..');
const BUILD = path.join(OUTPUT, 'build-multi');
const HTML = path.join(BUILD, 'banli.html');
const URL_ = `file://${HTML}`;
const DIR = path.join(OUTPUT, 'pages-multi');
const RETURNS = path.join(DIR, 'returns');
let browser: Browser;

beforeAll(async () => {
  if (process.env.BANLI_REUSE_BUILD !== '1' || !existsSync(HTML)) {
    execFileSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--config', 'webpack.single.config.js', '--mode', 'production', '--env', `out=${BUILD}`], { cwd: ROOT, stdio: 'pipe' });
  }
  await fs.rm(DIR, { recursive: true, force: true });
  for (const f of unitReturns()) await writeFixture(DIR, f);
  await fs.writeFile(path.join(DIR, 'notes.xlsx'), '这不是工作簿');
  browser = await launch();
}, 600000);

afterAll(async () => {
  await browser?.close();
});

async function open(width: number, deviceScaleFactor = 1): Promise<{ page: Page; urls: string[]; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 900 }, deviceScaleFactor, acceptDownloads: true, locale: 'zh-CN' });
  const urls = recordRequests(page);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(URL_);
  await page.getByRole('button', { name: '打开示例台账' }).waitFor();
  return { page, urls, errors };
}

const offline = (urls: string[]) => urls.filter((u) => u !== URL_ && !u.startsWith('blob:'));

test('three files at 320 px: combined totals, a duplicate item citing both files, the unreadable file listed, a .zip download', async () => {
  const { page, urls, errors } = await open(320);
  await page.getByTestId('file-input').setInputFiles([path.join(RETURNS, '单位03.xlsx'), path.join(RETURNS, '单位04.xlsx'), path.join(DIR, 'notes.xlsx')]);
  const totals = page.getByLabel('办理总数');
  await totals.waitFor({ timeout: 60000 });
  expect(await totals.innerText()).toMatch(/合并的 2 个工作簿[\s\S]*共 6 件/);
  const files = page.getByRole('region', { name: '读取的文件' });
  expect(await files.innerText()).toContain('合并读取 2 个工作簿，作为一个台账检查：单位03.xlsx、单位04.xlsx。');
  expect(await files.getByRole('list', { name: '无法读取的文件' }).innerText()).toMatch(/notes\.xlsx.*不是 Excel 工作簿/);

  const list = page.getByRole('region', { name: '问题清单' });
  await list.getByRole('button', { name: /编号重复/ }).click();
  const finding = list.locator('[data-cell="单位04.xlsx!台账!C5"]');
  expect(await finding.innerText()).toMatch(/单位04\.xlsx!台账!C5[\s\S]*与单位03\.xlsx 的工作表“台账”第 4 行重复/);
  await finding.click();
  const row = list.getByLabel('工作表“台账”第 5 行的各列');
  await row.waitFor();
  expect(await row.innerText()).toMatch(/编号\s*3/);
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: path.join(DIR, 'multi-320-three-files.png'), fullPage: true });
  expect(await seriousViolations(page)).toEqual([]);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载标注副本' }).click()]);
  expect(download.suggestedFilename()).toBe('台账标注副本（2 个工作簿）.zip');
  const saved = path.join(DIR, download.suggestedFilename());
  await download.saveAs(saved);
  expect(Object.keys(unzipSync(new Uint8Array(await fs.readFile(saved)))).sort()).toEqual(['单位03（已标注）.xlsx', '单位04（已标注）.xlsx']);
  expect(errors).toEqual([]);
  expect(offline(urls)).toEqual([]);
}, 240000);

test('a folder of 40 unit returns through the folder picker: the files counted while reading, the CLI’s combined total', async () => {
  const { page, urls, errors } = await open(1280);
  const seen = await recordProgress(page);
  await page.getByTestId('folder-input').setInputFiles(RETURNS);
  const totals = page.getByLabel('办理总数');
  await totals.waitFor({ timeout: 120000 });
  // 123 rows, 121 items: 市人大建议 999 is one item handled by two units (as `banli check --combine` counts it).
  expect(await totals.innerText()).toMatch(/合并的 40 个工作簿[\s\S]*共 121 件/);
  expect(await page.getByRole('region', { name: '读取的文件' }).innerText()).toContain('合并读取 40 个工作簿');
  expect((await seen()).some((t) => /正在读取第 \d+ \/ 40 个文件 单位\d\d\.xlsx/.test(t))).toBe(true);
  await page.getByRole('region', { name: '问题清单' }).getByRole('button', { name: /编号重复/ }).click();
  expect(await page.locator('[data-cell="单位04.xlsx!台账!C5"]').count()).toBe(1);
  expect(await seriousViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
  expect(offline(urls)).toEqual([]);
}, 240000);

test('320 px at 200 % zoom: the files read, the unreadable one and the findings without sideways scrolling', async () => {
  const { page, errors } = await open(160, 2);
  await page.getByTestId('file-input').setInputFiles([path.join(RETURNS, '单位03.xlsx'), path.join(RETURNS, '单位04.xlsx'), path.join(DIR, 'notes.xlsx')]);
  await page.getByLabel('办理总数').waitFor({ timeout: 60000 });
  await page.getByRole('region', { name: '问题清单' }).getByRole('button', { name: /编号重复/ }).click();
  await page.locator('[data-cell="单位04.xlsx!台账!C5"]').click();
  await page.getByLabel('工作表“台账”第 5 行的各列').waitFor();
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: path.join(DIR, 'multi-320-zoom200.png'), fullPage: true });
  expect(await seriousViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
}, 240000);
