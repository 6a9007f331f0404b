/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/**
 * Field test C on the standalone page: unsaved 设置 kept across tabs, the praised units said with the circular, the
 * focus kept in a select that re-checks, 成文日期 before 截至, a ledger and its copy, 取消 keeping the old ledger,
 * dates in 统一答复日期, the circular's stale error, focus on added rows, names of rows and landmarks.
 */
import '../helpers/jsdom';
import * as React from 'react';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Standalone } from '../../src/taskpane/App';
import { renderPage } from './pageFiles';
import { memoryStorage } from '../helpers/memoryStorage';

const tab = (name: string) => screen.getByRole('tab', { name });
const settings = () => within(screen.getByTestId('settings'));

describe('设置: unsaved edits', () => {
  test('kept when the clerk switches tab (click or arrow keys) and back, until 保存 or 恢复默认', async () => {
    renderPage(<Standalone />, { storage: memoryStorage() });
    fireEvent.click(tab('设置'));
    fireEvent.change(settings().getByLabelText('各来源统一的月数'), { target: { value: '4' } });
    fireEvent.click(settings().getByRole('button', { name: '添加来源' }));
    fireEvent.change(settings().getByLabelText('来源名称（第 1 行）'), { target: { value: '民革提案' } });
    fireEvent.change(settings().getByLabelText('表扬单位（每行一个）'), { target: { value: '市教育局' } });
    expect(screen.getByText(/表单有改动，尚未保存/)).toBeTruthy();

    fireEvent.click(tab('生成通报'));
    await screen.findByRole('form', { name: '通报设置' });
    act(() => tab('生成通报').focus());
    fireEvent.keyDown(tab('生成通报'), { key: 'ArrowRight' });
    await screen.findByTestId('settings');
    expect((settings().getByLabelText('各来源统一的月数') as HTMLInputElement).value).toBe('4');
    expect((settings().getByLabelText('来源名称（第 1 行）') as HTMLInputElement).value).toBe('民革提案');
    expect((settings().getByLabelText('表扬单位（每行一个）') as HTMLTextAreaElement).value).toBe('市教育局');
    expect(screen.getByText(/表单有改动，尚未保存/)).toBeTruthy();

    // Leaving the page with them unsaved is warned of.
    const leave = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(leave);
    expect(leave.defaultPrevented).toBe(true);

    fireEvent.click(settings().getByRole('button', { name: '恢复默认' }));
    fireEvent.click(tab('检查台账'));
    fireEvent.click(tab('设置'));
    expect((settings().getByLabelText('各来源统一的月数') as HTMLInputElement).value).toBe('3');
    expect(screen.queryByText(/表单有改动，尚未保存/)).toBeNull();
    const after = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(after);
    expect(after.defaultPrevented).toBe(false);
  }, 60000);
});

async function openSample() {
  fireEvent.click(screen.getByRole('button', { name: '打开示例台账' }));
  await screen.findByLabelText('办理总数', {}, { timeout: 20000 });
}

describe('表扬单位 of 设置 in the circular', () => {
  test('those with problems and names that are no unit are said with the download (检查台账 and 生成通报); none left: the sentence is said gone', async () => {
    renderPage(<Standalone />, { storage: memoryStorage() });
    fireEvent.click(tab('设置'));
    fireEvent.change(settings().getByLabelText('表扬单位（每行一个）'), { target: { value: '市城管局\n市供电公司\n市教肓局' } });
    fireEvent.click(settings().getByRole('button', { name: '保存' }));
    await screen.findByText(/设置已保存在本浏览器中/, {}, { timeout: 20000 });
    fireEvent.click(tab('检查台账'));
    await openSample();
    fireEvent.click(screen.getByRole('button', { name: '下载通报（.docx）' }));
    const said = '设置中的表扬单位市供电公司有台账核对发现的问题，没有列入办理较好的单位。“市教肓局”不是台账或承办单位名单中的单位（是否写错了？），没有列入。';
    await waitFor(() => expect(screen.getByTestId('notice').textContent).toContain(`请在浏览器的下载中查看。${said}`), { timeout: 20000 });

    fireEvent.click(tab('生成通报'));
    await screen.findByRole('form', { name: '通报设置' });
    fireEvent.click(screen.getByRole('button', { name: '下载通报（.docx）' }));
    await waitFor(() => expect(screen.getAllByTestId('notice').map((n) => n.textContent).join('\n')).toMatch(/已生成 通报-2021\.docx（.*），请在浏览器的下载中查看。设置中的表扬单位市供电公司/), { timeout: 20000 });

    fireEvent.click(tab('设置'));
    fireEvent.change(settings().getByLabelText('表扬单位（每行一个）'), { target: { value: '市供电公司' } });
    fireEvent.click(settings().getByRole('button', { name: '保存' }));
    await screen.findByText(/设置已保存在本浏览器中，并已按新设置重新检查/, {}, { timeout: 20000 });
    fireEvent.click(tab('生成通报'));
    fireEvent.click(await screen.findByRole('button', { name: '下载通报（.docx）' }));
    await waitFor(() => expect(screen.getAllByTestId('notice').map((n) => n.textContent).join('\n')).toContain('设置中的表扬单位都没有列入，通报中没有“办理较好的单位”这句话。'), { timeout: 20000 });
  }, 120000);
});

describe('selects that re-check keep the clerk in them', () => {
  test('列对应: a change (↓ on the closed list fires one) re-checks and the focus stays in that list, which is never turned off or replaced', async () => {
    renderPage(<Standalone />);
    await openSample();
    fireEvent.click(screen.getByRole('button', { name: /列对应（已识别 \d+ 列）/ }));
    const list = within(screen.getByRole('group', { name: '列对应' })).getByLabelText('是否面商') as HTMLSelectElement;
    act(() => list.focus());
    fireEvent.change(list, { target: { value: '' } });
    expect(list.disabled).toBe(false);
    await waitFor(() => expect(screen.getByTestId('notice').textContent).toMatch(/^已按改过的列对应重新检查/), { timeout: 20000 });
    expect(within(screen.getByRole('group', { name: '列对应' })).getByLabelText('是否面商')).toBe(list);
    expect(document.activeElement).toBe(list);
  }, 60000);

  test('台账工作表: passing over a sheet that is no ledger says why without taking the focus from the list', async () => {
    renderPage(<Standalone />);
    await openSample();
    const sheet = screen.getByRole('combobox', { name: '台账工作表' }) as HTMLSelectElement;
    const other = [...sheet.options].map((o) => o.value).find((v) => v && v !== '台账');
    act(() => sheet.focus());
    fireEvent.change(sheet, { target: { value: other } });
    expect(sheet.disabled).toBe(false);
    await waitFor(() => expect(screen.getAllByTestId('notice').map((n) => n.textContent).join('')).toContain(other!), { timeout: 20000 });
    await new Promise((r) => setTimeout(r, 50));
    expect(document.activeElement).toBe(sheet);
  }, 60000);
});


test('成文日期 before 截至日期 is warned at 成文日期 (not refused); on or after it, no warning', async () => {
  const { WordPane } = await import('../../src/taskpane/WordPane');
  renderPage(<WordPane />, { initialAsOf: '2021-07-19' });
  const date = () => screen.getByRole('textbox', { name: '成文日期' }) as HTMLInputElement;
  const said = () => (date().getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
  fireEvent.change(date(), { target: { value: '2021年7月1日' } });
  fireEvent.keyDown(date(), { key: 'Enter' });
  await waitFor(() => expect(said()).toContain('成文日期早于截至日期（2021年7月19日（星期一）），通报中的数字截至那一天，请核对。'));
  expect(date().getAttribute('aria-invalid')).not.toBe('true');
  fireEvent.change(date(), { target: { value: '2021-07-19' } });
  fireEvent.keyDown(date(), { key: 'Enter' });
  await waitFor(() => expect(said()).not.toContain('早于'));
}, 60000);

test('取消 while a new pick is read brings back the ledger open before, its results and downloads', async () => {
  const { StandalonePane } = await import('../../src/taskpane/StandalonePane');
  renderPage(<StandalonePane />);
  await openSample();
  // A file whose bytes never come: the reading is under way until 取消.
  const slow = new File(['x'], '新台账.xlsx');
  Object.defineProperty(slow, 'arrayBuffer', { value: () => new Promise(() => undefined) });
  fireEvent.change(screen.getByTestId('file-input') as HTMLInputElement, { target: { files: [slow] } });
  fireEvent.click(await screen.findByRole('button', { name: '取消' }));
  await waitFor(() => expect(screen.getByTestId('notice').textContent).toBe('已取消打开新的台账，仍使用原来的 ledger-2021.xlsx。'), { timeout: 20000 });
  const totals = await screen.findByLabelText('办理总数', {}, { timeout: 20000 });
  expect(totals.textContent).toContain('ledger-2021.xlsx：工作表“台账”');
  expect(screen.getByRole('button', { name: '下载通报（.docx）' })).toBeTruthy();
  await new Promise((r) => setTimeout(r, 100));
  expect(screen.getByTestId('notice').textContent).toBe('已取消打开新的台账，仍使用原来的 ledger-2021.xlsx。');
}, 60000);

test('统一答复日期 takes a date as every date field does (2021年8月31日, 2021/8/31), kept as 2021-08-31; a date that is none is said at the row', async () => {
  const storage = memoryStorage();
  renderPage(<Standalone />, { storage });
  fireEvent.click(tab('设置'));
  fireEvent.click(settings().getByRole('button', { name: '添加统一答复日期' }));
  fireEvent.change(settings().getByLabelText('有统一答复日期的来源（第 1 行）'), { target: { value: '市人大建议' } });
  const day = settings().getByLabelText('统一答复日期（第 1 行）') as HTMLInputElement;
  fireEvent.change(day, { target: { value: '2021年8月31日' } });
  expect(day.getAttribute('aria-invalid')).not.toBe('true');
  fireEvent.click(settings().getByRole('button', { name: '保存' }));
  await screen.findByText(/设置已保存在本浏览器中/, {}, { timeout: 20000 });
  expect(JSON.parse(storage.getItem('banli.config')!).fixedDeadlines).toEqual({ 市人大建议: '2021-08-31' });
  fireEvent.change(day, { target: { value: '2021/8/30' } });
  fireEvent.click(settings().getByRole('button', { name: '保存' }));
  await waitFor(() => expect(JSON.parse(storage.getItem('banli.config')!).fixedDeadlines).toEqual({ 市人大建议: '2021-08-30' }), { timeout: 20000 });
  fireEvent.change(day, { target: { value: '2021-02-30' } });
  expect(day.getAttribute('aria-invalid')).toBe('true');
  expect(screen.getByText('2021年2月没有 30 日。')).toBeTruthy();
}, 60000);

test('生成通报: the message that a field is wrong follows the form: the next wrong field, then gone once it is right', async () => {
  const { WordPane } = await import('../../src/taskpane/WordPane');
  renderPage(<WordPane />, { initialAsOf: '2021-07-19' });
  await openSample();
  const box = (name: string) => screen.getByRole('textbox', { name }) as HTMLInputElement;
  fireEvent.change(box('发文字号'), { target: { value: '' } });
  fireEvent.change(box('印发机关'), { target: { value: '' } });
  fireEvent.click(screen.getByRole('button', { name: '下载通报（.docx）' }));
  const shown = () => screen.getAllByTestId('notice').map((n) => n.textContent).join('\n');
  await waitFor(() => expect(shown()).toContain('通报设置中“发文字号”有误：请填写发文字号。'));
  fireEvent.change(box('发文字号'), { target: { value: '郑政文〔2021〕84号' } });
  await waitFor(() => expect(shown()).toContain('通报设置中“印发机关”有误：请填写印发机关。'));
  expect(shown()).not.toContain('发文字号');
  fireEvent.change(box('印发机关'), { target: { value: '郑州市人民政府办公厅' } });
  await waitFor(() => expect(shown()).not.toContain('有误'));
}, 60000);

test('检查台账: the message that the circular’s form is wrong goes when the form changes', async () => {
  renderPage(<Standalone />, { initialAsOf: '2021-07-19' });
  await openSample();
  fireEvent.click(tab('生成通报'));
  fireEvent.change(await screen.findByRole('textbox', { name: '发文字号' }), { target: { value: '' } });
  fireEvent.click(tab('检查台账'));
  fireEvent.click(screen.getByRole('button', { name: '下载通报（.docx）' }));
  await waitFor(() => expect(screen.getByTestId('notice').textContent).toContain('通报设置中“发文字号”有误'));
  fireEvent.click(tab('生成通报'));
  fireEvent.change(screen.getByRole('textbox', { name: '发文字号' }), { target: { value: '郑政文〔2021〕84号' } });
  fireEvent.click(tab('检查台账'));
  await waitFor(() => expect(screen.queryByText(/通报设置中“发文字号”有误/)).toBeNull());
}, 60000);

describe('keyboard and names', () => {
  test('each 添加… button puts the focus in the new row’s first field; rows of different lists have different names', async () => {
    renderPage(<Standalone />, { storage: memoryStorage() });
    fireEvent.click(tab('设置'));
    const adds: Array<[string, string]> = [
      ['添加来源', '来源名称（第 1 行）'],
      ['按来源另写月数', '另定时限的来源（第 1 行）'],
      ['添加统一答复日期', '有统一答复日期的来源（第 1 行）'],
      ['添加列名', '表头中的列（第 1 行）'],
      ['添加列对应', '列对应的列（第 1 行）'],
    ];
    for (const [button, field] of adds) {
      fireEvent.click(settings().getByRole('button', { name: button }));
      await waitFor(() => expect(document.activeElement).toBe(settings().getByLabelText(field)));
    }
    const grades = settings().getAllByLabelText(/^答复类别（第 \d+ 行）$/).length;
    fireEvent.click(settings().getByRole('button', { name: '添加答复类别' }));
    await waitFor(() => expect(document.activeElement).toBe(settings().getByLabelText(`答复类别（第 ${grades + 1} 行）`)));
    // The source row's lists carry its number; the delete buttons say which list and row.
    expect(settings().getByLabelText('属于（第 1 行）')).toBeTruthy();
    expect(settings().getByLabelText('层级（第 1 行）')).toBeTruthy();
    expect(settings().getByRole('button', { name: '删除表头第 1 行' })).toBeTruthy();
    expect(settings().getByRole('button', { name: '删除列对应第 1 行' })).toBeTruthy();
    expect(settings().queryAllByLabelText('列（第 1 行）')).toHaveLength(0);
  }, 60000);

  test('the tab bar and 帮助 are in a landmark; Esc closes 使用帮助 and the focus goes back to 帮助', async () => {
    renderPage(<Standalone />);
    const nav = screen.getByRole('navigation', { name: '功能和帮助' });
    expect(within(nav).getByRole('tablist')).toBeTruthy();
    const help = within(nav).getByRole('button', { name: '帮助' });
    fireEvent.click(help);
    const panel = await screen.findByTestId('help');
    fireEvent.keyDown(document.activeElement ?? panel, { key: 'Escape' });
    expect(screen.queryByTestId('help')).toBeNull();
    expect(document.activeElement).toBe(help);
  });

  test('when reading ends and 取消 goes, the focus goes to the progress line, not to the page', async () => {
    const { Status } = await import('../../src/taskpane/components/CheckControls');
    const { render } = await import('@testing-library/react');
    const cancel = () => undefined;
    const r = render(<Status busy={{ label: '正在读取 a.xlsx…', cancellable: true }} message={null} onCancel={cancel} />);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: '取消' }));
    r.rerender(<Status busy={{ label: '正在检查 a.xlsx…' }} message={null} onCancel={cancel} />);
    expect(document.activeElement).toBe(screen.getByTestId('busy'));
  });
});

test('the progress line keeps its figures together: （12,288 / 20,002 行） never breaks inside', async () => {
  const { Progress } = await import('../../src/taskpane/components/Progress');
  const { render } = await import('@testing-library/react');
  const { container } = render(<Progress label="正在读取第 2 / 8 个文件 单位02.xlsx（12,288 / 20,002 行），共完成 24%" value={0.2} />);
  const figures = [...container.querySelectorAll<HTMLElement>('[data-figures]')];
  expect(figures.map((f) => f.textContent)).toEqual(['（12,288 / 20,002 行）']);
  expect(figures[0].style.whiteSpace).toBe('nowrap');
  expect(screen.getByTestId('progress').textContent).toContain('正在读取第 2 / 8 个文件 单位02.xlsx（12,288 / 20,002 行），共完成 24%');
});

test('words for clerks: 设置 and 帮助 say what to do with banli.config.json without the command line', async () => {
  const { PAGE_HELP } = await import('../../src/taskpane/helpText');
  renderPage(<Standalone />);
  fireEvent.click(tab('设置'));
  expect(screen.queryByText(/命令行/)).toBeNull();
  expect(PAGE_HELP.flatMap((x) => x.lines).join('')).not.toMatch(/命令行/);
});
