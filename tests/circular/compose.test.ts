import { DOMParser } from '@xmldom/xmldom';
import {
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
  titleLines,
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
  expect(opening.runs.filter((r) => r.computed).map((r) => r.text)).toEqual(['2021', '5', '2', '2', '1', '1', '2021年7月19日', '4', '4']);
});

test('sections in order, each once', () => {
  const c = composeCircular(small(), options(), AS_OF);
  expect(c.sections.map((s) => s.id)).toEqual([...SECTION_IDS]);
});

test('problems: only the kinds that occur, numbered 一是、二是… with their units', () => {
  const text = plainText(composeCircular(small(), options(), AS_OF));
  expect(text).toContain('一是有2个单位未按要求落实主要领导“代表委员接待日”制度。');
  expect(text).toContain('二是有1件建议提案未当面会商办理意见、当面答复代表委员，涉及市水利局。');
  expect(text).toContain('三是征询意见表填写不规范：有1件仍使用旧的征询意见表，涉及市水利局。');
  expect(text).not.toContain('四是');
  expect(text).not.toContain('填写不完整');
});

test('units with and without the reception day, in the master list’s order', () => {
  const text = plainText(composeCircular(small(), options(), AS_OF));
  expect(text).toContain('以下2个单位已落实主要领导“代表委员接待日”制度：市交通局、市城管局。');
  expect(text).toContain('尚未落实的2个单位（市水利局、市财政局），务必于9月底前落实到位。');
});

test('praised units: the documented rule, or the list given', () => {
  const a = small();
  // 市交通局 (2 clean items) and 市城管局 (1) have no findings; 市水利局 has some.
  expect(selectPraisedUnits(a, { maxPraised: 10 })).toEqual(['市交通局', '市城管局']);
  expect(selectPraisedUnits(a, { maxPraised: 1 })).toEqual(['市交通局']);
  expect(selectPraisedUnits(a, { maxPraised: 10, praisedUnits: ['市财政局'] })).toEqual(['市财政局']);
  const text = plainText(composeCircular(a, { ...options(), praisedUnits: ['市财政局'] }, AS_OF));
  expect(text).toContain('市财政局等单位办理工作扎实');
});

test('prose is ours and can be replaced; placeholders still computed', () => {
  const c = composeCircular(small(), { ...options(), prose: { 'part3.1': '请各单位于{receptionDeadline}前报送整改情况，共{total}件。' } }, AS_OF);
  expect(plainText(c)).toContain('请各单位于9月底前报送整改情况，共5件。');
});

test('no problem found: one sentence says so', () => {
  const a = analyse([ledgerGrid(rows({}, {})), unitGrid([['市交通局', '', '是']])], { asOf: AS_OF });
  expect(plainText(composeCircular(a, options(), AS_OF))).toContain('台账核对中未发现突出问题。');
});

test('Chinese numerals and em widths', () => {
  expect([1, 2, 9, 10, 11, 20, 21, 99].map(chineseNumeral)).toEqual(['一', '二', '九', '十', '十一', '二十', '二十一', '九十九']);
  expect(emWidth('关于2021年')).toBe(5);
});

test('titles split at word boundaries into a trapezoid or diamond', () => {
  expect(titleLines('郑州市人民政府关于2021年度人大建议政协提案办理工作情况的通报')).toEqual([
    '郑州市人民政府',
    '关于2021年度人大建议政协提案',
    '办理工作情况的通报',
  ]);
  expect(titleLines('关于做好建议提案办理工作的通知')).toEqual(['关于做好建议提案办理工作的通知']);
  expect(titleLines('第一行\n第二行')).toEqual(['第一行', '第二行']);
  for (const line of titleLines('郑州市人民政府办公厅关于进一步加强和改进人大代表建议政协委员提案办理工作的通知')) {
    expect(emWidth(line)).toBeLessThanOrEqual(19);
  }
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
    const xml = flatOpc(composeCircular(a, { ...options(), addressees: '各单位<&>：' }, AS_OF));
    const { doc, errors } = parse(xml);
    expect(errors).toEqual([]);
    expect(xml).toContain('市&lt;水&gt;利&amp;局&quot;&apos;');
    expect(xml).toContain('😀');
    expect([...xml].some((ch) => ["\u0001", "\u0008", "\u000b"].includes(ch))).toBe(false);
    expect(doc.documentElement!.textContent).toContain('市<水>利&局"\'');
    expect(escapeXml('a\u0000b\uffffc')).toBe('abc');
  });
});
