/**
 * Damaged workbooks said in Chinese: a zip cut short or corrupted, a part that is not well-formed XML, and the other
 * ways a package can be broken each get a sentence saying what is wrong and what to do — in the text, the JSON, the
 * HTML report and for --units alike. The library's own English is shown only with BANLI_DEBUG=1. The inputs are made
 * here from the sample as the field tester made them: its first 50 KB; every 7th byte XOR-ed from offset 2000; its
 * sheet1.xml cut in half.
 */
import { spawnSync } from 'child_process';
import { promises as fs } from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import { runCli } from '../helpers/cli';
import { annotateFailure } from '../../src/node/check';
import { errorInfo, systemMessage } from '../../src/node/errors';
import { ledgerGrid, rows } from '../helpers/ledger';
import { tempDir, writeXlsx } from '../helpers/xlsx';

const ROOT = path.join(__dirname, '../..');
const SAMPLE = path.join(ROOT, 'samples/ledger-2021.xlsx');
const AS_OF = '2021-07-19';

const run = runCli;

/** English words left in a message once file names, part paths and the names Excel, WPS and BANLI_DEBUG are taken out. */
function english(message: string): string[] {
  const rest = message
    .replace(/[\w.\-[\]/]+\.(xlsx|xlsm|xls|xml|rels|csv|html)\b/gi, '')
    .replace(/\*?\.xlsx|Excel|WPS|BANLI_DEBUG|--units|--jobs|^banli：/gm, '');
  return rest.match(/[A-Za-z]{2,}/g) ?? [];
}

/** The central-directory record of a part (its flags at +8, method at +10, local header offset at +42). */
function centralRecord(buf: Buffer, name: string): number {
  for (let p = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])); p >= 0; p--) {
    if (buf.readUInt32LE(p) !== 0x02014b50) continue;
    const len = buf.readUInt16LE(p + 28);
    if (buf.toString('utf8', p + 46, p + 46 + len) === name) return p;
  }
  throw new Error(`no ${name}`);
}

let dir: string;
const files: Record<string, string> = {};
let ledger: string;

beforeAll(async () => {
  dir = await tempDir('banli-damaged-');
  const sample = await fs.readFile(SAMPLE);
  const put = async (name: string, bytes: Buffer) => {
    files[name] = path.join(dir, name);
    await fs.writeFile(files[name], bytes);
  };
  await put('truncated.xlsx', sample.subarray(0, 50 * 1024));
  const mid = Buffer.from(sample);
  for (let i = 2000; i < mid.length - 2000; i += 7) mid[i] ^= 0x5a;
  await put('corrupt-mid.xlsx', mid);
  const zip = await JSZip.loadAsync(sample);
  const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
  zip.file('xl/worksheets/sheet1.xml', sheet.slice(0, Math.floor(sheet.length / 2)));
  await put('badxml.xlsx', await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  // Damage by hand: the central directory, a part's local header, a part's compression method and encryption flag.
  const directory = Buffer.from(sample);
  directory.writeUInt32LE(0, centralRecord(directory, '[Content_Types].xml'));
  await put('directory.xlsx', directory);
  const local = Buffer.from(sample);
  local.writeUInt32LE(0, local.readUInt32LE(centralRecord(local, 'xl/workbook.xml') + 42));
  await put('local-header.xlsx', local);
  const method = Buffer.from(sample);
  method.writeUInt16LE(12, centralRecord(method, 'xl/worksheets/sheet1.xml') + 10);
  await put('method.xlsx', method);
  const encrypted = Buffer.from(sample);
  const rec = centralRecord(encrypted, 'xl/sharedStrings.xml');
  encrypted.writeUInt16LE(encrypted.readUInt16LE(rec + 8) | 1, rec + 8);
  await put('zip-password.xlsx', encrypted);
  ledger = await writeXlsx(path.join(dir, '台账.xlsx'), [{ name: '台账', rows: ledgerGrid(rows({})).values }]);
});

afterEach(() => {
  delete process.env.BANLI_DEBUG;
});

const CASES: Array<[string, string, RegExp, string]> = [
  ['truncated.xlsx', 'unreadable', /truncated\.xlsx 已损坏，无法作为 Excel 工作簿打开：文件不完整（结尾缺失），可能在下载、复制或通过聊天软件接收时中断了。请重新下载/, 'no end of central directory'],
  ['corrupt-mid.xlsx', 'unreadable', /corrupt-mid\.xlsx 已损坏：记录有哪些工作表的部分 xl\/workbook\.xml 的数据无法解压，文件内容在下载、复制或保存时被破坏了。请向报送单位要一份完好的文件/, 'unexpected EOF'],
  ['badxml.xlsx', 'unreadable', /badxml\.xlsx 已损坏：工作表“台账”（xl\/worksheets\/sheet1\.xml）的内容不完整或格式错误/, 'unclosed tag'],
  ['directory.xlsx', 'unreadable', /directory\.xlsx 已损坏，无法作为 Excel 工作簿打开：文件的目录结构被破坏了/, 'bad central directory'],
  ['local-header.xlsx', 'unreadable', /local-header\.xlsx 已损坏：记录有哪些工作表的部分 xl\/workbook\.xml 的数据不完整/, 'bad local header'],
  ['method.xlsx', 'unsupported-format', /method\.xlsx 无法读取：工作表“台账”（xl\/worksheets\/sheet1\.xml） 使用了 Excel 和 WPS 不使用的压缩方式/, 'compression method 12'],
  ['zip-password.xlsx', 'unreadable', /zip-password\.xlsx 无法读取：存放单元格文字的部分 xl\/sharedStrings\.xml 被压缩软件加了密码/, 'is encrypted'],
];

describe.each(CASES)('%s', (name, code, message, raw) => {
  test('JSON and text: a Chinese sentence saying what is wrong and what to do, no library text', async () => {
    const j = await run('check', '--json', '--as-of', AS_OF, files[name]);
    expect(j.code).toBe(2);
    const f = JSON.parse(j.out).files[0];
    expect(f.error.code).toBe(code);
    expect(f.error.message).toMatch(message);
    expect(f.error.message).not.toContain(raw);
    expect(english(f.error.message)).toEqual([]);
    const t = await run('check', '--as-of', AS_OF, files[name]);
    expect(t.out).toMatch(message);
    expect(t.out).not.toContain(raw);
  });

  test('with BANLI_DEBUG=1 the library text follows, for the maintainers', async () => {
    process.env.BANLI_DEBUG = '1';
    const f = JSON.parse((await run('check', '--json', '--as-of', AS_OF, files[name])).out).files[0];
    expect(f.error.message).toMatch(message);
    expect(f.error.message).toContain(`（调试信息：`);
    expect(f.error.message).toContain(raw);
  });
});

test('the HTML report says the same, without the library text', async () => {
  const html = path.join(dir, '报告.html');
  const r = await run('check', '--as-of', AS_OF, '--html', html, ledger, files['truncated.xlsx'], files['badxml.xlsx']);
  expect(r.code).toBe(2);
  const page = await fs.readFile(html, 'utf8');
  expect(page).toContain('truncated.xlsx 已损坏，无法作为 Excel 工作簿打开：文件不完整');
  expect(page).toContain('badxml.xlsx 已损坏：工作表“台账”（xl/worksheets/sheet1.xml）的内容不完整或格式错误');
  expect(page).not.toMatch(/no end of central directory|unclosed tag/);
});

test('--units naming a damaged workbook: the same sentence after 承办单位名单无法读取, exit 2', async () => {
  for (const [name, message, raw] of [
    ['truncated.xlsx', /^banli：承办单位名单无法读取：truncated\.xlsx 已损坏，无法作为 Excel 工作簿打开：文件不完整/, 'central directory'],
    ['badxml.xlsx', /^banli：承办单位名单无法读取：badxml\.xlsx 已损坏：工作表“台账”/, 'unclosed tag'],
  ] as const) {
    const r = await run('check', '--as-of', AS_OF, '--units', files[name], ledger);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).not.toContain(raw);
    expect(english(r.err)).toEqual([]);
  }
});

test('combined, the damaged return is named and left out in the same words', async () => {
  const r = await run('check', '--combine', '--as-of', AS_OF, ledger, files['corrupt-mid.xlsx']);
  expect(r.code).toBe(2);
  expect(r.out).toMatch(/✗ .*corrupt-mid\.xlsx：无法读取，未计入。corrupt-mid\.xlsx 已损坏：记录有哪些工作表的部分 xl\/workbook\.xml 的数据无法解压/);
  expect(r.out).not.toContain('unexpected EOF');
});

test('the installed command says it in Chinese on stdout, nothing on stderr, no stack', () => {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/banli.js'), 'check', '--as-of', AS_OF, files['badxml.xlsx']], { encoding: 'utf8', env: { ...process.env, BANLI_DEBUG: '' } });
  expect(r.status).toBe(2);
  expect(r.stdout).toContain('的内容不完整或格式错误');
  expect(r.stdout).not.toContain('unclosed tag');
  expect(r.stderr).toBe('');
});

describe('the other ways an English text could reach the clerk', () => {
  test('an unexpected error while reading or writing a file', () => {
    const read = errorInfo(new Error('Something odd in a library'), '甲.xlsx', 'read');
    expect(read).toEqual({ code: 'unreadable', message: expect.stringMatching(/^读取 甲\.xlsx 时出现了意外错误。请重试/) });
    expect(read.message).not.toContain('Something');
    process.env.BANLI_DEBUG = '1';
    expect(errorInfo(new Error('Something odd in a library'), '甲.xlsx', 'read').message).toContain('（调试信息：Something odd in a library）');
  });

  test('a system error Banli has no sentence for: no bare code', () => {
    const e = Object.assign(new Error('EXDEV: cross-device link not permitted'), { code: 'EXDEV' });
    const m = systemMessage(e, '报告.html', 'write');
    expect(m).toMatch(/^写入 报告\.html 时出错，系统没有完成这项操作：请检查/);
    expect(m).not.toContain('EXDEV');
  });

  test('an annotated copy a library could not make', () => {
    const info = annotateFailure('甲.xlsx', new Error("Corrupted zip: can't find end of central directory"));
    expect(info.code).toBe('cannot-annotate');
    expect(info.message).toMatch(/^无法为 甲\.xlsx 做标注副本：工作簿的内部结构无法修改（检查结果不受影响）/);
    expect(english(info.message)).toEqual([]);
  });
});

describe('text files given as ledgers: said what they are and how to make a workbook of them', () => {
  const CSV = '序号,类别,编号\n1,市人大建议,1\n';
  /** “序号,类别” in GBK, as Excel on a Chinese Windows saves “CSV（逗号分隔）”. */
  const GBK_CSV = Buffer.from([0xd0, 0xf2, 0xba, 0xc5, 0x2c, 0xc0, 0xe0, 0xb1, 0xf0, 0x0d, 0x0a, 0x31, 0x2c, 0x32, 0x0d, 0x0a]);
  const SAVE_AS = '请在 Excel 或 WPS 中打开它，另存为“Excel 工作簿（*.xlsx）”后再检查。';

  async function message(name: string, bytes: string | Buffer): Promise<{ code: string; message: string }> {
    const file = path.join(dir, name);
    await fs.writeFile(file, bytes);
    const r = await run('check', '--json', '--as-of', AS_OF, file);
    expect(r.code).toBe(2);
    return JSON.parse(r.out).files[0].error;
  }

  test.each([
    ['ledger.csv', CSV],
    ['台账（GBK）.csv', GBK_CSV],
    ['台账-bom.CSV', `\uFEFF${CSV}`],
  ])('%s, a .csv given by name: a CSV text file, save it as .xlsx (as for .xls)', async (name, bytes) => {
    expect(await message(name, bytes)).toEqual({ code: 'unreadable', message: `${name} 是 CSV 文本文件（逗号分隔的文字），不是 Excel 工作簿。${SAVE_AS}` });
  });

  test('a CSV renamed .xlsx: looks like a CSV text file', async () => {
    expect(await message('csv-renamed.xlsx', CSV)).toEqual({
      code: 'unreadable',
      message: `csv-renamed.xlsx 不是 Excel 工作簿：它看起来是 CSV 文本文件（逗号分隔的文字），只是扩展名是 .xlsx。${SAVE_AS}`,
    });
    expect((await message('gbk-renamed.xlsx', GBK_CSV)).message).toContain('它看起来是 CSV 文本文件');
  });

  test('Excel’s “Unicode 文本” (UTF-16, tab-separated) renamed .xlsx: a tab-separated text file', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('序号\t类别\r\n1\t市人大建议\r\n', 'utf16le')]);
    expect((await message('unicode.xlsx', utf16)).message).toBe(`unicode.xlsx 不是 Excel 工作簿：它看起来是制表符分隔的文本文件，只是扩展名是 .xlsx。${SAVE_AS}`);
  });

  test('a web page saved as .xls (some systems export tables so): said so', async () => {
    const page = '<html><head><meta charset="utf-8"></head><body><table><tr><td>序号</td></tr></table></body></html>';
    expect((await message('导出.xls', page)).message).toBe(`导出.xls 不是 Excel 工作簿：它是网页（HTML）格式的表格，只是扩展名是 .xls。${SAVE_AS}`);
  });

  test('plain text renamed .xlsx: looks like a text file', async () => {
    expect((await message('说明.xlsx', '这是一个文本文件，不是工作簿。\n')).message).toBe(`说明.xlsx 不是 Excel 工作簿：它看起来是一个文本文件，只是扩展名是 .xlsx。${SAVE_AS}`);
  });

  test('bytes that are no text at all keep the general message', async () => {
    expect((await message('random.xlsx', Buffer.from([0x01, 0x02, 0x03, 0x00, 0xff]))).message).toBe('random.xlsx 不是 Excel 工作簿（.xlsx）：文件内容不是 xlsx 格式，可能是改了扩展名的其他文件。');
  });

  test('--units naming a CSV: the same sentence', async () => {
    const csv = path.join(dir, '单位名单.csv');
    await fs.writeFile(csv, '单位名称,代表委员接待日\n市交通局,是\n');
    const r = await run('check', '--as-of', AS_OF, '--units', csv, ledger);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`banli：承办单位名单无法读取：单位名单.csv 是 CSV 文本文件（逗号分隔的文字），不是 Excel 工作簿。${SAVE_AS}\n`);
  });
});
