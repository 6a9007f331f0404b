/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/** The Word pane's flows with React Testing Library, over the real Word adapter and a fake document. */
import '../helpers/jsdom';
import * as React from 'react';
import { readFileSync } from 'fs';
import * as path from 'path';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { SECTION_IDS } from '../../src/core';
import { insertCircular, reconcileCircular, refreshCircular } from '../../src/word/circular';
import { WordHost } from '../../src/word/host';
import { DocumentStore, Saved, parseSaved } from '../../src/word/store';
import { WordPane } from '../../src/taskpane/WordPane';
import { FilesApi } from '../../src/taskpane/StandalonePane';
import { LoadedWorkbook } from '../../src/xlsx/loaded';
import { readWorkbook } from '../../src/xlsx/read';
import { FakeWord } from '../helpers/wordMock';

let sample: LoadedWorkbook;
beforeAll(async () => {
  const { grids, buffer } = await readWorkbook(new Uint8Array(readFileSync(path.join(__dirname, '../../samples/ledger-2021.xlsx'))), 'ledger-2021.xlsx');
  sample = { name: 'ledger-2021.xlsx', grids, bytes: buffer };
});

/** Document settings that survive "reopening": a string, as Office keeps them. */
function memoryStore(): DocumentStore & { raw: string | null } {
  const store = {
    raw: null as string | null,
    load: () => parseSaved(store.raw),
    save: async (s: Saved) => {
      store.raw = JSON.stringify(s);
    },
  };
  return store;
}

function hostOver(fake: FakeWord, store = memoryStore(), caps = { basic: true, fileWithSections: true }): WordHost {
  return {
    capabilities: caps,
    store,
    insert: (c, ids, o) => insertCircular(fake.context(), c, ids, caps, o),
    refresh: (c) => refreshCircular(fake.context(), c),
    reconcile: (c) => reconcileCircular(fake.context(), c),
  };
}

const files = (downloads: Array<[Blob, string]> = []): (() => Promise<FilesApi>) => async () => ({
  loadFile: async () => sample,
  loadSample: async () => sample,
  annotatedBlob: async () => new Blob([]),
  circularBlob: async () => new Blob([]),
  download: (b: Blob, n: string) => downloads.push([b, n]),
});

const wrap = (ui: React.ReactElement) => render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);

async function openSample() {
  fireEvent.click(screen.getByRole('button', { name: '打开示例台账' }));
  await screen.findByLabelText('办理总数');
}

test('the ledger’s totals and errors are shown; inserting asks first when the ledger still has errors', async () => {
  const fake = new FakeWord([{ kind: 'para', text: '草稿' }], 1);
  wrap(<WordPane word={hostOver(fake)} files={files()} />);
  await openSample();
  expect(screen.getByText(/台账中还有 27 条错误级别的问题/)).toBeTruthy();
  fireEvent.click(screen.getByRole('button', { name: '插入全文' }));
  expect(await screen.findByText('台账中还有 27 条错误，仍然插入吗？')).toBeTruthy();
  expect(fake.ooxmlInserts).toHaveLength(0);
  fireEvent.click(screen.getByRole('button', { name: '仍然插入' }));
  await screen.findByText(/已插入全文/);
  expect(fake.tags()).toEqual(SECTION_IDS.map((s) => `banli:${s}`));
  expect(fake.text()).toContain('郑政文〔2021〕84号');
  expect(screen.getByText(/文档不是空的：只插入了正文/)).toBeTruthy();
});

test('options from the form; a document number without 六角括号 is refused', async () => {
  const fake = new FakeWord();
  wrap(<WordPane word={hostOver(fake)} files={files()} />);
  await openSample();
  const number = screen.getByLabelText('发文字号') as HTMLInputElement;
  fireEvent.change(number, { target: { value: '郑政文[2021]90号' } });
  expect(await screen.findByText(/六角括号/)).toBeTruthy();
  // The options are validated before anything else is asked or inserted.
  fireEvent.click(screen.getByRole('button', { name: '开头' }));
  expect(await screen.findByText(/发文字号“郑政文\[2021\]90号”有误/)).toBeTruthy();
  expect(fake.tags()).toEqual([]);
  fireEvent.change(number, { target: { value: '郑政文〔2021〕90号' } });
  fireEvent.click(screen.getByRole('button', { name: '版头' }));
  fireEvent.click(await screen.findByRole('button', { name: '仍然插入' }));
  await screen.findByText(/已插入“版头”/);
  expect(fake.text()).toContain('郑政文〔2021〕90号');
});

test('a section already there: asks, then replaces it', async () => {
  const fake = new FakeWord();
  wrap(<WordPane word={hostOver(fake)} files={files()} />);
  await openSample();
  fireEvent.click(screen.getByRole('button', { name: '开头' }));
  fireEvent.click(await screen.findByRole('button', { name: '仍然插入' }));
  await screen.findByText(/已插入“开头”/);
  fireEvent.click(screen.getByRole('button', { name: '开头' }));
  fireEvent.click(await screen.findByRole('button', { name: '仍然插入' }));
  expect(await screen.findByText(/文档中已有“开头”部分。替换/)).toBeTruthy();
  fireEvent.click(screen.getByRole('button', { name: '替换' }));
  await screen.findByText(/已替换“开头”/);
  expect(fake.tags()).toEqual(['banli:opening']);
});

test('reopened without the ledger: refresh and 核对 use the data kept in the document', async () => {
  const fake = new FakeWord();
  const store = memoryStore();
  const first = wrap(<WordPane word={hostOver(fake, store)} files={files()} />);
  await openSample();
  fireEvent.click(screen.getByRole('button', { name: '插入全文' }));
  fireEvent.click(await screen.findByRole('button', { name: '仍然插入' }));
  await screen.findByText(/已插入全文/);
  expect(store.raw).toContain('"total":1388');
  first.unmount();

  // Someone types over a figure; the document is closed and opened again.
  const opening = fake.blocks.find((b) => b.kind === 'cc' && b.tag === 'banli:opening')!;
  opening.text = opening.text.replace('839', '893');
  wrap(<WordPane word={hostOver(fake, store)} files={files()} />);
  expect(screen.getByText(/使用文档中保存的台账数据：ledger-2021\.xlsx，截至 2021-07-19，共 1388 件/)).toBeTruthy();
  fireEvent.click(screen.getByRole('button', { name: '核对' }));
  expect(await screen.findByText(/有 1 处数字或名单与台账不一致/)).toBeTruthy();
  expect(screen.getByLabelText('核对结果').textContent).toContain('开头：台账为“839”');
  fireEvent.click(screen.getByRole('button', { name: '刷新数据' }));
  expect(await screen.findByText(/手工改过的文字也会换成新生成的内容/)).toBeTruthy();
  expect(fake.text()).toContain('市政协提案893件'); // nothing happens before the clerk says yes
  fireEvent.click(screen.getByRole('button', { name: '刷新' }));
  await screen.findByText(/已按台账数据（截至 2021-07-19）刷新 9 个部分/);
  expect(fake.text()).toContain('市政协提案839件');
});

test('without a Word host: the same document as a .docx download', async () => {
  const downloads: Array<[Blob, string]> = [];
  wrap(<WordPane files={files(downloads)} />);
  await openSample();
  expect(screen.queryByRole('button', { name: '插入全文' })).toBeNull();
  fireEvent.click(screen.getByRole('button', { name: '下载通报（.docx）' }));
  await waitFor(() => expect(document.body.textContent).toMatch(/已生成 通报-2021\.docx|操作没有完成[^。]*/));
  expect(document.body.textContent).toContain('已生成 通报-2021.docx');
  expect(downloads[0][1]).toBe('通报-2021.docx');
  await waitFor(() => expect(downloads[0][0].size).toBeGreaterThan(5000));
});
