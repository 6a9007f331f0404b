/**
 * Banli's settings (banli.config.json's content) kept WITH THE DOCUMENT: Office document settings
 * (`Office.context.document.settings`, the common API every Excel and Word that runs add-ins has), under one key,
 * written only when the clerk presses 保存 (set + saveAsync). Read back when the pane opens; a stored value that is
 * not valid settings is reported and not used, never crashed on. Saving the defaults removes the key: the document
 * is as before.
 */
import type { ConfigFile } from '../core';
import { CONFIG_SETTING, StoredConfig, readStored } from './stored';
import { defaultSettings, sameSettings } from './form';

export { readStored, CONFIG_SETTING };
export type { StoredConfig };

/** The members of Office.Settings Banli calls (checked on the object itself: office.js defines them per instance). */
export const DOCUMENT_SETTINGS_MEMBERS = ['get', 'set', 'remove', 'saveAsync'] as const;

export interface DocumentSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(callback?: (result: { status: unknown; error?: { message?: string } | null }) => void): void;
}

/** Whether the object has every member Banli calls (an older or odd office.js, or none at all, has not). */
export function documentSettingsUsable(settings: unknown): settings is DocumentSettings {
  if (!settings || typeof settings !== 'object') return false;
  return DOCUMENT_SETTINGS_MEMBERS.every((m) => typeof (settings as Record<string, unknown>)[m] === 'function');
}

/** Settings as a store holds them: read (the read itself may fail), or why they are not used. doc: 工作簿, 文档. */
export function loadStored(read: () => unknown, doc: string): StoredConfig {
  try {
    return readStored(read(), `${doc}中`);
  } catch (e) {
    return { file: null, problem: `无法读取${doc}中保存的设置（${String((e as Error)?.message ?? e)}），检查按默认设置进行。` };
  }
}

/** The text a store keeps for these settings; null for the defaults (nothing is kept, the document is as before). */
export function storedText(file: ConfigFile): string | null {
  return sameSettings(file, defaultSettings()) ? null : JSON.stringify(file);
}

export interface ConfigStore {
  load(): StoredConfig;
  /** Writes the settings into the document (the defaults: removes Banli's key). */
  save(file: ConfigFile): Promise<void>;
}

/**
 * The store over the document's settings; `succeeded` is Office.AsyncResultStatus.Succeeded; `program` and `doc`
 * name the program and its document in messages (Excel and 工作簿, Word and 文档).
 */
export function documentConfigStore(settings: DocumentSettings, succeeded: unknown = 'succeeded', program = 'Excel', doc = '工作簿'): ConfigStore {
  return {
    load: () => loadStored(() => settings.get(CONFIG_SETTING), doc),
    save: (file) =>
      new Promise<void>((resolve, reject) => {
        const before = settings.get(CONFIG_SETTING);
        const put = (v: unknown) => (v === null || v === undefined ? settings.remove(CONFIG_SETTING) : settings.set(CONFIG_SETTING, v));
        put(storedText(file));
        const failed = (why: string | undefined) => {
          put(before); // not saved: the document's settings stay what the document holds
          reject(new Error(`${program} 没有保存设置（${why || '没有说明原因'}）。请稍后再点一次“保存”。`));
        };
        try {
          settings.saveAsync((r) => (r.status === succeeded ? resolve() : failed(r.error?.message)));
        } catch (e) {
          failed(String((e as Error)?.message ?? e));
        }
      }),
  };
}
