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
import { readFileSync } from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import { WordPane } from '../../src/taskpane/WordPane';
import { renderPage } from './pageFiles';
import { memoryStorage } from '../helpers/memoryStorage';

test('an invalid stored value is reported on 检查台账; saving valid settings removes the message', async () => {
  const storage = memoryStorage({ [SETTINGS_KEY]: JSON.stringify({ dueSoonDays: '半个月' }) });
  renderPage(
    <>
      <StandalonePane />
      <SettingsPage />
    </>,
    { storage },
  );
  const problem = /本浏览器中保存的设置有 1 处问题，没有使用（检查按默认设置进行）：催办提前天数应是 0 到 365 之间的整数，现在是“半个月”。/;
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

test('a workbook carrying settings saved in Excel: the Word pane (no settings of its own) checks with them and says so', async () => {
  const zip = await JSZip.loadAsync(readFileSync(path.join(__dirname, '../../samples/ledger-2021.xlsx')));
  const value = JSON.stringify(JSON.stringify({ deadlineMonths: { 市人大建议: 5 } })).replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  zip.file('xl/webextensions/webextension1.xml', `<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11"><we:properties><we:property name="banli.config" value="${value}"/></we:properties></we:webextension>`);
  const file = new File([await zip.generateAsync({ type: 'arraybuffer' })], '台账.xlsx');
  renderPage(<WordPane />, { initialAsOf: '2021-07-19' });
  fireEvent.change(screen.getByTestId('file-input') as HTMLInputElement, { target: { files: [file] } });
  expect(await screen.findByText(/按工作簿中保存的设置检查（在 Excel 或 WPS 表格的“设置”中保存的）/, {}, { timeout: 20000 })).toBeTruthy();
  expect(screen.getByLabelText('办理总数').textContent).toMatch(/超期未答复 0 件/);
}, 60000);
