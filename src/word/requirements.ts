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
  if (!c.basic) out.push('这个版本的 Word 太旧（不支持 WordApi 1.3），无法插入可刷新的通报。请下载 .docx 后用 Word 打开，或升级 Office。');
  if (c.basic && !c.fileWithSections)
    out.push('这个版本的 Word 不支持带页面设置插入文件（需要 WordApi 1.5）：插入全文时只插入正文，A4、页边距、每页 22 行和页码请在“布局”中按 GB/T 9704 设置，或下载 .docx 使用。');
  return out;
}
