/** 核对: which computed figures and lists are no longer in the document's Banli sections (someone typed over them). */
import { Circular, SECTION_NAMES, SectionId } from './model';

export interface FigureDiff {
  section: SectionId;
  sectionName: string;
  /** The figure or list as the ledger gives it. */
  expected: string;
  /** Words around it in the circular, to find the place. */
  context: string;
}

const squash = (s: string) => s.replace(/[\s\u3000]+/g, '');

/**
 * For each section present in the document (its text by section id), the computed runs whose text is not found
 * in it. Sections absent from the document are not reported: they were never inserted or were deleted on purpose.
 */
export function reconcile(c: Circular, texts: Partial<Record<SectionId, string>>): FigureDiff[] {
  const out: FigureDiff[] = [];
  for (const s of c.sections) {
    const text = texts[s.id];
    if (text === undefined) continue;
    const have = squash(text);
    for (const b of s.blocks) {
      b.runs.forEach((r, i) => {
        if (!r.computed || r.text.trim() === '') return;
        if (have.includes(squash(r.text))) return;
        const before = b.runs.slice(Math.max(0, i - 1), i).map((x) => x.text).join('').slice(-12);
        out.push({ section: s.id, sectionName: SECTION_NAMES[s.id], expected: r.text, context: `${before}【${r.text}】` });
      });
    }
  }
  return out;
}
