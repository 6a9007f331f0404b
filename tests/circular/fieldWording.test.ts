/**
 * The circular as a 文秘 reads it on ledgers unlike the sample (measured in the field: “0 件” clauses, “100.0%”,
 * “—”, a county circular titled by the city, praise with nothing answered, “还存在以下问题：” with none after it).
 */
import { Analysis, CircularOptions, analyse, composeCircular, compositionNotes, defaultOptions, plainText, resolveOptions } from '../../src/core';
import { FULL_HEADERS, RowSpec, ledgerGrid, rows, unitGrid } from '../helpers/ledger';

const AS_OF = '2021-07-19';
const opts = (o: Partial<CircularOptions> = {}): CircularOptions => ({ ...defaultOptions(2021, AS_OF), ...o });
const unanswered: RowSpec = { 答复日期: null, 答复类别: null, 代表委员意见: null, 解决程度: null, 是否面商: null, 征询意见表版本: null };
const units = () => unitGrid([['市交通局', '', '是'], ['市城管局', '', '是']]);
const text = (a: Analysis, o: Partial<CircularOptions> = {}, asOf = AS_OF) => plainText(composeCircular(a, opts(o), asOf));
const noZeros = (t: string) => expect(t).not.toMatch(/[^\d]0件|[^\d.]0\.0%|100\.0%|—|（）/);

test('only NPC items of the office’s own level: no 政协, no 省, no “0件”, no 其中 repeating the total', () => {
  const a = analyse([ledgerGrid(rows({}, {}, {})), units()], { asOf: AS_OF });
  const t = text(a);
  expect(t).toContain('2021年，市政府共承办市人大代表建议3件。截至2021年7月19日，已答复3件，办复率100%，均按期答复。现将');
  expect(t).not.toContain('其中，');
  expect(t).not.toMatch(/政协委员提案|市政协提案|省/);
  noZeros(t);
});

test('nothing answered yet: no rate of nothing, no praise for answering, part three asks for the answers', () => {
  const a = analyse([ledgerGrid(rows(unanswered, { ...unanswered, 类别: '市政协提案' })), units()], { asOf: '2021-05-10' });
  const t = text(a, {}, '2021-05-10');
  expect(t).toContain('截至2021年5月10日，尚未答复2件，均在办理期限内。现将');
  expect(t).not.toMatch(/已答复0件|办复率|面商率|满意率|占—/);
  expect(t).not.toContain('答复及时、规范');
  // The good units are those with the reception day only.
  expect(t).toContain('二、落实接待日制度情况和存在的问题\n（一）落实代表委员接待日制度的单位\n已有2个单位的主要领导落实了“代表委员接待日”制度');
  expect(t).not.toContain('办理较好');
  expect(t).toContain('尚未答复的2件要抓紧答复');
  noZeros(t);
});

test('no problem at all: no “还存在以下问题：”, and part three does not speak of problems', () => {
  const a = analyse([ledgerGrid(rows({}, { 主办单位: '市城管局' })), units()], { asOf: AS_OF });
  const t = text(a);
  expect(t).toContain('台账核对中未发现突出问题。');
  expect(t).not.toContain('还存在以下问题');
  expect(t).not.toContain('对照本通报指出的问题');
  expect(t).toContain('希望各承办单位继续做好办理工作。');
  // Everything answered and on time: said as such, not as counts of the whole.
  expect(t).toContain('已答复2件，办复率100%，均按期答复。');
  noZeros(t);
});

test('a satisfaction unrecorded on a returned form is counted returned, not rated; a form never returned is said apart', () => {
  const a = analyse(
    [ledgerGrid(rows({}, { 代表委员意见: null }, { 代表委员意见: '比较满意' }, { 代表委员意见: null, 征询意见表版本: null })), units()],
    { asOf: AS_OF },
  );
  const t = text(a);
  expect(t).toContain('收回征询意见表3件，在填写满意度的1件中，代表委员满意1件，满意和基本满意的占100%；另有2件未填写满意度或填写不规范；1件未收回征询意见表。');
  expect(t).toContain('有的单位有3件征询意见表未收回、未填写满意度或填写不规范');
  expect(t).toContain('征询意见表要及时收回并如实、完整填写');
});

test('key items all answered: 均已答复; all unanswered items within their term: 均在办理期限内; 闭会 all answered', () => {
  const a = analyse(
    [
      ledgerGrid(
        rows(
          { 是否重点督办: '是', 领办市领导: '王副市长' },
          { 类别: '闭会建议' },
          { ...unanswered, 交办日期: '2021-06-10' },
        ),
      ),
      units(),
    ],
    { asOf: AS_OF },
  );
  const t = text(a);
  expect(t).toContain('2021年由市政府领导领办督办的重点人大建议1件，已答复。');
  // 均 only of two or more.
  expect(t).toContain('尚未答复1件，在办理期限内。');
  expect(t).toContain('闭会期间建议1件已答复。');
  noZeros(t);
});

test('without a master list no unit is praised (a name may be another spelling of one with problems)', () => {
  const a = analyse([ledgerGrid(rows({}, { 主办单位: '中原区政府' }, { 主办单位: '中原区人民政府', 是否面商: '否' }))], { asOf: AS_OF });
  const t = text(a);
  expect(t).not.toContain('答复及时、规范');
  // Nothing to say of good units: the second part is about the problems alone, its lone subsection not numbered.
  expect(t).toContain('二、存在的问题\n从台账核对情况看，办理工作中还存在以下问题：');
  expect(t).not.toContain('（一）办理较好的单位');
  expect(t).not.toContain('（二）存在的问题');
});

test('a county’s circular: title and mark follow the issuing body, 区政府领导, the mark unless written', () => {
  const base = defaultOptions(2021, AS_OF);
  const o = resolveOptions(base, { issuingBody: '郑州市金水区人民政府' });
  expect(o.title).toBe('郑州市金水区人民政府\n关于2021年度人大建议政协提案\n办理工作情况的通报');
  expect(o.mark).toBe('郑州市金水区人民政府文件');
  expect(resolveOptions(base, { year: 2022 }).title).toContain('关于2022年度');
  // A title or mark someone wrote stays.
  expect(resolveOptions(base, { issuingBody: '郑州市金水区人民政府', title: '关于办理工作的通报', mark: '金水区政府文件' })).toMatchObject({
    title: '关于办理工作的通报',
    mark: '金水区政府文件',
  });
  const a = analyse([ledgerGrid(rows({ 类别: '区人大建议', 是否重点督办: '是', 领办市领导: '李副区长' }, { 类别: '区政协提案' })), units()], { asOf: AS_OF });
  expect(text(a, o)).toContain('2021年由区政府领导领办督办的重点人大建议1件，已答复。');
});

test('the attachment adds up: rows without a lead unit have their row, 合计 sums the columns, split items are explained', () => {
  const a = analyse(
    [
      ledgerGrid(
        rows(
          {},
          { 主办单位: null },
          { 编号: 500, 主办单位: '市交通局' },
          { 编号: 500, 主办单位: '市城管局' },
        ),
      ),
      units(),
    ],
    { asOf: AS_OF },
  );
  const blocks = composeCircular(a, opts({ attachment: true }), AS_OF).sections.find((s) => s.id === 'date')!.blocks;
  const table = blocks.find((b) => b.role === 'table')!.table!;
  expect(table.rows.map((r) => r.slice(0, 2))).toEqual([
    ['市交通局', '2'],
    ['市城管局', '1'],
    ['（未填写主办单位）', '1'],
    ['合计', '4'],
  ]);
  const note = blocks.find((b) => b.role === 'tableNote')!.runs.map((r) => r.text).join('');
  expect(note).toContain('由几个单位分别主办的1件在各主办单位分别计数，故合计件数多于总件数。');
});

/** The same rows with some columns left out of the header. */
const without = (...gone: string[]) => FULL_HEADERS.filter((h) => !gone.includes(h));

test('a column the ledger does not have is not reported as work undone: no 满意度, no 是否面商, no 答复类别, no forms at all', () => {
  const some = rows({}, { 主办单位: '市城管局' }, { 答复日期: null, 答复类别: null, 代表委员意见: null, 是否面商: null, 征询意见表版本: null });
  // No 满意度 column: the forms came back (a version written), nothing is said unrated or to be filled in.
  const nosat = text(analyse([ledgerGrid(some, without('代表委员意见')), units()], { asOf: AS_OF }));
  expect(nosat).toContain('收回征询意见表2件。');
  expect(nosat).not.toMatch(/未填写满意度|满意和基本满意|如实、完整填写/);
  // No 是否面商 column: no reply is said made without contact.
  const nof2f = text(analyse([ledgerGrid(some, without('是否面商')), units()], { asOf: AS_OF }));
  expect(nof2f).not.toMatch(/当面会商|面商率/);
  // No 答复类别 column: no grade to check, no B to follow up.
  const nocat = text(analyse([ledgerGrid(some, without('答复类别')), units()], { asOf: AS_OF }));
  expect(nocat).not.toMatch(/答复类别待核实|A类|尚未解决/);
  // Neither 满意度 nor 征询意见表版本: nothing is known of the forms.
  const noforms = text(analyse([ledgerGrid(some, without('代表委员意见', '征询意见表版本')), units()], { asOf: AS_OF }));
  expect(noforms).not.toMatch(/征询意见表/);
  for (const t of [nosat, nof2f, nocat, noforms]) {
    expect(t).toContain('已答复2件');
    expect(t).not.toMatch(/，。|；。|：。/);
    noZeros(t);
  }
});

test('a reply dated before its item was assigned is neither on time nor late: 待核实, in the totals, the units and the circular alike', () => {
  const a = analyse([ledgerGrid(rows({}, { 交办日期: '2021-03-26', 答复日期: '2021-03-20' })), units()], { asOf: AS_OF });
  expect(a.totals.repliedOnTime).toBe(1);
  expect(a.units.find((u) => u.name === '市交通局')!.onTime).toBe(1);
  expect(text(a)).toContain('已答复2件，办复率100%；其中按期答复1件，答复日期或办理期限待核实的1件。');
});

test('a praised list is checked: a name that is no unit (a typo) is left out and said, as is a unit with problems', () => {
  const a = analyse([ledgerGrid(rows({}, { 主办单位: '市城管局', 是否面商: '否' })), units()], { asOf: AS_OF });
  const o = { praisedUnits: ['市交通局', '市城管局', '市不存在局'] };
  const t = text(a, o);
  expect(t).toContain('市交通局答复及时、规范');
  expect(t).not.toMatch(/市不存在局|市城管局等/);
  const notes = compositionNotes(a, opts(o), AS_OF);
  expect(notes.praisedDropped).toEqual(['市城管局']);
  expect(notes.praisedUnknown).toEqual(['市不存在局']);
});

test('named problem units: at most five, most items first, a count per unit only when the counts differ', () => {
  const names = ['市交通局', '市城管局', '市水利局', '市财政局', '市教育局', '市卫健委', '市文物局'];
  const many = names.flatMap((n, i) => Array.from({ length: i === 6 ? 3 : 1 }, () => ({ 主办单位: n, 是否面商: '否' })));
  const a = analyse([ledgerGrid(rows(...many)), unitGrid(names.map((n) => [n, '', '是']))], { asOf: AS_OF });
  const t = text(a, { problemUnits: 'named' });
  expect(t).toContain('是市文物局（3件）、市交通局（1件）、市城管局（1件）、市水利局（1件）、市财政局（1件）等7个单位有9件建议提案未与代表委员当面会商');
  const two = analyse([ledgerGrid(rows({ 主办单位: '市交通局', 是否面商: '否' }, { 主办单位: '市城管局', 是否面商: '否' })), units()], { asOf: AS_OF });
  expect(text(two, { problemUnits: 'named' })).toContain('是市交通局、市城管局等2个单位有2件建议提案未与代表委员当面会商');
});
