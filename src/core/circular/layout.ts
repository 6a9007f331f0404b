/**
 * Where the body ends: Banli's own line breaking and pagination for the exact grid it writes (22 lines of 579
 * twips, 三号 characters 315 twips apart, no hanging punctuation, no auto spacing, no widow control), so the
 * renderer can put the 版记 on the last even page (GB/T 9704 §7.4.1, §7.5).
 */
import { Block, Role } from './model';
import { emWidth } from './numbers';

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
  /** The footer's distance from the page's bottom edge: puts the page-number dash 7 mm below the type area. */
  footer: 1417,
  header: 851,
};
export const TYPE_WIDTH = PAGE.width - PAGE.left - PAGE.right; // 8844 twips = 442.2 pt
export const TYPE_HEIGHT = PAGE.height - PAGE.top - PAGE.bottom; // 12756 twips

/** One character's advance in twips: 三号 16 pt less 0.25 pt spacing; 四号 14 pt. */
export const ADVANCE = { sanhao: 315, sihao: 280 };
/** The mark's paragraph: space before and the exact line holding its 42 pt glyphs. */
export const MARK = { before: 1884, line: 1000 };
/** The mark's size in half-points (42 pt) and the narrowest character scaling (w:w, percent) it is set at
 * before its size comes down too. */
export const MARK_SZ = 84;
export const MARK_MIN_SCALE = 70;

/**
 * The mark on one line inside the type area (GB/T 9704 §7.2.4: centred, 醒目、美观、庄重): at 42 pt while it fits; a
 * longer one keeps its height and is set narrower (character scaling, as offices set a long 红头), down to 70 %;
 * longer still, its size comes down as well. Widths in em: CJK 1, ASCII ½.
 */
export function markFit(text: string, width = TYPE_WIDTH): { sz: number; scale: number } {
  const em = emWidth(text);
  const natural = em * MARK_SZ * 10;
  if (natural <= width) return { sz: MARK_SZ, scale: 100 };
  const scale = Math.floor((100 * width) / natural);
  if (scale >= MARK_MIN_SCALE) return { sz: MARK_SZ, scale };
  return { sz: Math.floor((100 * width) / (em * 10 * MARK_MIN_SCALE)), scale: MARK_MIN_SCALE };
}

/** Points between the 发文字号 and its red rule (4 mm below the characters, §7.2.7), and what the bordered
 * paragraph then adds to its line's height (measured in LibreOffice: the space, the rule, a little more). */
export const RED_RULE_SPACE = 7;
export const RED_RULE_EXTRA = RED_RULE_SPACE * 20 + 73;

/** Characters that may not start a line (kinsoku) and may not end one. */
export const NO_LINE_START = '，。、；：？！）》”’〕」』】％·…—';
export const NO_LINE_END = '（《“‘〔「『【';

/** Width in twips of a run of text at a character advance (CJK = advance; Latin/digits in Times New Roman). */
export function textWidth(text: string, advance: number): number {
  const spacing = advance === ADVANCE.sanhao ? 5 : 0;
  const em = advance + spacing;
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c >= 0x2e80) w += advance;
    else if (/[0-9]/.test(ch)) w += em * 0.5 - spacing;
    else if (ch === '.' || ch === ',') w += em * 0.25 - spacing;
    else if (ch === '%') w += em * 0.833 - spacing;
    else if (ch === ' ') w += em * 0.25 - spacing;
    else w += em * 0.5 - spacing;
  }
  return w;
}

/** Twips of one character of indent (三号: w:ind counts 320 a character, the run spacing not included). */
const INDENT_CHAR = 320;
/** Room a fitted line keeps free: what a full line of 28 三号 characters leaves (8844 − 28 × 315 twips). LibreOffice
 * 7.4 breaks a line that leaves only 2 twips. */
const FIT_SLACK = TYPE_WIDTH - 28 * ADVANCE.sanhao;

/**
 * The 署名 and 成文日期 kept inside the type width (§7.3.5): a 署名 too long for its right indent moves right as
 * far as it must, and a date set from the left (no seal) moves with it, two characters right of the 署名's first
 * one; a 署名 wider than the type area is set narrower (Block.scale). What fits is returned unchanged.
 */
export function fitClosing(blocks: Block[]): Block[] {
  const out = blocks.map((b) => ({ ...b }));
  out.forEach((b, i) => {
    if (b.role !== 'signature' || b.indentRight === undefined) return;
    const w = textWidth(b.runs.map((r) => r.text).join(''), ADVANCE.sanhao);
    const room = TYPE_WIDTH - FIT_SLACK;
    if (b.indentRight * INDENT_CHAR + w <= room) return;
    if (w > room) b.scale = Math.floor((100 * room) / w);
    const width = b.scale ? (w * b.scale) / 100 : w;
    b.indentRight = Math.floor((100 * (room - width)) / INDENT_CHAR) / 100;
    const date = out[i + 1];
    if (date?.role === 'date' && date.indentLeft !== undefined) {
      date.indentLeft = Math.round((100 * (TYPE_WIDTH - b.indentRight * INDENT_CHAR - width)) / INDENT_CHAR) / 100 + 2;
    }
  });
  return out;
}

/** The narrowest a 印发机关 is set (w:w, percent) to keep its 印发日期 on its line. */
export const PRINTED_MIN_SCALE = 70;

/**
 * The 印发机关 and 印发日期 on one line (§7.4.3: 印发机关左空一字，印发日期右空一字): a 印发机关 too long to leave at
 * least a character between it and the date is set narrower (Block.scale, down to 70 %, as a long 署名 is). Returns
 * the block as set and its lines (a name wider still wraps: its lines, and the date's own if it has no room after it).
 */
export function fitPrinted(b: Block): { block: Block; lines: number } {
  const room = TYPE_WIDTH - 2 * ADVANCE.sihao;
  const name = b.runs.map((r) => r.text).join('');
  const nameWidth = textWidth(name, ADVANCE.sihao);
  const left = room - ADVANCE.sihao - textWidth(b.right ?? '', ADVANCE.sihao);
  if (nameWidth <= left) return { block: b, lines: 1 };
  const scale = Math.floor((100 * left) / nameWidth);
  if (scale >= PRINTED_MIN_SCALE) return { block: { ...b, scale }, lines: 1 };
  // Wrapped as it must: the date follows the name's last line when it leaves the room, else takes a line of its own.
  const lines = lineCount(name, ADVANCE.sihao, 0, room);
  const rest = nameWidth - (lines - 1) * Math.floor(room / ADVANCE.sihao) * ADVANCE.sihao;
  return { block: b, lines: rest <= left ? lines : lines + 1 };
}

/**
 * A 抄送 paragraph's lines, broken after a comma (or 、) so that no organ's name is cut across two lines (市|人民检察院,
 * 团市|委 before): greedy, each line within its width (the first, of the first paragraph, starts at 抄送：). A name
 * wider than a line is left whole on its own line, for the renderer to wrap.
 * width: the line's room in twips (the first line's and the others').
 */
export function copyToLines(text: string, first: number, rest: number): string[] {
  const pieces = text.match(/[^，、,]*[，、,]|[^，、,]+$/g) ?? [text];
  const lines: string[] = [];
  let cur = '';
  for (const piece of pieces) {
    const room = lines.length === 0 ? first : rest;
    // A small margin: LibreOffice sets figures off from Chinese text a little.
    if (cur !== '' && textWidth(cur + piece, ADVANCE.sihao) > room - ADVANCE.sihao / 2) {
      lines.push(cur);
      cur = piece;
    } else cur += piece;
  }
  if (cur !== '') lines.push(cur);
  return lines;
}

/** Unbreakable pieces: a CJK character, or a run of Latin letters and digits. */
function tokens(text: string): string[] {
  return text.match(/[A-Za-z0-9.%]+|[\s\S]/gu) ?? [];
}

/** LibreOffice sets Latin and digit runs off from Chinese text by about 3.3 pt on each side, whatever
 * w:autoSpaceDE says (Word, told not to, does not: lines with figures hold a little more there). */
export const AUTOSPACE = 66;
/** Marks LibreOffice 7.4 lets hang past the right edge: it reads w:overflowPunct inverted (see README). */
const HANGS = '，。、；：？！）》”’';

/**
 * How many lines a paragraph takes, as LibreOffice breaks it: greedy; a closing mark that does not fit hangs
 * in the margin; a piece that may not start a line pulls the one before it down; an opener never ends a line.
 */
export function lineCount(text: string, advance: number, firstIndent: number, width = TYPE_WIDTH): number {
  const toks = tokens(text);
  if (!toks.length) return 1;
  const isLatin = (t: string | undefined) => !!t && /^[A-Za-z0-9.%]/.test(t);
  const widthOf = (i: number) => {
    const t = toks[i];
    let w = textWidth(t, advance);
    if (isLatin(t)) {
      if (i > 0 && !isLatin(toks[i - 1])) w += AUTOSPACE;
      if (i + 1 < toks.length && !isLatin(toks[i + 1])) w += AUTOSPACE;
    }
    return w;
  };
  let lines = 1;
  let used = firstIndent;
  let line: number[] = [];
  let hungLast = false;
  for (let i = 0; i < toks.length; i++) {
    const w = widthOf(i);
    const fits = used + w <= width + 1;
    if (fits || (HANGS.includes(toks[i]) && used <= width + 1 && line.length > 0)) {
      used += w;
      line.push(i);
      hungLast = !fits && i === toks.length - 1;
      continue;
    }
    // Break before token i: pull pieces down while the new line would start with a mark or the old end with an opener.
    let carry: number[] = [i];
    while (line.length > 1 && (NO_LINE_START.includes(toks[carry[0]][0]) || NO_LINE_END.includes(toks[line[line.length - 1]].slice(-1)))) {
      carry = [line.pop()!, ...carry];
    }
    lines++;
    line = carry;
    used = carry.reduce((s2, k) => s2 + widthOf(k), 0);
  }
  // LibreOffice gives a paragraph whose last mark hangs an empty line after it.
  return lines + (hungLast ? 1 : 0);
}

const BODY_ROLES: Role[] = ['body', 'heading1', 'heading2', 'heading3', 'heading4', 'addressees', 'attachmentNote', 'tableNote'];

/** Lines (of the 579-twip pitch) a block takes, or twips for the mark. */
export function blockHeight(b: Block): number {
  const text = b.runs.map((r) => r.text).join('') + (b.right ?? '');
  if (b.role === 'mark') return MARK.before + MARK.line;
  // Fitted on one line (markFit, fitClosing).
  if (b.role === 'signature') return PAGE.linePitch;
  if (b.role === 'docNumber') return PAGE.linePitch + RED_RULE_EXTRA;
  if (b.role === 'table' && b.table) {
    return tableRowLines(b.table).reduce((s, n) => s + n, 0) * PAGE.linePitch;
  }
  const first = BODY_ROLES.includes(b.role) && b.role !== 'addressees' && b.role !== 'attachmentNote' && b.role !== 'tableNote' ? 2 * 320 : 0;
  return lineCount(text, b.role === 'title' ? 440 : ADVANCE.sanhao, first) * PAGE.linePitch;
}

/** The attachment table's columns in twips: 单位 wide, five figures. */
export const TABLE_COLUMNS = [3164, 1136, 1136, 1136, 1136, 1136];
const CELL_PAD = 57;

/** Lines each row of the attachment table takes (header first). */
export function tableRowLines(t: { header: string[]; rows: string[][] }): number[] {
  return [t.header, ...t.rows].map((row) =>
    Math.max(...row.map((cell, i) => cell.split('\n').reduce((n, line) => n + lineCount(line, ADVANCE.sihao, 0, TABLE_COLUMNS[i] - 2 * CELL_PAD), 0))),
  );
}
export { CELL_PAD };

/** Roles kept on the page of the paragraph after them. */
export function keepsWithNext(b: Block): boolean {
  return ['heading1', 'heading2', 'heading3', 'heading4', 'title', 'mark', 'docNumber', 'signature', 'attachmentNote', 'attachmentLabel', 'attachmentTitle'].includes(b.role);
}

export interface BodyEnd {
  /** 1-based page the last block ends on. */
  page: number;
  /** Twips of the type area used on that page. */
  used: number;
}

/**
 * Paginates blocks: pageBreakBefore starts a page; a keep-with-next block (and the blank lines of the signature
 * group) moves to the next page with the first line of what follows; lines otherwise fill every page.
 */
export function paginate(blocks: Block[]): BodyEnd {
  let page = 1;
  let used = 0;
  const heights = blocks.map(blockHeight);
  // Keep groups: a run of keep-with-next blocks plus the first line of the next block.
  const keepNext = blocks.map((b, i) => keepsWithNext(b) || (b.role === 'blank' && i + 1 < blocks.length && ['signature', 'blank'].includes(blocks[i + 1].role) && isSignatureGroup(blocks, i)));
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.pageBreakBefore && (used > 0 || page > 1)) {
      page++;
      used = 0;
    }
    if (keepNext[i] && used > 0) {
      let group = 0;
      let j = i;
      while (j < blocks.length && keepNext[j]) group += heights[j++];
      // What must come along of the next block: with widow and orphan control, two lines of a paragraph (all of
      // one of three lines or fewer); two rows of a table; the date whole.
      if (j < blocks.length) {
        const n = heights[j] / PAGE.linePitch;
        group += blocks[j].role === 'table' ? 2 * PAGE.linePitch : blocks[j].role === 'date' || n <= 3 ? heights[j] : 2 * PAGE.linePitch;
      }
      if (used + group > TYPE_HEIGHT) {
        page++;
        used = 0;
      }
    }
    let h = heights[i];
    if (b.role === 'mark' || b.role === 'date' || b.role === 'docNumber') {
      if (used + h > TYPE_HEIGHT && used > 0) {
        page++;
        used = 0;
      }
      used += h;
      continue;
    }
    // Line by line (rows of a table likewise: rows are a whole number of lines), with widow and orphan control
    // for paragraphs: never a single line of a paragraph at the foot or the top of a page.
    const paragraph = b.role !== 'table';
    while (h > 0) {
      const room = Math.floor((TYPE_HEIGHT - used) / PAGE.linePitch) * PAGE.linePitch;
      if (room <= 0) {
        page++;
        used = 0;
        continue;
      }
      let take = Math.min(room, h);
      if (paragraph && take < h) {
        take = Math.min(take, h - 2 * PAGE.linePitch);
        if (take < 2 * PAGE.linePitch) {
          page++;
          used = 0;
          continue;
        }
      }
      used += take;
      h -= take;
      if (h > 0) {
        page++;
        used = 0;
      }
    }
  }
  return { page, used };
}

/** The blank lines before the 署名 (room for the seal) stay with it. */
function isSignatureGroup(blocks: Block[], i: number): boolean {
  let j = i;
  while (j < blocks.length && blocks[j].role === 'blank') j++;
  return blocks[j]?.role === 'signature';
}

/**
 * Where the 版记 goes: at the bottom of the body's last page when that page is even and has clear room (the
 * estimate has a margin of several lines either way), else on a page of its own that starts on the next even
 * page (a section break "even page": Word and LibreOffice insert the blank page before it themselves, so the
 * parity never depends on this estimate).
 */
export type ColophonPlacement = 'same-page' | 'next-even-page';

/** Lines of margin the estimate keeps on each side before it trusts "same page". */
export const ESTIMATE_MARGIN_LINES = 3;

export function colophonPlacement(end: BodyEnd, colophonTwips: number): ColophonPlacement {
  const room = TYPE_HEIGHT - end.used;
  const margin = ESTIMATE_MARGIN_LINES * PAGE.linePitch;
  const clearRoom = room >= colophonTwips + 2 * PAGE.linePitch + margin;
  const clearOfTop = end.used >= margin;
  return end.page % 2 === 0 && clearRoom && clearOfTop ? 'same-page' : 'next-even-page';
}
