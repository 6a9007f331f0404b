import { DOMParser } from '@xmldom/xmldom';
import { readFileSync } from 'fs';
import * as path from 'path';
import {
  DEFAULT_PROSE,
  makeConfig,
  circularData,
  nextWorkingDay,
  parseTemplate,
  praise,
  Analysis,
  BanliError,
  SECTION_IDS,
  analyse,
  blockText,
  chineseNumeral,
  composeCircular,
  defaultOptions,
  emWidth,
  escapeXml,
  flatOpc,
  plainText,
  resolveOptions,
  selectPraisedUnits,
  validateDocNumber,
} from '../../src/core';
import { ledgerGrid, rows, unitGrid } from '../helpers/ledger';

const AS_OF = '2021-07-19';
const small = (): Analysis =>
  analyse(
    [
      ledgerGrid(
        rows(
          { 类别: '省人大建议' },
          { 类别: '省政协提案', 主办单位: '市城管局' },
          { 类别: '闭会建议', 答复日期: null, 答复类别: null, 代表委员意见: null, 解决程度: null, 是否面商: null, 交办日期: '2021-06-10' },
          { 类别: '市政协提案', 是否重点督办: '是', 领办市领导: '王副市长', 是否面商: '否', 主办单位: '市水利局' },
          { 类别: '市人大建议', 征询意见表版本: '旧表', 主办单位: '市水利局' },
        ),
      ),
      unitGrid(),
    ],
    { asOf: AS_OF },
  );
const options = () => defaultOptions(2021, AS_OF);

test('the opening paragraph carries the computed figures, marked as computed', () => {
  const c = composeCircular(small(), options(), AS_OF);
  const opening = c.sections.find((s) => s.id === 'opening')!.blocks[0];
  const text = blockText(opening);
  expect(text).toContain('提案5件');
  expect(text).toContain('省人大建议、省政协提案2件');
  expect(text).toContain('市人大建议2件（含闭会期间建议1件）');
  expect(text).toContain('市政协提案1件');
  expect(text).toContain('截至2021年7月19日');
  // 4 replied, all on time; 1 not replied and not yet due; the inter-session item is still open.
  expect(text).toContain('已答复4件，办复率80.0%，均按期答复。尚未答复1件，在办理期限内。');
  expect(text).toContain('闭会期间建议1件正在办理。');
  expect(opening.runs.filter((r) => r.computed && /\d/.test(r.text)).map((r) => r.text).slice(0, 8)).toEqual(['2021', '5', '2', '2', '1', '1', '2021年7月19日', '4']);
});

test('sections in order, each once', () => {
  const c = composeCircular(small(), options(), AS_OF);
  expect(c.sections.map((s) => s.id)).toEqual([...SECTION_IDS]);
});

test('problems: only the kinds that occur, numbered 一是、二是…; units named or 少数/个别 by switch', () => {
  const vague = plainText(composeCircular(small(), options(), AS_OF));
  expect(vague).toContain('一是个别单位尚未落实主要领导“代表委员接待日”制度，请在9月底前落实。');
  expect(vague).toContain('二是个别单位有1件建议提案未与代表委员当面会商、当面答复。');
  // A clause of a problem with several: 有的单位, as a circular says it.
  expect(vague).toContain('三是征询意见表填写不规范：有的单位有1件使用的还是旧版征询意见表。');
  expect(vague).not.toContain('四是');
  expect(vague).not.toContain('未填写满意度');
  const named = plainText(composeCircular(small(), { ...options(), problemUnits: 'named' }, AS_OF));
  expect(named).toContain('一是市水利局、市财政局等2个单位尚未落实主要领导“代表委员接待日”制度');
  expect(named).toContain('二是市水利局有1件建议提案未与代表委员当面会商、当面答复。');
});

test('the units with the reception day are listed once; those without only under the problem', () => {
  const text = plainText(composeCircular(small(), { ...options(), problemUnits: 'named' }, AS_OF));
  expect(text).toContain('已有2个单位的主要领导落实了“代表委员接待日”制度，分别是：市交通局、市城管局。');
  expect(text.split('市财政局').length - 1).toBe(1);
  expect(text.split('：市交通局、市城管局。').length - 1).toBe(1);
});

test('praised units: the documented rule, or the list given less any unit under a problem', () => {
  const a = small();
  // 市交通局 (2 clean items) and 市城管局 (1) have no findings; 市水利局 has some; 市财政局 no reception day.
  expect(selectPraisedUnits(a, { maxPraised: 10 })).toEqual(['市交通局', '市城管局']);
  expect(selectPraisedUnits(a, { maxPraised: 1 })).toEqual(['市交通局']);
  expect(selectPraisedUnits(a, { maxPraised: 10, praisedUnits: ['市城管局'] })).toEqual(['市城管局']);
  expect(praise(circularData(a, AS_OF), { maxPraised: 10, praisedUnits: ['市财政局', '市城管局'] })).toEqual({ units: ['市城管局'], dropped: ['市财政局'], unknown: [] });
  const text = plainText(composeCircular(a, { ...options(), praisedUnits: ['市城管局'] }, AS_OF));
  // One unit is named as itself, not as 市城管局等单位.
  expect(text).toContain('（一）办理较好的单位\n市城管局答复及时、规范，台账核对中未发现问题。');
});

test('wording from a template: placeholders computed, [[optional]] parts dropped when empty', () => {
  const prose = parseTemplate('[part3.1]\n请各单位于{{整改期限}}前报送整改情况，共{{总件数}}件[[，其中超期{{超期未答复}}件]]。\n');
  const c = composeCircular(small(), { ...options(), prose }, AS_OF);
  expect(plainText(c)).toContain('请各单位于9月底前报送整改情况，共5件。');
  expect(() => parseTemplate('[part3.1]\n共{{件数合计}}件')).toThrow(/不认识的占位符“\{\{件数合计\}\}”/);
  expect(() => parseTemplate('[part9]\n文字')).toThrow(/不认识的段落名“part9”/);
  expect(() => parseTemplate('[part3.1]\n共[[{{总件数}}件')).toThrow(/不成对/);
  // The shipped template file is the default wording.
  expect(parseTemplate(readFileSync(path.join(__dirname, '../../templates/通报模板.txt'), 'utf8'))).toEqual(DEFAULT_PROSE);
});

test('the default wording makes no claim a ledger cannot show', () => {
  const text = plainText(composeCircular(small(), options(), AS_OF));
  for (const claim of ['多次作出安排部署', '高度重视', '亲自', '明显增强', '形成了', '评价较高']) expect(text).not.toContain(claim);
});

test('switches: grade shares, 满意 and 基本满意 apart, forms returned, inter-session items', () => {
  const on = plainText(composeCircular(small(), options(), AS_OF));
  // A whole is said as a whole (均为A类); a grade or a satisfaction with no item is not mentioned.
  expect(on).toContain('在已答复的4件中，均为所提问题已经解决或基本解决的A类。');
  expect(on).toContain('收回征询意见表4件');
  expect(on).toContain('代表委员满意4件，满意和基本满意的占100%。');
  expect(on).not.toMatch(/[^\d]0件|[^\d.]0\.0%|—/);
  const off = plainText(
    composeCircular(small(), { ...options(), gradeShares: false, satisfactionApart: false, formsReturned: false, interSessionOpen: false }, AS_OF),
  );
  expect(off).toContain('在已答复的4件中，均为所提问题已经解决或基本解决的A类。');
  expect(off).not.toContain('A类4件，占');
  expect(off).not.toContain('收回征询意见表');
  expect(off).toContain('代表委员满意和基本满意4件，');
  expect(off).not.toContain('闭会期间建议1件正在办理');
});

test('the attachment: 附件说明 after the body, the per-unit table on its own page', () => {
  const c = composeCircular(small(), { ...options(), attachment: true }, AS_OF);
  const blocks = c.sections.find((s) => s.id === 'date')!.blocks;
  const roles = blocks.map((b) => b.role);
  expect(roles.indexOf('attachmentNote')).toBeLessThan(roles.indexOf('signature'));
  expect(blockText(blocks.find((b) => b.role === 'attachmentNote')!)).toBe('附件：2021年度建议提案办理情况分单位统计表');
  const label = blocks.find((b) => b.role === 'attachmentLabel')!;
  expect(label.pageBreakBefore).toBe(true);
  const table = blocks.find((b) => b.role === 'table')!.table!;
  expect(table.header).toEqual(['单位', '件数', '已答复', '按期', '面商', '满意']);
  expect(table.rows).toEqual([
    ['市交通局', '2', '1', '1', '1', '1'],
    ['市城管局', '1', '1', '1', '1', '1'],
    ['市水利局', '2', '2', '2', '1', '2'],
    ['合计', '5', '4', '4', '3', '4'],
  ]);
});

test('signature (发文机关署名) in the seal and the no-seal layouts', () => {
  const sealed = composeCircular(small(), options(), AS_OF).sections.find((s) => s.id === 'date')!.blocks;
  const sig = sealed.find((b) => b.role === 'signature')!;
  const date = sealed.find((b) => b.role === 'date')!;
  expect(blockText(sig)).toBe('郑州市人民政府');
  // Seal: the date four characters from the right; the 署名 centred on it (7 characters on a 6.5-wide date: digits are half-width).
  expect(date.indentRight).toBe(4);
  expect(sig.indentRight).toBeCloseTo(3.75, 2);
  expect(sealed.filter((b) => b.role === 'blank').length).toBe(2);
  const plain = composeCircular(small(), { ...options(), seal: false }, AS_OF).sections.find((s) => s.id === 'date')!.blocks;
  // No seal, date longer than 署名 − 2: date two from the right, 署名 moved left so the date starts two right of it.
  // Word's widths: the date (6.5 characters) ends two from the right; it is placed from the left, two right of the 署名.
  const typeEm = 8844 / 320;
  expect(plain.find((b) => b.role === 'date')!.indentLeft).toBeCloseTo(typeEm - 3.5 - 7 + 2, 2);
  expect(typeEm - plain.find((b) => b.role === 'date')!.indentLeft! - 6.5).toBeCloseTo(2, 1);
  expect(plain.find((b) => b.role === 'signature')!.indentRight).toBeCloseTo(3.5, 2);
  expect(plain.filter((b) => b.role === 'blank').length).toBe(1);
});

test('印发日期 defaults to the next working day after the 成文日期', () => {
  expect(defaultOptions(2021, '2021-07-19').printDate).toBe('2021-07-20');
  expect(nextWorkingDay('2021-07-23')).toBe('2021-07-26');
  expect(nextWorkingDay('2021-07-24')).toBe('2021-07-26');
});

test('no problem found: one sentence says so', () => {
  const a = analyse([ledgerGrid(rows({}, {})), unitGrid([['市交通局', '', '是']])], { asOf: AS_OF });
  expect(plainText(composeCircular(a, options(), AS_OF))).toContain('台账核对中未发现突出问题。');
});

test('Chinese numerals and em widths', () => {
  expect([1, 2, 9, 10, 11, 20, 21, 99].map(chineseNumeral)).toEqual(['一', '二', '九', '十', '十一', '二十', '二十一', '九十九']);
  expect(emWidth('关于2021年')).toBe(5);
});

test('document numbers: 六角括号, no leading zero, no 第', () => {
  expect(validateDocNumber('郑政文〔2021〕84号')).toBeNull();
  expect(validateDocNumber('郑政文[2021]84号')).toMatch(/六角括号/);
  expect(validateDocNumber('郑政文（2021）84号')).toMatch(/六角括号/);
  expect(validateDocNumber('郑政文〔2021〕084号')).toMatch(/虚位/);
  expect(validateDocNumber('郑政文〔2021〕第84号')).toMatch(/第/);
  expect(validateDocNumber('郑政文2021年84号')).toMatch(/格式/);
  expect(() => resolveOptions(options(), { docNumber: '郑政文〔2021〕01号' })).toThrow(BanliError);
  expect(() => resolveOptions(options(), { date: '2021-02-30' })).toThrow(/成文日期/);
  expect(resolveOptions(options(), { docNumber: '郑政办〔2022〕5号', date: '2022/1/5' })).toMatchObject({ docNumber: '郑政办〔2022〕5号', date: '2022-01-05' });
});

describe('flat OPC for insertOoxml', () => {
  const parse = (xml: string) => {
    const errors: string[] = [];
    const doc = new DOMParser({ onError: (level, msg) => errors.push(`${level} ${msg}`) }).parseFromString(xml, 'text/xml');
    return { doc, errors };
  };

  test('parses, one content control per section with its tag, East Asian fonts, no sectPr', () => {
    const xml = flatOpc(composeCircular(small(), options(), AS_OF));
    const { doc, errors } = parse(xml);
    expect(errors).toEqual([]);
    const tags = Array.from(doc.getElementsByTagName('w:tag')).map((t) => t.getAttribute('w:val'));
    expect(tags).toEqual(SECTION_IDS.map((s) => `banli:${s}`));
    expect(doc.getElementsByTagName('w:sectPr').length).toBe(0);
    const eastAsia = new Set(Array.from(doc.getElementsByTagName('w:rFonts')).map((f) => f.getAttribute('w:eastAsia')));
    expect([...eastAsia].sort()).toEqual(['仿宋_GB2312', '方正小标宋简体', '楷体_GB2312', '黑体'].sort());
    expect(xml).toContain('pkg:name="/word/document.xml"');
    const styleIds = Array.from(doc.getElementsByTagName('w:style')).map((st) => st.getAttribute('w:styleId')!);
    expect(styleIds.length).toBeGreaterThan(10);
    expect(styleIds.every((id) => id.startsWith('Banli'))).toBe(true);
    expect(doc.getElementsByTagName('w:docDefaults').length).toBe(0);
  });

  test('one section alone', () => {
    const xml = flatOpc(composeCircular(small(), options(), AS_OF), ['opening']);
    const { doc, errors } = parse(xml);
    expect(errors).toEqual([]);
    expect(Array.from(doc.getElementsByTagName('w:tag')).map((t) => t.getAttribute('w:val'))).toEqual(['banli:opening']);
  });

  test('names with <&>"\' and control characters still give valid XML, escaped', () => {
    const nasty = '市<水>利&局"\'\u0001\u0008\u000b\ud800😀';
    const a = analyse(
      [ledgerGrid(rows({ 主办单位: nasty, 是否面商: '否' })), unitGrid([[nasty, '', '否']])],
      { asOf: AS_OF },
    );
    const xml = flatOpc(composeCircular(a, { ...options(), problemUnits: 'named', addressees: '各单位<&>：' }, AS_OF));
    const { doc, errors } = parse(xml);
    expect(errors).toEqual([]);
    expect(xml).toContain('市&lt;水&gt;利&amp;局&quot;&apos;');
    expect(xml).toContain('😀');
    expect([...xml].some((ch) => ["\u0001", "\u0008", "\u000b"].includes(ch))).toBe(false);
    expect(doc.documentElement!.textContent).toContain('市<水>利&局"\'');
    expect(escapeXml('a\u0000b\uffffc')).toBe('abc');
  });
});

test('a county office’s ledger: the opening names its own level (区) and the one above (市)', () => {
  const a = analyse(
    [ledgerGrid(rows({ 类别: '区人大建议' }, { 类别: '区政协提案' }, { 类别: '市人大建议', 编号: 900 }, { 类别: '区人大建议', 编号: 901 })), unitGrid()],
    { asOf: AS_OF },
  );
  const text = blockText(composeCircular(a, options(), AS_OF).sections.find((s) => s.id === 'opening')!.blocks[0]);
  // Only the sources it has: no 市政协提案 when there is none.
  expect(text).toContain('区政府共承办市、区人大代表建议和政协委员提案4件。其中，市人大建议1件，区人大建议2件，区政协提案1件。');
  expect(text).toContain('办复率100%，均按期答复。');
});

test('praised units from the configuration (praisedUnits), less any unit under a problem', () => {
  const a = analyse([ledgerGrid(rows({}, { 主办单位: '市城管局' })), unitGrid()], { asOf: AS_OF, config: makeConfig({ praisedUnits: ['市城管局', '市水利局'] }) });
  const d = circularData(a, AS_OF);
  expect(d.praisedUnits).toEqual(['市城管局', '市水利局']);
  expect(praise(d, { maxPraised: 10 })).toEqual({ units: ['市城管局'], dropped: ['市水利局'], unknown: [] });
});
