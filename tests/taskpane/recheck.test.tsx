/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/**
 * The page's result message after the ledger is checked again (field test B): a new 截至 date, a corrected 列对应 and
 * saved 设置 each give the new figures in the message and to screen readers, without taking the focus from the field
 * just changed; and switching tabs with a ledger open leaves the focus on the tab bar (arrow keys and clicks), the
 * message already said is not said again.
 */
import '../helpers/jsdom';
import * as React from 'react';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Standalone } from '../../src/taskpane/App';
import { StandalonePane } from '../../src/taskpane/StandalonePane';
import { SettingsPage } from '../../src/taskpane/components/SettingsPage';
import { renderPage } from './pageFiles';
import { memoryStorage } from '../helpers/memoryStorage';

const notice = () => screen.getByTestId('notice').textContent ?? '';
const announced = () => screen.getByTestId('announcer').textContent ?? '';

async function openSample() {
  fireEvent.click(screen.getByRole('button', { name: '打开示例台账' }));
  await screen.findByLabelText('办理总数', {}, { timeout: 20000 });
  await waitFor(() => expect(announced()).toMatch(/^已打开 ledger-2021\.xlsx：1388 件。发现问题 91 条/));
}

test('a new 截至 date, a corrected 列对应 and saved 设置: the message gives the new figures and says them', async () => {
  renderPage(
    <>
      <StandalonePane />
      <SettingsPage />
    </>,
    { storage: memoryStorage() },
  );
  await openSample();

  // 截至 2021-05-01: fewer items are overdue, and the replies dated after it are reported (答复日期晚于统计截止日).
  const date = screen.getByRole('textbox', { name: '截至日期' });
  act(() => date.focus());
  fireEvent.change(date, { target: { value: '2021-05-01' } });
  fireEvent.keyDown(date, { key: 'Enter' });
  await waitFor(() => expect(notice()).toBe('已按截至日期 2021-05-01 重新检查 ledger-2021.xlsx：1388 件。发现问题 1372 条：错误 1308 条，警告 64 条。'), { timeout: 20000 });
  await waitFor(() => expect(announced()).toBe(notice()));
  // The clerk is still in the date field (the message is said, not focused).
  expect(document.activeElement).toBe(date);

  // A 列对应 corrected: the figures of that check.
  fireEvent.click(screen.getByRole('button', { name: /列对应（已识别 \d+ 列）/ }));
  const check = within(screen.getAllByRole('main')[0]);
  fireEvent.change(within(check.getByRole('group', { name: '列对应' })).getByLabelText('是否面商'), { target: { value: '' } });
  await waitFor(() => expect(notice()).toMatch(/^已按改过的列对应重新检查 ledger-2021\.xlsx：1388 件。发现问题 \d+ 条/), { timeout: 20000 });
  expect(notice()).not.toContain('发现问题 1372 条');
  await waitFor(() => expect(announced()).toBe(notice()));
  fireEvent.click(screen.getByRole('button', { name: '全部恢复为自动识别' }));
  await waitFor(() => expect(notice()).toContain('发现问题 1372 条'), { timeout: 20000 });

  // 设置 saved (2 months for every source): the settings' message and the check's message give the new figures.
  fireEvent.change(within(screen.getByTestId('settings')).getByLabelText('各来源统一的月数'), { target: { value: '2' } });
  fireEvent.click(screen.getByRole('button', { name: '保存' }));
  await waitFor(() => expect(announced()).toMatch(/^设置已保存在本浏览器中，并已按新设置重新检查（1388 件；发现问题 (\d+) 条：错误 \d+ 条，警告 \d+ 条）。/), { timeout: 20000 });
  const found = /发现问题 (\d+) 条/.exec(announced())![1];
  expect(Number(found)).toBeGreaterThan(85);
  await waitFor(() => expect(screen.getAllByTestId('notice')[0].textContent).toContain(`已按新的设置重新检查 ledger-2021.xlsx：1388 件。发现问题 ${found} 条`));
}, 120000);

test('with a ledger open, switching tabs (arrow keys, a click) keeps the focus on the tab bar', async () => {
  renderPage(<Standalone />);
  await openSample();
  const tab = (name: string) => screen.getByRole('tab', { name });

  act(() => tab('检查台账').focus());
  fireEvent.keyDown(tab('检查台账'), { key: 'ArrowRight' });
  await screen.findByRole('form', { name: '通报设置' });
  expect(document.activeElement).toBe(tab('生成通报'));
  fireEvent.keyDown(tab('生成通报'), { key: 'ArrowRight' });
  await screen.findByTestId('settings');
  expect(document.activeElement).toBe(tab('设置'));
  fireEvent.keyDown(tab('设置'), { key: 'ArrowRight' });
  await screen.findByLabelText('办理总数');
  expect(document.activeElement).toBe(tab('检查台账'));

  // A click (which focuses the tab it lands on).
  act(() => tab('生成通报').focus());
  fireEvent.click(tab('生成通报'));
  await screen.findByRole('form', { name: '通报设置' });
  expect(document.activeElement).toBe(tab('生成通报'));
  // The message shown again under 生成通报 is the one already said: nothing new is announced.
  expect(screen.getByTestId('notice').textContent).toMatch(/^已打开 ledger-2021\.xlsx/);
  await new Promise((r) => setTimeout(r, 120));
  expect(announced()).toMatch(/^已打开 ledger-2021\.xlsx/);
}, 120000);
