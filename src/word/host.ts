/** The Word host as the task pane sees it. */
import { Circular, FigureDiff, SectionId } from '../core';
import { InsertOptions, InsertResult, insertCircular, reconcileCircular, refreshCircular } from './circular';
import { WordCapabilities, wordCapabilities } from './requirements';
import { DocumentStore, officeDocumentStore } from './store';

export interface WordHost {
  /** Whose program this is, for messages naming it: Microsoft Word (default) or WPS 文字. */
  product?: 'office' | 'wps';
  capabilities: WordCapabilities;
  store: DocumentStore;
  insert(c: Circular, ids: SectionId[], opts: InsertOptions): Promise<InsertResult>;
  refresh(c: Circular): Promise<{ refreshed: SectionId[]; missing: SectionId[] }>;
  reconcile(c: Circular): Promise<{ diffs: FigureDiff[]; present: SectionId[] }>;
}

export function officeWordHost(): WordHost {
  const lib = (globalThis as unknown as { Word?: Record<string, unknown> }).Word;
  const capabilities = wordCapabilities((n, v) => Office.context.requirements.isSetSupported(n, v), lib);
  return {
    capabilities,
    store: officeDocumentStore(),
    insert: (c, ids, opts) => Word.run((ctx) => insertCircular(ctx, c, ids, capabilities, opts)),
    refresh: (c) => Word.run((ctx) => refreshCircular(ctx, c)),
    reconcile: (c) => Word.run((ctx) => reconcileCircular(ctx, c)),
  };
}
