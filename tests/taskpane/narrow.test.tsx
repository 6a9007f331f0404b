/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/**
 * What field test B saw at 320 px, as far as jsdom shows it (the layout itself is measured in Chromium, in
 * tests/e2e/fieldB.test.ts): every date in a finding is one unbreakable piece; the circular's multi-line fields are
 * labelled in plain words.
 */
import '../helpers/jsdom';
import * as React from 'react';
import { fireEvent, screen, within } from '@testing-library/react';
import { StandalonePane } from '../../src/taskpane/StandalonePane';
import { WordPane } from '../../src/taskpane/WordPane';
import { renderPage } from './pageFiles';

const DATE = /\d{4}-\d{2}-\d{2}/g;

test('each date in a finding (list, and the row opened) is kept whole: one element holds exactly that date', async () => {
  renderPage(<StandalonePane />);
  fireEvent.click(screen.getByRole('button', { name: '打开示例台账' }));
  await screen.findByLabelText('办理总数', {}, { timeout: 20000 });
  const list = screen.getByLabelText('问题清单');
  fireEvent.click(within(list).getByRole('button', { name: /超期答复/ }));
  const item = list.querySelector('[data-cell="台账!K105"]') as HTMLElement;
  fireEvent.click(item);
  const row = await within(list).findByRole('region', { name: '第 105 行' });
  for (const el of [item, row]) {
    const dates = (el.textContent ?? '').match(DATE) ?? [];
    expect(dates.length).toBeGreaterThan(1);
    const whole = [...el.querySelectorAll('span')].map((s) => s.textContent);
    for (const d of dates) expect(whole).toContain(d);
  }
}, 60000);

test('生成通报: the fields of several lines say so in plain words', () => {
  renderPage(<WordPane />, { initialAsOf: '2021-07-19' });
  expect(screen.getByRole('textbox', { name: /^标题（可分行，每行一段）/ })).toBeTruthy();
  expect(screen.getByRole('textbox', { name: /^抄送（可分行，每行一段）/ })).toBeTruthy();
  expect(document.body.textContent).not.toContain('每行一行');
});
