/**
 * Titles broken only between words (Intl.Segmenter's Chinese dictionary plus official terms kept whole), lines of
 * at least four characters, no wider than the type area, shaped as a trapezoid or a diamond — over real titles of
 * circulars and notices on the handling of suggestions and proposals.
 */
import { OFFICIAL_TERMS, TITLE_LINE_EM, emWidth, titleLineFits, titleLines, wordLines } from '../../src/core';

export const REAL_TITLES = [
  '郑州市人民政府办公厅关于2021年度市人大代表建议和市政协委员提案办理工作情况的通报',
  '郑州市人民政府关于2021年度人大建议政协提案办理工作情况的通报',
  '国务院办公厅关于做好2021年全国人大代表建议和全国政协委员提案办理工作的通知',
  '河南省人民政府办公厅关于做好2022年省人大代表建议和省政协委员提案办理工作的通知',
  '广州市人民政府办公厅关于2019年市人大代表建议和市政协提案办理工作情况的通报',
  '杭州市人民政府办公厅关于做好2021年市人大代表建议和市政协提案办理工作的通知',
  '洛阳市人民政府办公室关于2020年度人大代表建议政协委员提案办理工作情况的通报',
  '开封市人民政府办公室关于表彰2020年度建议提案办理工作先进单位的通报',
  '新乡市人民政府办公室关于2021年市人大代表建议和市政协委员提案办理情况的通报',
  '南阳市人民政府关于2019年度人大代表建议和政协提案办理工作的情况通报',
  '济南市人民政府办公厅关于2020年度市人大代表建议和市政协提案办理工作情况的通报',
  '深圳市人民政府办公厅关于印发深圳市人大代表建议和政协提案办理工作规定的通知',
  '四川省人民政府办公厅关于进一步做好人大代表建议和政协提案办理工作的通知',
  '成都市人民政府办公厅关于2021年度全市政府系统建议提案办理工作情况的通报',
  '武汉市人民政府办公厅关于2020年市人大代表建议和市政协委员提案办理工作情况的通报',
  '安徽省人民政府办公厅关于2021年省人大代表建议和省政协提案办理工作情况的通报',
  '郑州市金水区人民政府办公室关于2021年度区人大代表建议和区政协委员提案办理工作的通报',
  '长沙市人民政府办公厅关于做好2022年市人大代表建议和市政协提案办理工作的通知',
  '青岛市人民政府办公厅关于2021年市人大代表建议和市政协提案办理情况的通报',
  '郑州市人民政府办公厅关于进一步加强和改进人大代表建议政协委员提案办理工作的通知',
  '郑东新区管委会关于2021年度人大代表建议和政协委员提案办理工作情况的通报',
  '河南省人民政府关于2021年度省人大代表建议和省政协委员提案办理工作情况的报告',
];

/** Word boundaries as the dictionary gives them. */
function boundaries(title: string): Set<number> {
  const Seg = (Intl as unknown as { Segmenter: new (l: string, o: object) => { segment(t: string): Iterable<{ index: number }> } }).Segmenter;
  return new Set([...new Seg('zh', { granularity: 'word' }).segment(title)].map((s) => s.index));
}

/** Words a reader sees as one: the official terms, a place with its 市/省/区, a number with its unit. */
const WHOLE = [...OFFICIAL_TERMS, '郑州市', '河南省', '金水区', '郑东新区', '国务院', '2021年度', '2020年度', '2019年度', '2021年', '2022年', '2020年', '2019年'];

test.each(REAL_TITLES)('%s', (title) => {
  const lines = titleLines(title);
  expect(lines.join('')).toBe(title);
  expect(lines.length).toBeGreaterThan(1);
  const cuts: number[] = [];
  let at = 0;
  for (const l of lines.slice(0, -1)) cuts.push((at += l.length));
  const words = boundaries(title);
  for (const c of cuts) {
    expect({ cut: `${title.slice(0, c)}|`, atWordBoundary: words.has(c) }).toEqual({ cut: `${title.slice(0, c)}|`, atWordBoundary: true });
    for (const w of WHOLE) {
      for (let i = title.indexOf(w); i >= 0; i = title.indexOf(w, i + 1)) {
        expect({ cut: `${title.slice(0, c)}|`, inside: c > i && c < i + w.length ? w : null }).toEqual({ cut: `${title.slice(0, c)}|`, inside: null });
      }
    }
  }
  for (const l of lines) {
    expect([...l].length).toBeGreaterThanOrEqual(4);
    expect(emWidth(l)).toBeLessThanOrEqual(TITLE_LINE_EM);
  }
  // Trapezoid or diamond: no middle line shorter than both its neighbours (an hourglass).
  for (let k = 1; k < lines.length - 1; k++) {
    expect(emWidth(lines[k]) < emWidth(lines[k - 1]) && emWidth(lines[k]) < emWidth(lines[k + 1])).toBe(false);
  }
});

test('the issue’s title: no 市人大 | 代表, no two-character last line; the reference’s title as it printed it', () => {
  expect(titleLines('郑州市人民政府办公厅关于2021年度市人大代表建议和市政协委员提案办理工作情况的通报')).toEqual([
    '郑州市人民政府办公厅',
    '关于2021年度市人大代表建议',
    '和市政协委员提案办理工作情况的通报',
  ]);
  expect(titleLines('国务院办公厅关于做好2021年全国人大代表建议和全国政协委员提案办理工作的通知')).toEqual([
    '国务院办公厅',
    '关于做好2021年全国人大代表建议',
    '和全国政协委员提案办理工作的通知',
  ]);
});

test('short titles stay on one line; given lines are kept', () => {
  expect(titleLines('关于做好建议提案办理工作的通知')).toEqual(['关于做好建议提案办理工作的通知']);
  expect(titleLines('第一行\n第二行')).toEqual(['第一行', '第二行']);
});

test('a given line too wide for the type area is broken at a word boundary like any title, never left to wrap', () => {
  const first = '郑州市金水区人民代表大会常务委员会办公室关于二〇二一年度';
  expect(titleLineFits(first)).toBe(false);
  const lines = titleLines(`${first}\n人大建议政协提案办理工作情况的通报`);
  expect(lines.join('')).toBe(`${first}人大建议政协提案办理工作情况的通报`);
  expect(lines.length).toBe(3);
  for (const l of lines) expect({ l, fits: titleLineFits(l) }).toEqual({ l, fits: true });
  expect(lines[2]).toBe('人大建议政协提案办理工作情况的通报');
  const words = boundaries(first);
  expect(words.has(lines[0].length)).toBe(true);
  // The default title's given lines are kept as they are.
  expect(titleLines('郑州市人民政府\n关于2021年度人大建议政协提案\n办理工作情况的通报')).toEqual(['郑州市人民政府', '关于2021年度人大建议政协提案', '办理工作情况的通报']);
});

/** The cut points of a title broken into lines. */
function cutsOf(lines: string[]): string[] {
  const out: string[] = [];
  let at = '';
  for (const l of lines.slice(0, -1)) out.push(`${(at += l)}|`);
  return out;
}

test('an organ and its office stay on one line (常务委员会办公室, 委员会办公厅): an uneven middle line rather than a name cut in two; a place the dictionary does not know stays whole', () => {
  // Three lines with the name whole (the middle line shorter: no trapezoid has the name whole in three or four).
  expect(titleLines('郑州市人民代表大会常务委员会办公室关于2021年度市人大代表建议和市政协委员提案办理工作情况的通报')).toEqual([
    '郑州市人民代表大会常务委员会办公室',
    '关于2021年度市人大代表建议',
    '和市政协委员提案办理工作情况的通报',
  ]);
  for (const title of [
    '中牟县人民代表大会常务委员会办公室中牟县人民政府办公室关于2021年度县人大代表建议和县政协委员提案办理工作情况的通报',
    '中国人民政治协商会议郑州市委员会办公厅关于2021年度市政协委员提案办理工作情况的通报',
    '郑州市人民代表大会常务委员会办公室关于2021年度县人大代表建议办理工作情况的通报',
    '郑东新区管委会办公室关于2021年度人大代表建议和政协委员提案办理工作情况的通报',
  ]) {
    const lines = titleLines(title);
    expect(lines.join('')).toBe(title);
    for (const l of lines) expect(emWidth(l)).toBeLessThanOrEqual(TITLE_LINE_EM);
    for (const cut of cutsOf(lines)) expect({ title, cut, organCut: /(委员会|管委会|政府)\|$/.test(cut) && /^办公/.test(title.slice(cut.length - 1)) }).toEqual({ title, cut, organCut: false });
  }
  // A name wider than a line is still cut, at a word boundary (金水区 … 常务委员会 | 办公室 is 20 characters).
  const long = titleLines('郑州市金水区人民代表大会常务委员会办公室关于2021年度区人大代表建议办理工作情况的通报');
  for (const l of long) expect(titleLineFits(l)).toBe(true);
  // The dictionary splits 金|水|区 into characters: no cut between them (郑州市金水 | 区… before).
  for (const title of ['郑州市金水区人民代表大会常务委员会办公室关于二〇二一年度', '郑州市二七区人民政府办公室关于2021年度区人大代表建议和区政协委员提案办理工作情况的通报']) {
    for (const cut of cutsOf(titleLines(title))) expect(cut).not.toMatch(/(金|金水|二|二七)\|$/);
  }
});

test('a long unit name in the attachment’s table is broken between words, never inside one (国有资 | 产, 规划 | 局 before)', () => {
  expect(wordLines('市交通局', 10)).toEqual(['市交通局']);
  expect(wordLines('郑州市自然资源和规划局', 10)).toEqual(['郑州市自然资源', '和规划局']);
  for (const name of ['郑州市人民政府国有资产监督管理委员会', '郑州市卫生健康委员会（市中医管理局）', '中国人民政治协商会议郑州市委员会办公厅', '郑州市人力资源和社会保障局']) {
    const lines = wordLines(name, 10);
    expect(lines.join('')).toBe(name);
    for (const l of lines) expect([...l].length).toBeGreaterThanOrEqual(2);
    for (const l of lines) expect(emWidth(l)).toBeLessThanOrEqual(10);
    for (const cut of cutsOf(lines)) expect(cut).not.toMatch(/(国有资|规划|资源和规划|卫生健|人力资)\|$/);
  }
});
