/**
 * The circular as LibreOffice renders it: figures, lists, 28 characters a line, 22 lines a page, page numbers,
 * the red mark, the colophon at the bottom of the last page. Writes the .docx, the PDF and a PNG of page 1 to
 * test-output/circular/ for a person to look at.
 */
import { mkdirSync } from 'fs';
import * as path from 'path';
import { analyse } from '../../src/core';
import { readWorkbookFile } from '../../src/node/workbook';
import { writeCircular } from '../../src/node/report';
import { OUTPUT, PdfLayout, convertToPdf, pdfLayout, pdfText, renderPage } from '../helpers/office';

const DIR = path.join(OUTPUT, 'circular');
const SAMPLE = path.join(__dirname, '../../samples/ledger-2021.xlsx');
let layout: PdfLayout;
let text: string;
let pdf: string;

const PT_PER_TWIP = 1 / 20;
const TYPE_TOP = 2098 * PT_PER_TWIP; // 104.9 pt
const TYPE_BOTTOM = 841.89 - 1984 * PT_PER_TWIP; // 742.69 pt
const flat = (s: string) => s.replace(/\s+/g, '');

beforeAll(async () => {
  mkdirSync(DIR, { recursive: true });
  const a = analyse(await readWorkbookFile(SAMPLE), { asOf: '2021-07-19' });
  const docx = path.join(DIR, '通报-2021.docx');
  await writeCircular({ analysis: a, asOf: '2021-07-19', options: { printDate: '2021-07-20' } }, docx);
  pdf = convertToPdf(docx, DIR);
  layout = pdfLayout(pdf);
  text = flat(pdfText(pdf));
}, 240000);

test('the totals paragraph’s figures', () => {
  expect(text).toContain('市政府共承办省、市人大代表建议和政协委员提案1388件');
  expect(text).toContain('省人大建议、省政协提案81件');
  expect(text).toContain('市人大建议468件（含闭会期间建议14件）');
  expect(text).toContain('市政协提案839件');
  expect(text).toContain('重点人大建议20件、重点政协提案8件');
});

test('the header, title, addressees, date and colophon of the reference circular', () => {
  expect(text).toContain('郑州市人民政府文件');
  expect(text).toContain('郑政文〔2021〕84号');
  expect(text).toContain('郑州市人民政府关于2021年度人大建议政协提案办理工作情况的通报');
  expect(text).toContain('各开发区管委会，各区县（市）人民政府，市人民政府各部门，各有关单位：');
  expect(text).toContain('2021年7月19日');
  expect(text).toContain('抄送：市委各部门，郑州警备区。市人大常委会办公厅，市政协办公厅，市法院，市检察院。');
  expect(text).toContain('郑州市人民政府办公厅2021年7月20日印发');
});

test('the unit lists: praised, with and without the reception day', () => {
  expect(text).toContain('市农委、市卫健委、市工信局、市交通局、郑东新区管委会、市教育局、市城管局、市城建局、市资源规划局等单位');
  expect(text).toContain(
    '以下24个单位已落实主要领导“代表委员接待日”制度：市城管局、市城建局、登封市人民政府、二七区人民政府、市供电公司、市国资委、' +
      '惠济区人民政府、市教育局、市交通局、市事管局、市金融局、市民委、市生态环境局、市商务局、市体育局、中原区人民政府、市资源规划局、' +
      '市应急局、市卫健委、市文化广电和旅游局、市文物局、荥阳市人民政府、新密市人民政府、市发展改革委。',
  );
  expect(text).toContain('尚未落实的16个单位（市农委、市工信局、郑东新区管委会、');
  expect(text).toContain('有12件仍使用旧的征询意见表');
  expect(text).toContain('有9件填写不完整');
  expect(text).toContain('有7件解决程度一栏与答复类别不符');
  expect(text).toContain('有15件建议提案未当面会商办理意见');
});

const isCjkOnly = (s: string) => /^[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’、]+$/.test(s);

test('28 characters on a full body line', () => {
  // A full line reaches the right edge of the type area; a closing mark may hang past it (Word's and
  // LibreOffice's default overflow punctuation). Slots = the first-line indent + the characters inside.
  const left = 1588 * PT_PER_TWIP;
  const right = (11906 - 1474) * PT_PER_TWIP;
  const em = 16 - 0.25;
  const all = layout.pages.flatMap((p) => p.lines).filter((l) => l.yMin > TYPE_TOP - 5 && l.yMax < TYPE_BOTTOM + 5);
  const slotsOf = (l: (typeof all)[number]) => {
    const hanging = l.xMax > right + 2 && /[，。、；：”）]$/.test(l.text) ? 1 : 0;
    return { slots: Math.round((l.xMin - left) / em) + [...l.text].length - hanging, hanging };
  };
  // Lines of Chinese text only, reaching the right edge, not cut short by a number that did not fit after them.
  const full = all.filter((l, i) => isCjkOnly(l.text) && l.xMax > right - 2 && !/^[0-9A-Za-z]/.test(all[i + 1]?.text ?? ''));
  expect(full.length).toBeGreaterThanOrEqual(30);
  for (const l of full) {
    const { slots, hanging } = slotsOf(l);
    expect({ line: l.text, slots }).toEqual({ line: l.text, slots: 28 });
    expect(l.xMax - hanging * em).toBeLessThanOrEqual(right + 0.5);
  }
  // And no Chinese line in 三号 anywhere holds more (the 四号 colophon has its own, smaller pitch).
  const sanhao = all.filter((x) => isCjkOnly(x.text) && (x.xMax - x.xMin) / [...x.text].length > 15);
  expect(sanhao.length).toBeGreaterThan(full.length);
  for (const l of sanhao) expect(slotsOf(l).slots).toBeLessThanOrEqual(28);
});

test('22 lines on a full page', () => {
  // Page 2 is body text only: every line between the top and the bottom of the type area.
  const lines = layout.pages[1].lines.filter((l) => l.yMin > TYPE_TOP - 5 && l.yMax < TYPE_BOTTOM + 5);
  expect(lines).toHaveLength(22);
  const pitch = (lines[21].yMin - lines[0].yMin) / 21;
  expect(pitch).toBeCloseTo(579 * PT_PER_TWIP, 0);
});

test('page numbers — N —, odd pages right, even pages left', () => {
  layout.pages.forEach((p, i) => {
    const num = p.lines.find((l) => new RegExp(`^—\\s*${i + 1}\\s*—$`).test(l.text));
    expect(num).toBeDefined();
    expect(num!.yMin).toBeGreaterThan(TYPE_BOTTOM);
    if ((i + 1) % 2 === 1) expect(num!.xMax).toBeGreaterThan(p.width / 2 + 150);
    else expect(num!.xMin).toBeLessThan(p.width / 2 - 150);
  });
});

test('the colophon sits on the bottom of the type area of the last page', () => {
  const last = layout.pages[layout.pages.length - 1];
  const printed = last.lines.find((l) => l.text.endsWith('印发'))!;
  expect(printed).toBeDefined();
  expect(TYPE_BOTTOM - printed.yMax).toBeGreaterThanOrEqual(0);
  expect(TYPE_BOTTOM - printed.yMax).toBeLessThan(15);
  const copy = last.lines.find((l) => l.text.startsWith('抄送：'))!;
  expect(copy.yMax).toBeLessThan(printed.yMin);
});

test('the issuing-body mark is red, at the top of page 1; a PNG of page 1 is written', () => {
  const { width, height, rgb } = renderPage(pdf, 1, path.join(DIR, 'page-1'), 60);
  let redTop = 0;
  let redElsewhere = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      if (rgb[i] > 200 && rgb[i + 1] < 90 && rgb[i + 2] < 90) {
        if (y < height * 0.45) redTop++;
        else redElsewhere++;
      }
    }
  }
  expect(redTop).toBeGreaterThan(500);
  expect(redElsewhere).toBe(0);
  const mark = layout.pages[0].lines.find((l) => l.text === '郑州市人民政府文件')!;
  expect(mark.yMax - mark.yMin).toBeGreaterThan(30); // well above the 16 pt body size
});
