/** The Word adapter against office-addin-mock objects over a fake document: OOXML, tags, refresh, sync counts. */
import { DOMParser } from '@xmldom/xmldom';
import * as path from 'path';
import JSZip from 'jszip';
import { Analysis, SECTION_IDS, analyse, circularData, composeCircular, defaultOptions } from '../../src/core';
import { insertCircular, reconcileCircular, refreshCircular } from '../../src/word/circular';
import { WordCapabilities, wordCapabilities, wordCapabilityNotes } from '../../src/word/requirements';
import { packSaved, parseSaved } from '../../src/word/store';
import { docxBytes } from '../../src/docx/zip';
import { readWorkbookFile } from '../../src/node/workbook';
import { FakeWord } from '../helpers/wordMock';
import { ledgerGrid, rows, unitGrid } from '../helpers/ledger';

const AS_OF = '2021-07-19';
const ALL: WordCapabilities = { basic: true, fileWithSections: true, oddEvenPages: true, shapes: true };
let sample: Analysis;
const options = () => defaultOptions(2021, AS_OF);
const circular = () => composeCircular(sample, options(), AS_OF);
const userPara = { kind: 'para' as const, text: '这是办公室自己写的一段话，不归办理助手管。' };

beforeAll(async () => {
  sample = analyse(await readWorkbookFile(path.join(__dirname, '../../samples/ledger-2021.xlsx')), { asOf: AS_OF });
});

function parse(xml: string) {
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (l, m) => errors.push(`${l} ${m}`) }).parseFromString(xml, 'text/xml');
  return { doc, errors };
}

test('插入全文 into a document with text: one insertOoxml at the cursor, nine tagged controls, East Asian fonts, ≤ 3 syncs', async () => {
  const fake = new FakeWord([userPara], 1);
  const r = await insertCircular(fake.context(), circular(), [...SECTION_IDS], ALL, { replace: false });
  expect(r).toEqual({ kind: 'inserted', inserted: [...SECTION_IDS], replaced: [], pageSetup: 'not-empty' });
  expect(fake.syncs).toBeLessThanOrEqual(3);
  expect(fake.ooxmlInserts).toHaveLength(1);
  const { doc, errors } = parse(fake.ooxmlInserts[0]);
  expect(errors).toEqual([]);
  expect(Array.from(doc.getElementsByTagName('w:tag')).map((t) => t.getAttribute('w:val'))).toEqual(SECTION_IDS.map((s) => `banli:${s}`));
  const fonts = new Set(Array.from(doc.getElementsByTagName('w:rFonts')).map((f) => f.getAttribute('w:eastAsia')));
  expect(fonts).toEqual(new Set(['仿宋_GB2312', '方正小标宋简体', '楷体_GB2312', '黑体']));
  expect(doc.getElementsByTagName('w:sectPr').length).toBe(0);
  expect(fake.blocks[0]).toEqual(userPara);
  expect(fake.tags()).toEqual(SECTION_IDS.map((s) => `banli:${s}`));
  expect(fake.text()).toContain('市人大建议468件（含闭会期间建议14件）');
});

test('插入全文 into an empty document with WordApi 1.5: the complete .docx as one file insert, with its page setup', async () => {
  const fake = new FakeWord();
  const c = circular();
  const r = await insertCircular(fake.context(), c, [...SECTION_IDS], ALL, {
    replace: false,
    docxBase64: async () => Buffer.from(await docxBytes(c, AS_OF)).toString('base64'),
  });
  expect(r).toMatchObject({ kind: 'inserted', pageSetup: 'applied' });
  expect(fake.syncs).toBe(3); // sections and body, headers and footers, the insert
  expect(fake.ooxmlInserts).toHaveLength(0);
  expect(fake.fileInserts).toHaveLength(1);
  expect(fake.fileInserts[0]).toMatchObject({ level: 'document', location: 'Replace' });
  expect(fake.fileInserts[0].options).toEqual({ importStyles: true, importParagraphSpacing: true, importDifferentOddEvenPages: true });
  const zip = await JSZip.loadAsync(Buffer.from(fake.fileInserts[0].base64, 'base64'));
  const xml = await zip.file('word/document.xml')!.async('string');
  expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838"/>');
  expect(xml).toContain('w:linePitch="579"');
  expect(zip.file('word/footer2.xml')).toBeTruthy();
  expect(fake.tags()).toHaveLength(9);
});

test('an older Word (no WordApi 1.5): the file goes into the body instead, and the pane is told the page setup is not applied', async () => {
  const caps = wordCapabilities((n, v) => n === 'WordApi' && ['1.1', '1.2', '1.3', '1.4'].includes(v));
  expect(caps).toEqual({ basic: true, fileWithSections: false, oddEvenPages: false, shapes: false });
  expect(wordCapabilityNotes(caps).join()).toMatch(/不能随通报一起设置页面/);
  const fake = new FakeWord();
  const c = circular();
  const r = await insertCircular(fake.context(), c, [...SECTION_IDS], caps, { replace: false, docxBase64: async () => Buffer.from(await docxBytes(c, AS_OF)).toString('base64') });
  expect(r).toMatchObject({ kind: 'inserted', pageSetup: 'unsupported' });
  expect(fake.fileInserts.map((f) => [f.level, f.location, f.options])).toEqual([['body', 'Replace', undefined]]);
  expect(fake.tags()).toHaveLength(9);
});

test('WordApi 1.5 and 1.6 but not 1.7: odd/even pages is not asked for (each option at its own set)', async () => {
  const caps = wordCapabilities((n, v) => n === 'WordApi' && ['1.1', '1.2', '1.3', '1.4', '1.5', '1.6'].includes(v));
  expect(caps.fileWithSections).toBe(true);
  expect(caps.oddEvenPages).toBe(false);
  const fake = new FakeWord();
  const c = circular();
  await insertCircular(fake.context(), c, [...SECTION_IDS], caps, { replace: false, docxBase64: async () => Buffer.from(await docxBytes(c, AS_OF)).toString('base64') });
  expect(fake.fileInserts[0].options).toEqual({ importStyles: true, importParagraphSpacing: true });
});

test('a host with WordApi 1.5 but an office.js without Document.insertFileFromBase64 (2022 build): the body’s insert, no TypeError', async () => {
  const lib = { Document: class { body = 0; contentControls = 0; getSelection() {} sections = 0; }, Body: class {} };
  const caps = wordCapabilities(() => true, lib);
  expect(caps.fileWithSections).toBe(false);
  const fake = new FakeWord();
  fake.documentFileInsert = false;
  const c = circular();
  const r = await insertCircular(fake.context(), c, [...SECTION_IDS], { ...ALL, fileWithSections: false, oddEvenPages: false }, { replace: false, docxBase64: async () => Buffer.from(await docxBytes(c, AS_OF)).toString('base64') });
  expect(r).toMatchObject({ kind: 'inserted', pageSetup: 'unsupported' });
  expect(fake.fileInserts.map((f) => f.level)).toEqual(['body']);
});

describe('a document that only looks empty (no text) is never replaced: the circular goes in at the cursor', () => {
  const cases: Array<[string, (f: FakeWord) => void]> = [
    ['a letterhead picture only', (f) => f.blocks.push({ kind: 'picture', text: '' })],
    ['a table only', (f) => f.blocks.push({ kind: 'table', text: '' })],
    ['a floating text box only', (f) => f.blocks.push({ kind: 'shape', text: '' })],
    ['an empty content control only', (f) => f.blocks.push({ kind: 'cc', tag: 'other', text: '', xml: '<w:sdt><w:sdtPr><w:tag w:val="other"/></w:sdtPr><w:sdtContent><w:p/></w:sdtContent></w:sdt>' })],
    ['a header only (red letterhead text)', (f) => (f.headers['header:Primary'] = [{ kind: 'para', text: '某某市人民政府办公室' }])],
    ['a first-page header picture only', (f) => (f.headers['header:FirstPage'] = [{ kind: 'picture', text: '' }])],
    ['a footer only', (f) => (f.headers['footer:Primary'] = [{ kind: 'para', text: '内部资料' }])],
  ];
  test.each(cases)('%s', async (_name, setUp) => {
    const fake = new FakeWord();
    setUp(fake);
    fake.cursor = fake.blocks.length;
    const before = JSON.stringify({ blocks: fake.blocks, headers: fake.headers });
    const n = fake.blocks.length;
    const c = circular();
    const r = await insertCircular(fake.context(), c, [...SECTION_IDS], ALL, { replace: false, docxBase64: async () => Buffer.from(await docxBytes(c, AS_OF)).toString('base64') });
    expect(r).toMatchObject({ kind: 'inserted', pageSetup: 'not-empty' });
    expect(fake.fileInserts).toHaveLength(0);
    expect(fake.ooxmlInserts).toHaveLength(1);
    expect(fake.syncs).toBeLessThanOrEqual(3);
    // What was there is still there.
    const after = JSON.parse(JSON.stringify({ blocks: fake.blocks.slice(0, n), headers: fake.headers }));
    expect(fake.tags().filter((t) => t.startsWith('banli:'))).toHaveLength(9);
    expect(after).toEqual(JSON.parse(before));
  });
});

test('one section alone; inserting it again asks first, then replaces it in place', async () => {
  const fake = new FakeWord([userPara], 1);
  await insertCircular(fake.context(), circular(), ['opening'], ALL, { replace: false });
  expect(fake.tags()).toEqual(['banli:opening']);
  fake.syncs = 0;
  const again = await insertCircular(fake.context(), circular(), ['opening'], ALL, { replace: false });
  expect(again).toEqual({ kind: 'conflict', existing: ['opening'] });
  expect(fake.syncs).toBe(1);
  const replaced = await insertCircular(fake.context(), circular(), ['opening'], ALL, { replace: true });
  expect(replaced).toMatchObject({ kind: 'inserted', inserted: [], replaced: ['opening'] });
  expect(fake.tags()).toEqual(['banli:opening']);
  expect(fake.blocks[0]).toEqual(userPara);
});

test('刷新数据 replaces only Banli’s controls, from new data; every other paragraph stays; 2 syncs', async () => {
  const fake = new FakeWord([userPara], 1);
  await insertCircular(fake.context(), circular(), [...SECTION_IDS], ALL, { replace: false });
  fake.blocks.push({ kind: 'para', text: '附件：联系人名单' });
  // New data: a ledger with fewer items.
  const smaller = analyse([ledgerGrid(rows({}, {}, { 类别: '市政协提案' })), unitGrid()], { asOf: AS_OF });
  fake.syncs = 0;
  const before = fake.ooxmlInserts.length;
  const r = await refreshCircular(fake.context(), composeCircular(smaller, options(), AS_OF));
  expect(r.refreshed).toEqual([...SECTION_IDS]);
  expect(fake.syncs).toBe(2);
  expect(fake.ooxmlInserts.length - before).toBe(9);
  expect(fake.text()).toContain('提案3件');
  expect(fake.text()).not.toContain('1388');
  expect(fake.blocks[0]).toEqual(userPara);
  expect(fake.blocks[fake.blocks.length - 1]).toEqual({ kind: 'para', text: '附件：联系人名单' });
  expect(fake.tags()).toEqual(SECTION_IDS.map((s) => `banli:${s}`));
});

test('核对 lists the figures someone typed over; one sync', async () => {
  const fake = new FakeWord();
  await insertCircular(fake.context(), circular(), ['opening', 'part2'], ALL, { replace: false });
  const opening = fake.blocks.find((b) => b.kind === 'cc' && b.tag === 'banli:opening')!;
  opening.text = opening.text.replace('1388', '1380');
  fake.syncs = 0;
  const r = await reconcileCircular(fake.context(), circular());
  expect(fake.syncs).toBe(1);
  expect(r.present).toEqual(['opening', 'part2']);
  expect(r.diffs.map((d) => [d.sectionName, d.expected])).toEqual([['开头', '1388']]);
  expect(r.diffs[0].context).toContain('【1388】');
});

test('the data kept in the document round-trips', () => {
  const saved = { data: circularData(sample, AS_OF, 'ledger-2021.xlsx'), options: options() };
  const back = parseSaved(JSON.stringify(saved))!;
  expect(back.data.totals.total).toBe(1388);
  expect(composeCircular(back.data, back.options, AS_OF)).toEqual(circular());
  expect(parseSaved(packSaved(saved))!.data.findings).toHaveLength(saved.data.findings.length);
  expect(parseSaved('{"x":1}')).toBeNull();
  expect(parseSaved('not json')).toBeNull();
});

test('40,000 findings are kept in a few kilobytes (counts per rule and unit), and the circular composes the same', () => {
  const data = circularData(sample, AS_OF, 'ledger-2021.xlsx');
  const many = { ...data, findings: Array.from({ length: 40000 }, (_, i) => data.findings[i % data.findings.length]) };
  const saved = { data: many, options: options() };
  const text = packSaved(saved);
  expect(JSON.stringify(saved).length).toBeGreaterThan(1_000_000);
  expect(text.length).toBeLessThan(JSON.stringify(data).length + 10000);
  const back = parseSaved(text)!;
  expect(back.data.findings).toHaveLength(40000);
  expect(composeCircular(back.data, back.options, AS_OF)).toEqual(composeCircular(many, options(), AS_OF));
});
