import { promises as fs } from 'fs';
import * as path from 'path';
import { analyse, readLedger } from '../../src/core';
import { readWorkbookBuffer, readWorkbookFile } from '../../src/node/workbook';
import { FULL_HEADERS, ledgerGrid, rows, unitGrid } from '../helpers/ledger';
import { tempDir, writeXlsx } from '../helpers/xlsx';

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});

const gridRows = (specs = rows({}, {})) => ledgerGrid(specs).values;

test('a real .xlsx: date cells, formulas (cached result), rich text, hyperlinks, merged cells, hidden rows and sheets', async () => {
  const file = await writeXlsx(path.join(dir, 'features.xlsx'), [
    { name: '说明', rows: [['隐藏的说明页']], setup: (ws) => (ws.state = 'hidden') },
    {
      name: '台账',
      rows: [['2021年台账'], [...FULL_HEADERS], ...gridRows(rows({}, {}, {})).slice(1)],
      setup: (ws) => {
        ws.mergeCells('A1:Q1');
        ws.getCell('H3').value = new Date(Date.UTC(2021, 2, 26));
        ws.getCell('C3').value = { formula: '100+1', result: 101 };
        ws.getCell('F3').value = { richText: [{ text: '市交' }, { text: '通局', font: { bold: true } }] };
        ws.getCell('D3').value = { text: '关于优化公交线路的建议', hyperlink: 'http://localhost/x' };
        // a lead unit merged over two data rows
        ws.getCell('F4').value = '市城管局';
        ws.mergeCells('F4:F5');
        ws.getRow(5).hidden = true;
      },
    },
  ]);
  const grids = await readWorkbookFile(file);
  expect(grids.map((g) => [g.sheet, g.hidden])).toEqual([
    ['说明', true],
    ['台账', false],
  ]);
  const l = readLedger(grids);
  expect(l.headerRow).toBe(2);
  const [a, b, c] = l.items;
  expect(a.assignDate).toEqual({ kind: 'ok', day: '2021-03-26' });
  expect(a.number).toBe('101');
  expect(a.leadUnit?.name).toBe('市交通局');
  expect(a.title).toBe('关于优化公交线路的建议');
  expect(b.leadUnit?.name).toBe('市城管局');
  expect(c.leadUnit?.name).toBe('市城管局');
  expect(l.hiddenItemRows).toBe(1);
});

test('dropdown validations over whole columns are skipped when reading', async () => {
  const file = await writeXlsx(path.join(dir, 'validations.xlsx'), [
    {
      name: '台账',
      rows: gridRows(),
      setup: (ws) => {
        for (let r = 2; r <= 200; r++) ws.getCell(r, 12).dataValidation = { type: 'list', allowBlank: true, formulae: ['"A,B,C"'] };
      },
    },
  ]);
  // Give the validation a whole-column range, as office templates do.
  const JSZip = (await import('jszip')).default;
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  const sheetXml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
  const widened = sheetXml.replace(/sqref="[^"]*"/, 'sqref="B2:K1048576"');
  expect(widened).not.toBe(sheetXml);
  zip.file('xl/worksheets/sheet1.xml', widened);
  const buf = await zip.generateAsync({ type: 'nodebuffer' });
  const started = process.hrtime.bigint();
  const l = readLedger(await readWorkbookBuffer(buf, 'validations.xlsx'));
  expect(l.items).toHaveLength(2);
  // Not a timing assertion on speed, a guard against the minutes-long hang: it must finish at all.
  expect(Number(process.hrtime.bigint() - started) / 1e9).toBeLessThan(60);
});

test('unreadable inputs get a code and a Chinese message', async () => {
  const txt = path.join(dir, 'notes.xlsx');
  await fs.writeFile(txt, '这不是工作簿');
  await expect(readWorkbookFile(txt)).rejects.toMatchObject({ code: 'unreadable', message: expect.stringContaining('不是 Excel 工作簿') });
  await expect(readWorkbookFile(path.join(dir, 'missing.xlsx'))).rejects.toMatchObject({ code: 'not-found' });
  const ole = Buffer.alloc(1024);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
  await expect(readWorkbookBuffer(ole, 'old.xls')).rejects.toMatchObject({ code: 'legacy-xls', message: expect.stringContaining('另存为') });
  const enc = Buffer.concat([ole, Buffer.from('EncryptedPackage', 'utf16le')]);
  await expect(readWorkbookBuffer(enc, 'secret.xlsx')).rejects.toMatchObject({ code: 'encrypted', message: expect.stringContaining('密码') });
  const good = await fs.readFile(await writeXlsx(path.join(dir, 'g.xlsx'), [{ name: 'S', rows: [['a']] }]));
  await expect(readWorkbookBuffer(good.subarray(0, good.length / 2), 'cut.xlsx')).rejects.toMatchObject({ code: expect.stringMatching(/unreadable|unsupported-format/) });
});

test('a separate unit list file (--units) is used for alias lookup', async () => {
  const ledger = await writeXlsx(path.join(dir, 'l.xlsx'), [{ name: '台账', rows: gridRows(rows({ 主办单位: '交通局' })) }]);
  const units = await writeXlsx(path.join(dir, 'u.xlsx'), [{ name: 'Sheet1', rows: unitGrid().values }]);
  const a = analyse(await readWorkbookFile(ledger), { asOf: '2021-07-19', unitGrids: await readWorkbookFile(units) });
  expect(a.ledger.items[0].leadUnit).toMatchObject({ name: '市交通局', known: true });
  expect(a.ruleCounts['unit.no-reception-day']).toBe(2);
});
