/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/**
 * The clerk's words on the page (field test B): no rule id anywhere a clerk can see it (tooltips included).
 */
import '../helpers/jsdom';
import * as React from 'react';
import { fireEvent, screen, within } from '@testing-library/react';
import { RULE_IDS } from '../../src/core';
import { StandalonePane } from '../../src/taskpane/StandalonePane';
import { renderPage } from './pageFiles';

/** Everything a clerk can read or hover: text, tooltips, accessible names. */
const visibleWords = () =>
  [document.body.textContent ?? '', ...[...document.querySelectorAll('[title],[aria-label],[placeholder]')].flatMap((e) => ['title', 'aria-label', 'placeholder'].map((a) => e.getAttribute(a) ?? ''))].join('\n');

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
