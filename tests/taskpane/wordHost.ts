/** The Word pane's host for jsdom tests: the real Word adapter over the fake document, and a document store in memory. */
import { insertCircular, reconcileCircular, refreshCircular } from '../../src/word/circular';
import { WordHost } from '../../src/word/host';
import { DocumentStore, Saved, parseSaved } from '../../src/word/store';
import { FakeWord } from '../helpers/wordMock';

/** Document settings that survive "reopening": a string, as Office keeps them. */
export function memoryStore(): DocumentStore & { raw: string | null } {
  const store = {
    raw: null as string | null,
    load: () => parseSaved(store.raw),
    save: async (s: Saved) => {
      store.raw = JSON.stringify(s);
    },
  };
  return store;
}

export function hostOver(fake: FakeWord, store: DocumentStore = memoryStore(), caps = { basic: true, fileWithSections: true }): WordHost {
  return {
    capabilities: caps,
    store,
    insert: (c, ids, o) => insertCircular(fake.context(), c, ids, caps, o),
    refresh: (c) => refreshCircular(fake.context(), c),
    reconcile: (c) => reconcileCircular(fake.context(), c),
  };
}
