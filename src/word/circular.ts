/**
 * The circular in an open Word document: insert at the cursor (whole or by section), refresh Banli's sections
 * from new data, reconcile them against the ledger. Every section lives in a content control tagged
 * banli:<section>; nothing outside those controls is touched. One insertOoxml (or one file insert) for a new
 * insertion and at most three context.sync() calls per action. A document counts as empty (and gets the complete
 * .docx) only when empty.ts finds nothing at all in it, headers and footers included.
 */
import { Circular, FigureDiff, SECTION_IDS, SectionId, flatOpc, reconcile, sectionContentOpc, sectionTag } from '../core';
import { probeEmpty } from './empty';
import { WordCapabilities } from './requirements';

export type PageSetup = 'applied' | 'not-empty' | 'unsupported' | 'sections-only';

export type InsertResult =
  | { kind: 'conflict'; existing: SectionId[] }
  | { kind: 'inserted'; inserted: SectionId[]; replaced: SectionId[]; pageSetup: PageSetup };

function probe(context: Word.RequestContext, ids: readonly SectionId[], props: string) {
  return ids.map((id) => {
    const list = context.document.contentControls.getByTag(sectionTag(id));
    list.load(props);
    return { id, list };
  });
}

/** Replaces what a Banli control holds with the section as composed now; the control itself stays. */
function replaceContents(cc: Word.ContentControl, c: Circular, id: SectionId): void {
  if (id === 'colophon') {
    // The colophon's control is inline, around the anchored text box: its paragraph is replaced whole.
    cc.getRange('Whole').paragraphs.getFirst().insertOoxml(sectionContentOpc(c, id), 'Replace');
  } else cc.insertOoxml(sectionContentOpc(c, id), 'Replace');
}

export interface InsertOptions {
  /** Replace sections already in the document (after the clerk said yes). */
  replace: boolean;
  /** The complete .docx, base64, for the whole circular into an empty document (section properties come with it). */
  docxBase64?: () => Promise<string>;
}

export async function insertCircular(context: Word.RequestContext, c: Circular, ids: SectionId[], caps: WordCapabilities, opts: InsertOptions): Promise<InsertResult> {
  const whole = ids.length === SECTION_IDS.length;
  const probes = probe(context, ids, 'items');
  // Whether the document is empty is asked only when the whole circular is inserted.
  const emptiness = whole ? probeEmpty(context, caps) : null;
  await context.sync();

  const existing = probes.filter((p) => p.list.items.length > 0).map((p) => p.id);
  if (existing.length && !opts.replace) return { kind: 'conflict', existing };
  const empty = !existing.length && emptiness ? await emptiness.empty() : false;
  if (empty && opts.docxBase64) {
    const base64 = await opts.docxBase64();
    if (caps.fileWithSections) {
      // Each option only where its own requirement set is there (WordApi 1.5; odd/even pages 1.7).
      const options: Word.InsertFileOptions = { importStyles: true, importParagraphSpacing: true };
      if (caps.oddEvenPages) options.importDifferentOddEvenPages = true;
      context.document.insertFileFromBase64(base64, 'Replace', options);
      await context.sync();
      return { kind: 'inserted', inserted: ids, replaced: [], pageSetup: 'applied' };
    }
    // No document-level insert (WordApi < 1.5, or an office.js without it): the body's (WordApi 1.1) brings the
    // text and tables; page size and margins are the document's own.
    context.document.body.insertFileFromBase64(base64, 'Replace');
    await context.sync();
    return { kind: 'inserted', inserted: ids, replaced: [], pageSetup: 'unsupported' };
  }
  for (const p of probes) for (const cc of p.list.items) replaceContents(cc, c, p.id);
  const fresh = ids.filter((id) => !existing.includes(id));
  if (fresh.length) context.document.getSelection().insertOoxml(flatOpc(c, fresh), 'Replace');
  await context.sync();
  const pageSetup: PageSetup = !whole ? 'sections-only' : emptiness && !empty ? 'not-empty' : 'unsupported';
  return { kind: 'inserted', inserted: fresh, replaced: existing, pageSetup };
}

/** 刷新数据: every Banli section found gets its contents from the current data; two context.sync() calls. */
export async function refreshCircular(context: Word.RequestContext, c: Circular): Promise<{ refreshed: SectionId[]; missing: SectionId[] }> {
  const probes = probe(context, SECTION_IDS, 'items');
  await context.sync();
  const refreshed: SectionId[] = [];
  for (const p of probes) {
    if (!p.list.items.length) continue;
    for (const cc of p.list.items) replaceContents(cc, c, p.id);
    refreshed.push(p.id);
  }
  if (refreshed.length) await context.sync();
  return { refreshed, missing: SECTION_IDS.filter((id) => !refreshed.includes(id)) };
}

/** 核对: the figures and lists inside Banli's sections that differ from the data; one context.sync(). */
export async function reconcileCircular(context: Word.RequestContext, c: Circular): Promise<{ diffs: FigureDiff[]; present: SectionId[] }> {
  const probes = probe(context, SECTION_IDS, 'items/text');
  await context.sync();
  const texts: Partial<Record<SectionId, string>> = {};
  for (const p of probes) if (p.list.items.length) texts[p.id] = p.list.items.map((i) => i.text).join('\n');
  return { diffs: reconcile(c, texts), present: Object.keys(texts) as SectionId[] };
}
