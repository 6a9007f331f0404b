/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/**
 * 设置 in the Word pane: a tab beside 生成通报 over the same ledger. Saved, the settings go into the document
 * (Word's document settings) and the open ledger is checked again with them, so the circular's figures follow;
 * reopened, the document's settings are used at once. Where the host cannot keep them, they hold for the session.
 */
import '../helpers/jsdom';
import * as React from 'react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { CONFIG_SETTING, documentConfigStore } from '../../src/config/documentStore';
import { WordBody } from '../../src/taskpane/App';
import { Announcer } from '../../src/taskpane/components/Announcer';
import { WordHost } from '../../src/word/host';
import { FakeWord } from '../helpers/wordMock';
import { documentSettings } from '../helpers/documentSettings';
import { testFiles } from './pageFiles';
import { hostOver } from './wordHost';
import { seriousViolations } from './axe';

function renderWord(word: WordHost) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <Announcer>
        <WordBody word={word} files={testFiles()} />
      </Announcer>
    </FluentProvider>,
  );
}

const tab = (name: string) => fireEvent.click(screen.getByRole('tab', { name }));
const settingsView = () => screen.getByTestId('settings');
const type = (label: string, value: string) => fireEvent.change(within(settingsView()).getByLabelText(label), { target: { value } });
const totalsText = () => screen.getByLabelText('办理总数').textContent ?? '';

async function openSample() {
  const day = screen.getByLabelText(/^截至日期/);
  fireEvent.change(day, { target: { value: '2021-07-19' } });
  fireEvent.blur(day);
  fireEvent.click(screen.getByRole('button', { name: '打开示例台账' }));
  await screen.findByLabelText('办理总数', {}, { timeout: 20000 });
}

test('saved in the document: the ledger is checked again with them, and a reopened document uses them at once', async () => {
  const settings = documentSettings();
  const word: WordHost = { ...hostOver(new FakeWord()), settings: documentConfigStore(settings, 'succeeded', 'Word', '文档') };
  const { unmount } = renderWord(word);
  await openSample();
  expect(totalsText()).toContain('超期未答复 6 件');
  tab('设置');
  expect(within(settingsView()).getByText(/设置随本文档保存/)).toBeTruthy();
  fireEvent.click(within(settingsView()).getByRole('button', { name: '按来源另写月数' }));
  type('另定时限的来源（第 1 行）', '市人大建议');
  type('月数（第 1 行）', '5');
  // Nothing is written before 保存.
  expect(settings.writes).toEqual([]);
  fireEvent.click(within(settingsView()).getByRole('button', { name: '保存' }));
  await screen.findByText(/设置已保存在本文档中，并已按新设置重新检查/, {}, { timeout: 20000 });
  expect(settings.writes).toEqual([`set ${CONFIG_SETTING}`, 'saveAsync']);
  expect(JSON.parse(settings.data.get(CONFIG_SETTING) as string).deadlineMonths).toEqual({ 市人大建议: 5 });
  tab('生成通报');
  await waitFor(() => expect(totalsText()).toContain('超期未答复 0 件'), { timeout: 20000 });
  expect(await seriousViolations(document.body)).toEqual([]);
  unmount();

  // The document reopened: its settings are in force before anything is typed.
  renderWord({ ...hostOver(new FakeWord()), settings: documentConfigStore(documentSettings(Object.fromEntries(settings.data)), 'succeeded', 'Word', '文档') });
  await openSample();
  expect(totalsText()).toContain('超期未答复 0 件');
}, 120000);

test('a value in the document that is not valid settings is reported and not used; Word failing to save changes nothing', async () => {
  const settings = documentSettings({ [CONFIG_SETTING]: JSON.stringify({ dueSoonDays: '半个月' }) });
  settings.saveAsync = (cb) => cb?.({ status: 'failed', error: { message: '文档是只读的' } });
  renderWord({ ...hostOver(new FakeWord()), settings: documentConfigStore(settings, 'succeeded', 'Word', '文档') });
  tab('设置');
  expect(within(settingsView()).getByText(/文档中保存的设置有 1 处问题，没有使用（检查按默认设置进行）：催办提前天数应是 0 到 365 之间的整数/)).toBeTruthy();
  fireEvent.click(within(settingsView()).getByRole('button', { name: '恢复默认' }));
  fireEvent.click(within(settingsView()).getByRole('button', { name: '保存' }));
  await screen.findByText(/设置没有保存：Word 没有保存设置（文档是只读的）/, {}, { timeout: 20000 });
  // The document's value is as it was.
  expect(JSON.parse(settings.data.get(CONFIG_SETTING) as string)).toEqual({ dueSoonDays: '半个月' });
}, 60000);

test('a host that cannot keep settings: 应用 uses them for the session and says they are not kept', async () => {
  renderWord(hostOver(new FakeWord()));
  await openSample();
  tab('设置');
  expect(within(settingsView()).getByText(/这里不能保存设置/)).toBeTruthy();
  fireEvent.click(within(settingsView()).getByRole('button', { name: '按来源另写月数' }));
  type('另定时限的来源（第 1 行）', '市人大建议');
  type('月数（第 1 行）', '5');
  fireEvent.click(within(settingsView()).getByRole('button', { name: '应用' }));
  await screen.findByText(/设置已应用，并已按新设置重新检查（1388 件；发现问题 \d+ 条[^）]*）。这里不能保存设置/, {}, { timeout: 20000 });
  tab('生成通报');
  await waitFor(() => expect(totalsText()).toContain('超期未答复 0 件'), { timeout: 20000 });
}, 60000);

test('列对应 in the Word pane: a correction changes the figures the circular takes; 记住列对应 keeps it in the document', async () => {
  const settings = documentSettings();
  const { unmount } = renderWord({ ...hostOver(new FakeWord()), settings: documentConfigStore(settings, 'succeeded', 'Word', '文档') });
  await openSample();
  expect(totalsText()).toContain('市人大建议 468 件');
  fireEvent.click(screen.getByRole('button', { name: /列对应（已识别 \d+ 列）/ }));
  fireEvent.change(within(screen.getByRole('group', { name: '列对应' })).getByLabelText('类别'), { target: { value: '' } });
  await waitFor(() => expect(totalsText()).not.toContain('市人大建议 468 件'), { timeout: 20000 });
  expect(screen.getByText(/把这些列对应保存在本文档中/)).toBeTruthy();
  expect(settings.writes).toEqual([]);
  fireEvent.click(screen.getByRole('button', { name: '记住列对应' }));
  await screen.findByText(/^已记住列对应。设置已保存在本文档中/, {}, { timeout: 20000 });
  expect(JSON.parse(settings.data.get(CONFIG_SETTING) as string).columns).toEqual({ 类别: '' });
  expect(await seriousViolations(document.body)).toEqual([]);
  unmount();

  // The document reopened: the ledger is read with it at once.
  renderWord({ ...hostOver(new FakeWord()), settings: documentConfigStore(documentSettings(Object.fromEntries(settings.data)), 'succeeded', 'Word', '文档') });
  await openSample();
  expect(totalsText()).not.toContain('市人大建议 468 件');
  expect(screen.getByRole('button', { name: /列对应（已识别 \d+ 列，其中 1 列由您指定，已记住）/ })).toBeTruthy();
}, 120000);
