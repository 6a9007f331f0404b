/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/**
 * The column-mapping view of the standalone page and the Excel pane: the guess shown per field, a correction re-runs
 * the check, and 记住列对应 keeps it with the settings (the workbook's, the browser's) for the next check.
 */
import '../helpers/jsdom';
import * as React from 'react';
import { readFileSync } from 'fs';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { CellValue, ConfigFile, dayToSerial, parseDay } from '../../src/core';
import { CONFIG_SETTING } from '../../src/excel/settings';
import { SETTINGS_KEY } from '../../src/taskpane/ledger';
import { Announcer } from '../../src/taskpane/components/Announcer';
import { documentSettings } from '../helpers/documentSettings';
import { ExcelPane } from '../../src/taskpane/ExcelPane';
import { StandalonePane } from '../../src/taskpane/StandalonePane';
import { readWorkbook } from '../../src/xlsx/read';
import { FakeExcel, FakeSheet, installExcelGlobals, paneHost } from '../helpers/excelMock';
import { SAMPLE_PATH, renderPage } from './pageFiles';
import { seriousViolations } from './axe';

const totalsText = () => screen.getByLabelText('办理总数').textContent ?? '';

describe('standalone page: 列对应', () => {
  test('shows which header each field was read from; choosing another column (or （无）) changes the totals', async () => {
    renderPage(<StandalonePane />);
    fireEvent.click(screen.getByRole('button', { name: '打开示例台账' }));
    await screen.findByLabelText('办理总数', {}, { timeout: 20000 });
    expect(totalsText()).toContain('市人大建议 468 件');
    fireEvent.click(screen.getByRole('button', { name: /列对应（已识别 \d+ 列）/ }));
    const group = screen.getByRole('group', { name: '列对应' });
    const source = within(group).getByLabelText('类别') as HTMLSelectElement;
    const guessed = source.value;
    expect(guessed).not.toBe('');
    expect([...source.options].map((o) => o.text)).toContain('（无）');
    expect((within(group).getByLabelText('主办单位') as HTMLSelectElement).value).toMatch(/单位/);

    // No source column: the items can no longer be told apart by source.
    fireEvent.change(source, { target: { value: '' } });
    await waitFor(() => expect(totalsText()).not.toContain('市人大建议 468 件'), { timeout: 20000 });
    expect(screen.getByRole('button', { name: /列对应（已识别 \d+ 列，其中 1 列由您指定）/ })).toBeTruthy();
    expect(within(group).getByText('由您指定')).toBeTruthy();

    // Back to the guess.
    fireEvent.click(screen.getByRole('button', { name: '全部恢复为自动识别' }));
    await waitFor(() => expect(totalsText()).toContain('市人大建议 468 件'), { timeout: 20000 });
    expect((within(group).getByLabelText('类别') as HTMLSelectElement).value).toBe(guessed);
  }, 60000);
});

describe('Excel pane: 列对应', () => {
  beforeAll(() => installExcelGlobals());

  test('a correction re-checks the workbook with the chosen column', async () => {
    const { grids } = await readWorkbook(new Uint8Array(readFileSync(SAMPLE_PATH)), 'ledger-2021.xlsx');
    const asExcel = (v: CellValue) => (v instanceof Date ? dayToSerial((parseDay(v) as { day: string }).day) : v);
    const fake = new FakeExcel(grids.map((g) => FakeSheet.from(g.sheet, g.values.map((r) => r.map(asExcel)), g.top, g.left)));
    const host = paneHost(fake);
    render(
      <FluentProvider theme={webLightTheme}>
        <ExcelPane host={host} initialAsOf="2021-07-19" />
      </FluentProvider>,
    );
    await screen.findByLabelText('办理总数', {}, { timeout: 20000 });
    expect(totalsText()).toContain('市人大建议 468 件');
    fireEvent.click(screen.getByRole('button', { name: /列对应/ }));
    const group = screen.getByRole('group', { name: '列对应' });
    fireEvent.change(within(group).getByLabelText('类别'), { target: { value: '' } });
    await waitFor(() => expect(totalsText()).not.toContain('市人大建议 468 件'));
    expect(within(group).getByText('由您指定')).toBeTruthy();
    // Every list is labelled with the clerk's field name; no serious accessibility violation with the panel open.
    expect(await seriousViolations()).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: '全部恢复为自动识别' }));
    await waitFor(() => expect(totalsText()).toContain('市人大建议 468 件'));
  }, 180000);
});

describe('记住列对应: a correction kept with the settings', () => {
  beforeAll(() => installExcelGlobals());

  const HEAD = ['序号', '类别', '编号', '标题', '主办单位', '交办日期', '答复日期', '答复类别', '是否面商', '代表委员意见'];
  const d = (day: string) => dayToSerial(day);
  /** Three CPPCC proposals and one NPC suggestion. */
  const ledger = () =>
    new FakeExcel([
      FakeSheet.from('台账', [
        HEAD,
        [1, '市政协提案', 1, '关于公交的提案', '市交通局', d('2021-03-26'), d('2021-05-20'), 'A', '是', '满意'],
        [2, '市政协提案', 2, '关于绿化的提案', '市园林局', d('2021-03-26'), d('2021-05-20'), 'A', '是', '满意'],
        [3, '市政协提案', 3, '关于停车的提案', '市交通局', d('2021-03-26'), d('2021-05-20'), 'A', '是', '满意'],
        [4, '市人大建议', 1, '关于学校的建议', '市教育局', d('2021-03-26'), d('2021-05-20'), 'A', '是', '满意'],
      ]),
    ]);
  const renderExcel = (settings: ReturnType<typeof documentSettings>) =>
    render(
      <FluentProvider theme={webLightTheme}>
        <Announcer>
          <ExcelPane host={paneHost(ledger(), settings)} initialAsOf="2021-07-19" />
        </Announcer>
      </FluentProvider>,
    );
  const kept = (settings: ReturnType<typeof documentSettings>) => {
    const v = settings.data.get(CONFIG_SETTING);
    return v === undefined ? undefined : (JSON.parse(String(v)) as ConfigFile).columns;
  };

  test('Excel: remembered in the workbook, a pane opened again starts from it; 不再记住 takes it out again', async () => {
    const settings = documentSettings();
    const first = renderExcel(settings);
    await screen.findByLabelText('办理总数');
    expect(totalsText()).toContain('市政协提案 3 件');
    fireEvent.click(screen.getByRole('button', { name: /列对应/ }));
    fireEvent.change(within(screen.getByRole('group', { name: '列对应' })).getByLabelText('类别'), { target: { value: '' } });
    await waitFor(() => expect(totalsText()).not.toContain('市政协提案 3 件'));
    // Chosen but not kept: nothing written to the workbook yet.
    expect(settings.writes).toEqual([]);
    expect(screen.getByText(/点“记住列对应”，把这些列对应保存在工作簿中/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '记住列对应' }));
    await screen.findByText(/^已记住列对应。设置已保存到工作簿/);
    expect(kept(settings)).toEqual({ 类别: '' });
    expect(screen.getByRole('button', { name: /列对应（已识别 \d+ 列，其中 1 列由您指定，已记住）/ })).toBeTruthy();
    expect(screen.getByText(/这些列对应已记住（保存在工作簿中）/)).toBeTruthy();
    // 设置 shows it in its 列对应 section.
    fireEvent.click(screen.getByRole('tab', { name: '设置' }));
    const form = screen.getByTestId('settings');
    expect((within(form).getByLabelText('列对应的列（第 1 行）', { selector: 'select' }) as HTMLSelectElement).value).toBe('类别');
    first.unmount();

    // Opened again on the saved workbook: the check reads with the kept 列对应 at once.
    const again = documentSettings(Object.fromEntries(settings.data));
    renderExcel(again);
    await screen.findByLabelText('办理总数');
    expect(totalsText()).not.toContain('市政协提案 3 件');
    fireEvent.click(screen.getByRole('button', { name: /列对应（已识别 \d+ 列，其中 1 列由您指定，已记住）/ }));
    expect((within(screen.getByRole('group', { name: '列对应' })).getByLabelText('类别') as HTMLSelectElement).value).toBe('');
    expect(await seriousViolations()).toEqual([]);

    // Back to the guess for this time only; then no longer kept either.
    fireEvent.click(screen.getByRole('button', { name: '全部恢复为自动识别' }));
    await waitFor(() => expect(totalsText()).toContain('市政协提案 3 件'));
    expect(kept(again)).toEqual({ 类别: '' });
    fireEvent.click(screen.getByRole('button', { name: '不再记住列对应' }));
    await screen.findByText(/^已不再记住列对应，以后按自动识别读取各列。/);
    expect(kept(again)).toBeUndefined();
    expect(totalsText()).toContain('市政协提案 3 件');
  }, 120000);

  test('page: remembered in the browser, the next ledger opened starts from it', async () => {
    const storage = window.localStorage;
    storage.clear();
    const first = renderPage(<StandalonePane />, { storage });
    fireEvent.click(screen.getByRole('button', { name: '打开示例台账' }));
    await screen.findByLabelText('办理总数', {}, { timeout: 20000 });
    fireEvent.click(screen.getByRole('button', { name: /列对应（已识别 \d+ 列）/ }));
    fireEvent.change(within(screen.getByRole('group', { name: '列对应' })).getByLabelText('类别'), { target: { value: '' } });
    await waitFor(() => expect(totalsText()).not.toContain('市人大建议 468 件'), { timeout: 20000 });
    fireEvent.click(screen.getByRole('button', { name: '记住列对应' }));
    await screen.findByText(/^已记住列对应。设置已保存在本浏览器中/, {}, { timeout: 20000 });
    expect((JSON.parse(storage.getItem(SETTINGS_KEY) ?? 'null') as ConfigFile | null)?.columns).toEqual({ 类别: '' });
    first.unmount();

    renderPage(<StandalonePane />, { storage });
    fireEvent.click(screen.getByRole('button', { name: '打开示例台账' }));
    await screen.findByLabelText('办理总数', {}, { timeout: 20000 });
    expect(totalsText()).not.toContain('市人大建议 468 件');
    expect(screen.getByRole('button', { name: /列对应（已识别 \d+ 列，其中 1 列由您指定，已记住）/ })).toBeTruthy();
    storage.clear();
  }, 120000);

  test('a host that cannot keep settings offers no 记住: the correction holds for this time only', async () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <ExcelPane host={paneHost(ledger())} initialAsOf="2021-07-19" />
      </FluentProvider>,
    );
    await screen.findByLabelText('办理总数');
    fireEvent.click(screen.getByRole('button', { name: /列对应/ }));
    fireEvent.change(within(screen.getByRole('group', { name: '列对应' })).getByLabelText('类别'), { target: { value: '' } });
    await waitFor(() => expect(totalsText()).not.toContain('市政协提案 3 件'));
    expect(screen.queryByRole('button', { name: '记住列对应' })).toBeNull();
    expect(screen.getByRole('button', { name: '全部恢复为自动识别' })).toBeTruthy();
  }, 60000);

  test('记住列对应 while 设置 has unsaved typing: the typing stays, the 列对应 rows show what was remembered', async () => {
    const settings = documentSettings();
    renderExcel(settings);
    await screen.findByLabelText('办理总数');
    fireEvent.click(screen.getByRole('tab', { name: '设置' }));
    const form = screen.getByTestId('settings');
    fireEvent.change(within(form).getByLabelText('催办提前天数（天）'), { target: { value: '20' } });
    fireEvent.click(screen.getByRole('tab', { name: '检查' }));
    fireEvent.click(screen.getByRole('button', { name: /列对应/ }));
    fireEvent.change(within(screen.getByRole('group', { name: '列对应' })).getByLabelText('类别'), { target: { value: '' } });
    await waitFor(() => expect(totalsText()).not.toContain('市政协提案 3 件'));
    fireEvent.click(screen.getByRole('button', { name: '记住列对应' }));
    await screen.findByText(/^已记住列对应。/);
    // Only the 列对应 was saved; the typed number is still in the form, not yet saved.
    expect(JSON.parse(String(settings.data.get(CONFIG_SETTING))).dueSoonDays).toBe(15);
    fireEvent.click(screen.getByRole('tab', { name: '设置' }));
    expect((within(form).getByLabelText('催办提前天数（天）') as HTMLInputElement).value).toBe('20');
    expect((within(form).getByLabelText('列对应的列（第 1 行）', { selector: 'select' }) as HTMLSelectElement).value).toBe('类别');
    expect(within(form).getByText('表单有改动，尚未保存：检查仍用原来的设置。')).toBeTruthy();
  }, 60000);
});
