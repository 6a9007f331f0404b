/**
 * banli check --combine with --html and --annotate: one HTML report for the combined ledger (cells cited
 * file!sheet!cell), and an annotated copy of each workbook read carrying the findings of its own cells, named and
 * placed as a batch check names them (never over a file Banli did not write). The inputs: the sample split in two
 * returns, each with the 承办单位 sheet, both named 台账.xlsx in folders of their own (as offices send them).
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { promises as fs } from 'fs';
import * as path from 'path';
import { citedNames, fileOfCell } from '../../src/core';
import { main } from '../../src/node/cli';
import { tempDir } from '../helpers/xlsx';

const ROOT = path.join(__dirname, '../..');
const SAMPLE = path.join(ROOT, 'samples/ledger-2021.xlsx');
const AS_OF = '2021-07-19';
/** The last worksheet row of the first return; the second has the header rows and the rest. */
const SPLIT = 700;

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

/** The sample with only some rows of its 台账 sheet (sheet1.xml) kept: the header rows and those `keep` says. */
async function sampleRows(keep: (row: number) => boolean): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await fs.readFile(SAMPLE));
  const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
  const kept = xml.replace(/<row r="(\d+)"[^>]*?(?:\/>|>[\s\S]*?<\/row>)/g, (m, r: string) => (Number(r) <= 2 || keep(Number(r)) ? m : ''));
  zip.file('xl/worksheets/sheet1.xml', kept);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

interface Finding {
  rule: string;
  cell: string | null;
}

/** Every cell with a note in a workbook, as sheet!A1. */
async function notedCells(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: string[] = [];
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: true }, (row) => row.eachCell({ includeEmpty: true }, (cell) => cell.note && out.push(`${ws.name}!${cell.address}`)));
  }
  return out.sort();
}

/** The rows of the 检查结果 sheet (findings listed), without its header. */
async function listed(file: string): Promise<number> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.getWorksheet('检查结果')!.actualRowCount - 1;
}

let dir: string;
let a: string;
let b: string;
let marks: string;
let html: string;
let taken: Buffer;
let inputs: Buffer[];
let run: { code: number; out: string; err: string };
let doc: { combined: string[]; html?: unknown; annotated?: Array<Record<string, unknown>>; files: Array<{ items: number; findings: Finding[] }> };
let names: string[];

beforeAll(async () => {
  dir = await tempDir('banli-combine-out-');
  a = path.join(dir, 'officeA/台账.xlsx');
  b = path.join(dir, 'officeB/台账.xlsx');
  for (const [file, keep] of [
    [a, (r: number) => r <= SPLIT],
    [b, (r: number) => r > SPLIT],
  ] as const) {
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, await sampleRows(keep));
  }
  inputs = [await fs.readFile(a), await fs.readFile(b)];
  marks = path.join(dir, '标注');
  html = path.join(dir, '报告/合并.html');
  // A file of the clerk's own under the first copy's name: left alone, the copies take the next names.
  await fs.mkdir(marks);
  taken = Buffer.from('not Banli’s');
  await fs.writeFile(path.join(marks, '台账（已标注）.xlsx'), taken);
  run = await cli('check', '--combine', '--json', '--as-of', AS_OF, '--html', html, '--annotate', marks, a, b);
  doc = JSON.parse(run.out);
  names = citedNames(doc.combined, (p) => path.relative(process.cwd(), p));
}, 120000);

test('the split returns read as one ledger: the sample’s 1388 items', () => {
  expect(doc.combined).toEqual([a, b]);
  expect(doc.files[0].items).toBe(1388);
  // Findings fall in both files (the first also holds the unit master list that was used).
  const byFile = names.map((n) => doc.files[0].findings.filter((f) => fileOfCell(f.cell, names) === n).length);
  expect(byFile.every((n) => n > 0)).toBe(true);
  expect(run.code).toBe(1);
});

test('the JSON says where the HTML report and each annotated copy were written', () => {
  expect(doc.html).toEqual({ ok: true, path: html });
  expect(doc.annotated).toEqual([
    { file: a, ok: true, path: path.join(marks, '台账（已标注2）.xlsx') },
    { file: b, ok: true, path: path.join(marks, '台账（已标注3）.xlsx') },
  ]);
});

test('the clerk’s own file under the copy’s name is left alone', async () => {
  expect(await fs.readFile(path.join(marks, '台账（已标注）.xlsx'))).toEqual(taken);
  expect((await fs.readdir(marks)).sort()).toEqual(['台账（已标注2）.xlsx', '台账（已标注3）.xlsx', '台账（已标注）.xlsx']);
});

test('each copy carries the findings of its own cells: one note per cell, every one listed in 检查结果', async () => {
  const all = doc.files[0].findings;
  const whole = all.filter((f) => f.cell === null).length;
  for (const [i, copy] of (doc.annotated as Array<{ path: string }>).entries()) {
    const own = all.filter((f) => f.cell !== null && fileOfCell(f.cell, names) === names[i]);
    const cells = [...new Set(own.map((f) => f.cell!.slice(names[i].length + 1)))].sort();
    expect(cells.length).toBeGreaterThan(0);
    expect(await notedCells(copy.path)).toEqual(cells);
    expect(await listed(copy.path)).toBe(own.length + whole);
  }
  // The unit master list used is the first file's: its 承办单位 cells are marked there, not in the second copy.
  const second = await notedCells((doc.annotated as Array<{ path: string }>)[1].path);
  expect(second.some((c) => c.startsWith('承办单位!'))).toBe(false);
  expect((await notedCells((doc.annotated as Array<{ path: string }>)[0].path)).filter((c) => c.startsWith('承办单位!'))).toHaveLength(16);
});

test('the inputs are not written', async () => {
  expect([await fs.readFile(a), await fs.readFile(b)]).toEqual(inputs);
});

test('one HTML report for the combined ledger, every finding cited file!sheet!cell', async () => {
  const page = await fs.readFile(html, 'utf8');
  expect(page).toContain('共 1388 件：省人大建议、省政协提案 81 件');
  const cited = [...page.matchAll(/data-label="单元格">([^<]*)</g)].map((m) => m[1].replace(/&amp;/g, '&'));
  expect(cited).toHaveLength(doc.files[0].findings.length);
  expect(cited.filter((c) => c !== '（整表）').every((c) => names.some((n) => c.startsWith(`${n}!`)))).toBe(true);
  expect(page).toContain(names[0]);
  expect(page).toContain(names[1]);
});

test('the text says where the report and the copies are', async () => {
  const out = path.join(dir, '标注-文本');
  const r = await cli('check', '--combine', '--as-of', AS_OF, '--html', path.join(dir, '文本.html'), '--annotate', out, a, b);
  expect(r.out).toContain(`HTML 报告：${path.join(dir, '文本.html')}`);
  expect(r.out).toContain(`标注副本：${path.join(out, '台账（已标注）.xlsx')}（${names[0]}）`);
  expect(r.out).toContain(`标注副本：${path.join(out, '台账（已标注2）.xlsx')}（${names[1]}）`);
  expect(r.code).toBe(1);
});
