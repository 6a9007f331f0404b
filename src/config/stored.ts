/** Settings kept somewhere (a workbook, the page's browser storage) read back: settings, nothing, or a problem to report. */
import type { ConfigFile } from '../core';
import { configIssues, parseConfigText } from './validate';

/** The Office document setting (Excel pane) that holds 设置. */
export const CONFIG_SETTING = 'banli.config';
/** WPS 表格: Banli's very hidden sheet, and the key of 设置 in it (rows of key, "j"-prefixed chunks). */
export const STORE_SHEET = '办理助手数据';
export const WPS_CONFIG_KEY = 'banli.config.v1';

export interface StoredConfig {
  /** The settings kept, or null (none, or not usable). */
  file: ConfigFile | null;
  /** Why the kept value was not used, in Chinese; null when there is nothing to say. */
  problem: string | null;
}

/** What a kept value (its JSON text, or the object itself) means; `where` names the place: 工作簿中, 本浏览器中. */
export function readStored(value: unknown, where = '工作簿中'): StoredConfig {
  if (value === null || value === undefined || value === '') return { file: null, problem: null };
  const r = typeof value === 'string' ? parseConfigText(value) : null;
  const issues = r ? (r.ok ? [] : r.issues) : configIssues(value);
  if (!issues.length) return { file: r && r.ok ? r.file : (value as ConfigFile), problem: null };
  return {
    file: null,
    problem: `${where}保存的设置有 ${issues.length} 处问题，没有使用（检查按默认设置进行）：${issues.map((i) => i.text).join(' ')} 请在“设置”中改正后保存。`,
  };
}
