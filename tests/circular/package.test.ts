/**
 * The Word-safe package: every generated part parses, and every element whose children the schema orders (pPr,
 * rPr, sectPr, settings, tblPr, tcPr, trPr, style, font, sdtPr …) has them in schema order (SCHEMA_SEQUENCES);
 * fontTable.xml names the fonts stock Windows has as alternates; content-control ids are unique per insertion.
 */
import { DOMParser, Element as XElement } from '@xmldom/xmldom';
import JSZip from 'jszip';
import { SCHEMA_SEQUENCES, analyse, composeCircular, defaultOptions, flatOpc, idSource, orderViolation, ordered } from '../../src/core';
import { docxBytes } from '../../src/docx/zip';
import { ledgerGrid, rows, unitGrid } from '../helpers/ledger';

const AS_OF = '2021-07-19';
const a = () =>
  analyse([ledgerGrid(rows({}, { 主办单位: '市水利局', 是否面商: '否' }, { 主办单位: '市城管局', 答复日期: null, 答复类别: null, 代表委员意见: null })), unitGrid()], { asOf: AS_OF });

function parse(xml: string) {
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level, msg) => errors.push(`${level} ${msg}`) }).parseFromString(xml, 'text/xml');
  expect(errors).toEqual([]);
  return doc;
}

/** Every element in the w: namespace with a schema sequence: its w: children in order. */
function violations(doc: ReturnType<typeof parse>): string[] {
  const out: string[] = [];
  const walk = (el: XElement) => {
    const kids = Array.from(el.childNodes).filter((n): n is XElement => n.nodeType === 1);
    if (el.prefix === 'w' && el.localName !== null && el.localName in SCHEMA_SEQUENCES) {
      const names = kids.filter((k) => k.prefix === 'w').map((k) => k.localName!);
      const v = orderViolation(el.localName!, names);
      if (v) out.push(v);
    }
    kids.forEach(walk);
  };
  walk(doc.documentElement as unknown as XElement);
  return out;
}

test('ordered() emits in schema order and refuses a child the type does not have', () => {
  expect(ordered('settings', [['evenAndOddHeaders', '<e/>'], ['defaultTabStop', '<d/>']])).toBe('<d/><e/>');
  expect(() => ordered('pPr', [['sz', '<w:sz/>']])).toThrow(/not a child of pPr/);
  expect(orderViolation('settings', ['evenAndOddHeaders', 'defaultTabStop'])).toMatch(/defaultTabStop/);
});

test.each([
  ['default', {}],
  ['every switch', { attachment: true, seal: false, problemUnits: 'named' as const, gradeShares: false }],
])('every part of the .docx parses, in schema order (%s)', async (_n, extra) => {
  const c = composeCircular(a(), { ...defaultOptions(2021, AS_OF), ...extra }, AS_OF);
  const zip = await JSZip.loadAsync(await docxBytes(c, AS_OF));
  const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
  expect(names).toEqual(expect.arrayContaining(['word/document.xml', 'word/settings.xml', 'word/styles.xml', 'word/fontTable.xml', 'word/footer1.xml', 'word/footer3.xml']));
  let checked = 0;
  for (const name of names) {
    const doc = parse(await zip.file(name)!.async('string'));
    expect({ name, violations: violations(doc) }).toEqual({ name, violations: [] });
    checked += doc.getElementsByTagName('w:pPr').length + doc.getElementsByTagName('w:rPr').length;
  }
  expect(checked).toBeGreaterThan(100);
  // The settings the issue named: w:defaultTabStop before w:evenAndOddHeaders.
  const settings = await zip.file('word/settings.xml')!.async('string');
  expect(settings.indexOf('defaultTabStop')).toBeLessThan(settings.indexOf('evenAndOddHeaders'));
  // No text box, no drawing: the 版记 is a table.
  const doc = await zip.file('word/document.xml')!.async('string');
  expect(doc).not.toMatch(/w:drawing|wps:|w:txbxContent/);
  expect(doc).toContain('<w:tblpPr');
});

test('the flat OPC parses in schema order too, and carries the font table', () => {
  const xml = flatOpc(composeCircular(a(), { ...defaultOptions(2021, AS_OF), attachment: true }, AS_OF));
  const doc = parse(xml);
  expect(violations(doc)).toEqual([]);
  expect(xml).toContain('pkg:name="/word/fontTable.xml"');
});

test('fontTable.xml: 仿宋_GB2312 → 仿宋, 楷体_GB2312 → 楷体, 方正小标宋简体 → 华文中宋', async () => {
  const zip = await JSZip.loadAsync(await docxBytes(composeCircular(a(), defaultOptions(2021, AS_OF), AS_OF), AS_OF));
  const doc = parse(await zip.file('word/fontTable.xml')!.async('string'));
  const alt = Object.fromEntries(
    Array.from(doc.getElementsByTagName('w:font')).map((f) => [f.getAttribute('w:name'), f.getElementsByTagName('w:altName')[0]?.getAttribute('w:val') ?? null]),
  );
  expect(alt).toMatchObject({ 仿宋_GB2312: '仿宋', 楷体_GB2312: '楷体', 方正小标宋简体: '华文中宋' });
  // Every East Asian font the document names is in the table.
  const used = new Set([...(await zip.file('word/document.xml')!.async('string')).matchAll(/w:eastAsia="([^"]+)"/g)].map((m) => m[1]));
  for (const f of used) if (f !== 'zh-CN') expect(Object.keys(alt)).toContain(f);
  const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
  expect(rels).toContain('Target="fontTable.xml"');
});

test('content-control ids: unique inside a package and between two insertions', () => {
  const c = composeCircular(a(), defaultOptions(2021, AS_OF), AS_OF);
  const ids = (xml: string) => [...xml.matchAll(/<w:id w:val="(\d+)"\/>/g)].map((m) => m[1]);
  const one = ids(flatOpc(c));
  const two = ids(flatOpc(c));
  expect(new Set(one).size).toBe(one.length);
  expect(one.filter((x) => two.includes(x))).toEqual([]);
  // A given id source is deterministic (the .docx a test can compare), still unique.
  const fixed = ids(flatOpc(c, undefined, idSource(5000)));
  expect(fixed[0]).toBe('5001');
  expect(new Set(fixed).size).toBe(fixed.length);
  for (const x of [...one, ...fixed]) expect(Number(x)).toBeLessThan(2 ** 31);
});
