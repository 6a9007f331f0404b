/**
 * 设置 saved WITH A WORKBOOK, found in the file itself, so that wherever the workbook goes (the Word pane, the
 * standalone page) it is checked as it was in Excel or WPS 表格:
 * - Excel keeps an add-in's document settings in the package's web-extension parts
 *   (`xl/webextensions/webextension*.xml`, `<we:property name="banli.config" value="…"/>`, the value JSON-serialised);
 * - WPS 表格 keeps them in Banli's very hidden sheet 办理助手数据 (a row: key, then chunks each prefixed "j").
 * What is found is the raw value: src/config/stored.ts (readStored) validates it.
 */
import { strFromU8 } from 'fflate';
import { Grid } from '../core';
import { CONFIG_SETTING, STORE_SHEET, WPS_CONFIG_KEY } from '../config/stored';
import { inflateEntry, readEntries } from './reader/zip';

const WEB_EXTENSION = /^xl\/webextensions\/webextension\d*\.xml$/i;
/** A web-extension part holds a few settings: anything bigger is not read. */
const PART_LIMIT = 4 << 20;

function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|quot|apos|lt|gt|amp);/gi, (_, e: string) => {
    const k = e.toLowerCase();
    if (k[0] === '#') return String.fromCodePoint(k[1] === 'x' ? parseInt(k.slice(2), 16) : parseInt(k.slice(1), 10));
    return ({ quot: '"', apos: "'", lt: '<', gt: '>', amp: '&' } as Record<string, string>)[k];
  });
}

/** The value of Banli's document setting in an Excel package, as office.js gave it to Banli; undefined when none. */
export function officeSettingValue(bytes: Uint8Array): unknown {
  let entries;
  try {
    entries = readEntries(bytes);
  } catch {
    return undefined;
  }
  for (const [name, entry] of entries) {
    if (!WEB_EXTENSION.test(name)) continue;
    const chunks: string[] = [];
    try {
      inflateEntry(bytes, entry, PART_LIMIT, (c) => chunks.push(strFromU8(c.slice())));
    } catch {
      continue;
    }
    const xml = chunks.join('');
    for (const m of xml.matchAll(/<(?:[\w.-]+:)?property\b([^>]*)\/?>/g)) {
      const attrs = m[1];
      const n = /\bname\s*=\s*"([^"]*)"/.exec(attrs);
      if (!n || unescapeXml(n[1]) !== CONFIG_SETTING) continue;
      const v = /\bvalue\s*=\s*"([^"]*)"/.exec(attrs);
      if (!v) return undefined;
      const raw = unescapeXml(v[1]);
      try {
        return JSON.parse(raw) as unknown; // office.js serialises each setting as JSON
      } catch {
        return raw; // not JSON: readStored reports it
      }
    }
  }
  return undefined;
}

/** The value WPS 表格 kept in Banli's hidden sheet; undefined when none. */
export function wpsSettingValue(grids: Grid[]): string | undefined {
  const g = grids.find((x) => x.sheet === STORE_SHEET);
  if (!g || g.left !== 1) return undefined;
  const row = g.values.find((r) => r[0] === WPS_CONFIG_KEY);
  if (!row) return undefined;
  return row
    .slice(1)
    .map((c) => (typeof c === 'string' ? c.slice(1) : ''))
    .join('');
}

/** Banli's settings saved in this workbook (Excel's first, then WPS's), or undefined. */
export function savedSettingsValue(bytes: Uint8Array, grids: Grid[]): unknown {
  return officeSettingValue(bytes) ?? wpsSettingValue(grids);
}
