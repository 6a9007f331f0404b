/** What the Word host can do, checked at run time. */
export interface WordCapabilities {
  /** WordApi 1.3: content controls by tag, insertOoxml, ranges of a control. */
  basic: boolean;
  /** WordApi 1.5: inserting a whole .docx with its section properties (page size, margins, line grid, page numbers). */
  fileWithSections: boolean;
}

export function wordCapabilities(isSetSupported: (name: string, version: string) => boolean): WordCapabilities {
  return { basic: isSetSupported('WordApi', '1.3'), fileWithSections: isSetSupported('WordApi', '1.5') };
}

export function wordCapabilityNotes(c: WordCapabilities): string[] {
  const out: string[] = [];
  if (!c.basic) out.push('这个版本的 Word 较旧，不能在文档中插入可刷新的通报。请点下面的“下载通报（.docx）”，再用 Word 打开；或升级 Office。');
  if (c.basic && !c.fileWithSections)
    out.push('这个版本的 Word 不能随通报一起设置页面：插入全文时只插入正文，A4、页边距、每页 22 行和页码请在“布局”中按 GB/T 9704 设置；或点“下载通报（.docx）”，得到版式齐全的文件。');
  return out;
}
