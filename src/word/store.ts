/**
 * The last data and options kept inside the document (Office document settings, which travel with the file), so
 * refresh and reconcile work after the document is reopened without the ledger.
 */
import { CircularData, CircularOptions, isCircularData } from '../core';

export const DATA_SETTING = 'banli.circular.v1';

export interface Saved {
  data: CircularData;
  options: CircularOptions;
}

export interface DocumentStore {
  load(): Saved | null;
  save(saved: Saved): Promise<void>;
}

export function parseSaved(value: unknown): Saved | null {
  if (typeof value !== 'string') return null;
  try {
    const s = JSON.parse(value) as Saved;
    return s && isCircularData(s.data) && s.options && typeof s.options.docNumber === 'string' ? s : null;
  } catch {
    return null;
  }
}

/** Office.context.document.settings (common API: every Word version that runs add-ins). */
export function officeDocumentStore(): DocumentStore {
  const settings = Office.context.document.settings;
  return {
    load: () => parseSaved(settings.get(DATA_SETTING)),
    save: (saved) =>
      new Promise((resolve, reject) => {
        settings.set(DATA_SETTING, JSON.stringify(saved));
        settings.saveAsync((r) => (r.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(new Error(r.error?.message ?? '设置未能保存'))));
      }),
  };
}
