/**
 * One renderer: the circular's blocks → WordprocessingML laid out to GB/T 9704-2012 (see shared design notes).
 * Every property sequence goes through ordered() (schema order, see schema.ts). Direct formatting plus uniquely
 * named paragraph styles, so the same XML survives Word's insertOoxml, and into a .docx.
 */
import { Block, Circular, Role, SECTION_NAMES, Section, SectionId, sectionTag } from './model';
import { ordered } from './schema';
import {
  ADVANCE,
  BodyEnd,
  CELL_PAD,
  ColophonPlacement,
  MARK,
  MARK_SZ,
  PAGE,
  RED_RULE_SPACE,
  TABLE_COLUMNS,
  TYPE_WIDTH,
  colophonPlacement,
  fitClosing,
  fitPrinted,
  copyToLines,
  lineCount,
  markFit,
  paginate,
  tableRowLines,
} from './layout';

export { PAGE, TYPE_WIDTH } from './layout';

export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
export const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const FONT = {
  fangsong: '仿宋_GB2312',
  kaiti: '楷体_GB2312',
  heiti: '黑体',
  xiaobiaosong: '方正小标宋简体',
  songti: '宋体',
};

/**
 * fontTable.xml: the GB/T 9704 names with the fonts stock Windows has as alternates (w:altName), so Word
 * substitutes sensibly instead of silently: 仿宋_GB2312 → 仿宋, 楷体_GB2312 → 楷体, 方正小标宋简体 → 华文中宋 / 宋体.
 */
export const FONT_ALTERNATES: Array<{ name: string; altName: string; family: 'roman' | 'modern' | 'swiss'; panose: string }> = [
  { name: FONT.fangsong, altName: '仿宋', family: 'modern', panose: '02010609030101010101' },
  { name: FONT.kaiti, altName: '楷体', family: 'modern', panose: '02010609030101010101' },
  { name: FONT.xiaobiaosong, altName: '华文中宋', family: 'roman', panose: '02010600030101010101' },
  { name: FONT.heiti, altName: 'SimHei', family: 'modern', panose: '02010609060101010101' },
  { name: FONT.songti, altName: 'SimSun', family: 'roman', panose: '02010600030101010101' },
];
const SZ = { erhao: 44, sanhao: 32, sihao: 28 };
const RED = 'FF0000';
/** One character in twips for indents: 三号 16 pt = 320, 四号 14 pt = 280. */
const CHAR = { sanhao: 320, sihao: 280 };

/** Characters XML 1.0 cannot hold are dropped; the five special ones are escaped. */
export function escapeXml(text: string): string {
  // Surrogate pairs are kept, lone halves dropped — without a lookbehind, which EdgeHTML 18 and Safari 14 cannot parse.
  // eslint-disable-next-line no-control-regex
  const cleaned = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|([\ud800-\udbff][\udc00-\udfff])|[\ud800-\udfff]/g, (_m, pair?: string) => pair ?? '');
  return cleaned.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

function fonts(eastAsia: string, ascii = 'Times New Roman'): string {
  return `<w:rFonts w:ascii="${ascii}" w:hAnsi="${ascii}" w:eastAsia="${eastAsia}" w:cs="${ascii}" w:hint="eastAsia"/>`;
}

interface RunStyle {
  eastAsia: string;
  ascii?: string;
  sz: number;
  color?: string;
  bold?: boolean;
  /** Character spacing in twentieths of a point (−5 = −0.25 pt: exactly 28 三号 characters a line). */
  spacing?: number;
  /** Character scaling in percent (w:w): a long mark set narrower to stay on one line. */
  scale?: number;
  /** Hidden (w:vanish). */
  hidden?: boolean;
}

const SANHAO: RunStyle = { eastAsia: FONT.fangsong, sz: SZ.sanhao, spacing: -5 };
const RUN: Record<Role, RunStyle> = {
  blank: SANHAO,
  mark: { eastAsia: FONT.xiaobiaosong, sz: MARK_SZ, color: RED },
  docNumber: SANHAO,
  title: { eastAsia: FONT.xiaobiaosong, sz: SZ.erhao },
  addressees: SANHAO,
  body: SANHAO,
  heading1: { ...SANHAO, eastAsia: FONT.heiti },
  heading2: { ...SANHAO, eastAsia: FONT.kaiti },
  heading3: SANHAO,
  heading4: SANHAO,
  signature: SANHAO,
  date: SANHAO,
  attachmentNote: SANHAO,
  attachmentLabel: { ...SANHAO, eastAsia: FONT.heiti },
  attachmentTitle: { eastAsia: FONT.xiaobiaosong, sz: SZ.erhao },
  table: { eastAsia: FONT.fangsong, sz: SZ.sihao },
  tableNote: { eastAsia: FONT.fangsong, sz: SZ.sihao },
  copyTo: { eastAsia: FONT.fangsong, sz: SZ.sihao },
  printedBy: { eastAsia: FONT.fangsong, sz: SZ.sihao },
};

function rPrOf(s: RunStyle, tag = 'w:rPr'): string {
  return (
    `<${tag}>` +
    ordered('rPr', [
      ['rFonts', fonts(s.eastAsia, s.ascii)],
      ['b', s.bold && '<w:b/>'],
      ['vanish', s.hidden && '<w:vanish/>'],
      ['color', s.color && `<w:color w:val="${s.color}"/>`],
      ['spacing', s.spacing ? `<w:spacing w:val="${s.spacing}"/>` : undefined],
      ['w', s.scale && s.scale !== 100 ? `<w:w w:val="${s.scale}"/>` : undefined],
      ['kern', '<w:kern w:val="0"/>'],
      ['sz', `<w:sz w:val="${s.sz}"/>`],
      ['szCs', `<w:szCs w:val="${s.sz}"/>`],
      ['lang', '<w:lang w:val="en-US" w:eastAsia="zh-CN"/>'],
    ]) +
    `</${tag}>`
  );
}

export function runProps(role: Role): string {
  return rPrOf(RUN[role]);
}

const LINE = `<w:spacing w:before="0" w:after="0" w:line="${PAGE.linePitch}" w:lineRule="exact"/>`;
const FIRST_LINE_2 = `<w:ind w:firstLineChars="200" w:firstLine="${2 * CHAR.sanhao}"/>`;
const THICK = 8; // eighths of a point: 1 pt ≈ 0.35 mm
const THIN = 6; // 0.75 pt ≈ 0.25 mm

/** Paragraph properties by name; ordered() puts them in schema order. */
type PPr = Partial<Record<'keepNext' | 'keepLines' | 'pageBreakBefore' | 'pBdr' | 'tabs' | 'spacing' | 'ind' | 'jc', string>>;

/** Properties every Banli paragraph carries: widow and orphan control (no single line of a paragraph alone at
 * the top or the foot of a page, in Word and LibreOffice alike), no hanging
 * punctuation (a closing mark pulls the character before it down: never a 29th character in the margin), no
 * automatic space between Chinese and Latin text (so 28 characters stay 28). */
function pPrXml(role: Role, p: PPr, extra: Array<[string, string]> = []): string {
  return (
    '<w:pPr>' +
    ordered('pPr', [
      ['pStyle', `<w:pStyle w:val="${STYLE_IDS[role]}"/>`],
      ['keepNext', p.keepNext],
      ['keepLines', p.keepLines],
      ['pageBreakBefore', p.pageBreakBefore],
      ['widowControl', '<w:widowControl/>'],
      ['pBdr', p.pBdr && `<w:pBdr>${p.pBdr}</w:pBdr>`],
      ['tabs', p.tabs],
      ['kinsoku', '<w:kinsoku/>'],
      ['overflowPunct', '<w:overflowPunct w:val="0"/>'],
      ['autoSpaceDE', '<w:autoSpaceDE w:val="0"/>'],
      ['autoSpaceDN', '<w:autoSpaceDN w:val="0"/>'],
      ['snapToGrid', '<w:snapToGrid w:val="0"/>'],
      ['spacing', p.spacing ?? LINE],
      ['ind', p.ind],
      ['jc', p.jc],
      ['rPr', runProps(role)],
      ...extra,
    ]) +
    '</w:pPr>'
  );
}

const jc = (v: string) => `<w:jc w:val="${v}"/>`;
const KEEP = '<w:keepNext/>';

/** The layout of each role. */
function layout(role: Role): PPr {
  switch (role) {
    case 'mark':
      // 35 mm below the type area's top: space before plus the exact line holding the 42 pt glyphs.
      return { spacing: `<w:spacing w:before="${MARK.before}" w:after="0" w:line="${MARK.line}" w:lineRule="exact"/>`, jc: jc('center'), keepNext: KEEP };
    case 'docNumber':
      // The red rule 4 mm below the number (§7.2.7), the width of the type area.
      return { pBdr: `<w:bottom w:val="single" w:sz="12" w:space="${RED_RULE_SPACE}" w:color="${RED}"/>`, jc: jc('center'), keepNext: KEEP };
    case 'title':
      return { jc: jc('center'), keepNext: KEEP };
    case 'addressees':
    case 'blank':
    case 'tableNote':
      return {};
    case 'attachmentNote':
      // 附件：name, two characters from the left; a wrapped name aligns under the name (§7.3.6).
      return { ind: `<w:ind w:left="${5 * CHAR.sanhao}" w:hanging="${3 * CHAR.sanhao}"/>`, keepNext: KEEP };
    case 'attachmentLabel':
      return { keepNext: KEEP };
    case 'attachmentTitle':
      return { jc: jc('center'), keepNext: KEEP };
    case 'table':
      return { jc: jc('center') };
    case 'body':
      return { ind: FIRST_LINE_2, jc: jc('both') };
    case 'heading1':
    case 'heading2':
    case 'heading3':
    case 'heading4':
      return { ind: FIRST_LINE_2, jc: jc('both'), keepNext: KEEP, keepLines: '<w:keepLines/>' };
    case 'signature':
      return { jc: jc('right'), keepNext: KEEP, keepLines: '<w:keepLines/>' };
    case 'date':
      return { ind: `<w:ind w:right="${4 * CHAR.sanhao}"/>`, jc: jc('right'), keepLines: '<w:keepLines/>' };
    case 'copyTo':
      return { ind: `<w:ind w:left="${4 * CHAR.sihao}" w:right="${CHAR.sihao}" w:hanging="${3 * CHAR.sihao}"/>` };
    case 'printedBy':
      return {
        tabs: `<w:tabs><w:tab w:val="right" w:pos="${TYPE_WIDTH - CHAR.sihao}"/></w:tabs>`,
        ind: `<w:ind w:left="${CHAR.sihao}" w:right="${CHAR.sihao}"/>`,
      };
  }
}

/**
 * Unique style ids per role: they carry the same formatting as the direct formatting (LibreOffice drops the
 * direct run formatting of the first paragraph in a block content control, but keeps the style's), and no
 * user's style can share their ids.
 */
export const STYLE_IDS: Record<Role, string> = {
  blank: 'BanliBlank',
  mark: 'BanliMark',
  docNumber: 'BanliDocNumber',
  title: 'BanliTitle',
  addressees: 'BanliAddressees',
  body: 'BanliBody',
  heading1: 'BanliHeading1',
  heading2: 'BanliHeading2',
  heading3: 'BanliHeading3',
  heading4: 'BanliHeading4',
  signature: 'BanliSignature',
  date: 'BanliDate',
  attachmentNote: 'BanliAttachmentNote',
  attachmentLabel: 'BanliAttachmentLabel',
  attachmentTitle: 'BanliAttachmentTitle',
  table: 'BanliTable',
  tableNote: 'BanliTableNote',
  copyTo: 'BanliCopyTo',
  printedBy: 'BanliPrintedBy',
};

/** The mark's text in a circular (its run style fits it on one line). */
function markText(c?: Circular): string | undefined {
  const b = c?.sections.flatMap((s) => s.blocks).find((x) => x.role === 'mark');
  return b && b.runs.map((r) => r.text).join('');
}

/**
 * The Banli* paragraph styles. BanliMark carries the run style fitted to this circular's mark: LibreOffice drops
 * the direct run formatting of the first paragraph in a block content control (the mark's), keeping the style's.
 */
function roleStylesXml(c?: Circular): string {
  const mark = markText(c);
  return (Object.keys(STYLE_IDS) as Role[])
    .map((role) => {
      const p = layout(role);
      const ppr =
        '<w:pPr>' +
        ordered('pPr', [
          ['keepNext', p.keepNext],
          ['keepLines', p.keepLines],
          ['widowControl', '<w:widowControl/>'],
          ['overflowPunct', '<w:overflowPunct w:val="0"/>'],
          ['autoSpaceDE', '<w:autoSpaceDE w:val="0"/>'],
          ['autoSpaceDN', '<w:autoSpaceDN w:val="0"/>'],
          ['snapToGrid', '<w:snapToGrid w:val="0"/>'],
          ['spacing', p.spacing ?? LINE],
          ['ind', p.ind],
          ['jc', p.jc],
        ]) +
        '</w:pPr>';
      return (
        `<w:style w:type="paragraph" w:customStyle="1" w:styleId="${STYLE_IDS[role]}">` +
        ordered('style', [
          ['name', `<w:name w:val="${STYLE_IDS[role]}"/>`],
          ['pPr', ppr],
          ['rPr', role === 'mark' && mark !== undefined ? rPrOf(markStyle(mark)) : runProps(role)],
        ]) +
        '</w:style>'
      );
    })
    .join('');
}

function run(role: Role, text: string, style: RunStyle = RUN[role]): string {
  if (text === '') return '';
  return `<w:r>${rPrOf(style)}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
}

/** The mark's run: narrower, or smaller too, when it would not fit on one line (markFit). */
export function markStyle(text: string): RunStyle {
  return { ...RUN.mark, ...markFit(text) };
}

export function paragraphXml(b: Block, extra: Array<[string, string]> = []): string {
  if (b.role === 'table' && b.table) return tableXml(b.table);
  const p = { ...layout(b.role) };
  if (b.indentRight !== undefined) p.ind = `<w:ind w:right="${Math.round(b.indentRight * CHAR.sanhao)}"/>`;
  if (b.indentLeft !== undefined) {
    p.ind = `<w:ind w:left="${Math.round(b.indentLeft * CHAR.sanhao)}" w:right="0"/>`;
    p.jc = jc('left');
  }
  if (b.pageBreakBefore) p.pageBreakBefore = '<w:pageBreakBefore/>';
  const style = b.role === 'mark' ? markStyle(b.runs.map((r) => r.text).join('')) : { ...RUN[b.role], scale: b.scale };
  const runs = b.runs.map((r) => run(b.role, r.text, style)).join('');
  const right = b.right ? `<w:r>${runProps(b.role)}<w:tab/></w:r>${run(b.role, b.right)}` : '';
  return `<w:p>${pPrXml(b.role, p, extra)}${runs}${right}</w:p>`;
}

const border = (side: string, sz: number) => `<w:${side} w:val="single" w:sz="${sz}" w:space="0" w:color="000000"/>`;
const NIL = (side: string) => `<w:${side} w:val="nil"/>`;

/** The attachment's per-unit table: 四号, a header row repeated on every page, rows a whole number of lines. */
function tableXml(t: { header: string[]; rows: string[][] }): string {
  const lines = tableRowLines(t);
  const total = TABLE_COLUMNS.reduce((a, b) => a + b, 0);
  const b4 = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`;
  const tblPr =
    '<w:tblPr>' +
    ordered('tblPr', [
      ['tblW', `<w:tblW w:w="${total}" w:type="dxa"/>`],
      ['jc', jc('center')],
      ['tblBorders', `<w:tblBorders>${ordered('tblBorders', ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((s) => [s, b4(s)]))}</w:tblBorders>`],
      ['tblLayout', '<w:tblLayout w:type="fixed"/>'],
      ['tblCellMar', `<w:tblCellMar>${ordered('tblCellMar', [['left', `<w:left w:w="${CELL_PAD}" w:type="dxa"/>`], ['right', `<w:right w:w="${CELL_PAD}" w:type="dxa"/>`]])}</w:tblCellMar>`],
    ]) +
    '</w:tblPr>';
  const grid = `<w:tblGrid>${TABLE_COLUMNS.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`;
  const rows = [t.header, ...t.rows].map((row, r) => {
    const trPr = `<w:trPr>${ordered('trPr', [
      ['cantSplit', '<w:cantSplit/>'],
      ['trHeight', `<w:trHeight w:val="${lines[r] * PAGE.linePitch}" w:hRule="exact"/>`],
      ['tblHeader', r === 0 ? '<w:tblHeader/>' : undefined],
      ['jc', jc('center')],
    ])}</w:trPr>`;
    const style: RunStyle = r === 0 ? { ...RUN.table, eastAsia: FONT.heiti } : RUN.table;
    const cells = row.map((cell, i) => {
      const tcPr = `<w:tcPr>${ordered('tcPr', [['tcW', `<w:tcW w:w="${TABLE_COLUMNS[i]}" w:type="dxa"/>`], ['vAlign', '<w:vAlign w:val="center"/>']])}</w:tcPr>`;
      const ppr =
        '<w:pPr>' +
        ordered('pPr', [
          ['pStyle', `<w:pStyle w:val="${STYLE_IDS.table}"/>`],
          ['widowControl', '<w:widowControl w:val="0"/>'],
          ['snapToGrid', '<w:snapToGrid w:val="0"/>'],
          ['spacing', LINE],
          ['jc', jc(i === 0 && r > 0 ? 'left' : 'center')],
          ['rPr', rPrOf(style)],
        ]) +
        '</w:pPr>';
      // Lines given (a long name broken between words) are kept with a line break.
      const text = cell.split('\n').map((line) => `<w:r>${rPrOf(style)}<w:t xml:space="preserve">${escapeXml(line)}</w:t></w:r>`).join('<w:r><w:br/></w:r>');
      return `<w:tc>${tcPr}<w:p>${ppr}${text}</w:p></w:tc>`;
    });
    return `<w:tr>${trPr}${cells.join('')}</w:tr>`;
  });
  return `<w:tbl>${tblPr}${grid}${rows.join('')}</w:tbl>`;
}

/** Ids for content controls, unique per insertion: a base drawn once per package, then counted up. */
export interface IdSource {
  next(): number;
}

export function idSource(seed?: number): IdSource {
  let n = seed ?? 0x10000000 + Math.floor(Math.random() * 0x60000000);
  return { next: () => (n = (n + 1) % 0x7fffffff) };
}

function sdtPr(id: SectionId, ids: IdSource): string {
  return (
    '<w:sdtPr>' +
    ordered('sdtPr', [
      ['alias', `<w:alias w:val="办理助手·${SECTION_NAMES[id]}"/>`],
      ['tag', `<w:tag w:val="${sectionTag(id)}"/>`],
      ['id', `<w:id w:val="${ids.next()}"/>`],
    ]) +
    '</w:sdtPr>'
  );
}

/**
 * Height in twips of the 版记 table (its rows grow if a 抄送 list is longer than estimated: nothing is clipped). The
 * 抄送 lines as they are set: from four characters in (under the text after 抄送：) to one from the right, the
 * first line of the first paragraph starting three characters further left, at 抄送： itself.
 */
/** A 抄送 line's room: from four characters in (under the text after 抄送：) to one from the right. */
const COPY_WIDTH = TYPE_WIDTH - 4 * CHAR.sihao - CHAR.sihao;

/** The lines of the i-th 抄送 paragraph as Banli breaks them (copyToLines): the first of the first starts at 抄送：. */
function copyLinesOf(b: Block, i: number): string[] {
  return copyToLines(b.runs.map((r) => r.text).join(''), i === 0 ? COPY_WIDTH + 3 * CHAR.sihao : COPY_WIDTH, COPY_WIDTH);
}

export function colophonTwips(blocks: Block[]): number {
  const copyLines = blocks
    .filter((b) => b.role === 'copyTo')
    .reduce((n, b, i) => n + copyLinesOf(b, i).reduce((m, line, k) => m + lineCount(line, ADVANCE.sihao, i === 0 && k === 0 ? -3 * CHAR.sihao : 0, COPY_WIDTH), 0), 0);
  const printed = blocks.filter((b) => b.role === 'printedBy').reduce((n, b) => n + fitPrinted(b).lines, 0);
  return (copyLines + printed) * PAGE.linePitch;
}

/**
 * 版记 (§7.4.1): a table the width of the type area (156 mm) — rules as cell borders, thick above 抄送 and below
 * the 印发 line, thin between — its text one character in from each side. It floats at the bottom of the type
 * area of its page (positioned from the page's left edge so LibreOffice keeps it floating too), and grows with
 * its contents: nothing is clipped, and no text box is involved.
 */
export function colophonTableXml(blocks: Block[]): string {
  const copy = blocks.filter((b) => b.role === 'copyTo');
  const printed = blocks.filter((b) => b.role === 'printedBy');
  const tblPr =
    '<w:tblPr>' +
    ordered('tblPr', [
      ['tblpPr', `<w:tblpPr w:leftFromText="0" w:rightFromText="0" w:topFromText="${PAGE.linePitch}" w:bottomFromText="0" w:vertAnchor="margin" w:horzAnchor="page" w:tblpX="${PAGE.left}" w:tblpYSpec="bottom"/>`],
      ['tblOverlap', '<w:tblOverlap w:val="never"/>'],
      ['tblW', `<w:tblW w:w="${TYPE_WIDTH}" w:type="dxa"/>`],
      ['tblInd', '<w:tblInd w:w="0" w:type="dxa"/>'],
      ['tblBorders', `<w:tblBorders>${ordered('tblBorders', ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((s) => [s, NIL(s)]))}</w:tblBorders>`],
      ['tblLayout', '<w:tblLayout w:type="fixed"/>'],
      ['tblCellMar', `<w:tblCellMar>${ordered('tblCellMar', ['top', 'left', 'bottom', 'right'].map((s) => [s, `<w:${s} w:w="0" w:type="dxa"/>`]))}</w:tblCellMar>`],
    ]) +
    '</w:tblPr>';
  const grid = `<w:tblGrid><w:gridCol w:w="${TYPE_WIDTH}"/></w:tblGrid>`;
  const row = (paras: string, top: number, bottom: number, lines: number) =>
    `<w:tr><w:trPr>${ordered('trPr', [['cantSplit', '<w:cantSplit/>'], ['trHeight', `<w:trHeight w:val="${lines * PAGE.linePitch}" w:hRule="atLeast"/>`]])}</w:trPr>` +
    `<w:tc><w:tcPr>${ordered('tcPr', [
      ['tcW', `<w:tcW w:w="${TYPE_WIDTH}" w:type="dxa"/>`],
      ['tcBorders', `<w:tcBorders>${ordered('tcBorders', [['top', border('top', top)], ['left', NIL('left')], ['bottom', border('bottom', bottom)], ['right', NIL('right')]])}</w:tcBorders>`],
      ['vAlign', '<w:vAlign w:val="center"/>'],
    ])}</w:tcPr>${paras}</w:tc></w:tr>`;
  const rows: string[] = [];
  // The first line hangs 抄送： out by three characters; every later paragraph starts under the text after it. Its
  // w:hanging="0" is needed: the style BanliCopyTo hangs by three, and Word and LibreOffice both take an attribute
  // the paragraph's own w:ind leaves out from the style.
  const copyParas = copy.map((b, i) => {
    const ind = `<w:ind w:left="${4 * CHAR.sihao}" w:right="${CHAR.sihao}" w:hanging="${i === 0 ? 3 * CHAR.sihao : 0}"/>`;
    // Broken after a comma where a line ends, never inside an organ's name.
    const lines = copyLinesOf(b, i).map((line) => run('copyTo', line)).join('<w:r><w:br/></w:r>');
    return `<w:p>${pPrXml('copyTo', { ind })}${lines}</w:p>`;
  });
  const copyLines = Math.max(1, Math.round(colophonTwips(copy) / PAGE.linePitch));
  if (copy.length) rows.push(row(copyParas.join(''), THICK, printed.length ? THIN : THICK, copyLines));
  for (const b of printed) {
    const fitted = fitPrinted(b);
    rows.push(row(paragraphXml(fitted.block), copy.length ? THIN : THICK, THICK, fitted.lines));
  }
  return `<w:tbl>${tblPr}${grid}${rows.join('')}</w:tbl>`;
}

/** The bookmark on the body section's last paragraph: the 版记's footer compares its page with its own (hidden: _). */
export const BODY_END_BOOKMARK = '_BanliBodyEnd';

/** An empty paragraph the height of nothing: anchors the 版记 and carries section breaks (and, ending the body, the
 * bookmark of its last page). */
function tinyParagraph(sectPr = '', bookmark?: string): string {
  const ppr = ordered('pPr', [
    ['widowControl', '<w:widowControl w:val="0"/>'],
    ['snapToGrid', '<w:snapToGrid w:val="0"/>'],
    ['spacing', '<w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>'],
    ['rPr', '<w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr>'],
    ['sectPr', sectPr],
  ]);
  const mark = bookmark ? `<w:bookmarkStart w:id="0" w:name="${bookmark}"/><w:bookmarkEnd w:id="0"/>` : '';
  return `<w:p><w:pPr>${ppr}</w:pPr>${mark}</w:p>`;
}

export interface RenderOptions {
  /** Ids for the content controls (default: a fresh random base, so two insertions never share ids). */
  ids?: IdSource;
  /** A whole document (.docx): the 版记's page is chosen and its section's page numbers removed as needed. */
  document?: boolean;
}

/** Where the body ends by Banli's own pagination (everything before the 版记). */
export function bodyEnd(c: Circular): BodyEnd {
  return paginate(c.sections.filter((s) => s.id !== 'colophon').flatMap((s) => s.blocks));
}

/** Where the 版记 of a circular goes (the pagination of everything before it). */
export function placeColophon(c: Circular): ColophonPlacement {
  const col = c.sections.find((s) => s.id === 'colophon');
  return colophonPlacement(bodyEnd(c), col ? colophonTwips(col.blocks) : 0);
}

/**
 * A section as a block-level content control tagged banli:<section>. In a whole document, when the 版记 needs a
 * page of its own, the body's section ends just before its control (a paragraph carrying the section break must
 * not sit inside a control: LibreOffice then loses the page-number field; it carries the bookmark of the body's
 * last page) and the 版记's section starts on the next even page, with a paragraph first (a floating table cannot
 * carry the break). Its page is numbered unless the break inserted a blank page before it (§7.5; see
 * colophonFooterXml); the blank page itself has no header or footer in Word or LibreOffice.
 */
export function sectionXml(s: Section, ids: IdSource = idSource(), c?: Circular, doc = false): string {
  const own = s.id === 'colophon' && doc && c && placeColophon(c) === 'next-even-page';
  const before = own ? tinyParagraph(sectPrXml('body'), BODY_END_BOOKMARK) : '';
  const lead = own ? tinyParagraph() : '';
  return `${before}<w:sdt>${sdtPr(s.id, ids)}<w:sdtContent>${lead}${sectionInner(s)}</w:sdtContent></w:sdt>`;
}

function sectionInner(s: Section): string {
  if (s.id === 'date') return fitClosing(s.blocks).map((b) => paragraphXml(b)).join('');
  if (s.id !== 'colophon') return s.blocks.map((b) => paragraphXml(b)).join('');
  return colophonTableXml(s.blocks) + tinyParagraph();
}

export function bodyXml(c: Circular, only?: SectionId[], options: RenderOptions = {}): string {
  const ids = options.ids ?? idSource();
  return c.sections
    .filter((s) => !only || only.includes(s.id))
    .map((s) => sectionXml(s, ids, c, options.document))
    .join('');
}

/** A section's paragraphs without their content control: what replaces the contents of an existing control. */
export function sectionContentXml(c: Circular, id: SectionId): string {
  const s = c.sections.find((x) => x.id === id);
  if (!s) return '';
  return sectionInner(s);
}

/**
 * Section properties: 'body' numbers its pages (odd right, even left); 'colophon' (the 版记's page of its own,
 * always even) has the footer that numbers it only when it follows the body's last page (colophonFooterXml).
 */
export function sectPrXml(kind: 'body' | 'colophon' = 'body'): string {
  const refs =
    kind === 'body'
      ? '<w:footerReference w:type="default" r:id="rIdFooterOdd"/><w:footerReference w:type="even" r:id="rIdFooterEven"/>'
      : '<w:footerReference w:type="default" r:id="rIdFooterColophon"/><w:footerReference w:type="even" r:id="rIdFooterColophon"/>';
  return (
    '<w:sectPr>' +
    ordered('sectPr', [
      ['footerReference', refs],
      ['type', kind === 'colophon' ? '<w:type w:val="evenPage"/>' : undefined],
      ['pgSz', `<w:pgSz w:w="${PAGE.width}" w:h="${PAGE.height}"/>`],
      ['pgMar', `<w:pgMar w:top="${PAGE.top}" w:right="${PAGE.right}" w:bottom="${PAGE.bottom}" w:left="${PAGE.left}" w:header="${PAGE.header}" w:footer="${PAGE.footer}" w:gutter="0"/>`],
      ['cols', '<w:cols w:space="425"/>'],
      ['docGrid', `<w:docGrid w:type="lines" w:linePitch="${PAGE.linePitch}"/>`],
    ]) +
    '</w:sectPr>'
  );
}

const DOC_OPEN = `<w:document xmlns:w="${W_NS}" xmlns:r="${R_NS}">`;

export function documentXml(c: Circular, ids: IdSource = idSource()): string {
  const last = placeColophon(c) === 'same-page' ? 'body' : 'colophon';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${DOC_OPEN}<w:body>${bodyXml(c, undefined, { ids, document: true })}${sectPrXml(last)}</w:body></w:document>`;
}

const FOOTER_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr xmlns:w="${W_NS}" xmlns:r="${R_NS}">`;

/** The page number: 四号 half-width 宋体, its paragraph on odd pages right one character in, on even pages left. */
const PAGE_NUMBER: RunStyle = { eastAsia: FONT.songti, ascii: FONT.songti, sz: SZ.sihao };

function pageNumberParagraph(odd: boolean, before = 0): string {
  const ind = odd ? `<w:ind w:right="${CHAR.sihao}"/>` : `<w:ind w:left="${CHAR.sihao}"/>`;
  return ordered('pPr', [
    ['spacing', `<w:spacing w:before="${before}" w:after="0" w:line="280" w:lineRule="exact"/>`],
    ['ind', ind],
    ['jc', jc(odd ? 'right' : 'left')],
    ['rPr', rPrOf(PAGE_NUMBER)],
  ]);
}

/** A field as runs: begin, its instruction (text and nested fields), separate, the stored result, end. */
function fieldRuns(style: RunStyle, instr: Array<string | { field: string }>, result: string): string {
  const r = (inner: string) => `<w:r>${rPrOf(style)}${inner}</w:r>`;
  const fc = (type: string) => r(`<w:fldChar w:fldCharType="${type}"/>`);
  const code = instr.map((x) => (typeof x === 'string' ? r(`<w:instrText xml:space="preserve">${escapeXml(x)}</w:instrText>`) : x.field)).join('');
  return fc('begin') + code + fc('separate') + r(`<w:t xml:space="preserve">${escapeXml(result)}</w:t>`) + fc('end');
}

/**
 * Space above the number in the 版记 page's footer, so the footer fills its room between the type area and the
 * footer's bottom (PAGE.bottom − PAGE.footer = 567 twips; 280 + 280 leaves 7): LibreOffice 7.4 sizes the footer of
 * a section that starts on an even page by its contents alone and would otherwise let that page's type area run
 * about 5 mm lower. Word grows a footer upwards from its bottom, so the number stays where every page has it.
 */
const COLOPHON_FOOTER_BEFORE = 280;

/**
 * The footer of the 版记's page of its own (always even). GB/T 9704 §7.5: a blank page before the 版记 page and the
 * 版记 page carry no number; otherwise the 版记 page is numbered like every page. Whether the even-page break put a
 * blank page in is known only once the document is laid out, so the footer works it out on the page, in one
 * formula field: { = ({ PAGE } - { PAGEREF _BanliBodyEnd } = 1) * { PAGE } \# "'— '0' —';;' '" \* CHARFORMAT } —
 * the page number when the 版记 page follows the body's last page, else 0, which the picture's zero section shows
 * as a space (a footer with nothing in it LibreOffice drops, letting the type area run into its place). Word
 * updates the fields of a footer on every page it lays out. The stored results are what Banli's own pagination
 * expects from the body's last page (`bodyEndPage`): LibreOffice 7.4 cannot evaluate the formula and shows them.
 * The nested fields are hidden: LibreOffice lifts fields out of a field's instruction into the text, where they
 * would print their own values (Word never shows an instruction, and the CHARFORMAT result takes the formatting
 * of the visible "=").
 */
export function colophonFooterXml(bodyEndPage: number): string {
  const numbered = bodyEndPage % 2 === 1;
  const page = numbered ? bodyEndPage + 1 : bodyEndPage + 2;
  const hidden: RunStyle = { ...PAGE_NUMBER, hidden: true };
  const pageField = { field: fieldRuns(hidden, [' PAGE '], String(page)) };
  const bodyEndField = { field: fieldRuns(hidden, [` PAGEREF ${BODY_END_BOOKMARK} `], String(bodyEndPage)) };
  const formula = fieldRuns(
    PAGE_NUMBER,
    [' = (', pageField, ' - ', bodyEndField, ' = 1) * ', pageField, ` \\# "'— '0' —';;' '" \\* CHARFORMAT `],
    numbered ? `— ${page} —` : ' ',
  );
  return `${FOOTER_HEAD}<w:p><w:pPr>${pageNumberParagraph(false, COLOPHON_FOOTER_BEFORE)}</w:pPr>${formula}</w:p></w:ftr>`;
}

/** — N —, 四号 half-width 宋体 digits; odd pages right one character in, even pages left one character in. */
export function footerXml(odd: boolean): string {
  const head = FOOTER_HEAD;
  const rpr = rPrOf(PAGE_NUMBER);
  const ppr = pageNumberParagraph(odd);
  return (
    `${head}<w:p><w:pPr>${ppr}</w:pPr>` +
    `<w:r>${rpr}<w:t xml:space="preserve">— </w:t></w:r>` +
    `<w:r>${rpr}<w:fldChar w:fldCharType="begin"/></w:r><w:r>${rpr}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>` +
    `<w:r>${rpr}<w:fldChar w:fldCharType="separate"/></w:r><w:r>${rpr}<w:t>1</w:t></w:r><w:r>${rpr}<w:fldChar w:fldCharType="end"/></w:r>` +
    `<w:r>${rpr}<w:t xml:space="preserve"> —</w:t></w:r></w:p></w:ftr>`
  );
}

export function stylesXml(c?: Circular): string {
  const rPrDefault = `<w:rPrDefault>${rPrOf({ eastAsia: FONT.fangsong, sz: SZ.sanhao })}</w:rPrDefault>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="${W_NS}">` +
    `<w:docDefaults>${ordered('docDefaults', [['rPrDefault', rPrDefault], ['pPrDefault', `<w:pPrDefault><w:pPr>${LINE}</w:pPr></w:pPrDefault>`]])}</w:docDefaults>` +
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>' +
    roleStylesXml(c) +
    '</w:styles>'
  );
}

export function settingsXml(): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:settings xmlns:w="${W_NS}">` +
    ordered('settings', [
      ['evenAndOddHeaders', '<w:evenAndOddHeaders/>'],
      ['defaultTabStop', '<w:defaultTabStop w:val="420"/>'],
      ['characterSpacingControl', '<w:characterSpacingControl w:val="doNotCompress"/>'],
      ['compat', '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'],
      ['themeFontLang', '<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>'],
    ]) +
    '</w:settings>'
  );
}

export function fontTableXml(): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts xmlns:w="${W_NS}">` +
    FONT_ALTERNATES.map(
      (f) =>
        `<w:font w:name="${f.name}">` +
        ordered('font', [
          ['altName', `<w:altName w:val="${f.altName}"/>`],
          ['panose1', `<w:panose1 w:val="${f.panose}"/>`],
          ['charset', '<w:charset w:val="86"/>'],
          ['family', `<w:family w:val="${f.family}"/>`],
          ['pitch', '<w:pitch w:val="fixed"/>'],
        ]) +
        '</w:font>',
    ).join('') +
    `<w:font w:name="Times New Roman">${ordered('font', [['panose1', '<w:panose1 w:val="02020603050405020304"/>'], ['charset', '<w:charset w:val="00"/>'], ['family', '<w:family w:val="roman"/>'], ['pitch', '<w:pitch w:val="variable"/>']])}</w:font>` +
    '</w:fonts>'
  );
}

const CT = {
  rels: 'application/vnd.openxmlformats-package.relationships+xml',
  document: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
  styles: 'application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml',
  settings: 'application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml',
  fontTable: 'application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml',
  footer: 'application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml',
  core: 'application/vnd.openxmlformats-package.core-properties+xml',
};
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Every part of a complete .docx, as text; an adapter zips them. */
export function docxParts(c: Circular, created: string, ids: IdSource = idSource()): Record<string, string> {
  const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  return {
    '[Content_Types].xml':
      head +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      `<Default Extension="rels" ContentType="${CT.rels}"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/word/document.xml" ContentType="${CT.document}"/>` +
      `<Override PartName="/word/styles.xml" ContentType="${CT.styles}"/>` +
      `<Override PartName="/word/settings.xml" ContentType="${CT.settings}"/>` +
      `<Override PartName="/word/fontTable.xml" ContentType="${CT.fontTable}"/>` +
      `<Override PartName="/word/footer1.xml" ContentType="${CT.footer}"/>` +
      `<Override PartName="/word/footer2.xml" ContentType="${CT.footer}"/>` +
      `<Override PartName="/word/footer3.xml" ContentType="${CT.footer}"/>` +
      `<Override PartName="/docProps/core.xml" ContentType="${CT.core}"/>` +
      '</Types>',
    '_rels/.rels':
      head +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/>` +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
      '</Relationships>',
    'docProps/core.xml':
      head +
      '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" ' +
      'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
      `<dc:title>${escapeXml(c.title)}</dc:title><dc:creator>办理助手 Banli</dc:creator>` +
      `<dcterms:created xsi:type="dcterms:W3CDTF">${created}T00:00:00Z</dcterms:created></cp:coreProperties>`,
    'word/_rels/document.xml.rels':
      head +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      `<Relationship Id="rIdStyles" Type="${REL}/styles" Target="styles.xml"/>` +
      `<Relationship Id="rIdSettings" Type="${REL}/settings" Target="settings.xml"/>` +
      `<Relationship Id="rIdFontTable" Type="${REL}/fontTable" Target="fontTable.xml"/>` +
      `<Relationship Id="rIdFooterOdd" Type="${REL}/footer" Target="footer1.xml"/>` +
      `<Relationship Id="rIdFooterEven" Type="${REL}/footer" Target="footer2.xml"/>` +
      `<Relationship Id="rIdFooterColophon" Type="${REL}/footer" Target="footer3.xml"/>` +
      '</Relationships>',
    'word/document.xml': documentXml(c, ids),
    'word/styles.xml': stylesXml(c),
    'word/settings.xml': settingsXml(),
    'word/fontTable.xml': fontTableXml(),
    'word/footer1.xml': footerXml(true),
    'word/footer2.xml': footerXml(false),
    'word/footer3.xml': colophonFooterXml(bodyEnd(c).page),
  };
}

/**
 * A flat-OPC package for Word's insertOoxml: the whole circular, or the named sections, each in its content
 * control with ids fresh for this insertion. No sectPr (Word ignores it there); everything is formatted directly,
 * and the styles part holds only the uniquely named Banli* paragraph styles (a user's own styles are never
 * redefined). The 版记 floats at the bottom of the page it lands on.
 */
export function flatOpc(c: Circular, only?: SectionId[], ids: IdSource = idSource()): string {
  return flatOpcFromBody(bodyXml(c, only, { ids }), c);
}

/** The contents of one section for an existing control (refresh): no control around it. */
export function sectionContentOpc(c: Circular, id: SectionId): string {
  return flatOpcFromBody(sectionContentXml(c, id), c);
}

function flatOpcFromBody(body: string, c: Circular): string {
  return (
    '<?xml version="1.0" standalone="yes"?>\n<?mso-application progid="Word.Document"?>\n' +
    '<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">' +
    `<pkg:part pkg:name="/_rels/.rels" pkg:contentType="${CT.rels}"><pkg:xmlData>` +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships></pkg:xmlData></pkg:part>` +
    `<pkg:part pkg:name="/word/_rels/document.xml.rels" pkg:contentType="${CT.rels}"><pkg:xmlData>` +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    `<Relationship Id="rIdStyles" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rIdFontTable" Type="${REL}/fontTable" Target="fontTable.xml"/></Relationships></pkg:xmlData></pkg:part>` +
    `<pkg:part pkg:name="/word/document.xml" pkg:contentType="${CT.document}"><pkg:xmlData>` +
    `${DOC_OPEN}<w:body>${body}</w:body></w:document></pkg:xmlData></pkg:part>` +
    `<pkg:part pkg:name="/word/styles.xml" pkg:contentType="${CT.styles}"><pkg:xmlData>` +
    `<w:styles xmlns:w="${W_NS}">${roleStylesXml(c)}</w:styles></pkg:xmlData></pkg:part>` +
    `<pkg:part pkg:name="/word/fontTable.xml" pkg:contentType="${CT.fontTable}"><pkg:xmlData>` +
    `${fontTableXml().replace(/^<\?xml[^>]*>\n/, '')}</pkg:xmlData></pkg:part></pkg:package>`
  );
}
