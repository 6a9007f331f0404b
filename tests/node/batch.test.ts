/** Batch validation on real-world and hostile workbooks (the fixtures table), through the CLI. */
import { spawnSync } from 'child_process';
import { createHash } from 'crypto';
import { promises as fs } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { runCli } from '../helpers/cli';
import { ruleTitle } from '../../src/core';
import { Fixtures, NASTY_TITLE, makeFixtures } from '../helpers/hostile';
import { tempDir } from '../helpers/xlsx';

const ROOT = path.join(__dirname, '../..');
const BIN = path.join(ROOT, 'bin/banli.js');
let dir: string;
let fx: Fixtures;

const run = runCli;

beforeAll(async () => {
  dir = await tempDir('banli-batch-');
  fx = await makeFixtures(path.join(dir, 'in'));
});

describe('the fixtures table', () => {
  test.each([
    ['truncated', 'unreadable', /已损坏/],
    ['corrupt', 'unreadable', /损坏|不是/],
    ['docx', 'unreadable', /Word 文档/],
    ['txt', 'unreadable', /不是 Excel 工作簿/],
    ['encrypted', 'encrypted', /删除密码/],
    ['xls', 'legacy-xls', /另存为“Excel 工作簿（\*\.xlsx）”/],
    ['empty', 'empty-workbook', /空的.*类别/],
    ['noHeader', 'no-header', /没有找到台账表头.*类别.*编号.*主办单位.*交办日期.*答复日期/],
  ] as const)('%s: exit 2, %s, a message saying what to do', async (key, code, message) => {
    const r = await run('check', '--json', '--as-of', '2021-07-19', fx[key], fx.good);
    expect(r.code).toBe(2);
    const [bad, good] = r.json().files;
    expect(bad.ok).toBe(false);
    expect(bad.error.code).toBe(code);
    expect(bad.error.message).toMatch(message);
    expect(good.ok).toBe(true); // the other file is still checked
  });

  test('workbook XML with a namespace prefix (<x:workbook>) is read', async () => {
    const r = await run('check', '--json', '--as-of', '2021-07-19', fx.prefixed);
    const f = r.json().files[0];
    expect(f.ok).toBe(true);
    expect(f.items).toBe(2);
    expect(f.counts.byRule['contact.no-face-to-face']).toBe(1);
  });

  test('cell text with <&>"\' , control characters, emoji and 2,000-character titles: no crash, escaped in reports', async () => {
    const html = path.join(dir, 'nasty.html');
    const r = await run('check', '--json', '--as-of', '2021-07-19', '--html', html, '--annotate', path.join(dir, 'nasty-out'), fx.nasty);
    expect(r.json().files[0].ok).toBe(true);
    const page = await fs.readFile(html, 'utf8');
    expect(page).not.toContain('<script>alert');
    expect(page).toContain('市&lt;水&gt;利&amp;局');
    expect(page.includes('\u0001')).toBe(false);
    expect(NASTY_TITLE.length).toBeGreaterThan(2000);
  });
});

test('a folder mixing good, odd and broken workbooks: every file reported, in order, exit 2 (worker threads)', () => {
  const r = spawnSync(process.execPath, [BIN, 'check', '--jobs', '2', '--as-of', '2021-07-19', path.join(dir, 'in')], { encoding: 'utf8' });
  expect(r.status).toBe(2);
  const lines = r.stdout.split('\n').filter((l) => /^[✓✗!] /.test(l));
  const names = lines.map((l) => path.basename(l.slice(2).split('：')[0]));
  expect(names).toEqual([...names].sort());
  expect(names).toEqual(
    ['corrupt.xlsx', 'empty.xlsx', 'good.xlsx', 'nasty.xlsx', 'noheader.xlsx', 'notes.txt.xlsx', 'old.xls', 'prefixed.xlsx', 'report.docx.xlsx', 'secret.xlsx', 'truncated.xlsx'],
  );
  expect(r.stdout).toMatch(/合计：11 个文件，已检查 3 个，8 个无法读取/);
  // Same result checked in this thread.
  const inline = spawnSync(process.execPath, [BIN, 'check', '--jobs', '1', '--as-of', '2021-07-19', path.join(dir, 'in')], { encoding: 'utf8' });
  expect(inline.stdout).toBe(r.stdout);
});

describe('--annotate', () => {
  let out: string;
  let before: string;
  const SAMPLE = path.join(ROOT, 'samples/ledger-2021.xlsx');
  const digest = async (f: string) => createHash('sha256').update(await fs.readFile(f)).digest('hex');

  beforeAll(async () => {
    out = path.join(dir, 'annotated');
    before = await digest(SAMPLE);
    const r = await run('check', '--as-of', '2021-07-19', '--annotate', out, SAMPLE, fx.good);
    expect(r.code).toBe(1);
  });

  test('the input is never written', async () => {
    expect(await digest(SAMPLE)).toBe(before);
    expect((await fs.readdir(out)).sort()).toEqual(['good（已标注）.xlsx', 'ledger-2021（已标注）.xlsx']);
  });

  test('every cell value of every sheet in the copy equals the original', async () => {
    const read = async (f: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(f);
      return wb;
    };
    const [orig, copy] = await Promise.all([read(SAMPLE), read(path.join(out, 'ledger-2021（已标注）.xlsx'))]);
    let cells = 0;
    for (const ws of orig.worksheets) {
      const cw = copy.getWorksheet(ws.name)!;
      expect(cw).toBeDefined();
      expect(cw.rowCount).toBe(ws.rowCount);
      ws.eachRow({ includeEmpty: true }, (row, r) => {
        row.eachCell({ includeEmpty: true }, (cell, c) => {
          expect(cw.getCell(r, c).value).toEqual(cell.value);
          cells++;
        });
      });
      // And the copy has no value the original lacks.
      cw.eachRow((row, r) => row.eachCell((cell, c) => expect(ws.getCell(r, c).value).toEqual(cell.value)));
    }
    expect(cells).toBeGreaterThan(20000);
    expect(copy.worksheets.map((w) => w.name)).toEqual([...orig.worksheets.map((w) => w.name), '检查结果']);
  });

  test('problem cells filled by severity with a note naming the rule and the fix; dropdowns kept', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, 'ledger-2021（已标注）.xlsx'));
    const ws = wb.getWorksheet('台账')!;
    let error = 0;
    let warning = 0;
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        const argb = (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
        if (argb === 'FFFFC7CE') error++;
        if (argb === 'FFFFEB9C') warning++;
      }),
    );
    expect(error).toBeGreaterThan(15);
    expect(warning).toBeGreaterThan(40);
    const late = ws.getCell('K91');
    expect(JSON.stringify(late.note)).toMatch(/【错误】超期未答复：.*建议：督促/);
    expect(JSON.stringify(late.note)).not.toContain('reply.overdue');
    const units = wb.getWorksheet('承办单位')!;
    expect(JSON.stringify(units.getCell('D26').note)).toContain(ruleTitle('unit.no-reception-day'));
    // The 答复类别 dropdown of the original is still there (the package was patched, not rewritten).
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(await fs.readFile(path.join(out, 'ledger-2021（已标注）.xlsx')));
    expect(await zip.file('xl/worksheets/sheet1.xml')!.async('string')).toContain('<dataValidations');
  });

  test('检查结果 lists the findings with links to their cells; text that looks like a formula stays text', async () => {
    const nastyOut = path.join(dir, 'nasty-out');
    await run('check', '--as-of', '2021-07-19', '--annotate', nastyOut, fx.nasty);
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(await fs.readFile(path.join(nastyOut, 'nasty（已标注）.xlsx')));
    const wbXml = await zip.file('xl/workbook.xml')!.async('string');
    expect(wbXml).toMatch(/<sheet name="检查结果" sheetId="3" r:id="rIdBanli1"\/>/);
    const sheets = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    const results = (await Promise.all(sheets.map((n) => zip.file(n)!.async('string')))).find((x) => x.includes('严重程度'))!;
    expect(results).toMatch(/<hyperlink ref="D2" location="&apos;台账&apos;!\w+\d+" display="台账!\w+\d+"\/>/);
    const styles = await zip.file('xl/styles.xml')!.async('string');
    const quoted = [...styles.matchAll(/<xf\b[^>]*>/g)].findIndex((m) => m[0].includes('quotePrefix="1"'));
    const cellXfsStart = styles.indexOf('<cellXfs');
    expect(quoted).toBeGreaterThan(-1);
    expect(cellXfsStart).toBeGreaterThan(-1);
    // The unit named =HYPERLINK(…) is written as an inline string with the quote-prefix style, never as a formula.
    expect(results).toMatch(/<c r="E\d+" t="inlineStr" s="\d+"><is><t xml:space="preserve">=HYPERLINK/);
    expect(results).not.toContain('<f>');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await fs.readFile(path.join(nastyOut, 'nasty（已标注）.xlsx'))) as unknown as ArrayBuffer);
    const cell = wb.getWorksheet('检查结果')!.getColumn(5).values.find((v) => String(v).startsWith('=HYPERLINK'));
    expect(typeof cell).toBe('string');
  });
});

test('100,000 items: completes, and says how much memory it took', async () => {
  const file = path.join(dir, 'big-100000.xlsx');
  const { writeBigLedger } = await import('../../src/node/sample/big');
  await writeBigLedger(file, 100000);
  const script = `
    const { checkFile } = require(${JSON.stringify(path.join(ROOT, 'lib/node/check.js'))});
    checkFile(${JSON.stringify(file)}, { asOf: '2021-07-19' }).then((s) => {
      process.stdout.write(JSON.stringify({ ok: s.ok, items: s.items, errors: s.counts && s.counts.errors, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
    });`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', maxBuffer: 1 << 20 });
  expect(r.status).toBe(0);
  const res = JSON.parse(r.stdout);
  expect(res).toMatchObject({ ok: true, items: 100000 });
  // Bounded: the whole check of a 7.6 MB, 100,000-row workbook stays well under 2 GB (measured ≈ 0.8 GB).
  expect(res.maxRssMb).toBeLessThan(2048);
  console.log(`100,000 items: peak RSS ${res.maxRssMb.toFixed(0)} MB`);
}, 180000);

test('a progress bar on stderr when it is a terminal, none when it is not', () => {
  const args = [BIN, 'check', '--jobs', '1', '--as-of', '2021-07-19', fx.good, fx.nasty];
  const piped = spawnSync(process.execPath, args, { encoding: 'utf8' });
  expect(piped.stderr).toBe('');
  const tty = spawnSync('script', ['-qec', [process.execPath, ...args].map((a) => `'${a}'`).join(' '), '/dev/null'], { encoding: 'utf8' });
  expect(tty.stdout).toMatch(/检查中 \[#+-*\] 1\/2/);
  expect(tty.stdout).toMatch(/检查中 \[#+\] 2\/2/);
});

test('a workbook written by LibreOffice Calc: the same results, and an annotated copy with the same values', async () => {
  const file = path.join(ROOT, 'tests/fixtures/ledger-2021-libreoffice.xlsx');
  const [calc, ours] = await Promise.all([
    run('check', '--json', '--as-of', '2021-07-19', '--annotate', path.join(dir, 'calc-out'), file),
    run('check', '--json', '--as-of', '2021-07-19', path.join(ROOT, 'samples/ledger-2021.xlsx')),
  ]);
  const a = calc.json().files[0];
  const b = ours.json().files[0];
  expect(a.totals).toEqual(b.totals);
  expect(a.counts).toEqual(b.counts);
  const read = async (f: string) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(f);
    return wb;
  };
  const [orig, copy] = await Promise.all([read(file), read(a.annotated.path)]);
  for (const ws of orig.worksheets) {
    const cw = copy.getWorksheet(ws.name)!;
    ws.eachRow({ includeEmpty: true }, (row, r) => row.eachCell({ includeEmpty: true }, (cell, c) => expect(cw.getCell(r, c).value).toEqual(cell.value)));
  }
  expect(copy.getWorksheet('检查结果')).toBeDefined();
});
