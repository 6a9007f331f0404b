/**
 * The last data and options kept inside the document (Office document settings, which travel with the file), so
 * refresh and reconcile work after the document is reopened without the ledger.
 *
 * Stored compactly: the findings are kept as counts per rule and unit (all the circular uses), so 40,000 findings
 * take a few kilobytes instead of about 2 MB. Past MAX_DATA_CHARS the save is refused with a message.
 */
import { BanliError, CircularData, CircularOptions, isCircularData } from '../core';

export const DATA_SETTING = 'banli.circular.v1';
/** The most the kept data may take in the document's settings. */
export const MAX_DATA_CHARS = 1_000_000;

export interface Saved {
  data: CircularData;
  options: CircularOptions;
}

export interface DocumentStore {
  load(): Saved | null;
  save(saved: Saved): Promise<void>;
}

type Finding = CircularData['findings'][number];

/** The text kept in the document: findings as [rule, unit, count]. */
export function packSaved(saved: Saved): string {
  const counts = new Map<string, [Finding['rule'], string | null, number]>();
  for (const f of saved.data.findings) {
    const key = JSON.stringify([f.rule, f.unit]);
    const c = counts.get(key) ?? [f.rule, f.unit, 0];
    c[2]++;
    counts.set(key, c);
  }
  return JSON.stringify({ ...saved, data: { ...saved.data, findings: [], findingCounts: [...counts.values()] } });
}

export function parseSaved(value: unknown): Saved | null {
  if (typeof value !== 'string') return null;
  try {
    const s = JSON.parse(value) as Saved & { data: { findingCounts?: Array<[Finding['rule'], string | null, number]> } };
    if (s && s.data && Array.isArray(s.data.findingCounts)) {
      const { findingCounts, ...data } = s.data;
      s.data = { ...data, findings: findingCounts.flatMap(([rule, unit, n]) => Array.from({ length: n }, () => ({ rule, unit }))) } as CircularData;
    }
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
        const text = packSaved(saved);
        if (text.length > MAX_DATA_CHARS) {
          reject(new BanliError('too-large', `这份台账的数据太大（${text.length.toLocaleString('en-US')} 个字符），无法保存在文档中：通报已插入，但以后“刷新数据”和“核对”需要重新打开台账。`));
          return;
        }
        settings.set(DATA_SETTING, text);
        settings.saveAsync((r) => (r.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(new Error(r.error?.message ?? '设置未能保存'))));
      }),
  };
}
