/**
 * banli report with the office's own wording and the switches: a plain-text and a .docx template, the attachment,
 * the no-seal layout, units named, 印发日期 — through the command line, read back from the written .docx.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import { runCli } from '../helpers/cli';
import { readTemplate } from '../../src/node/report';
import { ledgerGrid, rows, unitGrid } from '../helpers/ledger';
import { tempDir, writeXlsx } from '../helpers/xlsx';

const run = runCli;

async function docText(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  const xml = await zip.file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')).join('\n');
}

let dir: string;
let ledger: string;
beforeAll(async () => {
  dir = await tempDir('banli-template-');
  ledger = await writeXlsx(path.join(dir, '台账.xlsx'), [
    { name: '台账', rows: ledgerGrid(rows({}, { 主办单位: '市水利局', 是否面商: '否' }, { 主办单位: '市城管局' })).values },
    { name: '承办单位', rows: unitGrid().values },
  ]);
});

test('a plain-text template replaces the wording; figures still computed; switches apply', async () => {
  const tpl = path.join(dir, '模板.txt');
  await fs.writeFile(tpl, '# 本办的措辞\n[part3.2]\n请各单位于{{整改期限}}前报送整改情况（共{{总件数}}件[[，未面商{{未面商件数}}件]]）。\n');
  const out = path.join(dir, '通报.docx');
  const r = await run('report', '--as-of', '2021-07-19', ledger, '-o', out, '--template', tpl, '--attachment', '--no-seal', '--problem-units', 'named', '--issue-date', '2021-07-23', '--doc-number', '郑政文〔2021〕90号', '--addressees', '各承办单位：', '--copy-to', '市委各部门。', '--printing-office', '郑州市人民政府办公厅');
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  const text = await docText(out);
  expect(text).toContain('请各单位于9月底前报送整改情况（共3件，未面商1件）。');
  expect(text).toContain('附件：2021年度建议提案办理情况分单位统计表');
  expect(text).toContain('市水利局有1件建议提案未与代表委员当面会商');
  expect(text).toContain('2021年7月23日印发');
  expect(text).toMatch(/单位\n?件数/);
});

test('a .docx template: its paragraphs are the template’s lines', async () => {
  const zip = new JSZip();
  const p = (t: string) => `<w:p><w:r><w:t xml:space="preserve">${t}</w:t></w:r></w:p>`;
  zip.file('[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file('word/document.xml', `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${p('[part3.1]')}${p('各单位要在{{整改期限}}前完成整改&amp;报告。')}</w:body></w:document>`);
  const file = path.join(dir, '模板.docx');
  await fs.writeFile(file, await zip.generateAsync({ type: 'uint8array' }));
  expect(await readTemplate(file)).toEqual({ 'part3.1': '各单位要在{{整改期限}}前完成整改&报告。' });
});

test.each([
  ['[part3.1]\n共{{件数合计}}件', /不认识的占位符“\{\{件数合计\}\}”/],
  ['[part9]\n文字', /第 1 行：不认识的段落名“part9”/],
  ['没有段落名的文字', /第 1 行：文字前面应有段落名/],
])('a bad template: exit 2 naming the file and what is wrong (%s)', async (content, message) => {
  const tpl = path.join(dir, 'bad.txt');
  await fs.writeFile(tpl, content);
  const r = await run('report', '--as-of', '2021-07-19', ledger, '-o', path.join(dir, 'never.docx'), '--template', tpl);
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/bad\.txt/);
  expect(r.err).toMatch(message);
  expect(r.err).not.toMatch(/at .*\.ts/);
});

test('a template file that is not UTF-8 or not a .docx is refused with a Chinese message', async () => {
  const gbk = path.join(dir, 'gbk.txt');
  await fs.writeFile(gbk, Buffer.from([0x5b, 0x6f, 0x5d, 0x0a, 0xc4, 0xe3, 0xba, 0xc3]));
  await expect(readTemplate(gbk)).rejects.toThrow(/不是 UTF-8/);
  const fake = path.join(dir, 'fake.docx');
  await fs.writeFile(fake, '不是压缩包');
  await expect(readTemplate(fake)).rejects.toThrow(/不是有效的 Word 文档/);
});
