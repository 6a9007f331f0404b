/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/**
 * Settings kept in the browser that are not valid are said where the clerk checks (检查台账), not only in 设置; the
 * message goes once valid settings are saved in their place.
 */
import '../helpers/jsdom';
import * as React from 'react';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { StandalonePane } from '../../src/taskpane/StandalonePane';
import { SettingsPage } from '../../src/taskpane/components/SettingsPage';
import { SETTINGS_KEY } from '../../src/taskpane/ledger';
import { renderPage } from './pageFiles';

function memoryStorage(initial: Record<string, string>): Storage {
  const m = new Map(Object.entries(initial));
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, String(v)),
  };
}

test('an invalid stored value is reported on 检查台账; saving valid settings removes the message', async () => {
  const storage = memoryStorage({ [SETTINGS_KEY]: JSON.stringify({ dueSoonDays: '半个月' }) });
  renderPage(
    <>
      <StandalonePane />
      <SettingsPage />
    </>,
    { storage },
  );
  const problem = /本浏览器中保存的设置有 1 处问题，没有使用（检查按默认设置进行）：.*dueSoonDays/;
  // Once on the check page and once in 设置.
  expect(screen.getAllByText(problem)).toHaveLength(2);
  const save = screen.getByRole('button', { name: '保存' }) as HTMLButtonElement;
  // The defaults are already in force (the stored value was not used), yet 保存 is offered to put them in its place.
  expect(save.disabled).toBe(false);
  fireEvent.click(screen.getByRole('button', { name: '恢复默认' }));
  fireEvent.click(save);
  await screen.findByText(/设置已保存在本浏览器中/, {}, { timeout: 20000 });
  await waitFor(() => expect(screen.queryAllByText(problem)).toHaveLength(0), { timeout: 20000 });
  expect(storage.getItem(SETTINGS_KEY)).toBeNull();
}, 60000);
