/**
 * The circular as LibreOffice renders it, measured: figures, 22 lines of 28 characters, page numbers and their
 * dash 7 mm below the type area, the red rule 4 mm below the 发文字号, no heading as a page's last line, the
 * 署名 in both layouts, and the 版记 — rules 156 mm wide on the bottom of the last page, which is even whether
 * the body ends on an odd or an even page (a blank page before it when needed, then neither numbered; else the 版记
 * page numbered like every page), its 抄送 lines under the text after 抄送：; and long names (mark, 署名, title
 * lines) kept on their lines inside the type area.
 * Writes each .docx, its PDF and PNGs of every page to test-output/circular/ for a person to look at.
 */
import { mkdirSync, writeFileSync } from 'fs';
import * as path from 'path';
import { Analysis, Circular, CircularOptions, analyse, composeCircular, defaultOptions, paginate, placeColophon, titleLines } from '../../src/core';
import { docxBytes } from '../../src/docx/zip';
import { readWorkbookFile } from '../../src/node/workbook';
import { OUTPUT, PDF_WITH_BLANK_PAGES, PdfLayout, PdfLine, convertToPdf, pdfLayout, pdfText, renderPage } from '../helpers/office';

const DIR = path.join(OUTPUT, 'circular');
const SAMPLE = path.join(__dirname, '../../samples/ledger-2021.xlsx');
const AS_OF = '2021-07-19';

const PT_PER_TWIP = 1 / 20;
const MM_PER_PT = 25.4 / 72;
const TYPE_TOP = 2098 * PT_PER_TWIP; // 104.9 pt
const TYPE_BOTTOM = 841.89 - 1984 * PT_PER_TWIP; // 742.69 pt
const LEFT = 1588 * PT_PER_TWIP;
const RIGHT = (11906 - 1474) * PT_PER_TWIP;
const EM = 16 - 0.25;
const DPI = 144;
const flat = (s: string) => s.replace(/\s+/g, '');

interface Rendered {
  name: string;
  circular: Circular;
  pdf: string;
  layout: PdfLayout;
  text: string;
}

let sample: Analysis;
const rendered: Record<string, Rendered> = {};
/** Long names everywhere (kept apart from `rendered`, whose pages the line-grid tests measure). */
let long: Rendered;
const LONG = {
  mark: '郑州市金水区人民政府文件',
  issuingBody: '中国人民政治协商会议河南省郑州市金水区委员会办公室秘书处',
  title: '郑州市金水区人民代表大会常务委员会关于二〇二一年度\n人大建议政协提案办理工作情况的通报',
  copyTo: ['市委各部门，郑州警备区。', '市人大常委会办公厅，市政协办公厅，市法院，市检察院，各民主党派市委，市工商联，各人民团体。'],
  printingOffice: '中国人民政治协商会议河南省郑州市委员会办公厅',
};

async function render(name: string, options: Partial<CircularOptions>): Promise<Rendered> {
  const c = composeCircular(sample, { ...defaultOptions(2021, AS_OF), ...options }, AS_OF);
  const docx = path.join(DIR, `${name}.docx`);
  writeFileSync(docx, await docxBytes(c, AS_OF));
  const pdf = convertToPdf(docx, DIR, PDF_WITH_BLANK_PAGES);
  const layout = pdfLayout(pdf);
  layout.pages.forEach((_, i) => renderPage(pdf, i + 1, path.join(DIR, `${name}-page-${i + 1}`), 50));
  return { name, circular: c, pdf, layout, text: flat(pdfText(pdf)).replace(/—\d+—/g, '') };
}

/** Extra sentences in 三、 that move the end of the body: to the middle of an odd page, or near the foot of an even one. */
function padding(kind: 'odd' | 'full-even'): Partial<CircularOptions> {
  const sentence = '各承办单位要对照问题清单逐项整改落实。';
  for (let n = 0; n < 120; n++) {
    const prose = { 'part3.2': `各承办单位要进一步压实责任。${sentence.repeat(n)}` };
    const c = composeCircular(sample, { ...defaultOptions(2021, AS_OF), prose }, AS_OF);
    const end = paginate(c.sections.filter((s) => s.id !== 'colophon').flatMap((s) => s.blocks));
    const lines = end.used / 579;
    if (kind === 'odd' && end.page % 2 === 1 && end.page > 1 && lines > 6 && lines < 16) return { prose };
    if (kind === 'full-even' && end.page % 2 === 0 && lines > 19) return { prose };
  }
  throw new Error(`no padding gives ${kind}`);
}

beforeAll(async () => {
  mkdirSync(DIR, { recursive: true });
  sample = analyse(await readWorkbookFile(SAMPLE), { asOf: AS_OF });
  rendered.sample = await render('通报-2021', {});
  rendered.odd = await render('通报-正文止于奇数页', padding('odd'));
  rendered.full = await render('通报-正文占满偶数页', padding('full-even'));
  rendered.noSeal = await render('通报-不加盖印章', { seal: false, attachment: true, problemUnits: 'named' });
  long = await render('通报-长名称', { ...LONG, seal: false });
}, 600000);

const inType = (l: PdfLine) => l.yMin > TYPE_TOP - 5 && l.yMax < TYPE_BOTTOM + 5;
const isPageNumber = (l: PdfLine) => /^—\s*\d+\s*—$/.test(l.text);

test('the totals paragraph’s figures, every breakdown with its remainder', () => {
  const { text } = rendered.sample;
  expect(text).toContain('市政府共承办省、市人大代表建议和政协委员提案1388件');
  expect(text).toContain('省人大建议、省政协提案81件');
  expect(text).toContain('市人大建议468件（含闭会期间建议14件）');
  expect(text).toContain('市政协提案839件');
  expect(text).toContain('重点人大建议20件、重点政协提案8件');
  expect(text).toContain('已答复1369件，办复率98.6%；其中按期答复1356件，超期答复10件，答复日期或办理期限待核实的3件。');
  expect(text).toContain('另有3件答复类别待核实');
});

test('the header, title, addressees, 署名, date and colophon of the reference circular', () => {
  const { text } = rendered.sample;
  expect(text).toContain('郑州市人民政府文件');
  expect(text).toContain('郑政文〔2021〕84号');
  expect(text).toContain('郑州市人民政府关于2021年度人大建议政协提案办理工作情况的通报');
  expect(text).toContain('各开发区管委会，各区县（市）人民政府，市人民政府各部门，各有关单位：');
  expect(text).toContain('郑州市人民政府2021年7月19日');
  expect(text).toContain('抄送：市委各部门，郑州警备区。市人大常委会办公厅，市政协办公厅，市法院，市检察院。');
  expect(text).toContain('郑州市人民政府办公厅2021年7月20日印发');
});

test('the unit lists: praised (none under a problem), with the reception day, once each', () => {
  const { text } = rendered.sample;
  expect(text).toContain('市卫健委、市交通局、市教育局、市城管局、市城建局、市资源规划局等单位');
  expect(text).toContain(
    '已有24个单位的主要领导落实了“代表委员接待日”制度，分别是：市城管局、市城建局、登封市人民政府、二七区人民政府、市供电公司、市国资委、' +
      '惠济区人民政府、市教育局、市交通局、市事管局、市金融局、市民委、市生态环境局、市商务局、市体育局、中原区人民政府、市资源规划局、' +
      '市应急局、市卫健委、市文化广电和旅游局、市文物局、荥阳市人民政府、新密市人民政府、市发展改革委。',
  );
  expect(text).toContain('有12件使用的还是旧版征询意见表');
  expect(text).toContain('有15件建议提案未与代表委员当面会商');
});

const isCjkOnly = (s: string) => /^[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’、—]+$/.test(s);

test('22 × 28: a full line holds 28 characters inside the type area; only a closing mark may hang (LibreOffice)', () => {
  // Banli writes w:overflowPunct off (no hanging: Word then pulls the character before the mark down).
  // LibreOffice 7.4 reads the flag inverted (see the next test), so in its rendering a closing mark may hang:
  // what is measured here is that the 28 positions inside the type area are kept on every full line.
  let fullLines = 0;
  for (const r of Object.values(rendered)) {
    const all = r.layout.pages.flatMap((p) => p.lines).filter((l) => inType(l) && !isPageNumber(l));
    const sanhao = all.filter((x) => isCjkOnly(x.text) && (x.xMax - x.xMin) / [...x.text].length > 15);
    for (const l of sanhao) {
      const hanging = l.xMax > RIGHT + 2 ? 1 : 0;
      if (hanging) expect({ line: l.text, mark: /[，。、；：？！）》”’]$/.test(l.text) }).toEqual({ line: l.text, mark: true });
      expect(l.xMax - hanging * EM).toBeLessThanOrEqual(RIGHT + 0.5);
      const slots = Math.round((l.xMin - LEFT) / EM) + [...l.text].length - hanging;
      expect({ line: l.text, over: slots > 28 }).toEqual({ line: l.text, over: false });
      if (l.xMax - hanging * EM > RIGHT - 2) {
        fullLines++;
        expect({ line: l.text, slots }).toEqual({ line: l.text, slots: 28 });
      }
    }
  }
  expect(fullLines).toBeGreaterThanOrEqual(40);
});

test('LibreOffice 7.4 reads w:overflowPunct inverted: off hangs the mark, on pulls a character down', async () => {
  const row = '一二三四五六七八九十一二三四五六七八九十一二三四五六七八';
  const para = (flag: string) =>
    `<w:p><w:pPr>${flag}<w:jc w:val="both"/></w:pPr><w:r><w:rPr><w:rFonts w:eastAsia="仿宋_GB2312"/><w:spacing w:val="-5"/><w:sz w:val="32"/></w:rPr><w:t>${row}。九十</w:t></w:r></w:p>`;
  const JSZip = (await import('jszip')).default;
  const zip = await JSZip.loadAsync(await docxBytes(rendered.sample.circular, AS_OF));
  const doc = await zip.file('word/document.xml')!.async('string');
  const body = doc.indexOf('<w:body>') + 8;
  const tail = doc.lastIndexOf('<w:sectPr>');
  zip.file('word/document.xml', doc.slice(0, body) + para('<w:overflowPunct w:val="0"/>') + para('<w:overflowPunct/>') + doc.slice(tail));
  const file = path.join(DIR, 'overflowPunct.docx');
  writeFileSync(file, await zip.generateAsync({ type: 'uint8array' }));
  const lines = pdfLayout(convertToPdf(file, DIR)).pages[0].lines.filter((l) => !isPageNumber(l)).map((l) => l.text);
  expect(lines.slice(0, 4)).toEqual([`${row}。`, '九十', row.slice(0, -1), '八。九十']);
});

test('22 lines on a full page', () => {
  // The fullest body page of each rendering: 22 lines at the 28.95 pt pitch (keep-with-next and widow control
  // may leave a page a line or two short, never longer).
  const counts = [rendered.sample, rendered.odd, rendered.full].flatMap((r) => r.layout.pages.map((p) => p.lines.filter((l) => inType(l) && !isPageNumber(l))));
  for (const lines of counts) expect(lines.length).toBeLessThanOrEqual(22);
  const full = counts.filter((lines) => lines.length === 22 && lines.every((l) => (l.xMax - l.xMin) / [...l.text].length > 12));
  expect(full.length).toBeGreaterThanOrEqual(1);
  for (const lines of full) expect((lines[21].yMin - lines[0].yMin) / 21).toBeCloseTo(579 * PT_PER_TWIP, 0);
});

test('no heading is the last line of a page', () => {
  const heading = /^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)[^。]*$/;
  for (const r of Object.values(rendered)) {
    r.layout.pages.forEach((p, i) => {
      const body = p.lines.filter((l) => inType(l) && !isPageNumber(l));
      const last = body[body.length - 1];
      if (last && i < r.layout.pages.length - 1) expect({ page: i + 1, last: last.text, heading: heading.test(last.text) }).toEqual({ page: i + 1, last: last.text, heading: false });
    });
  }
});

/** Dark horizontal rules on a page: rows where more than half the width is dark, as (y, x0, x1) in points. */
function rules(pdf: string, page: number, red = false): Array<{ y: number; x0: number; x1: number }> {
  const { width, height, rgb } = renderPage(pdf, page, path.join(DIR, `measure-${page}`), DPI);
  const out: Array<{ y: number; x0: number; x1: number }> = [];
  const k = 72 / DPI;
  for (let y = 0; y < height; y++) {
    let x0 = -1;
    let x1 = -1;
    let n = 0;
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      const hit = red ? rgb[i] > 200 && rgb[i + 1] < 90 && rgb[i + 2] < 90 : rgb[i] < 110 && rgb[i + 1] < 110 && rgb[i + 2] < 110;
      if (hit) {
        if (x0 < 0) x0 = x;
        x1 = x;
        n++;
      }
    }
    if (n > width * 0.5) {
      const prev = out[out.length - 1];
      if (prev && y * k - prev.y < 1.5) continue; // the same rule, a pixel lower
      out.push({ y: y * k, x0: x0 * k, x1: (x1 + 1) * k });
    }
  }
  return out;
}

const mm = (pt: number) => pt * MM_PER_PT;

describe.each([
  ['sample', 'same-page', 0],
  ['odd', 'next-even-page', 1],
  ['full', 'next-even-page', 2],
  ['noSeal', null, null],
] as const)('the 版记 (%s)', (key, placement, pagesAfterBody) => {
  test('on an even last page, ruled the full 156 mm, its last rule on the bottom of the type area', () => {
    const r = rendered[key];
    if (placement) expect(placeColophon(r.circular)).toBe(placement);
    const pages = r.layout.pages;
    const last = pages.length;
    expect(last % 2).toBe(0);
    const printed = pages[last - 1].lines.find((l) => l.text.endsWith('印发'))!;
    expect(printed).toBeDefined();
    // The three rules of the 版记: the lowest three full-width rules, from the 抄送 row down.
    const found = rules(r.pdf, last).filter((x) => x.y > printed.yMin - 4 * 28.95);
    expect(found).toHaveLength(3);
    for (const rule of found) {
      expect(mm(rule.x1 - rule.x0)).toBeGreaterThan(155);
      expect(mm(rule.x1 - rule.x0)).toBeLessThan(157);
      expect(Math.abs(mm(rule.x0 - LEFT))).toBeLessThan(1);
    }
    // The last rule on the bottom of the type area, on the body's last page and on a page of its own alike (the
    // 版记 page's footer fills the footer's room, so LibreOffice keeps that page's type area the same size).
    expect(Math.abs(mm(found[2].y - TYPE_BOTTOM))).toBeLessThan(1.5);
    const dateLine = pages.findIndex((p) => p.lines.some((l) => l.text === '2021年7月19日')) + 1;
    if (pagesAfterBody !== null) expect(last - dateLine).toBe(pagesAfterBody);
    if (pagesAfterBody === 2) expect(pages[last - 2].lines).toEqual([]);
    if (pagesAfterBody !== null) expect(dateLine % 2).toBe(pagesAfterBody === 1 ? 1 : 0);
  });

  test('page numbers (§7.5): every page numbered but a blank page before the 版记 page and, then, the 版记 page', () => {
    const pages = rendered[key].layout.pages;
    const last = pages.length;
    const blankBefore = pages[last - 2].lines.length === 0;
    if (pagesAfterBody === 2) expect(blankBefore).toBe(true);
    if (pagesAfterBody !== null && pagesAfterBody < 2) expect(blankBefore).toBe(false);
    const number = (i: number) => pages[i].lines.find(isPageNumber);
    pages.forEach((p, i) => {
      const unnumbered = blankBefore && i >= last - 2;
      if (unnumbered) expect({ page: i + 1, number: number(i)?.text }).toEqual({ page: i + 1, number: undefined });
      else expect({ page: i + 1, number: number(i)?.text.replace(/\s/g, '') }).toEqual({ page: i + 1, number: `—${i + 1}—` });
    });
    // The 版记 page's number (when it has one) where every even page has it: one character from the left, 7 mm below.
    if (!blankBefore) {
      expect(number(last - 1)!.xMin).toBeCloseTo(number(last - 3)!.xMin, 0);
      expect(number(last - 1)!.yMin).toBeCloseTo(number(last - 3)!.yMin, 0);
    }
  });
});

test('Banli’s pagination agrees with LibreOffice on the page and the line of the 成文日期', () => {
  for (const r of Object.values(rendered)) {
    const blocks = r.circular.sections.filter((s) => s.id !== 'colophon').flatMap((s) => s.blocks);
    const upToDate = blocks.slice(0, blocks.findIndex((b) => b.role === 'date') + 1);
    const end = paginate(upToDate);
    const page = r.layout.pages.findIndex((p) => p.lines.some((l) => l.text === '2021年7月19日'));
    const date = r.layout.pages[page].lines.find((l) => l.text === '2021年7月19日')!;
    const line = Math.round((date.yMax - TYPE_TOP) / 28.95);
    expect({ doc: r.name, page: page + 1 }).toEqual({ doc: r.name, page: end.page });
    expect({ doc: r.name, line: Math.abs(line - end.used / 579) <= 1 }).toEqual({ doc: r.name, line: true });
  }
});

test('page numbers — N —: odd pages right, even pages left, the dash 7 mm below the type area', () => {
  const r = rendered.sample;
  r.layout.pages.forEach((p, i) => {
    const num = p.lines.find((l) => new RegExp(`^—\\s*${i + 1}\\s*—$`).test(l.text));
    expect(num).toBeDefined();
    if ((i + 1) % 2 === 1) expect(num!.xMax).toBeGreaterThan(p.width / 2 + 150);
    else expect(num!.xMin).toBeLessThan(p.width / 2 - 150);
  });
  // The dash: the longest dark run in the number's box, its row measured on a 144 dpi picture.
  const num = r.layout.pages[0].lines.find(isPageNumber)!;
  const { width, rgb } = renderPage(r.pdf, 1, path.join(DIR, 'measure-dash'), DPI);
  const px = (pt: number) => Math.round((pt * DPI) / 72);
  let best = { y: 0, run: 0 };
  for (let y = px(num.yMin); y <= px(num.yMax); y++) {
    let run = 0;
    for (let x = px(num.xMin); x <= px(num.xMin + 16); x++) {
      const i = (y * width + x) * 3;
      if (rgb[i] < 128) run++;
    }
    if (run > best.run) best = { y, run };
  }
  const dashMm = mm((best.y * 72) / DPI - TYPE_BOTTOM);
  expect(dashMm).toBeGreaterThan(6);
  expect(dashMm).toBeLessThan(8);
});

test('the red rule 4 mm below the 发文字号, the width of the type area; the mark red at the top', () => {
  const r = rendered.sample;
  const number = r.layout.pages[0].lines.find((l) => l.text === '郑政文〔2021〕84号')!;
  const red = rules(r.pdf, 1, true);
  expect(red).toHaveLength(1);
  // The characters' ink: the lowest dark row inside the number's box.
  const { width, rgb } = renderPage(r.pdf, 1, path.join(DIR, 'measure-number'), DPI);
  const px = (pt: number) => Math.round((pt * DPI) / 72);
  let inkBottom = 0;
  for (let y = px(number.yMin); y <= px(number.yMax) + 2; y++) {
    for (let x = px(number.xMin); x <= px(number.xMax); x++) {
      const i = (y * width + x) * 3;
      if (rgb[i] < 110 && rgb[i + 1] < 110) inkBottom = y;
    }
  }
  const gap = mm(red[0].y - (inkBottom * 72) / DPI);
  expect(gap).toBeGreaterThan(3);
  expect(gap).toBeLessThan(5);
  expect(Math.abs(mm(red[0].x1 - red[0].x0) - 156)).toBeLessThan(1);
  const mark = r.layout.pages[0].lines.find((l) => l.text === '郑州市人民政府文件')!;
  expect(mark.yMax - mark.yMin).toBeGreaterThan(30);
});

test('发文机关署名: seal layout centred on the date four characters in; no-seal layout two in, the date two right of it', () => {
  const find = (r: Rendered, t: string) => r.layout.pages.flatMap((p) => p.lines).filter((l) => l.text === t).pop()!;
  const sig = find(rendered.sample, '郑州市人民政府');
  const date = find(rendered.sample, '2021年7月19日');
  expect(sig.yMax).toBeLessThan(date.yMin);
  expect(Math.abs((RIGHT - date.xMax) / 16 - 4)).toBeLessThan(0.3);
  // Centred on each other within 0.6 character: Banli centres on the date's width in Word, where figures are not
  // spaced off; LibreOffice adds about 3 pt around each figure, widening the date by about one character.
  expect(Math.abs((sig.xMin + sig.xMax) / 2 - (date.xMin + date.xMax) / 2)).toBeLessThan(0.6 * 16);
  const body = rendered.sample.layout.pages.flatMap((p) => p.lines).filter((l) => l.yMax < sig.yMin && l.page === sig.page);
  // Room for the seal: two blank lines between the body and the 署名.
  expect((sig.yMin - body[body.length - 1].yMax) / 28.95).toBeGreaterThan(2);
  const sig2 = find(rendered.noSeal, '郑州市人民政府');
  const date2 = find(rendered.noSeal, '2021年7月19日');
  // The date (6.5 characters in Word) is longer than the 署名 less two: the date two from the right, the 署名 3.5.
  expect(Math.abs((RIGHT - sig2.xMax) / 16 - 3.5)).toBeLessThan(0.3);
  expect(Math.abs((date2.xMin - sig2.xMin) / 16 - 2)).toBeLessThan(0.3);
  expect((RIGHT - date2.xMax) / 16).toBeGreaterThan(0.5);
  const before = rendered.noSeal.layout.pages.flatMap((p) => p.lines).filter((l) => l.yMax < sig2.yMin && l.page === sig2.page);
  expect((sig2.yMin - before[before.length - 1].yMax) / 28.95).toBeLessThan(2);
});

test('the attachment: 附件说明 after the body, 附件 on its own page with the per-unit table', () => {
  const r = rendered.noSeal;
  expect(r.text).toContain('附件：2021年度建议提案办理情况分单位统计表');
  const page = r.layout.pages.findIndex((p) => p.lines.some((l) => l.text === '附件'));
  expect(page).toBeGreaterThan(0);
  const lines = r.layout.pages[page].lines.filter((l) => inType(l));
  expect(lines[0].text).toBe('附件');
  const table = r.layout.pages[page].lines.map((l) => l.text).join('|');
  for (const h of ['单位', '件数', '已答复', '按期', '面商', '满意']) expect(table).toContain(h);
  expect(table).toContain('市交通局');
});

describe('the 抄送 lines (§7.4.2)', () => {
  const CH = 14; // 四号
  const copyLines = (r: Rendered) => {
    const page = r.layout.pages[r.layout.pages.length - 1];
    const first = page.lines.findIndex((l) => l.text.startsWith('抄送：'));
    const printed = page.lines.findIndex((l) => l.text.endsWith('印发'));
    return page.lines.slice(first, page.lines.slice(first).findIndex((l, i) => i > 0 && l.yMin >= page.lines[printed].yMin - 1) + first);
  };

  test('抄送： one character in; every later line, of the same paragraph or the next, under the first character after it (47.8 mm)', () => {
    for (const r of [rendered.sample, long]) {
      const lines = copyLines(r);
      expect(lines.length).toBeGreaterThanOrEqual(2);
      expect(Math.abs(lines[0].xMin - (LEFT + CH))).toBeLessThan(1);
      for (const l of lines.slice(1)) {
        expect({ line: l.text, mm: Math.round(mm(l.xMin) * 10) / 10 }).toEqual({ line: l.text, mm: Math.round(mm(LEFT + 4 * CH) * 10) / 10 });
        expect(l.xMax).toBeLessThanOrEqual(RIGHT - CH + 1);
      }
    }
    // The long second paragraph wraps: three lines in all.
    expect(copyLines(long).map((l) => l.text).join('')).toBe(`抄送：${LONG.copyTo.join('')}`);
    expect(copyLines(long)).toHaveLength(3);
  });

  test('the 抄送 row is as high as its lines: the rules above and below it two lines apart for two lines', () => {
    const r = rendered.sample;
    const last = r.layout.pages.length;
    const printed = r.layout.pages[last - 1].lines.find((l) => l.text.endsWith('印发'))!;
    const found = rules(r.pdf, last).filter((x) => x.y > printed.yMin - 4 * 28.95);
    expect(copyLines(r)).toHaveLength(2);
    expect((found[1].y - found[0].y) / 28.95).toBeCloseTo(2, 1);
  });
});

describe('long names stay on their lines inside the type area', () => {
  const lines = () => long.layout.pages.flatMap((p) => p.lines);

  test('发文机关标志: 郑州市金水区人民政府文件 on one line, within 156 mm, centred, as high as the usual mark', () => {
    const mark = long.layout.pages[0].lines[0];
    const usual = rendered.sample.layout.pages[0].lines.find((l) => l.text === '郑州市人民政府文件')!;
    expect(mark.text).toBe(LONG.mark);
    expect(mark.xMin).toBeGreaterThanOrEqual(LEFT - 0.5);
    expect(mark.xMax).toBeLessThanOrEqual(RIGHT + 0.5);
    expect(mm(mark.xMax - mark.xMin)).toBeGreaterThan(150);
    expect(Math.abs((mark.xMin + mark.xMax) / 2 - (LEFT + RIGHT) / 2)).toBeLessThan(1);
    expect(mark.yMin).toBeCloseTo(usual.yMin, 0);
    expect(mark.yMax).toBeCloseTo(usual.yMax, 0);
    // The 发文字号 right below it, where it always is.
    const number = (r: Rendered) => r.layout.pages[0].lines.find((l) => l.text === '郑政文〔2021〕84号')!;
    expect(number(long).yMin).toBeCloseTo(number(rendered.sample).yMin, 0);
  });

  test('a given title line too long for the type area (25 characters of 二号) is broken between words, not by the renderer', () => {
    // Left to LibreOffice the line broke inside 二〇二一: …常务委员会关于二 / 〇二一年度.
    const title = lines().filter((l) => l.page === 1 && l.yMin > 300 && l.yMax < 500 && (l.xMax - l.xMin) / [...l.text].length > 20);
    expect(title.map((l) => l.text)).toEqual(titleLines(LONG.title));
    expect(title.map((l) => l.text)).toEqual(['郑州市金水区人民代表大会常务委员会', '关于二〇二一年度', '人大建议政协提案办理工作情况的通报']);
    for (const l of title) {
      expect(l.xMin).toBeGreaterThanOrEqual(LEFT - 0.5);
      expect(l.xMax).toBeLessThanOrEqual(RIGHT + 0.5);
    }
  });

  test('印发机关 of 22 characters: on one line with its 印发日期 (set narrower), one character in from each side', () => {
    // Left as it was, the date went to a line of its own under the name.
    const printed = lines().find((l) => l.text.endsWith('印发'))!;
    expect(flat(printed.text)).toBe(`${LONG.printingOffice}2021年7月20日印发`);
    const CH = 14; // 四号
    expect(printed.xMin).toBeGreaterThanOrEqual(LEFT + CH - 1);
    expect(printed.xMax).toBeLessThanOrEqual(RIGHT - CH + 1);
    expect(printed.xMax).toBeGreaterThan(RIGHT - CH - 1);
  });

  test('发文机关署名 of 28 characters without a seal: one line inside the type area, the date two characters right of it', () => {
    const sig = lines().find((l) => l.text === LONG.issuingBody)!;
    expect(sig).toBeDefined();
    expect(sig.xMin).toBeGreaterThanOrEqual(LEFT - 0.5);
    expect(sig.xMax).toBeLessThanOrEqual(RIGHT + 0.5);
    const date = lines().find((l) => l.text === '2021年7月19日' && l.page === sig.page && l.yMin > sig.yMin)!;
    expect((date.xMin - sig.xMin) / 16).toBeCloseTo(2, 0);
  });
});
