/**
 * Which cell formats show a date: the built-in number formats by id and custom format codes by their letters
 * (yyyy"年"m"月"d"日", [$-F800]dddd, mmmm d, yyyy, h:mm…), outside quoted text, escapes and colours.
 */
import { ZipEntry } from './zip';
import { streamXml } from './xml';

/** Built-in ids that are dates or times (ECMA-376 18.8.30, plus the East Asian ids 27–36 and 50–58). */
const BUILTIN_DATE_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** True when a number format code shows the number as a date or time. */
export function isDateFormat(code: string): boolean {
  // Only the first section matters for positive serials.
  let s = code;
  // System long date / time: [$-F800], [$-F400] (with or without a locale prefix).
  if (/\[\$-[0-9A-Fa-f]*F[84]00\]/.test(s)) return true;
  s = s
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/_./g, '')
    .replace(/\*./g, '');
  // Elapsed time [h] [mm] [ss] is a time; other brackets (colours, conditions, locales) are not.
  if (/\[(h+|m+|s+)\]/i.test(s)) return true;
  s = s.replace(/\[[^\]]*\]/g, '');
  s = s.split(';')[0];
  if (/^general$/i.test(s.trim())) return false;
  // Date/time letters; E/e (year in some locales), B1/B2 (Buddhist / Hijri years), G (era).
  s = s.replace(/am\/pm|a\/p/gi, 'h').replace(/e[+-]/gi, '');
  return /[dmyhseg]|b[12]/i.test(s);
}

export function readStyles(buf: Uint8Array, entry: ZipEntry | undefined, limit: number): boolean[] {
  if (!entry) return [];
  const custom = new Map<number, string>();
  const xfFormats: number[] = [];
  let inCellXfs = false;
  streamXml(buf, entry, limit, {
    open(name, a) {
      if (name === 'numFmt') custom.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) xfFormats.push(Number(a.numFmtId ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return xfFormats.map((id) => {
    const code = custom.get(id);
    return code !== undefined ? isDateFormat(code) : BUILTIN_DATE_IDS.has(id);
  });
}
