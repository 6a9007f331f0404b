/**
 * Spreadsheets Banli does not read (.ods, .csv, .et, .xlsb, .numbers …): found in a folder they are named as not read
 * with what to do, never silently left out — in a check, a combined check and a report alike; given by name they are
 * said as what they are (an .ods is not “a zip renamed .xlsx”).
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { runCli } from '../helpers/cli';
import { smallLedger } from '../helpers/hostile';
import { numbersBytes, odsByLibreOffice, odsBytes, ole2Bytes, xlsbBytes, zipBytes } from '../helpers/formats';
import { tempDir } from '../helpers/xlsx';

const AS_OF = '2021-07-19';
const SAVE_AS = '另存为“Excel 工作簿（*.xlsx）”后再检查。';

const run = runCli;

/** A folder of unit returns: two .xlsx, and one return each as .ods, .csv, .et, .xlsb and .numbers (a folder). */
async function returnsFolder(): Promise<string> {
  const dir = path.join(await tempDir('banli-formats-'), '各单位报送');
  await smallLedger(path.join(dir, '单位01.xlsx'));
  await smallLedger(path.join(dir, '单位02.xlsx'));
  await fs.writeFile(path.join(dir, '单位03.ods'), await odsBytes());
  await fs.writeFile(path.join(dir, '单位04.csv'), '序号,类别,编号\n1,市人大建议,1\n');
  await fs.writeFile(path.join(dir, '单位05.et'), ole2Bytes());
  await fs.writeFile(path.join(dir, '单位06.xlsb'), await xlsbBytes());
  await fs.mkdir(path.join(dir, '单位07.numbers/Index'), { recursive: true });
  await fs.writeFile(path.join(dir, '单位07.numbers/Index/Document.iwa'), await numbersBytes());
  // Not spreadsheets, or lock files: still not looked at.
  await fs.writeFile(path.join(dir, '说明.txt'), '各单位报送的台账');
  await fs.writeFile(path.join(dir, '~$单位03.ods'), 'lock');
  return dir;
}

const OTHERS = ['单位03.ods', '单位04.csv', '单位05.et', '单位06.xlsb', '单位07.numbers'];

describe('spreadsheets of other formats in a folder are named as not read', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await returnsFolder();
  });

  test('check: each is a file that could not be checked, saying what it is and to save it as .xlsx; exit 2', async () => {
    const r = await run('check', '--json', '--as-of', AS_OF, dir);
    const files = r.json().files as Array<{ path: string; ok: boolean; error?: { code: string; message: string } }>;
    expect(files.map((f) => [path.basename(f.path), f.ok])).toEqual([
      ['单位01.xlsx', true],
      ['单位02.xlsx', true],
      ...OTHERS.map((n) => [n, false]),
    ]);
    const err = (n: string) => files.find((f) => path.basename(f.path) === n)!.error!;
    expect(err('单位03.ods')).toEqual({
      code: 'unsupported-format',
      message: `${path.join(dir, '单位03.ods')} 是 OpenDocument 电子表格（.ods，LibreOffice、WPS 等软件保存的格式），不是 Excel 工作簿。请在 WPS、LibreOffice 或 Excel 中打开它，${SAVE_AS}`,
    });
    expect(err('单位04.csv').message).toBe(`${path.join(dir, '单位04.csv')} 是 CSV 文本文件（逗号分隔的文字），不是 Excel 工作簿。请在 Excel 或 WPS 中打开它，${SAVE_AS}`);
    expect(err('单位05.et').message).toMatch(/是 WPS 表格文件（\.et），不是 Excel 工作簿。请在 WPS 表格中打开它，另存为/);
    expect(err('单位06.xlsb').message).toMatch(/是 Excel 二进制工作簿（\.xlsb），不是 Excel 工作簿。请在 Excel 或 WPS 中打开它，另存为/);
    expect(err('单位07.numbers').message).toMatch(/是 Numbers 表格.*导出为 → Excel/);
    expect(r.code).toBe(2);
    const text = await run('check', '--as-of', AS_OF, dir);
    expect(text.out).toContain(`✗ ${path.join(dir, '单位03.ods')}：无法检查。${path.join(dir, '单位03.ods')} 是 OpenDocument 电子表格`);
    expect(text.out).toMatch(/合计：7 个文件，已检查 2 个，5 个无法读取；共 4 件/);
  });

  test('check --combine: each is an unreadable return, named; the JSON lists them; exit 2', async () => {
    const r = await run('check', '--combine', '--json', '--as-of', AS_OF, dir);
    const doc = r.json();
    expect(doc.combined.map((p: string) => path.basename(p))).toEqual(['单位01.xlsx', '单位02.xlsx']);
    expect(doc.unreadable.map((u: { path: string }) => path.basename(u.path))).toEqual(OTHERS);
    expect(doc.unreadable[0].error.message).toMatch(/OpenDocument 电子表格.*另存为“Excel 工作簿（\*\.xlsx）”/);
    expect(r.code).toBe(2);
    const text = await run('check', '--combine', '--as-of', AS_OF, dir);
    expect(text.out).toContain(`✗ ${path.join(dir, '单位03.ods')}：无法读取，未计入。`);
    expect(text.code).toBe(2);
  });

  test('report: refuses as for an unreadable .xls — exit 2, no circular, the files named', async () => {
    const out = path.join(path.dirname(dir), '通报.docx');
    const r = await run('report', '--as-of', AS_OF, dir, '-o', out);
    expect(r.code).toBe(2);
    await expect(fs.access(out)).rejects.toThrow();
    expect(r.err).toContain(`${path.join(dir, '单位03.ods')}：${path.join(dir, '单位03.ods')} 是 OpenDocument 电子表格`);
    expect(r.err).toContain('没有写出通报');
    expect(r.out).toBe('');
  });
});

describe('a folder holding no .xlsx at all', () => {
  test('only .ods and .csv: each is named with what to do, not “里没有 .xlsx 工作簿”', async () => {
    const dir = path.join(await tempDir('banli-formats-'), '报送');
    await fs.mkdir(dir);
    await fs.writeFile(path.join(dir, '甲.ods'), await odsBytes());
    await fs.writeFile(path.join(dir, '乙.csv'), '序号,类别\n1,市人大建议\n');
    const r = await run('check', '--as-of', AS_OF, dir);
    expect(r.out).not.toContain('里没有 .xlsx 工作簿');
    expect(r.out).toMatch(/✗ .*甲\.ods：无法检查。.*OpenDocument 电子表格.*另存为/);
    expect(r.out).toMatch(/✗ .*乙\.csv：无法检查。.*CSV 文本文件.*另存为/);
    expect(r.code).toBe(2);
    const c = await run('check', '--combine', '--as-of', AS_OF, dir);
    expect(c.err).toContain('没有可以合并读取的工作簿：');
    expect(c.err).toContain(`✗ ${path.join(dir, '甲.ods')}：`);
    expect(c.err).toContain(`✗ ${path.join(dir, '乙.csv')}：`);
    expect(c.code).toBe(2);
  });

  test('--combine on a folder holding only an .xls: the file and the reason are named', async () => {
    const dir = path.join(await tempDir('banli-formats-'), '报送');
    await fs.mkdir(dir);
    await fs.writeFile(path.join(dir, '旧台账.xls'), ole2Bytes());
    const r = await run('check', '--combine', '--as-of', AS_OF, dir);
    expect(r.err).toBe(
      `banli：没有可以合并读取的工作簿：\n  ✗ ${path.join(dir, '旧台账.xls')}：旧台账.xls 是旧的 .xls 格式（Excel 97-2003）。请在 Excel 或 WPS 中打开它，${SAVE_AS}\n请按上面的说明处理这些文件后再合并检查。\n`,
    );
    expect(r.code).toBe(2);
    const j = await run('check', '--combine', '--json', '--as-of', AS_OF, dir);
    const doc = j.json();
    expect(doc.unreadable).toEqual([{ path: path.join(dir, '旧台账.xls'), error: { code: 'legacy-xls', message: expect.stringContaining('旧的 .xls 格式') } }]);
    expect(doc.error.code).toBe('legacy-xls');
    expect(j.code).toBe(2);
  });
});

describe('a file given by name is said as what it is', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir('banli-formats-');
  });

  async function error(name: string, bytes: Buffer | string) {
    const file = path.join(dir, name);
    await fs.writeFile(file, bytes);
    const r = await run('check', '--json', '--as-of', AS_OF, file);
    expect(r.code).toBe(2);
    return r.json().files[0].error as { code: string; message: string };
  }

  test('an .ods: an OpenDocument spreadsheet, to be saved as .xlsx (not “a zip renamed .xlsx”)', async () => {
    const e = await error('台账.ods', await odsBytes());
    expect(e).toEqual({
      code: 'unsupported-format',
      message: `台账.ods 是 OpenDocument 电子表格（.ods，LibreOffice、WPS 等软件保存的格式），不是 Excel 工作簿。请在 WPS、LibreOffice 或 Excel 中打开它，${SAVE_AS}`,
    });
    expect(e.message).not.toContain('压缩包');
  });

  test('an .ods renamed .xlsx: what it is and the extension it has', async () => {
    expect((await error('改名.xlsx', await odsBytes())).message).toBe(
      `改名.xlsx 不是 Excel 工作簿：它是 OpenDocument 电子表格（.ods，LibreOffice、WPS 等软件保存的格式），只是扩展名是 .xlsx。请在 WPS、LibreOffice 或 Excel 中打开它，${SAVE_AS}`,
    );
  });

  test('a .docx, a .docx renamed .xlsx, an .odt, a .zip: each said truly', async () => {
    const docx = await zipBytes({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' });
    expect((await error('通报.docx', docx)).message).toBe('通报.docx 是一个 Word 文档（.docx），不是 Excel 工作簿。请给出台账的 Excel 工作簿（.xlsx）。');
    expect((await error('通报.xlsx', docx)).message).toBe('通报.xlsx 不是 Excel 工作簿：它是一个 Word 文档（.docx），只是扩展名是 .xlsx。请给出台账的 Excel 工作簿（.xlsx）。');
    expect((await error('说明.odt', await odsBytes('application/vnd.oasis.opendocument.text'))).message).toMatch(/^说明\.odt 是 OpenDocument 文字文档（\.odt，不是表格），不是 Excel 工作簿。/);
    const book = await zipBytes({ '台账.xlsx': 'x' });
    expect((await error('台账.zip', book)).message).toBe('台账.zip 是一个压缩包（.zip 等），不是 Excel 工作簿。台账在压缩包里的，请先解压，再检查解压出的 .xlsx 文件。');
    expect((await error('打包.xlsx', await zipBytes({ 'a.txt': 'x' }))).message).toBe('打包.xlsx 不是 Excel 工作簿：它是一个压缩包（.zip 等），只是扩展名是 .xlsx。里面没有 Excel 工作簿。请给出台账的 Excel 工作簿（.xlsx）。');
  });

  test('an .et (WPS 表格) is not called an .xls; an .xlsb and a Numbers file are said as such', async () => {
    expect(await error('台账.et', ole2Bytes())).toEqual({ code: 'unsupported-format', message: `台账.et 是 WPS 表格文件（.et），不是 Excel 工作簿。请在 WPS 表格中打开它，${SAVE_AS}` });
    expect((await error('台账.xlsb', await xlsbBytes())).message).toBe(`台账.xlsb 是 Excel 二进制工作簿（.xlsb），不是 Excel 工作簿。请在 Excel 或 WPS 中打开它，${SAVE_AS}`);
    expect((await error('台账.numbers', await numbersBytes())).message).toMatch(/^台账\.numbers 是 Numbers 表格/);
  });

  test('an .ods written by LibreOffice itself', async () => {
    const xlsx = await smallLedger(path.join(dir, 'lo/城区.xlsx'));
    const ods = await odsByLibreOffice(xlsx, path.join(dir, 'lo-out'));
    if (!ods) return; // LibreOffice not installed: the hand-made package above stands in.
    const r = await run('check', '--json', '--as-of', AS_OF, ods);
    expect(r.json().files[0].error.message).toMatch(/^城区\.ods 是 OpenDocument 电子表格（\.ods，LibreOffice、WPS 等软件保存的格式），不是 Excel 工作簿。/);
    expect(r.code).toBe(2);
  }, 240000);
});
