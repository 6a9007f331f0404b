/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/**
 * Progress while reading (field test B): the words and the bar give the same percentage (several files: the whole
 * reading, not the current file's); screen readers hear it politely and seldom (at the start, then each quarter, at
 * most every few seconds), from a live region; the button that started the reading turns off, so the focus goes to
 * 取消 instead of falling to the page.
 */
import '../helpers/jsdom';
import * as React from 'react';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { progressText, progressValue } from '../../src/taskpane/ledger';
import { Progress } from '../../src/taskpane/components/Progress';
import { Status } from '../../src/taskpane/components/CheckControls';
import { Progress as ReadProgress } from '../../src/browser/types';

const wrap = (ui: React.ReactElement) => render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);

test('the percentage in the words is the bar’s: one file, and several (the whole reading)', () => {
  const cases: ReadProgress[] = [
    { phase: 'read', done: 12000, total: 100000 },
    { phase: 'read', done: 1391, total: 1392, file: { index: 2, count: 8, name: '单位02.xlsx' } },
    { phase: 'read', done: 0, total: 0, file: { index: 5, count: 8, name: '单位05.xlsx' } },
    { phase: 'read', done: 700, total: 1392, file: { index: 8, count: 8, name: '单位08.xlsx' } },
  ];
  for (const p of cases) {
    const shown = /(\d+)%/.exec(progressText('8 个文件', p));
    expect(shown).not.toBeNull();
    expect(Number(shown![1])).toBe(Math.floor(progressValue(p)! * 100));
  }
  expect(progressText('8 个文件', cases[1])).toBe('正在读取第 2 / 8 个文件 单位02.xlsx（1,391 / 1,392 行），共完成 24%');
  expect(progressText('台账.xlsx', cases[0])).toBe('正在读取 台账.xlsx：12,000 / 100,000 行（12%）');
});

test('progress is spoken from a polite live region: at the start, then a quarter further on, not at every step', () => {
  jest.useFakeTimers();
  try {
    const view = wrap(<Progress label="正在读取第 1 / 8 个文件，共完成 0%" value={0} />);
    const spoken = screen.getByTestId('progress-spoken');
    expect(spoken.getAttribute('aria-live')).toBe('polite');
    expect(spoken.getAttribute('role')).toBe('status');
    act(() => jest.advanceTimersByTime(150));
    expect(spoken.textContent).toBe('正在读取第 1 / 8 个文件，共完成 0%');
    const step = (pct: number, ms: number) => {
      act(() => jest.advanceTimersByTime(ms));
      view.rerender(
        <FluentProvider theme={webLightTheme}>
          <Progress label={`正在读取，共完成 ${pct}%`} value={pct / 100} />
        </FluentProvider>,
      );
    };
    // Every step changes the words on screen, not what is spoken.
    for (let pct = 1; pct < 25; pct++) step(pct, 100);
    expect(screen.getByTestId('progress').textContent).toBe('正在读取，共完成 24%');
    expect(spoken.textContent).toBe('正在读取第 1 / 8 个文件，共完成 0%');
    // A quarter done: said (the first words were said long enough ago).
    step(26, 1000);
    expect(spoken.textContent).toBe('正在读取，共完成 26%');
    // Another quarter soon after: not yet; later, yes.
    step(51, 500);
    expect(spoken.textContent).toBe('正在读取，共完成 26%');
    step(55, 3000);
    expect(spoken.textContent).toBe('正在读取，共完成 55%');
    // The bar says the same percentage to assistive technology.
    expect(screen.getByRole('progressbar').getAttribute('aria-valuetext')).toBe('55%');
  } finally {
    jest.useRealTimers();
  }
});

test('the button that started the reading turns off: the focus goes to 取消, not to the page', () => {
  function Page(): React.JSX.Element {
    const [busy, setBusy] = React.useState(false);
    return (
      <>
        <button type="button" disabled={busy} onClick={() => setBusy(true)}>
          打开台账文件
        </button>
        <Status busy={busy ? { label: '正在读取 台账.xlsx…', cancellable: true } : null} message={null} onCancel={() => setBusy(false)} />
      </>
    );
  }
  wrap(<Page />);
  const open = screen.getByRole('button', { name: '打开台账文件' });
  act(() => open.focus());
  fireEvent.click(open);
  expect(document.activeElement).toBe(screen.getByRole('button', { name: '取消' }));
});
