/** The WPS 文字 adapter against the fake WPS object model: insert (file + InsertFile), tags, refresh, reconcile, variables. */
import { DOMParser } from '@xmldom/xmldom';
import * as path from 'path';
import { Analysis, SECTION_IDS, SectionId, analyse, circularData, composeCircular, defaultOptions, flatOpc, sectionTag } from '../../src/core';
import { CONFIG_VARIABLE, bookmarkName, findSection, withBookmarks, wpsDocumentStore, wpsTempFiles, wpsWordConfigStore, wpsWordHost } from '../../src/wps/word';
import { readWorkbookFile } from '../../src/node/workbook';
import { defaultSettings } from '../../src/config/form';
import { FakeWps, FakeWpsApp, documentXmlOf, layout } from '../helpers/wpsFake';

const AS_OF = '2021-07-19';
let sample: Analysis;
const options = () => defaultOptions(2021, AS_OF);
const circular = () => composeCircular(sample, options(), AS_OF);
const USER = '这是办公室自己写的一段话，不归办理助手管。';
const docx = { replace: false, docxBase64: async () => 'unused: WPS builds its own file' };

beforeAll(async () => {
  sample = analyse(await readWorkbookFile(path.join(__dirname, '../../samples/ledger-2021.xlsx')), { asOf: AS_OF });
});

function setup(paragraphs: string[], o: { keepsControls?: boolean; binary?: boolean; text?: boolean } = {}) {
  const wps = new FakeWps({ binary: o.binary ?? true, text: o.text ?? true });
  const app = new FakeWpsApp(wps.FileSystem, paragraphs, o.keepsControls ?? true);
  return { wps, app, doc: app.ActiveDocument!, host: wpsWordHost(wps, app) };
}

function wellFormed(xml: string): string[] {
  const errors: string[] = [];
  new DOMParser({ onError: (l, m) => errors.push(`${l} ${m}`) }).parseFromString(xml, 'text/xml');
  return errors;
}

test('the flat document carries both tags: a content control and a bookmark around each section’s contents; well-formed', () => {
  const xml = withBookmarks(flatOpc(circular()));
  expect(wellFormed(xml)).toEqual([]);
  const l = layout(xml);
  expect(l.controls.map((c) => c.tag)).toEqual(SECTION_IDS.map(sectionTag));
  for (const c of l.controls) {
    const id = c.tag.slice(6) as SectionId;
    expect(l.bookmarks.get(bookmarkName(id))).toEqual({ start: c.start, end: c.end });
  }
  expect(l.text).toContain('1388');
});

test('插入全文 into a document with text: one flat document written to a temporary file and inserted at the cursor; the file is removed', async () => {
  const { host, doc, wps, app } = setup([USER]);
  const r = await host.insert(circular(), [...SECTION_IDS], docx);
  expect(r).toEqual({ kind: 'inserted', inserted: [...SECTION_IDS], replaced: [], pageSetup: 'not-empty' });
  expect(doc.inserted).toHaveLength(1);
  expect(doc.inserted[0]).toMatchObject({ kind: 'xml', at: USER.length + 1 });
  expect(wps.FileSystem.calls[0]).toMatch(/^WriteFile \/tmp\/wps-fake\/banli-\d+-\d+\.xml$/);
  expect(wps.FileSystem.files.size).toBe(0); // removed after the insert
  expect(doc.text.startsWith(`${USER}\r`)).toBe(true);
  expect(doc.controls.map((c) => c.tag)).toEqual(SECTION_IDS.map(sectionTag));
  expect(app.calls).toEqual([`InsertFile xml at ${USER.length + 1}`]);
});

test('插入全文 into an empty document: the complete .docx (page setup) through the binary writer', async () => {
  const { host, doc, wps } = setup([]);
  const r = await host.insert(circular(), [...SECTION_IDS], docx);
  expect(r).toMatchObject({ kind: 'inserted', pageSetup: 'applied' });
  expect(doc.inserted[0].kind).toBe('docx');
  expect(doc.pageSetupApplied).toBe(true);
  expect(wps.FileSystem.calls[0]).toMatch(/^writeAsBinaryString .*\.docx$/);
  expect(doc.controls.map((c) => c.tag)).toEqual(SECTION_IDS.map(sectionTag));
  expect([...doc.bookmarks.keys()]).toEqual(SECTION_IDS.map(bookmarkName));
  expect(host.capabilities).toEqual({ basic: true, fileWithSections: true });
});

test('a WPS without the binary writer inserts the flat document and says the page setup is not applied', async () => {
  const { host, doc } = setup([], { binary: false });
  const r = await host.insert(circular(), [...SECTION_IDS], docx);
  expect(r).toMatchObject({ kind: 'inserted', pageSetup: 'unsupported' });
  expect(doc.inserted[0].kind).toBe('xml');
});

test('a WPS without any file writer: a clear message, and the document is untouched', async () => {
  const { host, doc } = setup([USER], { binary: false, text: false });
  await expect(host.insert(circular(), ['opening'], docx)).rejects.toThrow(/不能写临时文件.*独立页面/);
  expect(doc.text).toBe(`${USER}\r\r`);
});

describe.each([
  ['content controls kept', true],
  ['content controls dropped (bookmarks carry the tags)', false],
])('%s', (_, keepsControls) => {
  test('a section already in the document asks first; replacing it touches no other paragraph', async () => {
    const { host, doc } = setup([USER], { keepsControls });
    await host.insert(circular(), ['opening', 'part1'], docx);
    expect(findSection(doc, 'opening')!.kind).toBe(keepsControls ? 'control' : 'bookmark');
    const r = await host.insert(circular(), ['opening'], docx);
    expect(r).toEqual({ kind: 'conflict', existing: ['opening'] });
    const before = doc.text;
    const again = await host.insert(circular(), ['opening'], { ...docx, replace: true });
    expect(again).toEqual({ kind: 'inserted', inserted: [], replaced: ['opening'], pageSetup: 'sections-only' });
    expect(doc.text).toBe(before);
    expect(doc.text.startsWith(`${USER}\r`)).toBe(true);
    expect(findSection(doc, 'opening')!.range.Text).toContain('1388');
    expect(findSection(doc, 'part1')).not.toBeNull();
  });

  test('核对 finds a figure typed over inside a section; 刷新数据 puts the data back, also after the document was reopened', async () => {
    const { host, doc, app, wps } = setup([USER], { keepsControls });
    await host.insert(circular(), [...SECTION_IDS], docx);
    expect((await host.reconcile(circular())).diffs).toEqual([]);
    doc.typeOver('1388', '1400');
    const found = await host.reconcile(circular());
    expect(found.present).toEqual([...SECTION_IDS]);
    expect(found.diffs.map((d) => d.expected)).toContain('1388');

    const reopened = app.reopen();
    const host2 = wpsWordHost(wps, reopened);
    const r = await host2.refresh(circular());
    expect(r).toEqual({ refreshed: [...SECTION_IDS], missing: [] });
    const d2 = reopened.ActiveDocument!;
    expect(d2.text).not.toContain('1400');
    expect(d2.text.startsWith(`${USER}\r`)).toBe(true);
    expect((await host2.reconcile(circular())).diffs).toEqual([]);
    // The tags are there again after the refresh.
    for (const id of SECTION_IDS) expect(findSection(d2, id)).not.toBeNull();
  });
});

test('刷新数据 and 核对 in a document without Banli’s sections: nothing to do, nothing touched', async () => {
  const { host, doc } = setup([USER]);
  expect(await host.refresh(circular())).toEqual({ refreshed: [], missing: [...SECTION_IDS] });
  expect(await host.reconcile(circular())).toEqual({ diffs: [], present: [] });
  expect(doc.text).toBe(`${USER}\r\r`);
});

test('the data and options are kept in document variables (split when long) and read back after reopening', async () => {
  const { app } = setup([USER]);
  const store = wpsDocumentStore(() => app.ActiveDocument);
  expect(store.load()).toBeNull();
  const saved = { data: circularData(sample, AS_OF, 'ledger-2021.xlsx'), options: options() };
  await store.save(saved);
  await store.save(saved); // saving again replaces, it does not fail on existing names
  const names = app.ActiveDocument!.variables.map((v) => v.Name);
  expect(names[0]).toBe('banliCircularV1_0');
  expect(new Set(names).size).toBe(names.length);
  const again = wpsDocumentStore(() => app.reopen().ActiveDocument).load();
  expect(again).toEqual(JSON.parse(JSON.stringify(saved)));
  // A long value goes over several variables.
  const long = { ...saved, data: { ...saved.data, source: 'x'.repeat(130000) } };
  await store.save(long);
  expect(app.ActiveDocument!.variables.length).toBe(3);
  expect(store.load()!.data.source).toHaveLength(130000);
});

test('设置 are kept in document variables beside the data: read back after reopening; the defaults leave none; a bad value is reported', async () => {
  const { app } = setup([USER]);
  const store = wpsWordConfigStore(() => app.ActiveDocument);
  expect(store.load()).toEqual({ file: null, problem: null });
  await store.save({ deadlineMonths: { 市人大建议: 5 } });
  expect(app.ActiveDocument!.variables.map((v) => v.Name)).toEqual([`${CONFIG_VARIABLE}_0`]);
  expect(wpsWordConfigStore(() => app.reopen().ActiveDocument).load()).toEqual({ file: { deadlineMonths: { 市人大建议: 5 } }, problem: null });
  // The data kept for refreshing is another variable: saving it leaves the settings alone.
  await wpsDocumentStore(() => app.ActiveDocument).save({ data: circularData(sample, AS_OF, 'ledger-2021.xlsx'), options: options() });
  expect(store.load().file).toEqual({ deadlineMonths: { 市人大建议: 5 } });
  await store.save(defaultSettings()); // 恢复默认 + 保存
  expect(app.ActiveDocument!.variables.filter((v) => v.Name.startsWith(CONFIG_VARIABLE))).toEqual([]);
  app.ActiveDocument!.Variables.Add(`${CONFIG_VARIABLE}_0`, JSON.stringify({ dueSoonDays: '半个月' }));
  expect(store.load()).toEqual({ file: null, problem: expect.stringMatching(/^文档中保存的设置有 1 处问题，没有使用/) });
  // The host offers the store, so the pane's 设置 are kept with the document in WPS 文字 too.
  expect(wpsWordHost(new FakeWps(), app).settings).toBeDefined();
});

test('temporary files: Windows-style temp paths; a write that did not happen is an error, not a silent insert', () => {
  const wps = new FakeWps();
  const files = wpsTempFiles(wps.FileSystem, () => 'C:\\Users\\k\\AppData\\Local\\Temp\\');
  const p = files.write('xml', '<a/>');
  expect(p).toMatch(/^C:\\Users\\k\\AppData\\Local\\Temp\\banli-\d+-\d+\.xml$/);
  wps.FileSystem.WriteFile = () => false;
  expect(() => files.write('xml', '<a/>')).toThrow(/临时文件没有写成/);
  // Bytes above 0x7F survive the binary string.
  const fs2 = new FakeWps().FileSystem;
  const bin = wpsTempFiles(fs2, () => '/tmp');
  expect(bin.binary).toBe(true);
  const q = bin.write('docx', new Uint8Array([0, 0x50, 0x80, 0xff]));
  expect([...fs2.bytes(q)]).toEqual([0, 0x50, 0x80, 0xff]);
});

test('the .docx the WPS host writes opens as a package whose document has the bookmarks', async () => {
  const { host, wps } = setup([]);
  let written: Buffer | null = null;
  const orig = wps.FileSystem.writeAsBinaryString!;
  wps.FileSystem.writeAsBinaryString = (p, d) => {
    written = Buffer.from(d, 'latin1');
    return orig(p, d);
  };
  await host.insert(circular(), [...SECTION_IDS], docx);
  const xml = documentXmlOf(written!);
  expect(wellFormed(xml)).toEqual([]);
  expect(xml).toContain('<w:bookmarkStart w:id="7400" w:name="banli_header"/>');
  expect(xml).toMatch(/<w:sectPr/);
});
