/** The Word host as the task pane sees it. */
import { Circular, FigureDiff, SectionId } from '../core';
import { InsertOptions, InsertResult, insertCircular, reconcileCircular, refreshCircular } from './circular';
import { WordCapabilities, wordCapabilities } from './requirements';
import { DocumentStore, officeDocumentStore } from './store';
import { ConfigStore, documentConfigStore, documentSettingsUsable } from '../config/documentStore';

export interface WordHost {
  /** Whose program this is, for messages naming it: Microsoft Word (default) or WPS 文字. */
  product?: 'office' | 'wps';
  capabilities: WordCapabilities;
  store: DocumentStore;
  /** Where 设置 are kept with the document (absent where the host cannot keep them: they hold for the session). */
  settings?: ConfigStore;
  insert(c: Circular, ids: SectionId[], opts: InsertOptions): Promise<InsertResult>;
  refresh(c: Circular): Promise<{ refreshed: SectionId[]; missing: SectionId[] }>;
  reconcile(c: Circular): Promise<{ diffs: FigureDiff[]; present: SectionId[] }>;
}

export function officeWordHost(): WordHost {
  const lib = (globalThis as unknown as { Word?: Record<string, unknown> }).Word;
  const capabilities = wordCapabilities((n, v) => Office.context.requirements.isSetSupported(n, v), lib);
  const settings = Office.context.document?.settings;
  return {
    capabilities,
    store: officeDocumentStore(),
    settings: documentSettingsUsable(settings) ? documentConfigStore(settings, Office.AsyncResultStatus.Succeeded, 'Word', '文档') : undefined,
    insert: (c, ids, opts) => Word.run((ctx) => insertCircular(ctx, c, ids, capabilities, opts)),
    refresh: (c) => Word.run((ctx) => refreshCircular(ctx, c)),
    reconcile: (c) => Word.run((ctx) => reconcileCircular(ctx, c)),
  };
}
