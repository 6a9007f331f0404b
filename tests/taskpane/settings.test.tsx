/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/**
 * 设置 in the Excel pane, over the real adapters (a fake workbook behind office-addin-mock objects) and the settings
 * store over document settings: a change is used by the check only after 保存, which is the only thing that writes
 * to the workbook; invalid input is shown at its field and never reaches the check; a bad stored value is reported;
 * 导入 banli.config.json reads a file through the picker; 恢复默认 + 保存 leaves no setting behind.
 */
import '../helpers/jsdom';
import * as React from 'react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { CellValue, dayToSerial } from '../../src/core';
import { ExcelHost } from '../../src/excel/host';
import { CONFIG_SETTING } from '../../src/excel/settings';
import { documentSettings } from '../helpers/documentSettings';
import { ExcelPane } from '../../src/taskpane/ExcelPane';
import { Announcer } from '../../src/taskpane/components/Announcer';
import { FakeExcel, FakeSheet, installExcelGlobals, paneHost } from '../helpers/excelMock';
import { seriousViolations } from './axe';

const HEAD = ['序号', '类别', '编号', '标题', '主办单位', '交办日期', '答复日期', '答复类别', '是否面商', '代表委员意见'];
const d = (day: string) => dayToSerial(day);
/** Three CPPCC proposals and one NPC suggestion, assigned 2021-03-26 and not answered: all overdue on 07-19 at 3 months. */
function ledger(): FakeExcel {
  const rows: CellValue[][] = [
    HEAD,
    [1, '市政协提案', 1, '关于公交的提案', '市交通局', d('2021-03-26'), null, null, null, null],
    [2, '市政协提案', 2, '关于绿化的提案', '市园林局', d('2021-03-26'), null, null, null, null],
    [3, '市政协提案', 3, '关于停车的提案', '市交通局', d('2021-03-26'), null, null, null, null],
    [4, '市人大建议', 1, '关于学校的建议', '市教育局', d('2021-03-26'), null, null, null, null],
  ];
  return new FakeExcel([FakeSheet.from('台账', rows)]);
}

const host = paneHost;

function renderPane(h: ExcelHost) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <Announcer>
        <ExcelPane host={h} initialAsOf="2021-07-19" />
      </Announcer>
    </FluentProvider>,
  );
}

const totalsText = () => screen.getByLabelText('办理总数').textContent ?? '';
const tab = (name: string) => fireEvent.click(screen.getByRole('tab', { name }));
const settingsView = () => screen.getByTestId('settings');
const type = (label: string, value: string) => fireEvent.change(within(settingsView()).getByLabelText(label), { target: { value } });

beforeAll(() => installExcelGlobals());

test('5 months for 市政协提案: nothing changes until 保存; then the workbook keeps it and the check uses it', async () => {
  const settings = documentSettings();
  renderPane(host(ledger(), settings));
  await screen.findByLabelText('办理总数');
  expect(totalsText()).toContain('超期未答复 4 件');

  tab('设置');
  fireEvent.click(within(settingsView()).getByRole('button', { name: '按来源另写月数' }));
  type('另定时限的来源（第 1 行）', '市政协提案');
  type('月数（第 1 行）', '5');
  expect(screen.getByText('表单有改动，尚未保存：检查仍用原来的设置。')).toBeTruthy();
  // Typing changed nothing in the workbook, and the check still uses the settings in force.
  expect(settings.writes).toEqual([]);
  tab('检查');
  expect(totalsText()).toContain('超期未答复 4 件');

  tab('设置');
  fireEvent.click(within(settingsView()).getByRole('button', { name: '保存' }));
  await waitFor(() => expect(screen.getByTestId('announcer').textContent).toContain('设置已保存到工作簿'));
  expect(settings.writes).toEqual([`set ${CONFIG_SETTING}`, 'saveAsync']);
  expect(JSON.parse(settings.data.get(CONFIG_SETTING) as string).deadlineMonths).toEqual({ 市政协提案: 5 });
  tab('检查');
  await waitFor(() => expect(totalsText()).toContain('超期未答复 1 件'));

  // Reopened: the pane reads the settings back from the workbook and checks with them at once.
  const reopened = documentSettings(Object.fromEntries(settings.data));
  renderPane(host(ledger(), reopened));
  await waitFor(() => expect(screen.getAllByLabelText('办理总数')[1].textContent).toContain('超期未答复 1 件'));
}, 120000);

test('invalid input: the message at its field, 保存 refused and announced, the check keeps the last valid settings', async () => {
  const settings = documentSettings();
  renderPane(host(ledger(), settings));
  await screen.findByLabelText('办理总数');
  tab('设置');
  type('最长延期（月）', '六');
  type('催办提前天数（天）', '400');
  const field = within(settingsView()).getByLabelText('最长延期（月）');
  expect(field.getAttribute('aria-invalid')).toBe('true');
  expect(within(settingsView()).getByText('最长延期应是 1 到 24 之间的整数，现在是“六”。')).toBeTruthy();
  expect(within(settingsView()).getByText('催办提前天数应在 0 到 365 之间，现在是 400。')).toBeTruthy();
  fireEvent.click(within(settingsView()).getByRole('button', { name: '保存' }));
  await waitFor(() => expect(screen.getByTestId('announcer').textContent).toMatch(/^设置有 2 处问题，没有保存，检查仍用原来的设置/));
  expect(settings.writes).toEqual([]);
  // A row the file cannot hold: a source named twice.
  fireEvent.click(within(settingsView()).getByRole('button', { name: '添加来源' }));
  fireEvent.click(within(settingsView()).getByRole('button', { name: '添加来源' }));
  type('来源名称（第 1 行）', '民革提案');
  type('来源名称（第 2 行）', '民革提案');
  expect(within(settingsView()).getByTestId('settings-error-sources').textContent).toBe('来源“民革提案”写了两次，请只留一行。');
  expect(await seriousViolations(settingsView())).toEqual([]);
  tab('检查');
  expect(totalsText()).toContain('超期未答复 4 件');
}, 120000);

test('a stored value that is not valid settings is reported, not used; 恢复默认 + 保存 removes it from the workbook', async () => {
  const settings = documentSettings({ [CONFIG_SETTING]: JSON.stringify({ deadlineMonths: '五个月' }) });
  renderPane(host(ledger(), settings));
  await screen.findByLabelText('办理总数');
  expect(screen.getByText(/^工作簿中保存的设置有 1 处问题，没有使用（检查按默认设置进行）：各来源统一的月数应是 1 到 24 之间的整数，现在是“五个月”。/)).toBeTruthy();
  expect(totalsText()).toContain('超期未答复 4 件');
  tab('设置');
  fireEvent.click(within(settingsView()).getByRole('button', { name: '恢复默认' }));
  // The form already shows the defaults (the stored value was not used), yet 保存 puts them in its place.
  fireEvent.click(within(settingsView()).getByRole('button', { name: '保存' }));
  await waitFor(() => expect(settings.writes).toEqual([`remove ${CONFIG_SETTING}`, 'saveAsync']));
  await waitFor(() => expect(screen.getByTestId('announcer').textContent).toContain('设置已保存到工作簿'));
  // The warning is gone from both tabs, and 保存 has nothing more to do.
  expect(screen.queryAllByText(/工作簿中保存的设置有 1 处问题/)).toHaveLength(0);
  expect((within(settingsView()).getByRole('button', { name: '保存' }) as HTMLButtonElement).disabled).toBe(true);
  expect(settings.data.has(CONFIG_SETTING)).toBe(false);
}, 120000);

test('导入 banli.config.json: a malformed file is refused with its problems; a good one fills the form', async () => {
  renderPane(host(ledger(), documentSettings()));
  await screen.findByLabelText('办理总数');
  tab('设置');
  const input = screen.getByTestId('settings-import') as HTMLInputElement;
  const pick = async (name: string, text: string) => {
    await act(async () => {
      fireEvent.change(input, { target: { files: [new File([text], name, { type: 'application/json' })] } });
      await new Promise((r) => setTimeout(r, 50));
    });
  };
  await pick('bad.json', '{ "deadlineMonths": 3, }');
  await waitFor(() => expect(screen.getByTestId('announcer').textContent).toMatch(/^bad\.json 有 1 处问题，没有导入：不是办理助手的设置文件，内容无法读取。/));
  await pick('bad2.json', JSON.stringify({ sources: { 区人大建议: { body: 'npc', level: '本级' } } }));
  await waitFor(() => expect(screen.getByTestId('announcer').textContent).toContain('来源“区人大建议”的“层级”的值“本级”不在可选的范围内，可选：本级、上级、全国。'));
  await pick('banli.config.json', JSON.stringify({ categories: { 甲: ['已解决'], 乙: ['正在解决'], 丙: ['留作参考'] }, praisedUnits: ['市交通局'] }));
  await waitFor(() => expect(screen.getByTestId('announcer').textContent).toContain('已导入 banli.config.json 中的设置'));
  expect((within(settingsView()).getByLabelText('答复类别（第 3 行）') as HTMLInputElement).value).toBe('丙');
  expect((within(settingsView()).getByLabelText('表扬单位（每行一个）') as HTMLTextAreaElement).value).toBe('市交通局');
}, 120000);
