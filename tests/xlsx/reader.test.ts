/**
 * The streaming reader, item by item of its issue: date-times and 1904 (a real LibreOffice file and hand-made
 * packages), number formats, numeric YYYYMMDD, uncalculated formulas, strings of every kind, rows and cells without
 * r=, Strict and prefixed packages (read and annotated), ZIP64, limits (a zip bomb, cells), a million formatted
 * empty rows under bounded memory, progress.
 */
import { spawnSync } from 'child_process';
import { createDeflateRaw } from 'zlib';
import { promises as fs } from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import { DOMParser } from '@xmldom/xmldom';
import { UncalculatedFormula, analyse, parseDay, readLedger } from '../../src/core';
import { isDateFormat } from '../../src/xlsx/reader/styles';
import { readWorkbook, readWorkbookBuffer } from '../../src/xlsx/read';
import { annotateBuffer } from '../../src/xlsx/annotate';
import { makeFixtures } from '../helpers/hostile';
import { requireTool } from '../helpers/office';
import { FULL_HEADERS, ledgerGrid, rows, unitGrid } from '../helpers/ledger';
import { tempDir, writeXlsx } from '../helpers/xlsx';
import { part, workbookParts, zip } from './zipcraft';

const ROOT = path.join(__dirname, '../..');
const STRICT_MAIN = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
const STRICT_REL = 'http://purl.oclc.org/ooxml/officeDocument/relationships';

let dir: string;
beforeAll(async () => {
  dir = await tempDir('banli-reader-');
});

function wellFormed(xml: string): string[] {
  const errors: string[] = [];
  new DOMParser({ onError: (level, msg) => errors.push(`${level} ${msg}`) }).parseFromString(xml, 'text/xml');
  return errors;
}

describe('dates', () => {
  test('a LibreOffice workbook with date1904="true" and date-times at 00:00, 11:59, 12:00, 23:59', async () => {
    requireTool('soffice');
    const cells = ['00:00', '11:59', '12:00', '23:59']
      .map((t) => `<table:table-row><table:table-cell table:style-name="ce1" office:value-type="date" office:date-value="2021-06-30T${t}:00"/></table:table-row>`)
      .join('');
    const fods =
      '<?xml version="1.0" encoding="UTF-8"?><office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">' +
      '<office:automatic-styles><number:date-style style:name="N1"><number:year number:style="long"/><number:text>-</number:text><number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/><number:text> </number:text><number:hours number:style="long"/><number:text>:</number:text><number:minutes number:style="long"/></number:date-style><style:style style:name="ce1" style:family="table-cell" style:data-style-name="N1"/></office:automatic-styles>' +
      '<office:body><office:spreadsheet><table:calculation-settings><table:null-date table:date-value="1904-01-01"/></table:calculation-settings><table:table table:name="台账">' +
      `<table:table-row><table:table-cell office:value-type="string"><text:p>交办日期</text:p></table:table-cell></table:table-row>${cells}</table:table></office:spreadsheet></office:body></office:document>`;
    const src = path.join(dir, 'dates1904.fods');
    await fs.writeFile(src, fods);
    const profile = await tempDir('banli-lo-');
    const r = spawnSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'xlsx', '--outdir', dir, src], { encoding: 'utf8', timeout: 180000 });
    expect(r.status).toBe(0);
    const buf = await fs.readFile(path.join(dir, 'dates1904.xlsx'));
    const wbXml = await (await JSZip.loadAsync(buf)).file('xl/workbook.xml')!.async('string');
    expect(wbXml).toMatch(/date1904="true"/);
    const [g] = await readWorkbookBuffer(buf, 'dates1904.xlsx');
    const values = g.values.slice(1).map((row) => row[0]);
    expect(values.map((v) => (v as Date).toISOString())).toEqual(['00:00', '11:59', '12:00', '23:59'].map((t) => `2021-06-30T${t}:00.000Z`));
    for (const v of values) expect(parseDay(v)).toEqual({ kind: 'ok', day: '2021-06-30' });
  });

  test.each(['1', 'true'])('1904 spelled date1904="%s"; built-in and custom date formats', async (spelling) => {
    // 42915 in the 1904 system is 2021-06-30; in the 1900 system it would be 2017-06-29.
    const sheet = '<sheetData><row r="1"><c r="A1" s="2"><v>42915</v></c><c r="B1" s="1"><v>42915.75</v></c><c r="C1"><v>42915</v></c></row></sheetData>';
    const buf = zip(workbookParts({ sheet, workbookPr: `<workbookPr date1904="${spelling}"/>` }));
    const [g] = await readWorkbookBuffer(buf, '1904.xlsx');
    expect(g.values[0][0]).toEqual(new Date(Date.UTC(2021, 5, 30)));
    expect(g.values[0][1]).toEqual(new Date(Date.UTC(2021, 5, 30, 18)));
    expect(g.values[0][2]).toBe(42915); // a plain number stays a number
    const [g1900] = await readWorkbookBuffer(zip(workbookParts({ sheet })), '1900.xlsx');
    expect(g1900.values[0][0]).toEqual(new Date(Date.UTC(2017, 5, 29)));
  });

  test.each([
    ['yyyy"年"m"月"d"日"', true],
    ['[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy', true],
    ['[$-804]yyyy"年"m"月";@', true],
    ['m/d/yy h:mm', true],
    ['[h]:mm:ss', true],
    ['yyyy/m/d\\ h:mm AM/PM', true],
    ['General', false],
    ['0.00E+00', false],
    ['#,##0.00_);[Red]\\(#,##0.00\\)', false],
    ['"日期："0', false],
    ['0%', false],
    ['@', false],
  ])('number format %p is a date: %p', (code, date) => {
    expect(isDateFormat(code)).toBe(date);
  });

  test('a date typed as the number 20210630 is read like the text', async () => {
    const file = await writeXlsx(path.join(dir, 'yyyymmdd.xlsx'), [
      { name: '台账', rows: ledgerGrid(rows({ 交办日期: 20210301, 答复日期: 20210630 })).values },
      { name: '承办单位', rows: unitGrid().values },
    ]);
    const a = analyse(await readWorkbookBuffer(await fs.readFile(file), 'yyyymmdd.xlsx'), { asOf: '2021-07-19' });
    expect(a.ledger.items[0].assignDate).toEqual({ kind: 'ok', day: '2021-03-01' });
    expect(a.ledger.items[0].replyDate).toEqual({ kind: 'ok', day: '2021-06-30' });
    expect(a.findings.filter((f) => f.rule === 'date.invalid')).toEqual([]);
  });

  test('20210510 typed into a date-formatted cell (yyyy-mm-dd hh:mm) stays a number and is read as YYYYMMDD; date-times keep their time', async () => {
    const file = await writeXlsx(path.join(dir, 'yyyymmdd-formatted.xlsx'), [
      {
        name: '台账',
        rows: ledgerGrid(rows({ 交办日期: 20210301, 答复日期: 20210510 }, { 答复日期: 44377.6458333333 }, { 答复日期: 3000000 })).values,
        setup: (ws) => {
          for (const col of [8, 11]) ws.getColumn(col).numFmt = 'yyyy-mm-dd hh:mm';
        },
      },
      { name: '承办单位', rows: unitGrid().values },
    ]);
    const grids = await readWorkbookBuffer(await fs.readFile(file), 'yyyymmdd-formatted.xlsx');
    const cell = (r: number, c: number) => grids[0].values[r][c];
    // Beyond 9999-12-31 (serial 2958465): no date, the number as typed.
    expect(cell(1, 7)).toBe(20210301);
    expect(cell(1, 10)).toBe(20210510);
    expect(cell(3, 10)).toBe(3000000);
    // A real serial with a time of day: a Date, its fraction kept (15:30, not rounded to a day).
    expect(cell(2, 10)).toEqual(new Date(Date.UTC(2021, 5, 30, 15, 30)));
    const a = analyse(grids, { asOf: '2021-07-19' });
    expect(a.ledger.items[0].assignDate).toEqual({ kind: 'ok', day: '2021-03-01' });
    expect(a.ledger.items[0].replyDate).toEqual({ kind: 'ok', day: '2021-05-10' });
    expect(a.ledger.items[1].replyDate).toEqual({ kind: 'ok', day: '2021-06-30' });
    const invalid = a.findings.filter((f) => f.rule === 'date.invalid');
    expect(invalid.map((f) => f.row)).toEqual([4]);
    expect(invalid[0].message).not.toMatch(/\+0\d{5}|T00:00/);
  });

  test('in the 1904 system too, a serial past 9999-12-31 stays a number', async () => {
    // Style 1 of the default styles is yyyy"年"m"月"d"日".
    const sheet = '<sheetData><row r="1"><c r="A1" s="1"><v>20210510</v></c><c r="B1" s="1"><v>2957003.5</v></c><c r="C1" s="1"><v>2957004</v></c></row></sheetData>';
    const bytes = zip(workbookParts({ sheet, workbookPr: '<workbookPr date1904="1"/>' }));
    const [g] = await readWorkbookBuffer(bytes, 'x.xlsx');
    expect(g.values[0][0]).toBe(20210510);
    expect(g.values[0][1]).toEqual(new Date(Date.UTC(9999, 11, 31, 12)));
    expect(g.values[0][2]).toBe(2957004);
  });
});

test('a formula saved without its result is an uncalculated formula, and the check says so', async () => {
  const file = await writeXlsx(path.join(dir, 'uncalculated.xlsx'), [
    {
      name: '台账',
      rows: ledgerGrid(rows({})).values,
      setup: (ws) => {
        ws.getCell('H2').value = { formula: 'DATE(2021,3,26)' } as never;
        ws.getCell('C2').value = { formula: '100+1', result: 101 };
      },
    },
  ]);
  const buf = await fs.readFile(file);
  expect((await JSZip.loadAsync(buf)).file('xl/worksheets/sheet1.xml')!.async('string')).resolves.toMatch(/<c r="H2"[^>]*><f>DATE\(2021,3,26\)<\/f><\/c>/);
  const grids = await readWorkbookBuffer(buf, 'uncalculated.xlsx');
  expect(grids[0].values[1][7]).toEqual(new UncalculatedFormula('=DATE(2021,3,26)'));
  expect(grids[0].values[1][2]).toBe(101);
  const a = analyse(grids, { asOf: '2021-07-19' });
  const f = a.findings.find((x) => x.rule === 'date.invalid');
  expect(f?.message).toContain('公式“=DATE(2021,3,26)”');
  expect(f?.message).toContain('没有它的计算结果');
  expect(a.findings.some((x) => x.rule === 'assign.date-missing')).toBe(false);
});

test('strings: shared (rich, phonetic runs left out), inline, formula results; booleans, errors, ISO dates; entities and _xHHHH_', async () => {
  const sst = [
    '<t>市交通局</t>',
    '<r><t>市交</t></r><r><rPr><b/></rPr><t>通局</t></r><rPh sb="0" eb="2"><t>シコウ</t></rPh><phoneticPr fontId="1"/>',
    '<t xml:space="preserve">A&amp;B &lt;c&gt; &#x4E2D;&#25991; 第一行_x000D_第二行 _x005F_x0041_</t>',
  ];
  const sheet =
    '<dimension ref="A1:H2"/><sheetData><row r="1">' +
    '<c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>' +
    '<c r="D1" t="inlineStr"><is><r><t>内联</t></r><r><t>文本</t></r><rPh><t>ナイ</t></rPh></is></c>' +
    '<c r="E1" t="str"><f>A1&amp;""</f><v>公式文本</v></c><c r="F1" t="b"><v>1</v></c><c r="G1" t="e"><v>#N/A</v></c>' +
    '<c r="H1" t="d"><v>2021-06-30T15:30:00</v></c></row>' +
    '<row r="2"><c r="A2" t="n"><v>1.5</v></c><c r="B2"><v>-3</v></c><c r="C2" t="b"><v>0</v></c><c r="D2" t="str"><f>""</f><v></v></c></row></sheetData>';
  const [g] = await readWorkbookBuffer(zip(workbookParts({ sheet, sharedStrings: sst })), 'strings.xlsx');
  expect(g.values[0]).toEqual(['市交通局', '市交通局', 'A&B <c> 中文 第一行\r第二行 _x0041_', '内联文本', '公式文本', true, '#N/A', new Date(Date.UTC(2021, 5, 30, 15, 30))]);
  expect(g.values[1]).toEqual([1.5, -3, false]);
  expect(parseDay(g.values[0][7])).toEqual({ kind: 'ok', day: '2021-06-30' });
});

test('rows and cells without r= continue from the previous one', async () => {
  const sheet = '<sheetData><row><c t="inlineStr"><is><t>序号</t></is></c><c t="inlineStr"><is><t>标题</t></is></c></row><row><c><v>1</v></c><c r="D2"><v>4</v></c><c><v>5</v></c></row><row r="5"><c><v>9</v></c></row><row><c><v>10</v></c></row></sheetData>';
  const [g] = await readWorkbookBuffer(zip(workbookParts({ sheet })), 'nor.xlsx');
  expect(g.values).toEqual([['序号', '标题'], [1, null, null, 4, 5], [], [], [9], [10]]);
});

describe('Strict and prefixed packages: read, and annotated copies that are well-formed', () => {
  const ledger = ledgerGrid(rows({ 答复类别: 'Z' })).values;
  const sheetXml = (main: string, rel: string) =>
    `<worksheet xmlns="${main}" xmlns:r="${rel}"><sheetData>` +
    ledger.map((r, i) => `<row r="${i + 1}">${r.map((v, j) => (v === null ? '' : `<c r="${String.fromCharCode(65 + j)}${i + 1}" t="inlineStr"><is><t>${v}</t></is></c>`)).join('')}</row>`).join('') +
    '</sheetData></worksheet>';

  test('Strict Open XML (purl.oclc.org namespaces)', async () => {
    const parts = workbookParts({ sheet: part('xl/worksheets/sheet1.xml', sheetXml(STRICT_MAIN, STRICT_REL)), main: STRICT_MAIN, rel: STRICT_REL });
    const buf = zip(parts);
    const grids = await readWorkbookBuffer(buf, 'strict.xlsx');
    expect(grids[0].values).toEqual(ledger.map((r) => { const out = r.map((v) => (v === null ? null : String(v))); while (out.length && out[out.length - 1] === null) out.pop(); return out; }));
    const a = analyse(grids, { asOf: '2021-07-19' });
    expect(a.findings.length).toBeGreaterThan(0);
    const out = await JSZip.loadAsync(await annotateBuffer(buf, a));
    for (const name of Object.keys(out.files).filter((n) => /\.(xml|rels)$/.test(n))) {
      const xml = await out.file(name)!.async('string');
      expect({ name, errors: wellFormed(xml) }).toEqual({ name, errors: [] });
      if (!name.startsWith('xl/')) continue; // the package's own parts (document properties) are not SpreadsheetML
      expect(xml).not.toContain('http://schemas.openxmlformats.org/spreadsheetml/2006/main');
      expect(xml).not.toContain('http://schemas.openxmlformats.org/officeDocument/2006/relationships');
    }
    const again = await readWorkbookBuffer(await annotateBuffer(buf, a), 'strict-annotated.xlsx');
    expect(again.map((g) => g.sheet)).toEqual(['台账', '检查结果']);
    expect(again[0].values).toEqual(grids[0].values);
  });

  test('prefixed SpreadsheetML (<x:worksheet>)', async () => {
    const f = await makeFixtures(path.join(dir, 'hostile'));
    const buf = await fs.readFile(f.prefixed);
    const grids = await readWorkbookBuffer(buf, 'prefixed.xlsx');
    expect(grids.map((g) => g.sheet)).toEqual(['台账', '承办单位']);
    const a = analyse(grids, { asOf: '2021-07-19' });
    const copy = await annotateBuffer(buf, a);
    const out = await JSZip.loadAsync(copy);
    for (const name of Object.keys(out.files).filter((n) => /\.(xml|rels)$/.test(n))) {
      const xml = await out.file(name)!.async('string');
      expect({ name, errors: wellFormed(xml) }).toEqual({ name, errors: [] });
      expect((/<\w*:?(workbook|worksheet)\b[^>]*>/.exec(xml)?.[0].match(/xmlns:r=/g) ?? []).length).toBeLessThanOrEqual(1);
    }
    const again = await readWorkbookBuffer(copy, 'prefixed-annotated.xlsx');
    expect(again[0].values).toEqual(grids[0].values);
    expect(again.map((g) => g.sheet)).toContain('检查结果');
  });
});

test('ZIP64 records are read like plain ones', async () => {
  const sheet = '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>ZIP64</t></is></c><c r="B1" s="1"><v>44377</v></c></row></sheetData>';
  const [a] = await readWorkbookBuffer(zip(workbookParts({ sheet }), true), 'zip64.xlsx');
  const [b] = await readWorkbookBuffer(zip(workbookParts({ sheet })), 'plain.xlsx');
  expect(a.values).toEqual([['ZIP64', new Date(Date.UTC(2021, 5, 30))]]);
  expect(a).toEqual(b);
});

test('limits: a part past its inflated size and a workbook past its cells are refused as too-large, in Chinese', async () => {
  const rowsXml = Array.from({ length: 200 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c><c r="B${i + 1}"><v>${i}</v></c></row>`).join('');
  const buf = zip(workbookParts({ sheet: `<sheetData>${rowsXml}</sheetData>` }));
  await expect(readWorkbookBuffer(buf, '大.xlsx', { limits: { partBytes: 4096 } })).rejects.toMatchObject({ code: 'too-large', message: expect.stringMatching(/^大\.xlsx 太大.*解压后超过 4 KB/) });
  await expect(readWorkbookBuffer(buf, '大.xlsx', { limits: { cells: 100 } })).rejects.toMatchObject({ code: 'too-large', message: expect.stringContaining('单元格超过 100 个') });
  expect((await readWorkbookBuffer(buf, '大.xlsx', { limits: { cells: 400 } }))[0].values).toHaveLength(200);
});

test('progress: rows read and the rows the sheet declares', async () => {
  const n = 10000;
  const rowsXml = Array.from({ length: n }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join('');
  const seen: Array<{ rowsRead: number; rowsTotal?: number }> = [];
  const { grids } = await readWorkbook(zip(workbookParts({ sheet: `<dimension ref="A1:A${n}"/><sheetData>${rowsXml}</sheetData>` })), 'p.xlsx', { onProgress: (p) => seen.push(p) });
  expect(grids[0].values).toHaveLength(n);
  expect(seen.length).toBeGreaterThan(1);
  expect(seen[seen.length - 1]).toEqual({ rowsRead: n, rowsTotal: n });
  expect(seen.map((p) => p.rowsRead)).toEqual([...seen.map((p) => p.rowsRead)].sort((x, y) => x - y));
});

/** Reads a file in a fresh process with the built reader (lib/): outcome, time and peak memory of that process. */
function readInChild(file: string): { code?: string; message?: string; rows?: number[]; ms: number; maxRssMb: number } {
  const script = `
    const { readWorkbookBuffer } = require(${JSON.stringify(path.join(ROOT, 'lib/xlsx/read.js'))});
    const buf = require('fs').readFileSync(process.argv[1]);
    const t = process.hrtime.bigint();
    readWorkbookBuffer(buf, 'x.xlsx').then(
      (g) => ({ rows: g.map((x) => x.values.length) }),
      (e) => ({ code: e.code, message: e.message }),
    ).then((r) => {
      r.ms = Number(process.hrtime.bigint() - t) / 1e6;
      r.maxRssMb = process.resourceUsage().maxRSS / 1024;
      process.stdout.write(JSON.stringify(r));
    });`;
  const r = spawnSync(process.execPath, ['-e', script, file], { encoding: 'utf8', timeout: 120000 });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

async function deflateRepeated(head: string, body: string, times: number, tail: string): Promise<{ data: Buffer; size: number }> {
  const z = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  z.on('data', (c: Buffer) => out.push(c));
  const done = new Promise((resolve) => z.on('end', resolve));
  const chunk = Buffer.from(body.repeat(Math.max(1, Math.floor((1 << 20) / body.length))));
  const per = chunk.length / body.length;
  z.write(head);
  let size = Buffer.byteLength(head) + Buffer.byteLength(tail);
  for (let i = 0; i < times / per; i++) {
    if (!z.write(chunk)) await new Promise((resolve) => z.once('drain', resolve));
    size += chunk.length;
  }
  z.end(tail);
  await done;
  return { data: Buffer.concat(out), size };
}

test('a zip bomb (a 3 MB file whose sheet inflates to 1.1 GB, its declared size a lie) is refused under bounded memory', async () => {
  const { data, size } = await deflateRepeated('<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>', '<row><c><v>1</v></c></row>', 1.1e9 / 26, '</sheetData></worksheet>');
  expect(size).toBeGreaterThan(1e9);
  const file = path.join(dir, 'bomb.xlsx');
  // The central directory claims 1,000 bytes: only counting the inflated bytes finds it out.
  await fs.writeFile(file, zip(workbookParts({ sheet: { name: 'xl/worksheets/sheet1.xml', data, size: 1000 } })));
  expect((await fs.stat(file)).size).toBeLessThan(3e6);
  const r = readInChild(file);
  expect(r.code).toBe('too-large');
  expect(r.message).toMatch(/^x\.xlsx 太大.*压缩炸弹/);
  expect(r.maxRssMb).toBeLessThan(300);
});

test('a million formatted empty rows cost nothing: the grid holds the data rows only, memory stays bounded', async () => {
  const header = ledgerGrid(rows({})).values;
  const dataRows = header.map((r, i) => `<row r="${i + 1}">${r.map((v, j) => (v === null ? '' : `<c r="${String.fromCharCode(65 + j)}${i + 1}" t="inlineStr"><is><t>${v}</t></is></c>`)).join('')}</row>`).join('');
  const empty = Array.from({ length: 1_000_000 }, (_, i) => `<row r="${i + 3}" s="1" customFormat="1" ht="15"/>`).join('');
  const file = path.join(dir, 'empty-rows.xlsx');
  await fs.writeFile(file, zip(workbookParts({ sheet: `<sheetData>${dataRows}${empty}</sheetData>` })));
  const r = readInChild(file);
  expect(r.rows).toEqual([2]);
  expect(r.maxRssMb).toBeLessThan(250);
  expect(FULL_HEADERS.length).toBe(17);
});

test('reading sees the same ledger as readLedger expects from the sample', async () => {
  const grids = await readWorkbookBuffer(await fs.readFile(path.join(ROOT, 'samples/ledger-2021.xlsx')), 'ledger-2021.xlsx');
  expect(readLedger(grids).items).toHaveLength(1388);
});
