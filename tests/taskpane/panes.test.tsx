/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/** The panes' flows with React Testing Library: the Excel pane over the real adapter and a fake workbook. */
import '../helpers/jsdom';
import * as React from 'react';
import { readFileSync } from 'fs';
import * as path from 'path';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { CellValue, Grid, dayToSerial, parseDay } from '../../src/core';
import { ExcelHost } from '../../src/excel/host';
import { readGrids } from '../../src/excel/read';
import { clearMarks, markFindings, selectCell } from '../../src/excel/marks';
import { writeSummarySheet, SUMMARY_SHEET } from '../../src/excel/summarySheet';
import { ExcelCapabilities } from '../../src/excel/requirements';
import { Announcer } from '../../src/taskpane/components/Announcer';
import { ExcelPane } from '../../src/taskpane/ExcelPane';
import { StandalonePane } from '../../src/taskpane/StandalonePane';
import { App } from '../../src/taskpane/App';
import { readWorkbook } from '../../src/xlsx/read';
import { Downloads, renderPage, testFiles } from './pageFiles';
import { seriousViolations } from './axe';
import { FakeExcel, FakeSheet, installExcelGlobals } from '../helpers/excelMock';

const SAMPLE = path.join(__dirname, '../../samples/ledger-2021.xlsx');
const ALL: ExcelCapabilities = { basic: true, changeEvents: true, fillPattern: true, notes: true };

let sample: { grids: Grid[] };
beforeAll(async () => {
  installExcelGlobals();
  const bytes = new Uint8Array(readFileSync(SAMPLE));
  const { grids } = await readWorkbook(bytes, 'ledger-2021.xlsx');
  sample = { grids };
});

function fakeFromSample(): FakeExcel {
  const asExcel = (v: CellValue) => (v instanceof Date ? dayToSerial((parseDay(v) as { day: string }).day) : v);
  return new FakeExcel(sample.grids.map((g) => FakeSheet.from(g.sheet, g.values.map((r) => r.map(asExcel)), g.top, g.left)));
}

/** The pane's host over the real adapter functions and the fake workbook; change events fired by the test. */
function hostOver(fake: FakeExcel, caps: ExcelCapabilities = ALL): ExcelHost & { fireChange: () => void; reads: number } {
  let listener: (() => void) | null = null;
  const host = {
    capabilities: caps,
    reads: 0,
    read: async (p?: Parameters<ExcelHost['read']>[0]) => {
      host.reads++;
      return readGrids(fake.context(), p);
    },
    mark: (f: Parameters<ExcelHost['mark']>[0]) => markFindings(fake.context(), f, caps),
    clear: () => clearMarks(fake.context(), caps),
    summary: (a: Parameters<ExcelHost['summary']>[0], asOf: string) => writeSummarySheet(fake.context(), a, asOf),
    select: (sheet: string, cell: string) => selectCell(fake.context(), sheet, cell),
    onChanged: async (_sheet: string, cb: () => void) => {
      listener = cb;
      return async () => {
        listener = null;
      };
    },
    fireChange: () => listener?.(),
  };
  return host;
}

const wrap = (ui: React.ReactElement) => render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);

describe('Excel pane', () => {
  test('shows the totals in the circular’s terms and the findings by rule; a click selects the cell', async () => {
    const fake = fakeFromSample();
    wrap(<ExcelPane host={hostOver(fake)} initialAsOf="2021-07-19" />);
    const totals = await screen.findByLabelText('办理总数');
    expect(totals.textContent).toContain('共 1388 件：省人大建议、省政协提案 81 件');
    expect(totals.textContent).toContain('市人大建议 468 件（含闭会建议 14 件），市政协提案 839 件');
    expect(totals.textContent).toContain('人大建议 20 件，政协提案 8 件');
    const list = screen.getByLabelText('问题清单');
    const late = within(list).getByText('超期答复');
    expect(late.parentElement!.textContent).toContain('10');
    fireEvent.click(late);
    const items = await within(list).findAllByTitle('点击定位到这个单元格');
    const first = items.find((b) => b.getAttribute('data-cell')!.startsWith('台账!K'))!;
    fireEvent.click(first);
    await waitFor(() => expect(fake.selected).toBe(first.getAttribute('data-cell')));
  });

  test('标记问题 then 清除标记: fills and notes come and go; values never change', async () => {
    const fake = fakeFromSample();
    const before = JSON.stringify(fake.sheets.map((s) => [...s.cells]));
    wrap(<ExcelPane host={hostOver(fake)} initialAsOf="2021-07-19" />);
    await screen.findByLabelText('办理总数');
    fireEvent.click(screen.getByRole('button', { name: '标记问题' }));
    expect(await screen.findByText(/已标记 \d+ 个单元格/)).toBeTruthy();
    expect(fake.sheet('台账').fills.size).toBeGreaterThan(50);
    expect(fake.notes.size).toBeGreaterThan(50);
    fireEvent.click(screen.getByRole('button', { name: '清除标记' }));
    expect(await screen.findByText(/已恢复 \d+ 个单元格原来的底色和批注/)).toBeTruthy();
    expect(fake.sheet('台账').fills.size).toBe(0);
    expect(fake.notes.size).toBe(0);
    expect(JSON.stringify(fake.sheets.map((s) => [...s.cells]))).toBe(before);
  });

  test('生成统计表 writes the summary sheet', async () => {
    const fake = fakeFromSample();
    wrap(<ExcelPane host={hostOver(fake)} initialAsOf="2021-07-19" />);
    await screen.findByLabelText('办理总数');
    fireEvent.click(screen.getByRole('button', { name: '生成统计表' }));
    expect(await screen.findByText(/已生成工作表“办理统计”/)).toBeTruthy();
    expect(fake.sheet(SUMMARY_SHEET).charts).toHaveLength(2);
  });

  test('re-checks after the ledger changes, a moment after the last edit', async () => {
    const fake = fakeFromSample();
    const host = hostOver(fake);
    wrap(<ExcelPane host={host} initialAsOf="2021-07-19" recheckDelay={50} />);
    await screen.findByLabelText('办理总数');
    expect(host.reads).toBe(1);
    // The clerk fills in a missing lead unit.
    expect(fake.sheet('台账').cells.has('F456')).toBe(false);
    fake.sheet('台账').cells.set('F456', '市交通局');
    act(() => {
      host.fireChange();
      host.fireChange();
    });
    await waitFor(() => expect(host.reads).toBe(2));
    await waitFor(() => expect(screen.getByLabelText('问题清单').textContent).toMatch(/没有主办单位.*2/));
  });

  test('each re-check is said with its new figures (seen and announced); one the clerk did not ask for leaves the focus where it is', async () => {
    const fake = fakeFromSample();
    const host = hostOver(fake);
    const ui = (
      <Announcer>
        <ExcelPane host={host} initialAsOf="2021-07-19" recheckDelay={50} />
      </Announcer>
    );
    wrap(ui);
    await screen.findByLabelText('办理总数');
    // Opening says itself by its totals: no notice.
    expect(screen.queryByTestId('notice')).toBeNull();
    const said = () => screen.getByTestId('announcer').textContent ?? '';
    // An edit in the worksheet: re-checked a moment later, said, and the focus stays in the date field.
    const date = screen.getByLabelText('截至日期');
    date.focus();
    fake.sheet('台账').cells.set('F456', '市交通局');
    act(() => host.fireChange());
    const notice = await screen.findByText(/^工作表“台账”有改动，已重新检查：1388 件。发现/);
    await waitFor(() => expect(said()).toMatch(/^工作表“台账”有改动，已重新检查：1388 件。/));
    expect(document.activeElement).toBe(date);
    expect(notice.closest('[tabindex="-1"]')).not.toBe(document.activeElement);
    // 重新检查 pressed: said, and the notice takes the focus (the button is off while it reads).
    fireEvent.click(screen.getByRole('button', { name: '重新检查' }));
    const pressed = await screen.findByText(/^已重新检查：1388 件。/);
    await waitFor(() => expect(said()).toMatch(/^已重新检查：1388 件。/));
    await waitFor(() => expect(pressed.closest('[tabindex="-1"]')).toBe(document.activeElement));
    // Another as-of day: the new figures (fewer overdue on an earlier day).
    fireEvent.change(date, { target: { value: '2021-05-01' } });
    fireEvent.keyDown(date, { key: 'Enter' });
    await screen.findByText(/^已按截至日期 2021-05-01 重新检查：1388 件。/);
    await waitFor(() => expect(said()).toMatch(/^已按截至日期 2021-05-01 重新检查/));
  });

  test('an old Excel: says plainly what it cannot do', async () => {
    const fake = fakeFromSample();
    wrap(<ExcelPane host={hostOver(fake, { basic: false, changeEvents: false, fillPattern: false, notes: false })} />);
    expect(screen.getByText(/这个版本的 Excel 较旧，不能在 Excel 中检查台账/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: '标记问题' })).toBeNull();
  });

  test('a workbook without a ledger: a Chinese message, no stack trace', async () => {
    const fake = new FakeExcel([FakeSheet.from('Sheet1', [['姓名', '电话'], ['张三', '1']])]);
    wrap(<ExcelPane host={hostOver(fake)} />);
    expect(await screen.findByText(/没有找到台账表头/)).toBeTruthy();
  });
});

describe('standalone page', () => {
  const totalsText = () => screen.getByLabelText('办理总数').textContent ?? '';

  test('打开示例台账 → 1388 and the source figures → findings → the annotated download', async () => {
    const downloads: Downloads = [];
    renderPage(<StandalonePane />, { files: testFiles(downloads) });
    fireEvent.click(screen.getByRole('button', { name: '打开示例台账' }));
    const totals = await screen.findByLabelText('办理总数', {}, { timeout: 20000 });
    expect(totals.textContent).toContain('共 1388 件');
    expect(totals.textContent).toContain('81 件');
    expect((screen.getByLabelText('截至日期') as HTMLInputElement).value).toBe('2021-07-19');
    expect(screen.getByText('2021年7月19日（星期一），以这一天判断是否超期')).toBeTruthy();
    expect(screen.getByLabelText('问题清单').textContent).toContain('超期未答复');
    // Loaded: said in words, announced, and focused.
    const notice = await screen.findByText(/已打开 ledger-2021\.xlsx：1388 件。发现问题/);
    await waitFor(() => expect(screen.getByTestId('announcer').textContent).toMatch(/已打开 ledger-2021\.xlsx/));
    expect(notice.closest('[tabindex="-1"]')).toBe(document.activeElement);
    fireEvent.click(screen.getByRole('button', { name: '下载标注副本' }));
    await screen.findByText(/已生成 ledger-2021（已标注）\.xlsx/);
    expect(downloads[0].name).toBe('ledger-2021（已标注）.xlsx');
    expect(downloads[0].bytes.length).toBeGreaterThan(50000);
    fireEvent.click(screen.getByRole('button', { name: '下载通报（.docx）' }));
    await screen.findByText(/已生成 通报-2021\.docx（郑政文〔2021〕84号）/);
  });

  test('typed dates commit on Enter or leaving the field, in every form; half-typed text never re-checks', async () => {
    renderPage(<StandalonePane />);
    fireEvent.click(screen.getByRole('button', { name: '打开示例台账' }));
    await screen.findByLabelText('办理总数', {}, { timeout: 20000 });
    const date = screen.getByLabelText('截至日期') as HTMLInputElement;
    const overdue = () => /超期未答复 (\d+) 件/.exec(totalsText())![1];
    expect(overdue()).toBe('6');
    const before = totalsText();
    // The keys of 08012021 one by one: nothing is checked while typing.
    for (const t of ['0', '08', '0801', '080120', '08012021']) fireEvent.change(date, { target: { value: t } });
    expect(totalsText()).toBe(before);
    fireEvent.blur(date);
    expect(await screen.findByText(/年份 801 不对/)).toBeTruthy();
    expect(totalsText()).toBe(before); // the last good day stays
    for (const [typed, words, day] of [
      ['2021-05-01', '2021年5月1日（星期六）', '2021-05-01'],
      ['2021/5/2', '2021年5月2日（星期日）', '2021-05-02'],
      ['2021年5月3日', '2021年5月3日（星期一）', '2021-05-03'],
      ['20210504', '2021年5月4日（星期二）', '2021-05-04'],
    ]) {
      fireEvent.change(date, { target: { value: typed } });
      fireEvent.keyDown(date, { key: 'Enter' });
      expect(await screen.findByText(new RegExp(words.replace(/[()（）]/g, '.')))).toBeTruthy();
      await waitFor(() => expect(date.value).toBe(day));
    }
    await waitFor(() => expect(Number(overdue())).toBeLessThan(6));
  });

  test('one ledger for both tabs; the circular in 检查台账 uses the shared settings and the ledger’s year', async () => {
    const downloads: Downloads = [];
    render(<App host={null} files={testFiles(downloads)} />);
    fireEvent.click(screen.getByRole('tab', { name: '生成通报' }));
    fireEvent.click(screen.getByRole('button', { name: '打开示例台账' }));
    await screen.findByLabelText('办理总数', {}, { timeout: 20000 });
    // Today's as-of would give this year: the ledger's assignment dates give 2021.
    const asOf = screen.getByLabelText('截至日期') as HTMLInputElement;
    fireEvent.change(asOf, { target: { value: '2026-03-01' } });
    fireEvent.blur(asOf);
    await waitFor(() => expect((screen.getByLabelText(/年度/) as HTMLInputElement).value).toBe('2021'));
    fireEvent.change(screen.getByLabelText(/发文机关标志/), { target: { value: '某某市人民政府文件' } });
    fireEvent.change(screen.getByLabelText(/发文字号/), { target: { value: '某政文〔2021〕12号' } });
    fireEvent.click(screen.getByRole('tab', { name: '检查台账' }));
    expect(totalsText()).toContain('共 1388 件'); // still there
    fireEvent.click(screen.getByRole('button', { name: '下载通报（.docx）' }));
    await screen.findByText(/已生成 通报-2021\.docx（某政文〔2021〕12号）/);
    const JSZip = (await import('jszip')).default;
    const xml = await (await JSZip.loadAsync(downloads[0].bytes)).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('某某市人民政府文件');
    expect(text).toContain('某政文〔2021〕12号');
    // And back: the circular tab still has the ledger and the typed settings.
    fireEvent.click(screen.getByRole('tab', { name: '生成通报' }));
    expect((screen.getByLabelText(/发文字号/) as HTMLInputElement).value).toBe('某政文〔2021〕12号');
    expect(totalsText()).toContain('共 1388 件');
  });

  test('a bad file after a good one: the old results and downloads go, and the message names the file', async () => {
    renderPage(<StandalonePane />);
    fireEvent.click(screen.getByRole('button', { name: '打开示例台账' }));
    await screen.findByLabelText('办理总数', {}, { timeout: 20000 });
    const input = screen.getByTestId('file-input') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File(['这不是工作簿'], 'notes.xlsx')] } });
    expect(await screen.findByText(/notes\.xlsx.*不是 Excel 工作簿/)).toBeTruthy();
    expect(screen.queryByLabelText('办理总数')).toBeNull();
    expect(screen.queryByRole('button', { name: '下载标注副本' })).toBeNull();
    expect(screen.queryByRole('button', { name: '下载通报（.docx）' })).toBeNull();
  });

  test('findings: filters by severity, rule and unit with counts, a search box, and a click opens the whole row', async () => {
    renderPage(<StandalonePane />);
    fireEvent.click(screen.getByRole('button', { name: '打开示例台账' }));
    await screen.findByLabelText('办理总数', {}, { timeout: 20000 });
    const list = screen.getByLabelText('问题清单');
    const count = () => within(list).getByTestId('findings-count').textContent;
    const all = Number(/共 (\d+) 条/.exec(count()!)![1]);
    expect(all).toBeGreaterThan(20);
    const rule = within(list).getByLabelText('问题类型') as HTMLSelectElement;
    const overdueOption = [...rule.options].find((o) => o.text.startsWith('超期未答复'))!;
    expect(overdueOption.text).toBe('超期未答复（6）');
    fireEvent.change(rule, { target: { value: overdueOption.value } });
    expect(count()).toBe(`显示 6 条（共 ${all} 条）`);
    const unit = within(list).getByLabelText('承办单位') as HTMLSelectElement;
    const first = [...unit.options][1];
    const n = Number(/（(\d+)）$/.exec(first.text)![1]);
    fireEvent.change(unit, { target: { value: first.value } });
    expect(count()).toBe(`显示 ${n} 条（共 ${all} 条）`);
    fireEvent.change(unit, { target: { value: '' } });
    fireEvent.change(rule, { target: { value: '' } });
    fireEvent.change(within(list).getByLabelText('搜索'), { target: { value: '2021-06-26' } });
    await waitFor(() => expect(count()).toMatch(/^显示 \d+ 条/));
    const severity = within(list).getByLabelText('严重程度') as HTMLSelectElement;
    expect([...severity.options].map((o) => o.text)[0]).toMatch(/^全部（\d+）$/);
    // Open a finding: its whole row, the finding and the fix.
    fireEvent.click(within(list).getAllByRole('button').find((b) => /超期未答复/.test(b.textContent ?? ''))!);
    const item = within(list).getAllByTitle('点击查看这一行')[0];
    fireEvent.click(item);
    expect(item.getAttribute('aria-expanded')).toBe('true');
    const row = await within(list).findByLabelText(/工作表“台账”第 \d+ 行的各列/);
    expect(row.textContent).toContain('交办日期2021-03-26');
    expect(row.textContent).toContain('答复日期（空）（这一格）');
    expect(within(list).getByText('问题：').parentElement!.textContent).toMatch(/办理期限 2021-06-26 已过/);
  });

  test('a file that is not a workbook: a clear message', async () => {
    renderPage(<StandalonePane />);
    const input = screen.getByTestId('file-input') as HTMLInputElement;
    const bad = new File(['这不是工作簿'], 'notes.xlsx');
    fireEvent.change(input, { target: { files: [bad] } });
    expect(await screen.findByText(/不是 Excel 工作簿/)).toBeTruthy();
  });
});

describe('accessibility of the Excel pane (axe-core over the fake workbook)', () => {
  test('loaded, with a rule group open and a result message; and on an old Excel', async () => {
    const fake = fakeFromSample();
    const view = wrap(<ExcelPane host={hostOver(fake)} initialAsOf="2021-07-19" />);
    await screen.findByLabelText('办理总数');
    fireEvent.click(within(screen.getByLabelText('问题清单')).getByText('超期答复'));
    fireEvent.click(screen.getByRole('button', { name: '生成统计表' }));
    await screen.findByText(/已生成工作表“办理统计”/);
    expect(await seriousViolations()).toEqual([]);
    view.unmount();
    wrap(<ExcelPane host={hostOver(fakeFromSample(), { basic: false, changeEvents: false, fillPattern: false, notes: false })} />);
    expect(await seriousViolations()).toEqual([]);
  });
});
