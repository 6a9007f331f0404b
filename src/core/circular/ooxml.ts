/**
 * One renderer: the circular's blocks → WordprocessingML laid out to GB/T 9704-2012 (see shared design notes).
 * Direct formatting only (no style ids), so the same XML survives Word's insertOoxml, and into a .docx.
 */
import { Block, Circular, Role, SECTION_NAMES, Section, SectionId, blockText, sectionTag } from './model';
import { emWidth } from './numbers';

export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
export const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Page geometry in twips (1/20 pt). */
export const PAGE = {
  width: 11906,
  height: 16838,
  top: 2098,
  bottom: 1984,
  left: 1588,
  right: 1474,
  /** 22 lines in the 225 mm type area. */
  linePitch: 579,
  footer: 1304,
  header: 851,
};
export const TYPE_WIDTH = PAGE.width - PAGE.left - PAGE.right; // 8844 twips = 442.2 pt

const FONT = {
  fangsong: '仿宋_GB2312',
  kaiti: '楷体_GB2312',
  heiti: '黑体',
  xiaobiaosong: '方正小标宋简体',
  songti: '宋体',
};
const SZ = { erhao: 44, sanhao: 32, sihao: 28 };
const RED = 'FF0000';
/** Half-points → twips of one character: 三号 16 pt = 320, 四号 14 pt = 280. */
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
  /** Character spacing in twentieths of a point (−5 = −0.25 pt: exactly 28 三号 characters a line). */
  spacing?: number;
}

const RUN: Record<Role, RunStyle> = {
  blank: { eastAsia: FONT.fangsong, sz: SZ.sanhao, spacing: -5 },
  mark: { eastAsia: FONT.xiaobiaosong, sz: 84, color: RED },
  docNumber: { eastAsia: FONT.fangsong, sz: SZ.sanhao, spacing: -5 },
  title: { eastAsia: FONT.xiaobiaosong, sz: SZ.erhao },
  addressees: { eastAsia: FONT.fangsong, sz: SZ.sanhao, spacing: -5 },
  body: { eastAsia: FONT.fangsong, sz: SZ.sanhao, spacing: -5 },
  heading1: { eastAsia: FONT.heiti, sz: SZ.sanhao, spacing: -5 },
  heading2: { eastAsia: FONT.kaiti, sz: SZ.sanhao, spacing: -5 },
  heading3: { eastAsia: FONT.fangsong, sz: SZ.sanhao, spacing: -5 },
  heading4: { eastAsia: FONT.fangsong, sz: SZ.sanhao, spacing: -5 },
  date: { eastAsia: FONT.fangsong, sz: SZ.sanhao, spacing: -5 },
  copyTo: { eastAsia: FONT.fangsong, sz: SZ.sihao },
  printedBy: { eastAsia: FONT.fangsong, sz: SZ.sihao },
};

export function runProps(role: Role): string {
  const s = RUN[role];
  return (
    '<w:rPr>' +
    fonts(s.eastAsia, s.ascii) +
    (s.color ? `<w:color w:val="${s.color}"/>` : '') +
    (s.spacing ? `<w:spacing w:val="${s.spacing}"/>` : '') +
    `<w:kern w:val="0"/><w:sz w:val="${s.sz}"/><w:szCs w:val="${s.sz}"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/>` +
    '</w:rPr>'
  );
}

const LINE = `<w:spacing w:before="0" w:after="0" w:line="${PAGE.linePitch}" w:lineRule="exact"/>`;
const FIRST_LINE_2 = `<w:ind w:firstLineChars="200" w:firstLine="${2 * CHAR.sanhao}"/>`;
const THICK = 8; // eighths of a point: 1 pt ≈ 0.35 mm
const THIN = 6; // 0.75 pt ≈ 0.25 mm

/** Paragraph properties in the schema's element order (CT_PPrBase), so every reader takes all of them. */
interface PPr {
  pBdr?: string;
  tabs?: string;
  spacing?: string;
  ind?: string;
  jc?: 'left' | 'center' | 'right' | 'both';
}

function pPrXml(role: Role, p: PPr): string {
  return (
    '<w:pPr>' +
    `<w:pStyle w:val="${STYLE_IDS[role]}"/>` +
    '<w:widowControl/>' +
    (p.pBdr ? `<w:pBdr>${p.pBdr}</w:pBdr>` : '') +
    (p.tabs ?? '') +
    '<w:snapToGrid w:val="0"/>' +
    (p.spacing ?? LINE) +
    (p.ind ?? '') +
    (p.jc ? `<w:jc w:val="${p.jc}"/>` : '') +
    runProps(role) +
    '</w:pPr>'
  );
}

/** The layout of each role, without the colophon's first/last rules. */
function layout(role: Role): PPr {
  switch (role) {
    case 'mark':
      // 35 mm below the type area's top: space before plus the exact line holding the 42 pt glyphs.
      return { spacing: '<w:spacing w:before="1884" w:after="0" w:line="1000" w:lineRule="exact"/>', jc: 'center' };
    case 'docNumber':
      return { pBdr: `<w:bottom w:val="single" w:sz="12" w:space="11" w:color="${RED}"/>`, jc: 'center' };
    case 'title':
      return { jc: 'center' };
    case 'addressees':
    case 'blank':
      return {};
    case 'body':
    case 'heading1':
    case 'heading2':
    case 'heading3':
    case 'heading4':
      return { ind: FIRST_LINE_2, jc: 'both' };
    case 'date':
      return { ind: `<w:ind w:right="${4 * CHAR.sanhao}"/>`, jc: 'right' };
    case 'copyTo':
      // One paragraph for all 抄送 lines: the hanging indent aligns the later lines under the text after 抄送：.
      return {
        pBdr: `<w:top w:val="single" w:sz="${THICK}" w:space="1" w:color="000000"/><w:bottom w:val="single" w:sz="${THIN}" w:space="1" w:color="000000"/>`,
        ind: `<w:ind w:left="${4 * CHAR.sihao}" w:right="${CHAR.sihao}" w:hanging="${3 * CHAR.sihao}"/>`,
      };
    case 'printedBy':
      return {
        pBdr: `<w:bottom w:val="single" w:sz="${THICK}" w:space="1" w:color="000000"/>`,
        tabs: `<w:tabs><w:tab w:val="right" w:pos="${TYPE_WIDTH - CHAR.sihao}"/></w:tabs>`,
        ind: `<w:ind w:left="${CHAR.sihao}" w:right="${CHAR.sihao}"/>`,
      };
  }
}

function paraProps(b: Block): string {
  return pPrXml(b.role, layout(b.role));
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
  date: 'BanliDate',
  copyTo: 'BanliCopyTo',
  printedBy: 'BanliPrintedBy',
};

function roleStylesXml(): string {
  return (Object.keys(STYLE_IDS) as Role[])
    .map((role) => {
      const p = layout(role);
      const ppr = `<w:pPr><w:widowControl/><w:snapToGrid w:val="0"/>${p.spacing ?? LINE}${p.ind ?? ''}${p.jc ? `<w:jc w:val="${p.jc}"/>` : ''}</w:pPr>`;
      return `<w:style w:type="paragraph" w:customStyle="1" w:styleId="${STYLE_IDS[role]}"><w:name w:val="${STYLE_IDS[role]}"/>${ppr}${runProps(role)}</w:style>`;
    })
    .join('');
}

function run(role: Role, text: string): string {
  if (text === '') return '';
  return `<w:r>${runProps(role)}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
}

export function paragraphXml(b: Block): string {
  const runs = b.runs.map((r) => run(b.role, r.text)).join('');
  const right = b.right ? `<w:r>${runProps(b.role)}<w:tab/></w:r>${run(b.role, b.right)}` : '';
  return `<w:p>${paraProps(b)}${runs}${right}</w:p>`;
}

const EMU_PER_TWIP = 635;

/**
 * 版记: a text box anchored to the bottom of the type area (so its last rule sits there on the last page),
 * holding the 抄送 paragraph (its lines joined by breaks) and the 印发 line. Rules are paragraph borders:
 * thick above 抄送, thin between, thick below 印发.
 */
export function colophonXml(blocks: Block[], sdtPr: string): string {
  const copy = blocks.filter((b) => b.role === 'copyTo');
  const printed = blocks.filter((b) => b.role === 'printedBy');
  const inner: string[] = [];
  if (copy.length) {
    const runs = copy
      .map((b, i) => (i ? `<w:r>${runProps('copyTo')}<w:br/></w:r>` : '') + b.runs.map((r) => run('copyTo', r.text)).join(''))
      .join('');
    inner.push(`<w:p>${paraProps(copy[0])}${runs}</w:p>`);
  }
  for (const b of printed) inner.push(paragraphXml(b));
  // Height: the lines the box holds (a 抄送 line wraps at about 26 四号 characters), plus the rules.
  const perLine = Math.floor((TYPE_WIDTH - 5 * CHAR.sihao) / CHAR.sihao);
  const lines = copy.reduce((n, b) => n + Math.max(1, Math.ceil(emWidth(blockText(b)) / perLine)), 0) + printed.length;
  const cx = TYPE_WIDTH * EMU_PER_TWIP;
  const cy = (lines * PAGE.linePitch + 120) * EMU_PER_TWIP;
  return (
    // The content control is inline, around the anchored box: LibreOffice 7.4 lays out a drawing inside a block-level
    // control wrongly; Word finds the control by its tag either way.
    '<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="exact"/></w:pPr>' +
    `<w:sdt>${sdtPr}<w:sdtContent><w:r><w:drawing>` +
    '<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="251659264" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="0">' +
    '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="margin"><wp:align>center</wp:align></wp:positionH>' +
    '<wp:positionV relativeFrom="margin"><wp:align>bottom</wp:align></wp:positionV>' +
    `<wp:extent cx="${cx}" cy="${cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapTopAndBottom/>` +
    '<wp:docPr id="7391" name="办理助手·版记"/><wp:cNvGraphicFramePr/>' +
    '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/>' +
    `<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr>` +
    `<wps:txbx><w:txbxContent>${inner.join('')}</w:txbxContent></wps:txbx>` +
    '<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" anchor="b" anchorCtr="0"><a:noAutofit/></wps:bodyPr>' +
    '</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r></w:sdtContent></w:sdt></w:p>'
  );
}

function sectionId(id: SectionId): number {
  return 7310 + (['header', 'title', 'addressees', 'opening', 'part1', 'part2', 'part3', 'date', 'colophon'] as SectionId[]).indexOf(id);
}

/** A section as a block-level content control tagged banli:<section>. */
export function sectionXml(s: Section): string {
  const sdtPr =
    `<w:sdtPr><w:alias w:val="办理助手·${SECTION_NAMES[s.id]}"/><w:tag w:val="${sectionTag(s.id)}"/>` +
    `<w:id w:val="${sectionId(s.id)}"/></w:sdtPr>`;
  if (s.id === 'colophon') return colophonXml(s.blocks, sdtPr);
  return `<w:sdt>${sdtPr}<w:sdtContent>${s.blocks.map((b) => paragraphXml(b)).join('')}</w:sdtContent></w:sdt>`;
}

export function bodyXml(c: Circular, only?: SectionId[]): string {
  return c.sections.filter((s) => !only || only.includes(s.id)).map(sectionXml).join('');
}

/** A section's paragraphs without their content control: what replaces the contents of an existing control. */
export function sectionContentXml(c: Circular, id: SectionId): string {
  const s = c.sections.find((x) => x.id === id);
  if (!s) return '';
  if (id === 'colophon') return sectionXml(s); // an inline control inside its anchor paragraph: replaced whole
  return s.blocks.map((b) => paragraphXml(b)).join('');
}

export function sectPrXml(): string {
  return (
    '<w:sectPr>' +
    '<w:footerReference w:type="default" r:id="rIdFooterOdd"/><w:footerReference w:type="even" r:id="rIdFooterEven"/>' +
    `<w:pgSz w:w="${PAGE.width}" w:h="${PAGE.height}"/>` +
    `<w:pgMar w:top="${PAGE.top}" w:right="${PAGE.right}" w:bottom="${PAGE.bottom}" w:left="${PAGE.left}" w:header="${PAGE.header}" w:footer="${PAGE.footer}" w:gutter="0"/>` +
    '<w:cols w:space="425"/>' +
    `<w:docGrid w:type="lines" w:linePitch="${PAGE.linePitch}"/>` +
    '</w:sectPr>'
  );
}

const DOC_OPEN =
  `<w:document xmlns:w="${W_NS}" xmlns:r="${R_NS}" ` +
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ' +
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
  'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">';

export function documentXml(c: Circular): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${DOC_OPEN}<w:body>${bodyXml(c)}${sectPrXml()}</w:body></w:document>`;
}

/** — N —, 四号 half-width 宋体 digits; odd pages right one character in, even pages left one character in. */
export function footerXml(odd: boolean): string {
  const rpr = `<w:rPr>${fonts(FONT.songti, FONT.songti)}<w:sz w:val="${SZ.sihao}"/><w:szCs w:val="${SZ.sihao}"/></w:rPr>`;
  const ind = odd ? `<w:ind w:right="${CHAR.sihao}"/>` : `<w:ind w:left="${CHAR.sihao}"/>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr xmlns:w="${W_NS}" xmlns:r="${R_NS}">` +
    `<w:p><w:pPr>${ind}<w:jc w:val="${odd ? 'right' : 'left'}"/>${rpr}</w:pPr>` +
    `<w:r>${rpr}<w:t xml:space="preserve">— </w:t></w:r>` +
    `<w:r>${rpr}<w:fldChar w:fldCharType="begin"/></w:r><w:r>${rpr}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>` +
    `<w:r>${rpr}<w:fldChar w:fldCharType="separate"/></w:r><w:r>${rpr}<w:t>1</w:t></w:r><w:r>${rpr}<w:fldChar w:fldCharType="end"/></w:r>` +
    `<w:r>${rpr}<w:t xml:space="preserve"> —</w:t></w:r></w:p></w:ftr>`
  );
}

export function stylesXml(): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="${W_NS}">` +
    `<w:docDefaults><w:rPrDefault><w:rPr>${fonts(FONT.fangsong)}<w:sz w:val="${SZ.sanhao}"/><w:szCs w:val="${SZ.sanhao}"/>` +
    '<w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>' +
    `<w:pPrDefault><w:pPr>${LINE}</w:pPr></w:pPrDefault></w:docDefaults>` +
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>' +
    roleStylesXml() +
    '</w:styles>'
  );
}

export function settingsXml(): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:settings xmlns:w="${W_NS}">` +
    '<w:evenAndOddHeaders/><w:defaultTabStop w:val="420"/><w:characterSpacingControl w:val="doNotCompress"/>' +
    '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>' +
    '</w:settings>'
  );
}

const CT = {
  rels: 'application/vnd.openxmlformats-package.relationships+xml',
  document: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
  styles: 'application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml',
  settings: 'application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml',
  footer: 'application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml',
  core: 'application/vnd.openxmlformats-package.core-properties+xml',
};
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Every part of a complete .docx, as text; an adapter zips them. */
export function docxParts(c: Circular, created: string): Record<string, string> {
  const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  return {
    '[Content_Types].xml':
      head +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      `<Default Extension="rels" ContentType="${CT.rels}"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/word/document.xml" ContentType="${CT.document}"/>` +
      `<Override PartName="/word/styles.xml" ContentType="${CT.styles}"/>` +
      `<Override PartName="/word/settings.xml" ContentType="${CT.settings}"/>` +
      `<Override PartName="/word/footer1.xml" ContentType="${CT.footer}"/>` +
      `<Override PartName="/word/footer2.xml" ContentType="${CT.footer}"/>` +
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
      `<Relationship Id="rIdFooterOdd" Type="${REL}/footer" Target="footer1.xml"/>` +
      `<Relationship Id="rIdFooterEven" Type="${REL}/footer" Target="footer2.xml"/>` +
      '</Relationships>',
    'word/document.xml': documentXml(c),
    'word/styles.xml': stylesXml(),
    'word/settings.xml': settingsXml(),
    'word/footer1.xml': footerXml(true),
    'word/footer2.xml': footerXml(false),
  };
}

/**
 * A flat-OPC package for Word's insertOoxml: the whole circular, or the named sections, each in its content
 * control. No sectPr (Word ignores it there); everything is formatted directly, and the styles part holds only
 * the uniquely named Banli* paragraph styles (a user's own styles are never redefined).
 */
export function flatOpc(c: Circular, only?: SectionId[]): string {
  return flatOpcFromBody(bodyXml(c, only));
}

/** The contents of one section for an existing control (refresh): no control around it. */
export function sectionContentOpc(c: Circular, id: SectionId): string {
  return flatOpcFromBody(sectionContentXml(c, id));
}

function flatOpcFromBody(body: string): string {
  return (
    '<?xml version="1.0" standalone="yes"?>\n<?mso-application progid="Word.Document"?>\n' +
    '<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">' +
    `<pkg:part pkg:name="/_rels/.rels" pkg:contentType="${CT.rels}"><pkg:xmlData>` +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships></pkg:xmlData></pkg:part>` +
    `<pkg:part pkg:name="/word/_rels/document.xml.rels" pkg:contentType="${CT.rels}"><pkg:xmlData>` +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    `<Relationship Id="rIdStyles" Type="${REL}/styles" Target="styles.xml"/></Relationships></pkg:xmlData></pkg:part>` +
    `<pkg:part pkg:name="/word/document.xml" pkg:contentType="${CT.document}"><pkg:xmlData>` +
    `${DOC_OPEN}<w:body>${body}</w:body></w:document></pkg:xmlData></pkg:part>` +
    `<pkg:part pkg:name="/word/styles.xml" pkg:contentType="${CT.styles}"><pkg:xmlData>` +
    `<w:styles xmlns:w="${W_NS}">${roleStylesXml()}</w:styles></pkg:xmlData></pkg:part></pkg:package>`
  );
}
