/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/**
 * Several files chosen at once, as field test B did (React Testing Library, the real engine in-thread): a ledger with
 * its LibreOffice re-save gives the items of 【办理总数】 in the message (not the rows of both files) and says the same
 * items were found in two files; a workbook without a ledger, or an empty one, is named as left out; the message's
 * “见…” names a heading that is on the page; a workbook without a ledger opened alone is named in its message.
 */
import '../helpers/jsdom';
import * as React from 'react';
import { promises as fs } from 'fs';
import * as path from 'path';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { StandalonePane } from '../../src/taskpane/StandalonePane';
import { tempDir, writeXlsx } from '../helpers/xlsx';
import { SAMPLE_PATH, renderPage } from './pageFiles';
import { seriousViolations } from './axe';

const LIBREOFFICE = path.join(__dirname, '../fixtures/ledger-2021-libreoffice.xlsx');
let dir: string;
beforeAll(async () => {
  dir = await tempDir('banli-multi-files-');
  await writeXlsx(path.join(dir, 'not-ledger.xlsx'), [{ name: '采购清单', rows: [['品名', '数量', '单价'], ['打印纸', 10, 25]] }]);
  await writeXlsx(path.join(dir, 'empty.xlsx'), [{ name: 'Sheet1', rows: [] }]);
});

async function file(p: string, name = path.basename(p)): Promise<File> {
  return new File([await fs.readFile(p)], name);
}

function choose(...files: File[]) {
  fireEvent.change(screen.getByTestId('file-input') as HTMLInputElement, { target: { files } });
}

const notice = () => screen.getAllByTestId('notice')[0].textContent ?? '';

test('a ledger and its re-saved copy: the copy is left out, so the message, the totals and the findings count each item and finding once', async () => {
  renderPage(<StandalonePane />, { initialAsOf: '2021-07-19' });
  choose(await file(SAMPLE_PATH), await file(LIBREOFFICE, 'ledger-2021-lo.xlsx'));
  const totals = await screen.findByLabelText('办理总数', {}, { timeout: 30000 });
  expect(totals.textContent).toContain('共 1388 件');
  // Named as the one file counted, its rows once.
  expect(totals.textContent).toContain('ledger-2021-lo.xlsx：工作表“台账”，表头第 2 行，1388 件；');
  expect(totals.textContent).not.toContain('2776 行');
  await waitFor(() => expect(notice()).toMatch(/^已读取 2 个工作簿，按其中 1 个检查：1388 件。/));
  expect(notice()).toContain('ledger-2021.xlsx 中的 1388 件在 ledger-2021-lo.xlsx 中都有（同一来源、编号和主办单位），可能是同一个台账选了两份（如另存的副本）：只按 ledger-2021-lo.xlsx 检查，ledger-2021.xlsx 未计入。');
  // The findings are those of one ledger: no 编号重复 for every item, 超期未答复 as the totals say.
  expect(notice()).toContain('发现问题 91 条：错误 27 条，警告 64 条。');
  expect(screen.queryByText(/编号重复/)).toBeNull();
  expect(notice()).not.toContain('2776 件');
  const files = screen.getByRole('region', { name: '读取的文件' });
  expect(files.textContent).toContain('读取的工作簿：ledger-2021-lo.xlsx。');
  expect(files.textContent).toContain('只按 ledger-2021-lo.xlsx 检查和统计，ledger-2021.xlsx 未计入。');
}, 120000);

test('a workbook without a ledger and an empty one among the files: named as left out, in the message and the list', async () => {
  renderPage(<StandalonePane />, { initialAsOf: '2021-07-19' });
  choose(await file(SAMPLE_PATH), await file(path.join(dir, 'not-ledger.xlsx')), await file(path.join(dir, 'empty.xlsx')));
  const totals = await screen.findByLabelText('办理总数', {}, { timeout: 30000 });
  // Named by the workbook holding the ledger, not as 合并的 3 个工作簿.
  expect(totals.textContent).toMatch(/^ledger-2021\.xlsx：工作表“台账”/);
  await waitFor(() => expect(notice()).toMatch(/^已读取 3 个工作簿，其中 1 个有台账：1388 件。2 个工作簿中没有台账，未计入：empty\.xlsx、not-ledger\.xlsx。/));
  const files = screen.getByRole('region', { name: '读取的文件' });
  expect(within(files).getByRole('heading', { name: '读取的文件' })).toBeTruthy();
  expect(files.textContent).toContain('读取的工作簿：ledger-2021.xlsx。');
  const left = within(files).getByRole('list', { name: '没有台账的工作簿' });
  expect(left.textContent).toContain('empty.xlsx：工作簿是空的。');
  expect(left.textContent).toContain('not-ledger.xlsx：没有找到台账表头。');
  expect(await seriousViolations()).toEqual([]);
}, 120000);

test('“见‘读取的文件’” in the message names a heading on the page', async () => {
  renderPage(<StandalonePane />, { initialAsOf: '2021-07-19' });
  choose(await file(SAMPLE_PATH), new File(['这不是工作簿'], 'notes.xlsx'));
  await screen.findByLabelText('办理总数', {}, { timeout: 30000 });
  await waitFor(() => expect(notice()).toContain('1 个文件无法读取，未计入（见“读取的文件”）。'));
  expect(screen.getByRole('heading', { name: '读取的文件' })).toBeTruthy();
}, 120000);

test('a workbook without a ledger, or an empty one, opened alone: the message names the file', async () => {
  renderPage(<StandalonePane />, { initialAsOf: '2021-07-19' });
  choose(await file(path.join(dir, 'not-ledger.xlsx')));
  await waitFor(() => expect(notice()).toMatch(/^not-ledger\.xlsx：在任何工作表的前 15 行中没有找到台账表头/), { timeout: 30000 });
  choose(await file(path.join(dir, 'empty.xlsx')));
  await waitFor(() => expect(notice()).toMatch(/^empty\.xlsx：/), { timeout: 30000 });
}, 120000);

test('a folder picked with an .ods in it: the .ods is named as not read, with what to do (it was left out without a word)', async () => {
  const { odsBytes } = await import('../helpers/formats');
  const inFolder = (f: File, rel: string) => Object.defineProperty(f, 'webkitRelativePath', { value: rel });
  renderPage(<StandalonePane />, { initialAsOf: '2021-07-19' });
  choose(
    inFolder(await file(SAMPLE_PATH), '各单位报送/ledger-2021.xlsx'),
    inFolder(new File([new Uint8Array(await odsBytes())], '单位03.ods'), '各单位报送/单位03.ods'),
    inFolder(new File(['说明'], '说明.txt'), '各单位报送/说明.txt'),
  );
  await screen.findByLabelText('办理总数', {}, { timeout: 30000 });
  await waitFor(() => expect(notice()).toContain('1 个文件无法读取，未计入（见“读取的文件”）。'));
  const files = screen.getByRole('region', { name: '读取的文件' });
  expect(files.textContent).toMatch(/单位03\.ods.*OpenDocument/);
  expect(files.textContent).not.toContain('说明.txt');
}, 120000);
