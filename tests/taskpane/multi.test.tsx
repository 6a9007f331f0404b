/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/**
 * Several workbooks as one ledger in the panes (React Testing Library, the real engine in-thread): the standalone
 * page shows the combined totals, the files read and the one that could not be, a finding citing its file opens that
 * file's row, and the annotated download is a .zip; the Word pane (over the office-addin-mock document) inserts and
 * refreshes the circular from the combined ledger and keeps it in the document.
 */
import '../helpers/jsdom';
import * as React from 'react';
import { promises as fs } from 'fs';
import * as path from 'path';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { unzipSync } from 'fflate';
import { StandalonePane } from '../../src/taskpane/StandalonePane';
import { WordPane } from '../../src/taskpane/WordPane';
import { formFrom } from '../../src/taskpane/settings';
import { FakeWord } from '../helpers/wordMock';
import { tempDir } from '../helpers/xlsx';
import { unitReturns, writeFixture } from '../ledgers/fixtures';
import { Downloads, renderPage, testFiles } from './pageFiles';
import { hostOver, memoryStore } from './wordHost';
import { seriousViolations } from './axe';

let folder: string;
beforeAll(async () => {
  const dir = await tempDir('banli-panes-combine-');
  for (const f of unitReturns().slice(0, 5)) await writeFixture(dir, f);
  folder = path.join(dir, 'returns');
});

async function file(name: string): Promise<File> {
  return new File([await fs.readFile(path.join(folder, name))], name);
}

async function choose(...files: File[]) {
  fireEvent.change(screen.getByTestId('file-input') as HTMLInputElement, { target: { files } });
  await screen.findByLabelText('办理总数', {}, { timeout: 20000 });
}

const totalsText = () => screen.getByLabelText('办理总数').textContent ?? '';

test('three files chosen: one ledger, the files read and the unreadable one listed, a finding opens its own file’s row, a .zip download', async () => {
  const downloads: Downloads = [];
  renderPage(<StandalonePane />, { files: testFiles(downloads), initialAsOf: '2021-07-19' });
  const input = screen.getByTestId('file-input') as HTMLInputElement;
  expect(input.multiple).toBe(true);
  await choose(await file('单位03.xlsx'), await file('单位04.xlsx'), new File(['这不是工作簿'], 'notes.xlsx'));
  // 6 items on 7 rows: 单位04 repeats an item of 单位03 (the same item, counted once, and said).
  expect(totalsText()).toContain('合并的 2 个工作簿：各工作簿的台账工作表，6 件（7 行）');
  expect(totalsText()).toContain('共 6 件');
  const files = screen.getByRole('region', { name: '读取的文件' });
  expect(files.textContent).toContain('合并读取 2 个工作簿，作为一个台账检查：单位03.xlsx、单位04.xlsx。');
  expect(within(files).getByRole('list', { name: '无法读取的文件' }).textContent).toMatch(/notes\.xlsx.*不是 Excel 工作簿/);
  expect(screen.getByTestId('notice').textContent).toMatch(/^已合并读取 2 个工作簿，作为一个台账检查：6 件。其中 1 件在 单位03\.xlsx 和 单位04\.xlsx 两个文件中都有（同一来源、编号和主办单位），每件只计一次。1 个文件无法读取，未计入/);

  const list = screen.getByLabelText('问题清单');
  fireEvent.click(within(list).getAllByRole('button').find((b) => /编号重复/.test(b.textContent ?? ''))!);
  const item = list.querySelector('[data-cell="单位04.xlsx!台账!C5"]') as HTMLElement;
  expect(item.textContent).toContain('与单位03.xlsx 的工作表“台账”第 4 行重复');
  fireEvent.click(item);
  const row = await within(list).findByLabelText(/工作表“台账”第 5 行的各列/);
  expect(row.textContent).toContain('编号3（这一格）');
  expect(row.textContent).toContain('主办单位单位03');

  fireEvent.click(screen.getByRole('button', { name: '下载标注副本' }));
  await waitFor(() => expect(downloads.map((d) => d.name)).toEqual(['台账标注副本（2 个工作簿）.zip']));
  expect(Object.keys(unzipSync(downloads[0].bytes)).sort()).toEqual(['单位03（已标注）.xlsx', '单位04（已标注）.xlsx']);
  expect(await seriousViolations()).toEqual([]);

  // One file again: as before (its own name, no list of files).
  await choose(await file('单位05.xlsx'));
  expect(totalsText()).toContain('单位05.xlsx：工作表“台账”');
  expect(screen.queryByRole('region', { name: '读取的文件' })).toBeNull();
}, 60000);

/** A dropped folder as browsers hand it over: entries (webkitGetAsEntry), read in batches. */
interface FakeDir {
  isFile: false;
  isDirectory: true;
  name: string;
  fullPath: string;
  createReader(): { readEntries(ok: (es: unknown[]) => void): void };
}

function folderEntry(name: string, children: Array<File | FakeDir>, parent = ''): FakeDir {
  const fullPath = `${parent}/${name}`;
  const entries = children.map((c: File | FakeDir) =>
    c instanceof File ? { isFile: true, isDirectory: false, name: c.name, fullPath: `${fullPath}/${c.name}`, file: (ok: (f: File) => void) => ok(c) } : c,
  );
  return {
    isFile: false as const,
    isDirectory: true as const,
    name,
    fullPath,
    createReader: () => {
      const batches = [entries.slice(0, 2), entries.slice(2), []];
      return { readEntries: (ok: (es: unknown[]) => void) => ok(batches.shift() ?? []) };
    },
  };
}

test('a folder dropped on the page: its workbooks (also in a subfolder) read as one ledger, other files ignored', async () => {
  renderPage(<StandalonePane />, { initialAsOf: '2021-07-19' });
  const folder = folderEntry('各单位报送', [
    await file('单位02.xlsx'),
    new File(['说明'], '说明.docx'),
    await file('单位01.xlsx'),
    folderEntry('补报', [await file('单位03.xlsx')], '/各单位报送'),
  ]);
  const drop = screen.getByText(/拖到这里/);
  fireEvent.drop(drop, { dataTransfer: { items: [{ kind: 'file', webkitGetAsEntry: () => folder }], files: [] } });
  await screen.findByLabelText('办理总数', {}, { timeout: 20000 });
  expect(screen.getByRole('region', { name: '读取的文件' }).textContent).toContain('合并读取 3 个工作簿，作为一个台账检查：单位01.xlsx、单位02.xlsx、单位03.xlsx。');
  expect(totalsText()).toContain('合并的 3 个工作簿');
  expect(screen.queryByRole('list', { name: '无法读取的文件' })).toBeNull();

  // A folder with no workbook in it: said, naming the folder.
  const empty = folderEntry('会议材料', [new File(['说明'], '说明.docx')]);
  fireEvent.drop(drop, { dataTransfer: { items: [{ kind: 'file', webkitGetAsEntry: () => empty }], files: [] } });
  expect(await screen.findByText('文件夹“会议材料”里没有 .xlsx 工作簿。请选择存放台账工作簿的文件夹，或直接选择工作簿。')).toBeTruthy();
});

test('Word pane: the circular inserted from several files, refreshed from another set, kept in the document', async () => {
  const fake = new FakeWord();
  const store = memoryStore();
  const first = renderPage(<WordPane word={hostOver(fake, store)} />, { initialAsOf: '2021-07-19' });
  await choose(await file('单位03.xlsx'), await file('单位04.xlsx'), new File(['这不是工作簿'], 'notes.xlsx'));
  expect(screen.getByRole('region', { name: '读取的文件' }).textContent).toMatch(/notes\.xlsx/);
  fireEvent.click(screen.getByRole('button', { name: '插入全文' }));
  fireEvent.click(await screen.findByRole('button', { name: '仍然插入' }));
  await screen.findByText(/已插入全文/);
  expect(fake.text()).toMatch(/共承办[^。]*6件/);
  expect(JSON.parse(store.raw!).data).toMatchObject({ source: '合并的 2 个工作簿（单位03.xlsx、单位04.xlsx）', totals: { total: 6 } });

  // Another set of returns: 刷新数据 rewrites the sections from it.
  await choose(await file('单位01.xlsx'), await file('单位02.xlsx'), await file('单位05.xlsx'));
  fireEvent.click(screen.getByRole('button', { name: '刷新数据' }));
  fireEvent.click(await screen.findByRole('button', { name: '刷新' }));
  await screen.findByText(/刷新 \d+ 个部分/);
  expect(fake.text()).toMatch(/共承办[^。]*10件/);
  expect(JSON.parse(store.raw!).data).toMatchObject({ source: '合并的 3 个工作簿（单位01.xlsx、单位02.xlsx、单位05.xlsx）', totals: { total: 10 } });
  first.unmount();

  // Reopened without the files: the combined data kept in the document is used, and named.
  const saved = store.load()!;
  renderPage(<WordPane word={hostOver(fake, store)} />, { initialAsOf: saved.data.asOf, initialForm: formFrom(saved.options) });
  expect(screen.getByText(/使用文档中保存的台账数据：合并的 3 个工作簿（单位01\.xlsx、单位02\.xlsx、单位05\.xlsx），截至 2021-07-19，共 10 件/)).toBeTruthy();
  fireEvent.click(screen.getByRole('button', { name: '核对' }));
  expect(await screen.findByText(/数字和名单与台账一致/)).toBeTruthy();
}, 60000);
