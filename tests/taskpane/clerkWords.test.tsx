/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/**
 * The clerk's words on the page (field test B): no rule id anywhere a clerk can see it (tooltips included); the
 * settings' problems named by the labels the form shows, at the field itself (aria-invalid, the message beside it),
 * never by the file's keys or in JSON; a file that is not a settings file said without the parser's English; and
 * 设置 without the storage API's name.
 */
import '../helpers/jsdom';
import * as React from 'react';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { RULE_IDS } from '../../src/core';
import { StandalonePane } from '../../src/taskpane/StandalonePane';
import { SettingsPage } from '../../src/taskpane/components/SettingsPage';
import { SETTINGS_KEY } from '../../src/taskpane/ledger';
import { renderPage } from './pageFiles';
import { seriousViolations } from './axe';
import { memoryStorage } from '../helpers/memoryStorage';

/** Everything a clerk can read or hover: text, tooltips, accessible names. */
const visibleWords = () =>
  [document.body.textContent ?? '', ...[...document.querySelectorAll('[title],[aria-label],[placeholder]')].flatMap((e) => ['title', 'aria-label', 'placeholder'].map((a) => e.getAttribute(a) ?? ''))].join('\n');

/** The message a field shows (its validation message, which the control is described by). */
const said = (el: HTMLElement) =>
  (el.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');

test('no rule id is shown: problem-type rows and the “未检查” lines carry rule titles only, no id in a tooltip', async () => {
  renderPage(<StandalonePane />);
  fireEvent.click(screen.getByRole('button', { name: '打开示例台账' }));
  await screen.findByLabelText('办理总数', {}, { timeout: 20000 });
  const list = screen.getByLabelText('问题清单');
  expect(within(list).getByText(/^未检查“协办意见超过一个月”/)).toBeTruthy();
  for (const b of within(list).getAllByRole('button', { name: /^(错误|警告) / })) fireEvent.click(b);
  const titles = [...document.querySelectorAll('[title]')].map((e) => e.getAttribute('title'));
  expect(titles.filter((t) => (RULE_IDS as readonly string[]).includes(t ?? ''))).toEqual([]);
  const words = visibleWords();
  expect(RULE_IDS.filter((id) => words.includes(id))).toEqual([]);
}, 60000);

test('设置: each problem under the form’s own label at its field (aria-invalid), no key names, no JSON', async () => {
  renderPage(<SettingsPage />, { storage: memoryStorage() });
  const view = within(screen.getByTestId('settings'));
  expect(screen.getByTestId('settings').textContent).toContain('设置保存在本浏览器中，下次在这台电脑上用这个浏览器打开本页面仍然有效');
  expect(visibleWords()).not.toMatch(/localStorage/);

  const months = view.getByLabelText('各来源统一的月数');
  fireEvent.change(months, { target: { value: '五' } });
  expect(months.getAttribute('aria-invalid')).toBe('true');
  expect(said(months)).toContain('各来源统一的月数应是 1 到 24 之间的整数，现在是“五”。');
  fireEvent.change(months, { target: { value: '3' } });
  expect(months.getAttribute('aria-invalid')).not.toBe('true');

  const ext = view.getByLabelText('最长延期（月）');
  fireEvent.change(ext, { target: { value: '30' } });
  expect(ext.getAttribute('aria-invalid')).toBe('true');
  expect(said(ext)).toContain('最长延期应在 1 到 24 之间，现在是 30。');
  const soon = view.getByLabelText('催办提前天数（天）');
  fireEvent.change(soon, { target: { value: '-1' } });
  expect(said(soon)).toContain('催办提前天数应在 0 到 365 之间，现在是 -1。');

  // Months by source: the row's own field, not the whole section in JSON.
  fireEvent.click(view.getByRole('button', { name: '按来源另写月数' }));
  fireEvent.change(view.getByLabelText('另定时限的来源（第 1 行）'), { target: { value: '市政协提案' } });
  const row = view.getByLabelText('月数（第 1 行）');
  fireEvent.change(row, { target: { value: '五' } });
  expect(row.getAttribute('aria-invalid')).toBe('true');
  expect(said(row)).toContain('月数应是 1 到 24 之间的整数，现在是“五”。');

  fireEvent.click(view.getByRole('button', { name: '保存' }));
  await waitFor(() => expect(screen.getByTestId('announcer').textContent).toMatch(/^设置有 3 处问题，没有保存/));
  const announced = screen.getByTestId('announcer').textContent ?? '';
  expect(announced).toContain('来源“市政协提案”的月数应是 1 到 24 之间的整数，现在是“五”。');
  expect(announced).toContain('最长延期应在 1 到 24 之间，现在是 30。');
  for (const text of [visibleWords(), announced]) {
    expect(text).not.toMatch(/deadlineMonths|maxExtensionMonths|dueSoonDays|\{"|JSON/);
  }
  expect(await seriousViolations(screen.getByTestId('settings'))).toEqual([]);
}, 60000);

test('导入: a file that is not a settings file is said without the parser’s English; a bad value by its label', async () => {
  renderPage(<SettingsPage />, { storage: memoryStorage() });
  const input = screen.getByTestId('settings-import') as HTMLInputElement;
  const pick = async (name: string, text: string) => {
    await act(async () => {
      fireEvent.change(input, { target: { files: [new File([text], name, { type: 'application/json' })] } });
      await new Promise((r) => setTimeout(r, 50));
    });
  };
  await pick('notjson.config.json', '这不是设置');
  await waitFor(() => expect(screen.getByTestId('announcer').textContent).toMatch(/^notjson\.config\.json 有 1 处问题，没有导入：不是办理助手的设置文件，内容无法读取。/));
  expect(screen.getByTestId('notice').textContent).not.toMatch(/JSON|Unexpected|token/);
  await pick('bad.config.json', JSON.stringify({ maxExtensionMonths: 30, sources: { 区人大建议: { body: 'npc', level: '本级' } } }));
  await waitFor(() => expect(screen.getByTestId('announcer').textContent).toContain('最长延期应在 1 到 24 之间，现在是 30。'));
  expect(screen.getByTestId('notice').textContent).toContain('来源“区人大建议”的“层级”的值“本级”不在可选的范围内，可选：本级、上级、全国。');
}, 60000);

test('a kept value that is not valid is reported on 检查台账 with the form’s labels', async () => {
  renderPage(<StandalonePane />, { storage: memoryStorage({ [SETTINGS_KEY]: JSON.stringify({ dueSoonDays: '半个月' }) }) });
  expect(screen.getByText(/^本浏览器中保存的设置有 1 处问题，没有使用（检查按默认设置进行）：催办提前天数应是 0 到 365 之间的整数，现在是“半个月”。/)).toBeTruthy();
  expect(visibleWords()).not.toMatch(/dueSoonDays/);
});
