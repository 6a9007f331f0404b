/**
 * Consistency by construction, read off the composed text as a reader would: every breakdown sums to its figure
 * or names its remainder; no unit is both praised and under a problem; each list is given once. On the sample
 * ledger and on a ledger built to collide.
 */
import * as path from 'path';
import { Analysis, CircularOptions, analyse, circularWarnings, compositionNotes, composeCircular, defaultOptions, plainText } from '../../src/core';
import { readWorkbookFile } from '../../src/node/workbook';
import { ledgerGrid, rows, unitGrid } from '../helpers/ledger';

const AS_OF = '2021-07-19';
const SAMPLE = path.join(__dirname, '../../samples/ledger-2021.xlsx');

/** A number after a phrase, or 0 when the phrase is absent (an absent remainder is zero). */
function num(text: string, re: RegExp): number {
  const m = re.exec(text);
  return m ? Number(m[1]) : 0;
}

function checkSums(text: string): void {
  const total = num(text, /(?:提案|建议)(\d+)件。/);
  // 其中，…: every source's figure (not the 含闭会 inside one) adds up to the total.
  const among = (/。其中，([^。]*)。/.exec(text)?.[1] ?? '').replace(/（含[^）]*）/g, '');
  const parts = [...among.matchAll(/(\d+)件/g)].reduce((n, m) => n + Number(m[1]), 0);
  expect({ total, parts }).toEqual({ total, parts: total });
  const replied = num(text, /已答复(\d+)件，办复率/);
  const timing = num(text, /按期答复(\d+)件/) + num(text, /，超期答复(\d+)件/) + num(text, /办理期限待核实的(\d+)件/);
  expect({ replied, timing }).toEqual({ replied, timing: replied });
  const unreplied = num(text, /尚未答复(\d+)件/);
  expect(unreplied).toBe(total - replied);
  // Its parts add up to it, or one says all of them are of a kind (均在办理期限内).
  const unrepliedParts = num(text, /超过办理期限的(\d+)件/) + num(text, /尚在办理期限内的(\d+)件/) + num(text, /交办日期待核实的(\d+)件/);
  if (!/尚未答复\d+件，(均|交办日期均)/.test(text)) expect(unrepliedParts).toBe(unreplied);
  const grades = [...text.matchAll(/([A-D])类(\d+)件/g)].reduce((s, m) => s + Number(m[2]), 0) + num(text, /另有(\d+)件答复类别待核实/);
  expect({ grades }).toEqual({ grades: num(text, /在已答复的(\d+)件中/) });
  expect(num(text, /在已答复的(\d+)件中/)).toBe(replied);
  // The satisfaction parts + the forms without one = the forms returned (when the switch states them); with the
  // forms not returned, the replied items.
  const satisfaction =
    num(text, /代表委员满意(\d+)件/) + num(text, /[代表委员、]基本满意(\d+)件/) + num(text, /满意和基本满意(\d+)件/) + num(text, /[代表委员、]不满意(\d+)件/);
  const remainder = num(text, /另有(\d+)件未填写满意度或填写不规范/);
  const notReturned = num(text, /；(\d+)件未收回征询意见表/);
  if (/收回征询意见表\d/.test(text)) expect(num(text, /收回征询意见表(\d+)件/)).toBe(satisfaction + remainder);
  expect(satisfaction + remainder + notReturned).toBe(replied);
  // The problems repeat the opening's figures, never others.
  if (/件超过办理期限仍未答复/.test(text)) expect(num(text, /有(\d+)件超过办理期限仍未答复/)).toBe(num(text, /超过办理期限的(\d+)件/));
  if (/件超期答复。/.test(text)) expect(num(text, /有(\d+)件超期答复。/)).toBe(num(text, /，超期答复(\d+)件/));
  if (/有\d+件未填写满意度或填写不规范[；。]/.test(text)) {
    expect(num(text, /有(\d+)件未填写满意度或填写不规范/)).toBe(num(text, /另有(\d+)件未填写满意度或填写不规范/));
  }
}

/** The praised units, read from the text; and every unit named anywhere in 存在的问题. */
function praisedAndCriticised(text: string): { praised: string[]; criticised: string } {
  const praised = (/([^\n。：]+?)(?:等单位)?答复及时、规范/.exec(text)?.[1] ?? '').split('、').filter(Boolean);
  const problems = text.slice(text.indexOf('（二）存在的问题'), text.indexOf('三、工作要求'));
  return { praised, criticised: problems };
}

function checkNoCollision(text: string): void {
  const { praised, criticised } = praisedAndCriticised(text);
  for (const u of praised) expect({ unit: u, criticised: criticised.includes(u) }).toEqual({ unit: u, criticised: false });
}

/** Every list of units (a run of names joined by 、 of three or more) is given once. */
function checkListsOnce(text: string): void {
  const lists = text.match(/(?:[\u4e00-\u9fff（）]{2,14}、){2,}[\u4e00-\u9fff（）]{2,14}/g) ?? [];
  // A named problem's first five units (…等N个单位) may be another problem's first five: those are not lists repeated.
  for (const l of lists) if (/局|委|政府/.test(l) && !l.endsWith('等')) expect({ list: l, times: text.split(l).length - 1 }).toEqual({ list: l, times: 1 });
}

describe('the sample ledger', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = analyse(await readWorkbookFile(SAMPLE), { asOf: AS_OF });
  });
  const opts = (o: Partial<CircularOptions> = {}): CircularOptions => ({ ...defaultOptions(2021, AS_OF), ...o });

  test.each([
    ['vague', opts()],
    ['named', opts({ problemUnits: 'named' })],
    ['switches off', opts({ problemUnits: 'named', gradeShares: false, satisfactionApart: false, formsReturned: false, interSessionOpen: false })],
  ])('sums and remainders (%s)', (_name, o) => {
    const text = plainText(composeCircular(a, o, AS_OF));
    checkSums(text);
    checkNoCollision(text);
    checkListsOnce(text);
  });

  test('the figures the issue found wanting now add up', () => {
    const text = plainText(composeCircular(a, opts(), AS_OF));
    expect(text).toContain('已答复1369件，办复率98.6%；其中按期答复1356件，超期答复10件，答复日期或办理期限待核实的3件。');
    // Forms returned are the forms that came back (a version written), rated or not; 满意率 says its basis.
    expect(text).toContain('收回征询意见表1369件，在填写满意度的1359件中，代表委员满意1198件、基本满意150件、不满意11件，满意和基本满意的占99.2%；另有10件未填写满意度或填写不规范。');
    expect(text).toContain('因条件限制留作参考的C类111件，占8.1%，另有3件答复类别待核实。');
  });

  test('no unit praised that has the reception day missing or any finding (市农委, 市工信局, 郑东新区管委会)', () => {
    const notes = compositionNotes(a, opts({ problemUnits: 'named' }), AS_OF);
    expect(notes.praised).toEqual(['市卫健委', '市交通局', '市教育局', '市城管局', '市城建局', '市资源规划局']);
    for (const u of notes.praised) expect(notes.problemUnits).not.toContain(u);
    for (const u of ['市农委', '市工信局', '郑东新区管委会']) expect(notes.problemUnits).toContain(u);
  });

  test('the error-level findings that affect the figures, by rule', () => {
    const w = circularWarnings(a);
    // Every error but the overdue items (facts the circular reports, not mistakes): 27 − 6.
    const overdue = a.findings.filter((f) => f.rule === 'reply.overdue').length;
    expect(overdue).toBe(6);
    expect(w.reduce((n, x) => n + x.count, 0)).toBe(a.errors - overdue);
    expect(w.some((x) => x.rule === 'reply.overdue')).toBe(false);
    expect(w.find((x) => x.rule === 'reply.category-invalid')).toMatchObject({ count: 1, affects: expect.stringContaining('答复类别待核实') });
  });
});

describe('a ledger built to collide', () => {
  // 市财政局: clean items, but no reception day (a unit-level finding). 市城管局: clean, reception day.
  // 市水利局: replies with an invalid grade, a missing grade, an invalid satisfaction, an unreadable reply date;
  // an item with an unknown source, one without an assignment date, one overdue, one late.
  const ledger = (): Analysis =>
    analyse(
      [
        ledgerGrid(
          rows(
            { 主办单位: '市财政局' },
            { 主办单位: '市财政局', 类别: '市政协提案' },
            { 主办单位: '市城管局' },
            { 主办单位: '市水利局', 答复类别: 'D' },
            { 主办单位: '市水利局', 答复类别: null, 解决程度: null },
            { 主办单位: '市水利局', 代表委员意见: '比较满意' },
            { 主办单位: '市水利局', 答复日期: '2021-06-31' },
            { 主办单位: '市水利局', 类别: '县人大建议' },
            { 主办单位: '市水利局', 交办日期: null, 答复日期: null, 答复类别: null, 代表委员意见: null, 解决程度: null },
            { 主办单位: '市水利局', 答复日期: null, 答复类别: null, 代表委员意见: null, 解决程度: null },
            { 主办单位: '市水利局', 答复日期: '2021-07-05' },
          ),
        ),
        unitGrid([
          ['市财政局', '', '否'],
          ['市城管局', '', '是'],
          ['市水利局', '', '是'],
        ]),
      ],
      { asOf: AS_OF },
    );
  const opts = (o: Partial<CircularOptions> = {}): CircularOptions => ({ ...defaultOptions(2021, AS_OF), ...o });

  test.each([['vague', opts()], ['named', opts({ problemUnits: 'named' })]])('sums name their remainders (%s)', (_n, o) => {
    const text = plainText(composeCircular(ledger(), o, AS_OF));
    checkSums(text);
    checkNoCollision(text);
    checkListsOnce(text);
    expect(text).toContain('其他或来源待核实的1件');
    expect(text).toContain('另有2件答复类别待核实');
    expect(text).toContain('答复日期或办理期限待核实的1件');
    expect(text).toContain('交办日期待核实的1件');
    expect(text).toContain('另有1件未填写满意度或填写不规范');
  });

  test('a unit with only a unit-level finding is not praised; a given list loses it too', () => {
    const a = ledger();
    expect(compositionNotes(a, opts(), AS_OF).praised).toEqual(['市城管局']);
    const given = compositionNotes(a, opts({ praisedUnits: ['市财政局', '市城管局'], problemUnits: 'named' }), AS_OF);
    expect(given).toMatchObject({ praised: ['市城管局'], praisedDropped: ['市财政局'] });
    const text = plainText(composeCircular(a, opts({ praisedUnits: ['市财政局', '市城管局'], problemUnits: 'named' }), AS_OF));
    checkNoCollision(text);
    expect(text).toContain('市财政局尚未落实主要领导“代表委员接待日”制度');
  });
});
