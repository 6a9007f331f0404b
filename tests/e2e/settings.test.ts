/**
 * 设置 on the one-file page (dist/banli.html, built here into test-output/build-settings/), opened from disk in
 * Debian's Chromium under its strict Content-Security-Policy (no eval, no new Function): 5 months for 市政协提案
 * changes the totals and the findings, also the annotated copy's; the settings outlive a reload (localStorage); a
 * malformed banli.config.json is refused with its message; 记住列对应 outlives a reload too; 下载 banli.config.json gives what is in force; no CSP
 * violation, no page error, nothing serious for axe-core, no sideways scrolling at 320 px and at 200 % zoom.
 */
import { execFileSync } from 'child_process';
import { promises as fs } from 'fs';
import * as path from 'path';
import { Browser, Page } from 'playwright-core';
import JSZip from 'jszip';
import { dayToSerial } from '../../src/core';
import { OUTPUT } from '../helpers/office';
import { launch, recordRequests } from '../helpers/browser';
import { writeXlsx } from '../helpers/xlsx';
import { horizontalOverflow, seriousViolations } from './pageHelpers';

const ROOT = path.join(__dirname, '../..');
const BUILD = path.join(OUTPUT, 'build-settings');
const HTML = path.join(BUILD, 'banli.html');
const URL_ = `file://${HTML}`;
const DIR = path.join(OUTPUT, 'pages', 'settings');
const LEDGER = path.join(DIR, '政协台账.xlsx');

let browser: Browser;

beforeAll(async () => {
  execFileSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--config', 'webpack.single.config.js', '--mode', 'production', '--env', `out=${BUILD}`], { cwd: ROOT, stdio: 'pipe' });
  await fs.mkdir(DIR, { recursive: true });
  // Three CPPCC proposals and one NPC suggestion, assigned 2021-03-26, none answered: on 2021-07-19 all four are
  // overdue at the law's 3 months; with 5 months for 市政协提案 only the suggestion is.
  const head = ['序号', '类别', '编号', '标题', '主办单位', '交办日期', '答复日期', '答复类别', '是否面商', '代表委员意见'];
  const assigned = new Date(Date.UTC(2021, 2, 26));
  await writeXlsx(LEDGER, [
    {
      name: '台账',
      rows: [
        head,
        [1, '市政协提案', 1, '关于公交的提案', '市交通局', assigned],
        [2, '市政协提案', 2, '关于绿化的提案', '市园林局', assigned],
        [3, '市政协提案', 3, '关于停车的提案', '市交通局', assigned],
        [4, '市人大建议', 1, '关于学校的建议', '市教育局', assigned],
      ],
    },
  ]);
  expect(dayToSerial('2021-03-26')).toBeGreaterThan(0);
  browser = await launch();
}, 600000);

afterAll(async () => {
  await browser?.close();
});

/** Every CSP violation the page (and its worker) reports, from the start. */
const CSP_INIT = `window.__csp = []; document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));`;

async function open(page: Page): Promise<void> {
  await page.goto(URL_);
  await page.getByRole('button', { name: '打开示例台账' }).waitFor();
  await page.getByRole('textbox', { name: /截至日期/ }).fill('2021-07-19');
  await page.getByRole('textbox', { name: /截至日期/ }).press('Enter');
  await page.getByTestId('file-input').setInputFiles(LEDGER);
  await page.getByLabel('办理总数').waitFor({ timeout: 60000 });
}

const announced = (page: Page, re: RegExp) => page.waitForFunction((src) => new RegExp(src).test(document.querySelector('[data-testid="announcer"]')?.textContent ?? ''), re.source);

test('5 months for 市政协提案: totals, findings and the annotated copy follow; kept across a reload; a malformed file refused', async () => {
  const context = await browser.newContext({ viewport: { width: 320, height: 900 }, acceptDownloads: true, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.addInitScript(CSP_INIT);
  const urls = recordRequests(page);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));

  await open(page);
  const totals = page.getByLabel('办理总数');
  expect(await totals.innerText()).toContain('超期未答复 4 件');
  const list = page.getByRole('region', { name: '问题清单' });
  expect(await list.getByRole('button', { name: /超期未答复/ }).innerText()).toMatch(/超期未答复\s*4/);

  await page.getByRole('tab', { name: '设置' }).click();
  const view = page.getByTestId('settings');
  await expect(view.innerText()).resolves.toContain('设置保存在本浏览器中，下次在这台电脑上用这个浏览器打开本页面仍然有效');
  await expect(view.innerText()).resolves.not.toContain('localStorage');
  await view.getByRole('button', { name: '按来源另写月数' }).click();
  await view.getByRole('textbox', { name: '另定时限的来源（第 1 行）' }).fill('市政协提案');
  await view.getByRole('textbox', { name: '月数（第 1 行）' }).fill('五');
  // Not a number: the message at the field (in the form's words, marked invalid), and 保存 refused (the check keeps
  // the settings in force).
  await view.getByText('月数应是 1 到 24 之间的整数，现在是“五”。').waitFor();
  expect(await view.getByRole('textbox', { name: '月数（第 1 行）' }).getAttribute('aria-invalid')).toBe('true');
  await view.getByRole('button', { name: '保存' }).click();
  await announced(page, /^设置有 1 处问题，没有保存/);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: path.join(DIR, 'settings-320-error.png'), fullPage: true });
  await view.getByRole('textbox', { name: '月数（第 1 行）' }).fill('5');
  await view.getByRole('button', { name: '保存' }).click();
  await announced(page, /设置已保存在本浏览器中，并已按新设置重新检查/);

  await page.getByRole('tab', { name: '检查台账' }).click();
  await page.waitForFunction(() => /超期未答复 1 件/.test(document.querySelector('[aria-label="办理总数"]')?.textContent ?? ''));
  expect(await list.getByRole('button', { name: /超期未答复/ }).innerText()).toMatch(/超期未答复\s*1/);
  // The annotated copy is made with the same settings: one overdue mark left, on the suggestion's row.
  const [copy] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载标注副本' }).click()]);
  const zip = await JSZip.loadAsync(await fs.readFile((await copy.path())!));
  const comments = Object.keys(zip.files).filter((n) => /comments\d*\.xml$/.test(n));
  const notes = (await Promise.all(comments.map((n) => zip.file(n)!.async('string')))).join('');
  expect(notes.match(/已过，截至 2021-07-19 仍未答复/g)?.length).toBe(1);

  // Kept in the browser: after a reload the same ledger is checked with 5 months at once.
  await page.reload();
  await page.getByRole('button', { name: '打开示例台账' }).waitFor();
  await page.getByRole('textbox', { name: /截至日期/ }).fill('2021-07-19');
  await page.getByRole('textbox', { name: /截至日期/ }).press('Enter');
  await page.getByTestId('file-input').setInputFiles(LEDGER);
  await page.waitForFunction(() => /超期未答复 1 件/.test(document.querySelector('[aria-label="办理总数"]')?.textContent ?? ''));

  // 下载 banli.config.json: what is in force, valid for the command line.
  await page.getByRole('tab', { name: '设置' }).click();
  expect(await view.getByRole('textbox', { name: '月数（第 1 行）' }).inputValue()).toBe('5');
  const [cfg] = await Promise.all([page.waitForEvent('download'), view.getByRole('button', { name: '下载 banli.config.json' }).click()]);
  expect(cfg.suggestedFilename()).toBe('banli.config.json');
  const downloaded = JSON.parse(await fs.readFile((await cfg.path())!, 'utf8'));
  expect(downloaded.deadlineMonths).toEqual({ 市政协提案: 5 });

  // A malformed file: refused with the message naming the key; the form and the settings in force unchanged.
  const bad = path.join(DIR, 'banli.config.json');
  await fs.writeFile(bad, JSON.stringify({ sources: { 区人大建议: { body: 'npc', level: '本级' } }, dueSoon: 3 }));
  await view.getByTestId('settings-import').setInputFiles(bad);
  await view.getByText(/banli\.config\.json 有 2 处问题，没有导入/).waitFor();
  const text = await view.getByTestId('notice').innerText();
  expect(text).toContain('来源“区人大建议”的“层级”的值“本级”不在可选的范围内，可选：本级、上级、全国。');
  expect(text).toContain('设置文件中有办理助手不认识的一项“dueSoon”，请删去。');
  expect(await view.getByRole('textbox', { name: '月数（第 1 行）' }).inputValue()).toBe('5');
  const notJson = path.join(DIR, 'broken.json');
  await fs.writeFile(notJson, '{ "deadlineMonths": 3, }');
  await view.getByTestId('settings-import').setInputFiles(notJson);
  await view.getByText(/broken\.json 有 1 处问题，没有导入：不是办理助手的设置文件，内容无法读取。/).waitFor();
  await page.screenshot({ path: path.join(DIR, 'settings-320-import.png'), fullPage: true });

  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  expect(await seriousViolations(page)).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
  expect(errors).toEqual([]);
  expect(urls.filter((u) => u !== URL_ && !u.startsWith('blob:'))).toEqual([]);
  await context.close();
}, 300000);

test('记住列对应 on the page opened from disk: kept in the browser, the ledger opened after a reload is read with it', async () => {
  const context = await browser.newContext({ viewport: { width: 320, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.addInitScript(CSP_INIT);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const sources = () => page.evaluate(() => /市政协提案 3 件/.test(document.querySelector('[aria-label="办理总数"]')?.textContent ?? ''));

  await open(page);
  expect(await sources()).toBe(true);
  await page.getByRole('button', { name: /列对应（已识别 \d+ 列）/ }).click();
  await page.getByRole('group', { name: '列对应' }).getByLabel('类别', { exact: true }).selectOption('');
  await page.waitForFunction(() => !/市政协提案 3 件/.test(document.querySelector('[aria-label="办理总数"]')?.textContent ?? ''));
  await page.getByRole('button', { name: '记住列对应' }).click();
  await announced(page, /^已记住列对应。设置已保存在本浏览器中/);
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: path.join(DIR, 'columns-320-remembered.png'), fullPage: true });

  await page.reload();
  await open(page);
  expect(await sources()).toBe(false);
  await page.getByRole('button', { name: /列对应（已识别 \d+ 列，其中 1 列由您指定，已记住）/ }).waitFor();
  // 设置 shows it; taking it out there (恢复默认 + 保存) reads the ledger as guessed again.
  await page.getByRole('tab', { name: '设置' }).click();
  const view = page.getByTestId('settings');
  expect(await view.getByRole('combobox', { name: '列对应的列（第 1 行）' }).inputValue()).toBe('类别');
  await view.getByRole('button', { name: '恢复默认' }).click();
  await view.getByRole('button', { name: '保存' }).click();
  await announced(page, /设置已保存在本浏览器中/);
  await page.getByRole('tab', { name: '检查台账' }).click();
  await page.waitForFunction(() => /市政协提案 3 件/.test(document.querySelector('[aria-label="办理总数"]')?.textContent ?? ''));
  expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
}, 300000);

test('设置 at 200 % zoom (160 px CSS wide at scale 2) and at 1280 px: no sideways scrolling, nothing serious for axe-core', async () => {
  for (const [width, scale, name] of [
    [160, 2, '320-zoom200'],
    [1280, 1, '1280'],
  ] as const) {
    const page = await browser.newPage({ viewport: { width, height: 900 }, deviceScaleFactor: scale, locale: 'zh-CN' });
    await page.goto(URL_);
    await page.getByRole('tab', { name: '设置' }).click();
    const view = page.getByTestId('settings');
    await view.getByRole('button', { name: '添加来源' }).click();
    await view.getByRole('button', { name: '按来源另写月数' }).click();
    await view.getByRole('button', { name: '添加列名' }).click();
    await view.getByRole('button', { name: '添加列对应' }).click();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(DIR, `settings-${name}.png`), fullPage: true });
    await page.close();
  }
}, 180000);
