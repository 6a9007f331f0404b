/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/** The Word pane's flows with React Testing Library, over the real Word adapter and a fake document. */
import '../helpers/jsdom';
import * as React from 'react';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { SECTION_IDS } from '../../src/core';
import { insertCircular } from '../../src/word/circular';
import { WordHost } from '../../src/word/host';
import { WordPane } from '../../src/taskpane/WordPane';
import { formFrom } from '../../src/taskpane/settings';
import { FakeWord } from '../helpers/wordMock';
import { Downloads, renderPage, testFiles } from './pageFiles';
import { hostOver, memoryStore } from './wordHost';
import { seriousViolations } from './axe';

/** The Word pane as App mounts it: the document's saved settings (if any) seed the page's. */
function wordPane(word: WordHost, files = testFiles()) {
  const saved = word.store.load();
  return renderPage(<WordPane word={word} />, { files, initialAsOf: saved?.data.asOf, initialForm: saved ? formFrom(saved.options) : undefined });
}

async function openSample() {
  fireEvent.click(screen.getByRole('button', { name: '打开示例台账' }));
  await screen.findByLabelText('办理总数', {}, { timeout: 20000 });
}

test('the ledger’s totals and errors are shown; inserting asks first when the ledger still has errors', async () => {
  const fake = new FakeWord([{ kind: 'para', text: '草稿' }], 1);
  wordPane(hostOver(fake));
  await openSample();
  expect(screen.getByText(/台账中还有 21 条错误级别的问题/)).toBeTruthy();
  fireEvent.click(screen.getByRole('button', { name: '插入全文' }));
  expect(await screen.findByText('台账中还有 21 条错误，仍然插入吗？')).toBeTruthy();
  expect(fake.ooxmlInserts).toHaveLength(0);
  fireEvent.click(screen.getByRole('button', { name: '仍然插入' }));
  await screen.findByText(/已插入全文/);
  expect(fake.tags()).toEqual(SECTION_IDS.map((s) => `banli:${s}`));
  expect(fake.text()).toContain('郑政文〔2021〕84号');
  expect(screen.getByText(/文档不是空的：只插入了正文/)).toBeTruthy();
});

test('in WPS 文字 the messages name WPS: the ledger is corrected in WPS 表格, the page set up in WPS 文字', async () => {
  const fake = new FakeWord();
  const caps = { basic: true, fileWithSections: true };
  // As WPS answers when it cannot write the file with its page setup: only the body went in.
  const wps: WordHost = { ...hostOver(fake, memoryStore(), caps), product: 'wps', insert: async (c, ids, o) => ({ ...(await insertCircular(fake.context(), c, ids, caps, o)), pageSetup: 'unsupported' }) };
  wordPane(wps);
  await openSample();
  expect(screen.getByText(/可以先在 WPS 表格中检查并改正。/)).toBeTruthy();
  fireEvent.click(screen.getByRole('button', { name: '插入全文' }));
  fireEvent.click(await screen.findByRole('button', { name: '仍然插入' }));
  expect(await screen.findByText(/这个版本的 WPS 文字不能随文件设置页面/)).toBeTruthy();
  expect(screen.queryByText(/Excel|Word/)).toBeNull();
});

test('options from the form; a document number without 六角括号 is refused', async () => {
  const fake = new FakeWord();
  wordPane(hostOver(fake));
  await openSample();
  const number = screen.getByLabelText(/^发文字号/) as HTMLInputElement;
  fireEvent.change(number, { target: { value: '郑政文[2021]90号' } });
  expect(await screen.findByText(/六角括号/)).toBeTruthy();
  // The options are validated before anything else is asked or inserted.
  fireEvent.click(screen.getByRole('button', { name: '开头' }));
  expect(await screen.findByText(/通报设置中“发文字号”有误：年份要用六角括号/)).toBeTruthy();
  expect(fake.tags()).toEqual([]);
  fireEvent.change(number, { target: { value: '郑政文〔2021〕90号' } });
  fireEvent.click(screen.getByRole('button', { name: '版头' }));
  fireEvent.click(await screen.findByRole('button', { name: '仍然插入' }));
  await screen.findByText(/已插入“版头”/);
  expect(fake.text()).toContain('郑政文〔2021〕90号');
});

test('a section already there: asks, then replaces it', async () => {
  const fake = new FakeWord();
  wordPane(hostOver(fake));
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
  const first = wordPane(hostOver(fake, store));
  await openSample();
  fireEvent.click(screen.getByRole('button', { name: '插入全文' }));
  fireEvent.click(await screen.findByRole('button', { name: '仍然插入' }));
  await screen.findByText(/已插入全文/);
  expect(store.raw).toContain('"total":1388');
  first.unmount();

  // Someone types over a figure; the document is closed and opened again.
  const opening = fake.blocks.find((b) => b.kind === 'cc' && b.tag === 'banli:opening')!;
  opening.text = opening.text.replace('839', '893');
  wordPane(hostOver(fake, store));
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
  const downloads: Downloads = [];
  renderPage(<WordPane />, { files: testFiles(downloads) });
  await openSample();
  expect(screen.queryByRole('button', { name: '插入全文' })).toBeNull();
  fireEvent.click(screen.getByRole('button', { name: '下载通报（.docx）' }));
  await waitFor(() => expect(document.body.textContent).toMatch(/已生成 通报-2021\.docx|操作没有完成[^。]*/));
  expect(document.body.textContent).toContain('已生成 通报-2021.docx');
  expect(downloads[0].name).toBe('通报-2021.docx');
  expect(downloads[0].bytes.length).toBeGreaterThan(5000);
});

test('messages appear beside the button that caused them and replace older ones; a question clears the old result', async () => {
  const fake = new FakeWord();
  wordPane(hostOver(fake));
  await openSample();
  fireEvent.click(screen.getByRole('button', { name: '开头' }));
  const question = await screen.findByRole('alertdialog');
  // Beside the section buttons, and focused (so it is scrolled into view and read).
  expect(screen.getByRole('group', { name: '插入一部分' }).nextElementSibling).toBe(question);
  expect(document.activeElement).toBe(question);
  fireEvent.click(screen.getByRole('button', { name: '仍然插入' }));
  const done = await screen.findByText(/已插入“开头”/);
  expect(screen.queryByRole('alertdialog')).toBeNull();
  fireEvent.click(screen.getByRole('button', { name: '刷新数据' }));
  await screen.findByText(/手工改过的文字也会换成新生成的内容/);
  expect(done.isConnected).toBe(false); // the older result is gone
  expect(screen.getAllByTestId('notice').filter((n) => /已插入/.test(n.textContent ?? ''))).toHaveLength(0);
});

test('an older Word (no page setup with the file) is given the download button it is told about', async () => {
  const fake = new FakeWord();
  const downloads: Downloads = [];
  wordPane(hostOver(fake, memoryStore(), { basic: true, fileWithSections: false }), testFiles(downloads));
  expect(screen.getByText(/不能随通报一起设置页面/)).toBeTruthy();
  await openSample();
  fireEvent.click(screen.getByRole('button', { name: '下载通报（.docx）' }));
  await waitFor(() => expect(downloads.map((d) => d.name)).toEqual(['通报-2021.docx']));
});

test('an empty required field is an error on the field, never replaced by the default', async () => {
  const fake = new FakeWord();
  wordPane(hostOver(fake));
  await openSample();
  const mark = screen.getByLabelText(/发文机关标志/) as HTMLInputElement;
  fireEvent.change(mark, { target: { value: '' } });
  expect(await screen.findByText('请填写发文机关标志。')).toBeTruthy();
  fireEvent.click(screen.getByRole('button', { name: '插入全文' }));
  expect(await screen.findByText(/通报设置中“发文机关标志”有误：请填写发文机关标志/)).toBeTruthy();
  expect(fake.tags()).toEqual([]);
  expect(mark.value).toBe('');
});

test('accessibility (axe-core over the fake document): loaded, asking, and after a result', async () => {
  const fake = new FakeWord();
  wordPane(hostOver(fake));
  expect(await seriousViolations()).toEqual([]);
  await openSample();
  fireEvent.click(screen.getByRole('button', { name: '插入全文' }));
  await screen.findByRole('alertdialog');
  expect(await seriousViolations()).toEqual([]);
  fireEvent.click(screen.getByRole('button', { name: '仍然插入' }));
  await screen.findByText(/已插入全文/);
  expect(await seriousViolations()).toEqual([]);
});
