/**
 * Whether the open document is empty, so that 插入全文 may replace it with the complete .docx. Empty means no text,
 * no tables, no pictures (inline or floating), no shapes or text boxes, no content controls, no equations or
 * embedded objects in the body, and nothing of that in any header or footer. Anything else: insert at the cursor.
 */
import { WordCapabilities } from './requirements';

/** Body content of a flat-OPC package (body.getOoxml()) or of a header/footer: anything a person put there. */
export function ooxmlHasContent(xml: string): boolean {
  // Only the main part's body (or the header/footer part) counts: styles, theme and section properties do not.
  const parts = [...xml.matchAll(/<w:body>([\s\S]*?)<\/w:body>|<w:hdr\b[^>]*>([\s\S]*?)<\/w:hdr>|<w:ftr\b[^>]*>([\s\S]*?)<\/w:ftr>/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
  const content = (parts.length ? parts.join('') : xml).replace(/<w:sectPr\b[\s\S]*?<\/w:sectPr>/g, '');
  if (/<w:tbl\b|<w:drawing\b|<w:pict\b|<w:object\b|<w:sdt\b|<w:txbxContent\b|<m:oMath|<w:fldSimple\b|<w:instrText\b/.test(content)) return true;
  for (const m of content.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)) if (m[1].trim() !== '') return true;
  return false;
}

const PARTS = ['Primary', 'FirstPage', 'EvenPages'] as const;

/**
 * Queues the body probes (text, tables, inline pictures, content controls, shapes where the host has them, and the
 * body's OOXML for floating pictures and text boxes) for the caller's next context.sync(); after it, `empty()`
 * decides, with one more sync for the headers and footers only when the body is empty.
 */
export function probeEmpty(context: Word.RequestContext, caps: WordCapabilities): { empty: () => Promise<boolean> } {
  const doc = context.document;
  const body = doc.body;
  body.load('text');
  const tables = body.tables;
  tables.load('items');
  const pictures = body.inlinePictures;
  pictures.load('items');
  const controls = body.contentControls;
  controls.load('items');
  const shapes = caps.shapes ? body.shapes : null;
  shapes?.load('items');
  const bodyXml = body.getOoxml();
  const sections = doc.sections;
  sections.load('items');
  return {
    async empty() {
      if (body.text.trim() !== '' || tables.items.length || pictures.items.length || controls.items.length || (shapes && shapes.items.length)) return false;
      if (ooxmlHasContent(bodyXml.value)) return false;
      const parts = sections.items.flatMap((s) => PARTS.flatMap((p) => [s.getHeader(p).getOoxml(), s.getFooter(p).getOoxml()]));
      await context.sync();
      return !parts.some((h) => ooxmlHasContent(h.value));
    },
  };
}

/** Two context.sync() calls at most. */
export async function isDocumentEmpty(context: Word.RequestContext, caps: WordCapabilities): Promise<boolean> {
  const probe = probeEmpty(context, caps);
  await context.sync();
  return probe.empty();
}
