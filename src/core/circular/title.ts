/**
 * Titles broken only between words (GB/T 9704 §7.3.1: 回行时要做到词意完整, lines shaped as a trapezoid or a
 * diamond). Words come from Intl.Segmenter('zh', {granularity: 'word'}) (Node 20 and browsers ship the Chinese
 * dictionary); official terms the dictionary splits are kept whole, and no line is shorter than four characters.
 * An organ's name is not cut from its office (常务委员会 | 办公室) unless no other way fits.
 */
import { TYPE_WIDTH, lineCount } from './layout';
import { emWidth } from './numbers';

/** Width of a title line in em (二号 on the 156 mm type area holds 20; one is left free). */
export const TITLE_LINE_EM = 19;
/** No title line shorter than this (in characters). */
export const TITLE_MIN_CHARS = 4;

/** Terms a title line never splits (the dictionary cuts some of them: 办公|厅, 人大|代表 …). */
export const OFFICIAL_TERMS = [
  '人民代表大会常务委员会', '人民代表大会', '人民政府办公厅', '人民政府办公室', '人民政府', '办公厅', '办公室',
  '人大常委会', '常委会', '管委会', '管理委员会', '委员会', '人大代表', '政协委员', '代表委员', '人大建议', '政协提案',
  '代表建议', '委员提案', '建议提案', '闭会期间', '闭会建议', '重点督办', '办理工作', '工作情况', '情况通报', '年度',
  '政治协商会议', '全国人大', '全国政协', '省人大', '市人大', '省政协', '市政协', '开发区', '自治区', '自治州', '自治县',
  // Names of departments the dictionary cuts (a unit's name in the attachment's table).
  '自然资源', '国有资产', '生态环境', '市场监督', '人力资源', '社会保障', '卫生健康', '城乡建设', '文化广电', '发展改革',
  '应急管理', '交通运输', '农业农村', '信息化', '退役军人', '大数据',
];

/** Words never left alone at the end of a line (they bind forward) or at the start (they bind backward). */
const BINDS_FORWARD = new Set(['关于', '对', '和', '与', '及', '暨', '在', '市', '省', '县', '区', '全', '各', '第']);
const BINDS_BACKWARD = new Set(['的', '等', '年', '月', '日', '号', '件', '工作', '情况']);
const PLACE_SUFFIX = /^[市省县区州盟旗]$/;
const SINGLE_HAN = /^[\u3400-\u9fff〇]$/;

/** Intl.Segmenter (ES2022; the project's lib is ES2021). */
interface WordSegmenter {
  segment(text: string): Iterable<{ segment: string; index: number }>;
}
const Segmenter = (Intl as unknown as { Segmenter: new (locale: string, o: { granularity: 'word' }) => WordSegmenter }).Segmenter;

/** Segments of the title, with official terms and numbers glued; returns the allowed break offsets. */
export function titleBreaks(title: string): number[] {
  const seg = new Segmenter('zh', { granularity: 'word' });
  const words = [...seg.segment(title)].map((s) => ({ text: s.segment, start: s.index }));
  const forbidden = new Set<number>();
  // Inside an official term.
  for (const term of OFFICIAL_TERMS) {
    for (let i = title.indexOf(term); i >= 0; i = title.indexOf(term, i + 1)) for (let k = i + 1; k < i + term.length; k++) forbidden.add(k);
  }
  // Inside a number with its unit (2021年度, 20件), a bracketed part or a book title.
  for (const re of [/\d+(?:年度|年|月|日|号|件|个)?/g, /（[^）]*）|〔[^〕]*〕|《[^》]*》|“[^”]*”/g]) {
    for (const m of title.matchAll(re)) for (let k = m.index! + 1; k < m.index! + m[0].length; k++) forbidden.add(k);
  }
  // A place name with its suffix (郑州|市 → 郑州市): a 市/省/县/区 after a word of two or more characters that
  // is a name, i.e. followed by an organ (人民政府, 人大 …) or itself starting the title.
  words.forEach((w, i) => {
    if (!PLACE_SUFFIX.test(w.text) || i === 0) return;
    const prev = words[i - 1];
    const next = words[i + 1]?.text ?? '';
    const prevIsName = [...prev.text].length >= 2 && /^[\u4e00-\u9fff]+$/.test(prev.text) && !/年度|关于|工作|情况/.test(prev.text);
    if (prevIsName && (i === 1 || /^(人民|政府|人大|政协|委|办公|管委|教育|交通|卫|城|财政)/.test(next) || next === '')) forbidden.add(w.start);
  });
  const out: number[] = [];
  words.forEach((w, i) => {
    if (i === 0) return;
    const prev = words[i - 1];
    if (forbidden.has(w.start)) return;
    // Two single characters in a row are a word the dictionary does not know (金|水|区, a place's name).
    if (SINGLE_HAN.test(prev.text) && SINGLE_HAN.test(w.text) && !BINDS_FORWARD.has(prev.text) && !BINDS_BACKWARD.has(w.text)) return;
    if (BINDS_FORWARD.has(prev.text)) return;
    if (BINDS_BACKWARD.has(w.text) && !/^(工作|情况)$/.test(w.text)) return;
    // Punctuation stays with the word before it.
    if (/^[，、。；：）》”]/.test(w.text)) return;
    if (/[（《“]$/.test(prev.text)) return;
    out.push(w.start);
  });
  return out;
}

/** One line more costs this much (fewest lines first). */
const LINE_COST = 10000;
/** An organ's name cut from its office, and an hourglass: each less than a line more, the cut name the worse. */
const ORGAN_CUT_COST = 9000;
const HOURGLASS_COST = 8000;

/** An organ's office cut from its organ (常务委员会 | 办公室, 人民政府 | 办公厅): its name read as two. */
const ORGAN_END = /(?:委员会|常委会|管委会|人民政府|政府|政协|人大)$/;
const OFFICE_START = /^办公(?:室|厅)/;

/** Cost of breaking before offset i: before 关于 is the natural place; after 的 is poor; inside an organ's name worst. */
function breakCost(title: string, i: number): number {
  if (OFFICE_START.test(title.slice(i)) && ORGAN_END.test(title.slice(0, i))) return ORGAN_CUT_COST;
  if (title.startsWith('关于', i)) return 0;
  if (title.startsWith('的', i - 1)) return 8;
  if (/^(和|与|及|暨)/.test(title.slice(i))) return 2;
  return 5;
}

function shapeCost(widths: number[]): number {
  if (widths.length === 1) return 0;
  const spread = Math.max(...widths) - Math.min(...widths);
  if (widths.length === 2) return spread;
  // Trapezoid (monotone) or diamond (the middle longest); an hourglass (a middle line shorter than both ends) is
  // not (chosen only over an organ's name cut in two or a line more).
  for (let k = 1; k < widths.length - 1; k++) if (widths[k] < widths[k - 1] && widths[k] < widths[k + 1]) return HOURGLASS_COST;
  return spread;
}

/** Twips of one 二号 character (22 pt, no run spacing). */
const TITLE_ADVANCE = 440;

/** Whether a title line stays one line in the type area (as LibreOffice breaks it: figures spaced off a little). */
export function titleLineFits(line: string): boolean {
  return lineCount(line, TITLE_ADVANCE, 0, TYPE_WIDTH) === 1;
}

/**
 * The title's lines: given with \n, else broken at word boundaries into the fewest lines of the best shape. A given
 * line too wide for the type area is broken the same way (never left for the renderer to wrap mid-word).
 */
export function titleLines(title: string, maxEm = TITLE_LINE_EM): string[] {
  if (title.includes('\n')) {
    const given = title.split('\n').map((s) => s.trim()).filter(Boolean);
    return given.flatMap((line) => (titleLineFits(line) ? [line] : titleLines(line, maxEm)));
  }
  if (emWidth(title) <= maxEm) return [title];
  const points = titleBreaks(title);
  let best: { lines: string[]; score: number } | null = null;
  const consider = (cuts: number[]) => {
    const lines: string[] = [];
    let prev = 0;
    for (const c of [...cuts, title.length]) {
      lines.push(title.slice(prev, c));
      prev = c;
    }
    const widths = lines.map(emWidth);
    if (widths.some((w) => w > maxEm)) return;
    if (lines.some((l) => [...l].length < TITLE_MIN_CHARS)) return;
    let score = lines.length * LINE_COST + shapeCost(widths);
    for (const c of cuts) {
      const k = breakCost(title, c);
      score += k >= ORGAN_CUT_COST ? k : k * 4;
    }
    if (!best || score < best.score) best = { lines, score };
  };
  for (let lines = 2; lines <= 4 && !best; lines++) eachCut(points, lines - 1, consider);
  if (best) return (best as { lines: string[] }).lines;
  // No word-boundary split fits (a single word wider than a line): break by width.
  return byWidth(title, maxEm);
}

/**
 * A name broken into lines of at most maxEm between words (the title's word boundaries: official terms, places and
 * numbers kept whole), for a narrow table cell: the fewest lines, then the most even (郑州市人民政府国有 | 资产监督管理委员会,
 * 郑州市 | 自然资源和规划局 — never 国有资 | 产 or 规划 | 局). A name that fits is one line; with no boundary that fits, by width.
 */
export function wordLines(text: string, maxEm: number): string[] {
  if (emWidth(text) <= maxEm) return [text];
  const points = titleBreaks(text);
  let best: { lines: string[]; widest: number } | null = null;
  const consider = (cuts: number[]) => {
    const lines = [...cuts, text.length].map((c, k) => text.slice(k === 0 ? 0 : cuts[k - 1], c));
    const widths = lines.map(emWidth);
    if (widths.some((w) => w > maxEm) || lines.some((l) => [...l].length < 2)) return;
    const widest = Math.max(...widths);
    if (!best || widest < best.widest) best = { lines, widest };
  };
  for (let n = 2; n <= 4 && !best; n++) eachCut(points, n - 1, consider);
  if (best) return (best as { lines: string[] }).lines;
  return byWidth(text, maxEm);
}

/** Every choice of `count` cut points out of `points` (in order), each given to `visit`. */
function eachCut(points: number[], count: number, visit: (cuts: number[]) => void, from = 0, cuts: number[] = []): void {
  if (count === 0) return visit(cuts);
  for (let k = from; k < points.length; k++) eachCut(points, count - 1, visit, k + 1, [...cuts, points[k]]);
}

/** Lines of at most maxEm, cut by width wherever it falls (when no word boundary fits). */
function byWidth(text: string, maxEm: number): string[] {
  const out: string[] = [];
  let cur = '';
  for (const ch of text) {
    if (cur !== '' && emWidth(cur + ch) > maxEm) {
      out.push(cur);
      cur = '';
    }
    cur += ch;
  }
  if (cur) out.push(cur);
  return out;
}
