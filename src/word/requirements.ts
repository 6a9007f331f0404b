/**
 * What the Word host can do, checked at run time: the requirement set (answered by the host) AND every proxy member
 * used, in the office.js library the pane loaded (an older self-hosted office.js lacks e.g.
 * Document.insertFileFromBase64 even when the host has WordApi 1.5).
 */
import { Library, hasMember } from '../excel/requirements';

// The optional ones: a capability object written before they existed means "not available".
export interface WordCapabilities {
  /** WordApi 1.3: content controls by tag, insertOoxml, ranges of a control, tables and pictures of the body. */
  basic: boolean;
  /** WordApi 1.5: inserting a whole .docx into the document with its section properties (page size, margins, line grid, page numbers). */
  fileWithSections: boolean;
  /** WordApi 1.7: the insertFileOptions option importDifferentOddEvenPages. */
  oddEvenPages?: boolean;
  /** WordApiDesktop 1.2: floating shapes and text boxes of the body (else read from the body's OOXML). */
  shapes?: boolean;
}

export type WordCapability = keyof WordCapabilities;

export const WORD_SETS: Record<WordCapability, [string, string]> = {
  basic: ['WordApi', '1.3'],
  fileWithSections: ['WordApi', '1.5'],
  oddEvenPages: ['WordApi', '1.7'],
  shapes: ['WordApiDesktop', '1.2'],
};

/** Every proxy member the Word adapters touch, with the capability that guards it (see EXCEL_MEMBERS). */
export const WORD_MEMBERS: Array<[cls: string, member: string, guard: WordCapability]> = [
  ['Document', 'body', 'basic'],
  ['Document', 'contentControls', 'basic'],
  ['Document', 'getSelection', 'basic'],
  ['Document', 'sections', 'basic'],
  ['Body', 'text', 'basic'],
  ['Body', 'tables', 'basic'],
  ['Body', 'inlinePictures', 'basic'],
  ['Body', 'contentControls', 'basic'],
  ['Body', 'getOoxml', 'basic'],
  ['Body', 'insertFileFromBase64', 'basic'],
  ['SectionCollection', 'items', 'basic'],
  ['Section', 'getHeader', 'basic'],
  ['Section', 'getFooter', 'basic'],
  ['TableCollection', 'items', 'basic'],
  ['InlinePictureCollection', 'items', 'basic'],
  ['ContentControlCollection', 'getByTag', 'basic'],
  ['ContentControlCollection', 'items', 'basic'],
  ['ContentControl', 'insertOoxml', 'basic'],
  ['ContentControl', 'getRange', 'basic'],
  ['ContentControl', 'text', 'basic'],
  ['Range', 'paragraphs', 'basic'],
  ['Range', 'insertOoxml', 'basic'],
  ['ParagraphCollection', 'getFirst', 'basic'],
  ['Paragraph', 'insertOoxml', 'basic'],
  ['Document', 'insertFileFromBase64', 'fileWithSections'],
  ['Document', 'insertFileFromBase64', 'oddEvenPages'],
  ['Body', 'shapes', 'shapes'],
  ['ShapeCollection', 'items', 'shapes'],
];

export function wordCapabilities(isSetSupported: (name: string, version: string) => boolean, lib?: Library): WordCapabilities {
  const caps = {} as Required<WordCapabilities>;
  for (const key of Object.keys(WORD_SETS) as WordCapability[]) {
    const [set, version] = WORD_SETS[key];
    caps[key] = isSetSupported(set, version) && WORD_MEMBERS.every(([c, m, g]) => g !== key || hasMember(lib, c, m));
  }
  if (!caps.basic) for (const key of Object.keys(caps) as WordCapability[]) caps[key] = false;
  if (!caps.fileWithSections) caps.oddEvenPages = false;
  return caps;
}

export function wordCapabilityNotes(c: WordCapabilities): string[] {
  const out: string[] = [];
  if (!c.basic) out.push('这个版本的 Word 较旧，不能在文档中插入可刷新的通报。请点下面的“下载通报（.docx）”，再用 Word 打开；或升级 Office。');
  if (c.basic && !c.fileWithSections)
    out.push('这个版本的 Word 不能随通报一起设置页面：插入全文时只插入正文，A4、页边距、每页 22 行和页码请在“布局”中按 GB/T 9704 设置；或点“下载通报（.docx）”，得到版式齐全的文件。');
  return out;
}
