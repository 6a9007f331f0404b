/** The odd and broken workbooks of the table, made by the tests. */
import { promises as fs } from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import { FULL_HEADERS, ledgerGrid, rows, unitGrid } from './ledger';
import { writeXlsx } from './xlsx';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** Rewrites every SpreadsheetML part with the x: prefix, as some generators write. */
export async function prefixNamespace(src: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(src);
  for (const f of Object.values(zip.files)) {
    if (f.dir || !/^xl\/.*\.xml$/.test(f.name)) continue;
    const xml = await f.async('string');
    if (!xml.includes(`xmlns="${MAIN}"`)) continue;
    zip.file(
      f.name,
      xml
        .replace(/<(\/?)([A-Za-z][\w]*)(?=[\s/>])/g, '<$1x:$2')
        .replace(`xmlns="${MAIN}"`, `xmlns:x="${MAIN}"`),
    );
  }
  return zip.generateAsync({ type: 'nodebuffer' });
}

function ole2(extra: string): Buffer {
  const b = Buffer.alloc(4096);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b);
  Buffer.from(extra, 'utf16le').copy(b, 1024);
  return b;
}

export interface Fixtures {
  good: string;
  prefixed: string;
  truncated: string;
  corrupt: string;
  docx: string;
  txt: string;
  encrypted: string;
  xls: string;
  empty: string;
  noHeader: string;
  nasty: string;
}

export const NASTY_TITLE = `关于<script>alert("x")</script>&'引号'的建议😀${'很长'.repeat(1000)}`;

export async function makeFixtures(dir: string): Promise<Fixtures> {
  await fs.mkdir(dir, { recursive: true });
  const good = await writeXlsx(path.join(dir, 'good.xlsx'), [
    { name: '台账', rows: ledgerGrid(rows({}, { 是否面商: '否' })).values },
    { name: '承办单位', rows: unitGrid([['市交通局', '', '是']]).values },
  ]);
  const goodBytes = await fs.readFile(good);
  const f = (n: string) => path.join(dir, n);
  await fs.writeFile(f('prefixed.xlsx'), await prefixNamespace(goodBytes));
  await fs.writeFile(f('truncated.xlsx'), goodBytes.subarray(0, Math.floor(goodBytes.length / 2)));
  const corrupt = Buffer.from(goodBytes);
  for (let i = 200; i < corrupt.length - 200; i += 7) corrupt[i] ^= 0x5a;
  await fs.writeFile(f('corrupt.xlsx'), corrupt);
  const docx = new JSZip();
  docx.file('[Content_Types].xml', '<Types/>');
  docx.file('word/document.xml', '<w:document/>');
  await fs.writeFile(f('report.docx.xlsx'), await docx.generateAsync({ type: 'nodebuffer' }));
  await fs.writeFile(f('notes.txt.xlsx'), '这是一个文本文件，不是工作簿。\n');
  await fs.writeFile(f('secret.xlsx'), ole2('EncryptedPackage'));
  await fs.writeFile(f('old.xls'), ole2('Workbook'));
  await writeXlsx(f('empty.xlsx'), [{ name: 'Sheet1', rows: [] }]);
  await writeXlsx(f('noheader.xlsx'), [{ name: 'Sheet1', rows: [['姓名', '电话'], ['张三', '13800000000']] }]);
  await writeXlsx(f('nasty.xlsx'), [
    {
      name: '台账',
      rows: ledgerGrid(
        rows(
          { 标题: NASTY_TITLE, 主办单位: '=HYPERLINK("http://example.invalid")', 是否面商: '否' },
          { 主办单位: '市<水>利&局\u0001', 领衔代表: '+张三', 答复类别: '@D' },
        ),
        FULL_HEADERS,
      ).values,
    },
    { name: '承办单位', rows: unitGrid([['市交通局', '', '是']]).values },
  ]);
  return {
    good,
    prefixed: f('prefixed.xlsx'),
    truncated: f('truncated.xlsx'),
    corrupt: f('corrupt.xlsx'),
    docx: f('report.docx.xlsx'),
    txt: f('notes.txt.xlsx'),
    encrypted: f('secret.xlsx'),
    xls: f('old.xls'),
    empty: f('empty.xlsx'),
    noHeader: f('noheader.xlsx'),
    nasty: f('nasty.xlsx'),
  };
}

/** The file's sha256 (to show a refused command left it untouched). */
export async function sha256(file: string): Promise<string> {
  const { createHash } = await import('crypto');
  return createHash('sha256').update(await fs.readFile(file)).digest('hex');
}

/** A small clean ledger with its unit sheet (2 items, one warning-free). */
export async function smallLedger(file: string): Promise<string> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  return writeXlsx(file, [
    { name: '台账', rows: ledgerGrid(rows({}, { 是否面商: '否' })).values },
    { name: '承办单位', rows: unitGrid([['市交通局', '', '是']]).values },
  ]);
}

/** A macro workbook: the same package with the macro-enabled content type, named .xlsm. */
export async function xlsmFrom(xlsx: string, file: string): Promise<string> {
  const zip = await JSZip.loadAsync(await fs.readFile(xlsx));
  const ct = await zip.file('[Content_Types].xml')!.async('string');
  zip.file(
    '[Content_Types].xml',
    ct.replace('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', 'application/vnd.ms-excel.sheet.macroEnabled.main+xml'),
  );
  await fs.writeFile(file, await zip.generateAsync({ type: 'nodebuffer' }));
  return file;
}

/** A workbook whose package has no styles part (some generators write none): readable, but cannot be annotated. */
export async function withoutStyles(xlsx: string, file: string): Promise<string> {
  const zip = await JSZip.loadAsync(await fs.readFile(xlsx));
  zip.remove('xl/styles.xml');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  zip.file('xl/_rels/workbook.xml.rels', rels.replace(/<Relationship\b[^>]*Target="styles\.xml"[^>]*\/>/, ''));
  const ct = await zip.file('[Content_Types].xml')!.async('string');
  zip.file('[Content_Types].xml', ct.replace(/<Override PartName="\/xl\/styles\.xml"[^>]*\/>/, ''));
  await fs.writeFile(file, await zip.generateAsync({ type: 'nodebuffer' }));
  return file;
}
