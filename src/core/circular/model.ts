/** The circular as data: blocks with a role, grouped into sections, each a list of runs of text. */

export type Role =
  | 'blank'
  | 'mark' // 发文机关标志
  | 'docNumber' // 发文字号 (carries the red rule below it)
  | 'title'
  | 'addressees'
  | 'body'
  | 'heading1' // 一、
  | 'heading2' // （一）
  | 'heading3' // 1.
  | 'heading4' // （1）
  | 'signature' // 发文机关署名
  | 'date' // 成文日期
  | 'attachmentNote' // 附件说明 (after the body)
  | 'attachmentLabel' // 附件 (top left of the attachment's first page)
  | 'attachmentTitle' // the attachment's title
  | 'table' // the attachment's table (Block.table)
  | 'tableNote' // the note under it
  | 'copyTo' // 抄送
  | 'printedBy'; // 印发机关 and 印发日期

export interface Run {
  text: string;
  /** A computed figure or list: refreshed from the ledger, checked by 核对. */
  computed?: boolean;
}

export interface Block {
  role: Role;
  runs: Run[];
  /** printedBy: the text set flush right on the same line (印发日期 + 印发). */
  right?: string;
  /** signature, date: right indent in characters (§7.3.5). */
  indentRight?: number;
  /** date without a seal: left indent in characters, set flush left (its first character two right of the 署名's). */
  indentLeft?: number;
  /** Character scaling in percent (w:w) that keeps a line longer than the type width on one line (a very long 署名). */
  scale?: number;
  /** Starts a new page (the attachment). */
  pageBreakBefore?: boolean;
  /** role 'table': a header row and the rows, all text. */
  table?: { header: string[]; rows: string[][] };
}

export const SECTION_IDS = ['header', 'title', 'addressees', 'opening', 'part1', 'part2', 'part3', 'date', 'colophon'] as const;
export type SectionId = (typeof SECTION_IDS)[number];

export const SECTION_NAMES: Record<SectionId, string> = {
  header: '版头',
  title: '标题',
  addressees: '主送',
  opening: '开头',
  part1: '一',
  part2: '二',
  part3: '三',
  date: '署名和日期',
  colophon: '版记',
};

export interface Section {
  id: SectionId;
  blocks: Block[];
}

export interface Circular {
  sections: Section[];
  /** For the document's properties. */
  title: string;
}

export function sectionTag(id: SectionId): string {
  return `banli:${id}`;
}

export function blockText(b: Block): string {
  if (b.table) return [b.table.header, ...b.table.rows].map((r) => r.join('\t')).join('\n');
  return b.runs.map((r) => r.text).join('') + (b.right ? b.right : '');
}

export function plainText(c: Circular): string {
  return c.sections.flatMap((s) => s.blocks.map(blockText)).join('\n');
}
