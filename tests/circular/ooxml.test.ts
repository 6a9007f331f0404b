/**
 * The WordprocessingML of the circular read the way Word reads it: a paragraph's indents are its style's w:ind
 * attributes with the paragraph's own w:ind laid over them attribute by attribute (what the paragraph leaves out
 * comes from the style); a run's properties are its style's with its own over them; the fields of the 版记 page's
 * footer are evaluated as Word evaluates them on the page. What LibreOffice makes of the same XML is measured in
 * render.test.ts.
 */
import { DOMParser, Element as XElement } from '@xmldom/xmldom';
import {
  BODY_END_BOOKMARK,
  Block,
  Circular,
  MARK_SZ,
  PAGE,
  STYLE_IDS,
  TYPE_WIDTH,
  analyse,
  bodyEnd,
  colophonFooterXml,
  composeCircular,
  defaultOptions,
  docxParts,
  emWidth,
  fitClosing,
  copyToLines,
  fitPrinted,
  idSource,
  markFit,
  placeColophon,
  stylesXml,
  textWidth,
} from '../../src/core';
import { ledgerGrid, rows, unitGrid } from '../helpers/ledger';

const AS_OF = '2021-07-19';
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const a = () =>
  analyse([ledgerGrid(rows({}, { 主办单位: '市水利局', 是否面商: '否' }, { 主办单位: '市城管局', 答复日期: null, 答复类别: null, 代表委员意见: null })), unitGrid()], { asOf: AS_OF });

function circular(extra: Partial<ReturnType<typeof defaultOptions>> = {}): Circular {
  return composeCircular(a(), { ...defaultOptions(2021, AS_OF), ...extra }, AS_OF);
}

const parse = (xml: string) => new DOMParser().parseFromString(xml, 'text/xml');
const kids = (el: XElement, name: string) => Array.from(el.childNodes).filter((n): n is XElement => n.nodeType === 1 && (n as XElement).localName === name);
const child = (el: XElement | undefined, name: string) => (el ? kids(el, name)[0] : undefined);
const all = (el: { getElementsByTagNameNS(ns: string, n: string): ArrayLike<XElement> }, name: string) => Array.from(el.getElementsByTagNameNS(W, name));
const attrs = (el: XElement | undefined) => Object.fromEntries(Array.from(el?.attributes ?? []).map((x) => [x.localName!, x.value]));

function parts(c: Circular) {
  const files = docxParts(c, AS_OF, idSource(1000));
  return { files, doc: parse(files['word/document.xml']), styles: parse(files['word/styles.xml']) };
}

function styleOf(styles: ReturnType<typeof parse>, id: string): XElement {
  return all(styles, 'style').find((s) => s.getAttributeNS(W, 'styleId') === id)!;
}

/** A paragraph's indents as Word resolves them: the style's w:ind attributes, the paragraph's own laid over them. */
function resolvedIndent(p: XElement, styles: ReturnType<typeof parse>): { left: number; right: number; firstLineStart: number } {
  const pPr = child(p, 'pPr');
  const style = styleOf(styles, child(pPr, 'pStyle')!.getAttributeNS(W, 'val')!);
  const ind = { ...attrs(child(child(style, 'pPr'), 'ind')), ...attrs(child(pPr, 'ind')) };
  const left = Number(ind.left ?? 0);
  // w:hanging wins over w:firstLine when both are there (ECMA-376 §17.3.1.12).
  const first = ind.hanging !== undefined ? -Number(ind.hanging) : Number(ind.firstLine ?? 0);
  return { left, right: Number(ind.right ?? 0), firstLineStart: left + first };
}

const textOf = (p: XElement) => all(p, 't').map((t) => t.textContent).join('');

describe('抄送 (§7.4.2): every line after the first starts under the first character after 抄送：', () => {
  const copyTo = ['市委各部门，郑州警备区。', '市人大常委会办公厅，市政协办公厅，市法院，市检察院。', '各民主党派市委，市工商联，各人民团体，各新闻单位，驻郑各金融机构，驻郑部队。'];
  const c = circular({ copyTo });
  const { doc, styles } = parts(c);
  const paras = all(doc, 'p').filter((p) => child(child(p, 'pPr'), 'pStyle')?.getAttributeNS(W, 'val') === STYLE_IDS.copyTo);
  const CH = 280; // 四号

  test('the style hangs 抄送： out; the first paragraph starts one character in, its text and wrapped lines four', () => {
    expect(paras.map(textOf)).toEqual([`抄送：${copyTo[0]}`, copyTo[1], copyTo[2]]);
    expect(resolvedIndent(paras[0], styles)).toEqual({ left: 4 * CH, right: CH, firstLineStart: CH });
  });

  test('every later paragraph starts four characters in too: the style’s hanging indent is reset, not inherited', () => {
    for (const p of paras.slice(1)) expect({ text: textOf(p), ...resolvedIndent(p, styles) }).toEqual({ text: textOf(p), left: 4 * CH, right: CH, firstLineStart: 4 * CH });
  });

  test('the 抄送 row is as high as its lines as set (no blank line in it)', () => {
    // 抄送：市委各部门，郑州警备区。 one line; the second one line (26 characters, 26 fit); the third, 38 characters, two.
    const row = all(doc, 'tr').find((tr) => all(tr, 'pStyle').some((s) => s.getAttributeNS(W, 'val') === STYLE_IDS.copyTo))!;
    expect(Number(child(child(row, 'trPr'), 'trHeight')!.getAttributeNS(W, 'val'))).toBe(4 * PAGE.linePitch);
    const sample = parts(circular());
    const row2 = all(sample.doc, 'tr').find((tr) => all(tr, 'pStyle').some((s) => s.getAttributeNS(W, 'val') === STYLE_IDS.copyTo))!;
    expect(Number(child(child(row2, 'trPr'), 'trHeight')!.getAttributeNS(W, 'val'))).toBe(2 * PAGE.linePitch);
  });
});

test('抄送 lines break after a comma, never inside an organ’s name (市|人民检察院, 团市|委 before)', () => {
  const line = '市人大常委会办公厅，市政协办公厅，市中级人民法院，市人民检察院，各民主党派市委，市工商联，团市委，市妇联，市总工会，市科协。';
  const ROOM = TYPE_WIDTH - 5 * 280;
  const lines = copyToLines(line, ROOM, ROOM);
  expect(lines.join('')).toBe(line);
  expect(lines.length).toBe(3);
  for (const l of lines.slice(0, -1)) expect(l.endsWith('，')).toBe(true);
  for (const l of lines) expect(textWidth(l, 280)).toBeLessThanOrEqual(ROOM);
  // In the document: the paragraph's text is the line, broken where Banli breaks it.
  const { doc } = parts(circular({ copyTo: ['市委各部门，郑州警备区。', line] }));
  const p = all(doc, 'p').filter((x) => child(child(x, 'pPr'), 'pStyle')?.getAttributeNS(W, 'val') === STYLE_IDS.copyTo)[1];
  expect(textOf(p)).toBe(line);
  expect(all(p, 'br')).toHaveLength(2);
});

describe('发文机关标志 (§7.2.4): one line, centred, never wider than the type area', () => {
  /** The mark's run properties as Word resolves them (style, then the run). */
  function markRun(c: Circular) {
    const { doc, styles } = parts(c);
    const p = all(doc, 'p').find((x) => child(child(x, 'pPr'), 'pStyle')?.getAttributeNS(W, 'val') === STYLE_IDS.mark)!;
    const r = all(p, 'r')[0];
    const style = child(styleOf(styles, STYLE_IDS.mark), 'rPr')!;
    const val = (name: string) => child(child(r, 'rPr'), name)?.getAttributeNS(W, 'val') ?? child(style, name)?.getAttributeNS(W, 'val');
    return { text: textOf(p), sz: Number(val('sz')), scale: Number(val('w') ?? 100), style: { sz: Number(child(style, 'sz')!.getAttributeNS(W, 'val')), scale: Number(child(style, 'w')?.getAttributeNS(W, 'val') ?? 100) }, jc: child(child(p, 'pPr'), 'jc')!.getAttributeNS(W, 'val') };
  }
  /** Width in twips at a size in half-points and a scaling in percent: CJK 1 em, ASCII ½. */
  const width = (text: string, sz: number, scale: number) => (emWidth(text) * sz * 10 * scale) / 100;

  test('the usual mark stays as it was: 42 pt, no scaling, the run and the styles exactly as before', () => {
    const c = circular();
    expect(markRun(c)).toMatchObject({ text: '郑州市人民政府文件', sz: 84, scale: 100, jc: 'center', style: { sz: 84, scale: 100 } });
    expect(stylesXml(c)).toBe(stylesXml());
    expect(parts(c).files['word/document.xml']).toContain(
      '<w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="方正小标宋简体" w:cs="Times New Roman" w:hint="eastAsia"/>' +
        '<w:color w:val="FF0000"/><w:kern w:val="0"/><w:sz w:val="84"/><w:szCs w:val="84"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr>' +
        '<w:t xml:space="preserve">郑州市人民政府文件</w:t></w:r>',
    );
  });

  test('郑州市金水区人民政府文件 (12 characters: 178 mm at 42 pt) keeps its height and is set narrower to fit 156 mm', () => {
    const m = markRun(circular({ mark: '郑州市金水区人民政府文件' }));
    expect(width(m.text, 84, 100)).toBeGreaterThan(TYPE_WIDTH);
    expect(m).toMatchObject({ sz: MARK_SZ, scale: 87, jc: 'center' });
    expect(width(m.text, m.sz, m.scale)).toBeLessThanOrEqual(TYPE_WIDTH);
    // The style carries it too (LibreOffice keeps only the style's run properties for the first paragraph of a control).
    expect(m.style).toEqual({ sz: m.sz, scale: m.scale });
  });

  test('any mark fits: narrower down to 70 %, then smaller too; one that fits is left alone', () => {
    for (const mark of ['文件', '郑州市人民政府文件', '郑州市人民政府办公厅文件', '中共郑州市金水区委员会文件', '中国人民政治协商会议郑州市金水区委员会办公室文件', '郑州市人民政府 郑州军分区文件', 'ABC市人民政府文件', '中国人民政治协商会议郑州市金水区委员会办公室郑州市人民政府办公厅联合文件']) {
      const f = markFit(mark);
      expect({ mark, fits: width(mark, f.sz, f.scale) <= TYPE_WIDTH }).toEqual({ mark, fits: true });
      expect(f.scale).toBeGreaterThanOrEqual(70);
      if (width(mark, 84, 100) <= TYPE_WIDTH) expect(f).toEqual({ sz: 84, scale: 100 });
      else if (width(mark, 84, 70) <= TYPE_WIDTH) expect(f.sz).toBe(84);
      else expect(f.scale).toBe(70);
    }
  });
});

describe('发文机关署名 (§7.3.5): a long issuing body stays on one line inside the type area', () => {
  const closing = (c: Circular) => fitClosing(c.sections.find((s) => s.id === 'date')!.blocks);
  const find = (blocks: Block[], role: string) => blocks.find((b) => b.role === role)!;
  const right = (b: Block) => b.indentRight! * 320 + (textWidth(b.runs[0].text, 315) * (b.scale ?? 100)) / 100;

  test('the usual 署名 and date are left as composed', () => {
    for (const seal of [true, false]) {
      const c = circular({ seal });
      expect(closing(c)).toEqual(c.sections.find((s) => s.id === 'date')!.blocks);
    }
  });

  test('no seal, 28 characters: two characters from the right do not fit, so it moves right, the date two right of it', () => {
    const body = '中国人民政治协商会议河南省郑州市金水区委员会办公室秘书处';
    expect([...body].length).toBe(28);
    const blocks = closing(circular({ issuingBody: body, seal: false }));
    const sig = find(blocks, 'signature');
    expect(right(sig)).toBeLessThanOrEqual(TYPE_WIDTH - 24);
    expect(sig.scale).toBeUndefined();
    const start = (TYPE_WIDTH - right(sig)) / 320;
    expect(find(blocks, 'date').indentLeft! - start).toBeCloseTo(2, 1);
  });

  test('31 characters (wider than the type area): set narrower, flush with both sides', () => {
    const body = '中国人民政治协商会议河南省郑州市金水区委员会办公室秘书处文书科';
    for (const seal of [true, false]) {
      const sig = find(closing(circular({ issuingBody: body, seal })), 'signature');
      expect(sig.scale).toBe(Math.floor((100 * (TYPE_WIDTH - 24)) / textWidth(body, 315)));
      expect(right(sig)).toBeLessThanOrEqual(TYPE_WIDTH - 24);
      expect(sig.indentRight).toBeLessThan(0.1);
    }
  });

  test('the document carries the fitted indent and scaling', () => {
    const body = '中国人民政治协商会议河南省郑州市金水区委员会办公室秘书处文书科';
    const { doc } = parts(circular({ issuingBody: body }));
    const p = all(doc, 'p').find((x) => textOf(x) === body)!;
    expect(Number(child(child(p, 'pPr'), 'ind')!.getAttributeNS(W, 'right'))).toBeLessThan(32);
    expect(all(p, 'w').map((x) => x.getAttributeNS(W, 'val'))).toEqual(['90']);
  });
});

describe('印发机关和印发日期 (§7.4.3): one line, the 印发机关 one character in, the date one character from the right', () => {
  const row = (c: Circular) => {
    const { doc } = parts(c);
    const p = all(doc, 'p').find((x) => child(child(x, 'pPr'), 'pStyle')?.getAttributeNS(W, 'val') === STYLE_IDS.printedBy)!;
    const tr = p.parentNode!.parentNode as XElement;
    return {
      scales: all(p, 'r').map((r) => ({ text: all(r, 't').map((t) => t.textContent).join(''), scale: child(child(r, 'rPr'), 'w')?.getAttributeNS(W, 'val') ?? null })),
      height: Number(child(child(tr, 'trPr'), 'trHeight')!.getAttributeNS(W, 'val')),
    };
  };
  const CH = 280;
  const ROOM = TYPE_WIDTH - 2 * CH;

  test('the usual 印发机关 is left as it is: no scaling, one line', () => {
    const r = row(circular());
    expect(r.scales.every((x) => x.scale === null)).toBe(true);
    expect(r.height).toBe(PAGE.linePitch);
  });

  test('22 characters (the date would wrap): the name set narrower, a character at least before the date, still one line', () => {
    const name = '中国人民政治协商会议河南省郑州市委员会办公厅';
    const c = circular({ printingOffice: name });
    const r = row(c);
    const named = r.scales.find((x) => x.text === name)!;
    const date = r.scales.find((x) => x.text.endsWith('印发'))!;
    expect(date.scale).toBeNull();
    const scale = Number(named.scale);
    expect(scale).toBeGreaterThanOrEqual(70);
    expect(scale).toBeLessThan(100);
    expect((textWidth(name, CH) * scale) / 100 + CH + textWidth(date.text, CH)).toBeLessThanOrEqual(ROOM);
    // As wide as it can be: one per cent more would not leave the character.
    expect((textWidth(name, CH) * (scale + 1)) / 100 + CH + textWidth(date.text, CH)).toBeGreaterThan(ROOM);
    expect(r.height).toBe(PAGE.linePitch);
  });

  test('a name too long even at 70 %: it wraps, the date after its last line or on a line of its own; the row counts every line', () => {
    const b = (name: string): Block => ({ role: 'printedBy', runs: [{ text: name }], right: '2021年7月20日印发' });
    // 33 characters: 29 on the first line, 4 and the date on the second.
    const name = '中国人民政治协商会议河南省郑州市金水区委员会办公室秘书处文书科档案室';
    expect(fitPrinted(b(name))).toEqual({ block: b(name), lines: 2 });
    expect(row(circular({ printingOffice: name })).height).toBe(2 * PAGE.linePitch);
    // 29 + 25 characters: no room for the date after the second line.
    const longer = `${name}${'办'.repeat(21)}`;
    expect(fitPrinted(b(longer)).lines).toBe(3);
  });
});

/**
 * Word's evaluation of a footer's fields on a page: nested fields first, then the formula (numbers, + − * ( ) and
 * the comparison =, 1 or 0), then the numeric picture (positive;negative;zero sections, 'literal' text, 0 a digit).
 */
function evaluateFooter(xml: string, page: number, bookmarks: Record<string, number>): string {
  const runs = all(parse(xml), 'r');
  type Node = { instr: Array<string | Node>; result: string };
  const stack: Node[] = [];
  let out = '';
  let inResult = false;
  const evaluate = (n: Node): string => {
    const code = n.instr.map((x) => (typeof x === 'string' ? x : evaluate(x))).join('').trim();
    const m = /^(\S+)\s*(.*)$/s.exec(code)!;
    if (m[1] === 'PAGE') return String(page);
    if (m[1] === 'PAGEREF') return String(bookmarks[m[2].trim()] ?? 'Error! Bookmark not defined.');
    if (m[1] === '=') {
      const [expr, picture] = m[2].split(/\\#/);
      const value = Function(`return (${expr.replace(/\\\*.*$/, '').replace(/(?<![<>=])=(?!=)/g, '===')}) ;`)() as number | boolean;
      const n2 = Number(value);
      const sections = /"([^"]*)"/.exec(picture)![1].split(';');
      const pic = n2 > 0 ? sections[0] : n2 < 0 ? sections[1] ?? sections[0] : sections[2] ?? sections[0];
      return pic.split(/('[^']*')/).map((s) => (s.startsWith("'") ? s.slice(1, -1) : s.replace(/0/, String(Math.abs(n2))))).join('');
    }
    throw new Error(`field ${m[1]} not modelled`);
  };
  for (const r of runs) {
    const fc = child(r, 'fldChar');
    const it = child(r, 'instrText');
    const t = child(r, 't');
    if (fc) {
      const type = fc.getAttributeNS(W, 'fldCharType');
      if (type === 'begin') {
        const n: Node = { instr: [], result: '' };
        if (stack.length) stack[stack.length - 1].instr.push(n);
        stack.push(n);
      } else if (type === 'separate') inResult = true;
      else {
        const n = stack.pop()!;
        inResult = false;
        if (!stack.length) out += evaluate(n);
      }
    } else if (it && stack.length) stack[stack.length - 1].instr.push(it.textContent ?? '');
    else if (t && !(stack.length && inResult)) out += t.textContent;
  }
  return out;
}

describe('page numbers around the 版记 (§7.5): only a blank page before it and the 版记 page itself go unnumbered', () => {
  /** Circulars whose body ends on an odd and on an even page (by Banli's pagination), each with the 版记 on a page of its own. */
  function ending(parity: 0 | 1): Circular {
    for (let n = 0; n < 200; n++) {
      const prose = { 'part3.2': `各承办单位要进一步压实责任。${'各承办单位要对照问题清单逐项整改落实。'.repeat(n)}` };
      const c = circular({ prose });
      if (placeColophon(c) === 'next-even-page' && bodyEnd(c).page % 2 === parity && bodyEnd(c).page > 1) return c;
    }
    throw new Error('no padding');
  }

  test.each([
    ['odd', 1],
    ['even', 0],
  ] as const)('body ending on an %s page: the bookmark on its last paragraph, the 版记 section on the next even page with its own footer', (_n, parity) => {
    const p = parts(ending(parity));
    const body = child(p.doc.documentElement as unknown as XElement, 'body')!;
    // The body section's break: a paragraph of the body itself (not inside a content control) with the bookmark.
    const breakPara = kids(body, 'p').find((x) => child(child(x, 'pPr'), 'sectPr'))!;
    expect(all(breakPara, 'bookmarkStart').map((b) => b.getAttributeNS(W, 'name'))).toEqual([BODY_END_BOOKMARK]);
    const bodyRefs = all(child(child(breakPara, 'pPr'), 'sectPr')!, 'footerReference').map((f) => f.getAttribute('r:id'));
    expect(bodyRefs).toEqual(['rIdFooterOdd', 'rIdFooterEven']);
    const last = child(body, 'sectPr')!;
    expect(child(last, 'type')!.getAttributeNS(W, 'val')).toBe('evenPage');
    const refs = all(last, 'footerReference').map((f) => [f.getAttributeNS(W, 'type'), f.getAttribute('r:id')]);
    expect(refs).toEqual([
      ['default', 'rIdFooterColophon'],
      ['even', 'rIdFooterColophon'],
    ]);
    expect(p.files['word/_rels/document.xml.rels']).toContain('Id="rIdFooterColophon" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer3.xml"');
  });

  test('Word numbers the 版记 page exactly when it follows the body’s last page, whatever the stored result says', () => {
    for (const stored of [3, 4]) {
      const xml = colophonFooterXml(stored);
      for (let end = 1; end <= 9; end++) {
        const page = end % 2 ? end + 1 : end + 2; // the even page an even-page section break starts on
        const shown = evaluateFooter(xml, page, { [BODY_END_BOOKMARK]: end }).trim();
        expect({ end, page, shown }).toEqual({ end, page, shown: end % 2 ? `— ${page} —` : '' });
      }
    }
  });

  test('the stored result is Banli’s own pagination’s answer (what LibreOffice shows); the field is where Word reads it', () => {
    for (const parity of [1, 0] as const) {
      const c = ending(parity);
      const end = bodyEnd(c).page;
      const xml = parts(c).files['word/footer3.xml'];
      // The formula's result is the last text of the footer (its nested fields' results come before it).
      expect(all(parse(xml), 't').pop()!.textContent).toBe(parity ? `— ${end + 1} —` : ' ');
      // One formula field, its nested PAGE and PAGEREF fields hidden (LibreOffice lifts them into the text), the
      // formula's own instruction visible; even-page placement: one character from the left.
      const doc = parse(xml);
      const instr = all(doc, 'instrText').map((x) => x.textContent!.trim());
      expect(instr).toEqual(['= (', 'PAGE', '-', `PAGEREF ${BODY_END_BOOKMARK}`, '= 1) *', 'PAGE', `\\# "'— '0' —';;' '" \\* CHARFORMAT`]);
      const hidden = all(doc, 'r').map((r) => !!child(child(r, 'rPr'), 'vanish'));
      expect(hidden.filter(Boolean)).toHaveLength(15);
      expect(hidden[0]).toBe(false);
      expect(hidden[1]).toBe(false);
      expect(attrs(all(doc, 'ind')[0])).toEqual({ left: '280' });
    }
  });

  test('the 版记 page’s footer fills the footer’s room (LibreOffice sizes that section’s footer by its contents)', () => {
    const spacing = attrs(all(parse(colophonFooterXml(3)), 'spacing')[0]);
    expect(Number(spacing.before) + Number(spacing.line)).toBeLessThanOrEqual(PAGE.bottom - PAGE.footer);
    expect(Number(spacing.before) + Number(spacing.line)).toBeGreaterThan(PAGE.bottom - PAGE.footer - 20);
  });
});
