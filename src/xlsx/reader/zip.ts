/**
 * The package's parts, straight from the bytes: the central directory (ZIP64 included) and a streaming inflate
 * per part with fflate, so a part is never held whole in memory and its inflated size is counted as it comes.
 * No DOM, no Node modules: the same code runs in the CLI, worker threads and a browser Web Worker.
 */
import { Inflate, strFromU8 } from 'fflate';

export interface ZipEntry {
  /** The name as stored, '/'-separated, without a leading '/'. */
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/**
 * What is wrong with the zip, for the caller's Chinese message: `end` no end-of-central-directory record (the file
 * stops early: cut off in a download or copy); `directory` the central directory or its ZIP64 records are damaged;
 * `entry` a part's local header is damaged or its data runs past the end of the file; `encrypted` a part is
 * zip-encrypted; `method` a compression method other than stored or deflate; `inflate` a part's data does not
 * inflate (its bytes are corrupt).
 */
export type ZipProblem = 'end' | 'directory' | 'entry' | 'encrypted' | 'method' | 'inflate';

/** Why a package or one of its parts cannot be read as a zip (the caller turns it into a Chinese message). */
export class ZipFormatError extends Error {
  constructor(
    readonly problem: ZipProblem,
    /** The part concerned (xl/workbook.xml), or null for the package as a whole. */
    readonly part: string | null,
    /** The technical text (English), for debugging only. */
    detail: string,
  ) {
    super(detail);
  }
}

/** An inflated part grew past the limit (the caller turns it into error code "too-large"). */
export class PartTooLargeError extends Error {
  constructor(
    readonly part: string,
    readonly limit: number,
    /** 'ratio': it inflates far more than any spreadsheet XML does (a zip bomb), refused before reaching the size. */
    readonly reason: 'size' | 'ratio' = 'size',
  ) {
    super(`${part} inflates past ${reason === 'size' ? `${limit} bytes` : `${limit}:1`}`);
  }
}

/**
 * Spreadsheet XML deflates about 5–20:1 (a million formatted empty rows about 30:1); zip bombs 1000:1. Past
 * RATIO_AFTER inflated bytes, a part inflating more than MAX_RATIO times the compressed bytes read so far is
 * refused at once, rather than tokenised up to the size limit.
 */
export const MAX_RATIO = 250;
const RATIO_AFTER = 8 * 1024 * 1024;

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16)) + b[o + 3] * 0x1000000;
const u64 = (b: Uint8Array, o: number) => u32(b, o) + u32(b, o + 4) * 0x100000000;

/** The entries of a zip, by lower-cased name (part names in a package are case-insensitive). */
export function readEntries(buf: Uint8Array): Map<string, ZipEntry> {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf[i] === 0x50 && buf[i + 1] === 0x4b && buf[i + 2] === 0x05 && buf[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError('end', null, 'no end of central directory');
  let count = u16(buf, eocd + 10);
  let cdOffset = u32(buf, eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || u32(buf, loc) !== 0x07064b50) throw new ZipFormatError('directory', null, 'no zip64 locator');
    const z = u64(buf, loc + 8);
    if (z + 56 > buf.length || u32(buf, z) !== 0x06064b50) throw new ZipFormatError('directory', null, 'bad zip64 end record');
    count = u64(buf, z + 32);
    cdOffset = u64(buf, z + 48);
  }
  const out = new Map<string, ZipEntry>();
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || u32(buf, p) !== 0x02014b50) throw new ZipFormatError('directory', null, 'bad central directory');
    const flags = u16(buf, p + 8);
    const method = u16(buf, p + 10);
    let compressedSize = u32(buf, p + 20);
    let size = u32(buf, p + 24);
    const nameLen = u16(buf, p + 28);
    const extraLen = u16(buf, p + 30);
    const commentLen = u16(buf, p + 32);
    let localOffset = u32(buf, p + 42);
    const name = strFromU8(buf.subarray(p + 46, p + 46 + nameLen), !(flags & 0x800)).replace(/\\/g, '/').replace(/^\/+/, '');
    // ZIP64 extra field: the 64-bit values, present only for the fields that overflowed, in this order.
    let e = p + 46 + nameLen;
    const eEnd = e + extraLen;
    while (e + 4 <= eEnd) {
      const id = u16(buf, e);
      const len = u16(buf, e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        if (size === 0xffffffff) {
          size = u64(buf, q);
          q += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(buf, q);
          q += 8;
        }
        if (localOffset === 0xffffffff) localOffset = u64(buf, q);
      }
      e += 4 + len;
    }
    out.set(name.toLowerCase(), { name, method, flags, compressedSize, size, localOffset });
    p = eEnd + commentLen;
  }
  return out;
}

/** Feeds a part's inflated bytes to onChunk, a slice at a time; throws PartTooLargeError past `limit` bytes. */
export function inflateEntry(buf: Uint8Array, entry: ZipEntry, limit: number, onChunk: (chunk: Uint8Array) => void): void {
  const h = entry.localOffset;
  if (h + 30 > buf.length || u32(buf, h) !== 0x04034b50) throw new ZipFormatError('entry', entry.name, `bad local header for ${entry.name}`);
  if (entry.flags & 1) throw new ZipFormatError('encrypted', entry.name, `${entry.name} is encrypted`);
  const start = h + 30 + u16(buf, h + 26) + u16(buf, h + 28);
  const end = start + entry.compressedSize;
  if (end > buf.length) throw new ZipFormatError('entry', entry.name, `${entry.name} is cut short`);
  // A declared size over the limit is refused before any work; the count below catches a size that lies.
  if (entry.size > limit) throw new PartTooLargeError(entry.name, limit);
  if (entry.method === 0) {
    for (let i = start; i < end; i += 1 << 16) onChunk(buf.subarray(i, Math.min(end, i + (1 << 16))));
    return;
  }
  if (entry.method !== 8) throw new ZipFormatError('method', entry.name, `${entry.name} uses compression method ${entry.method}`);
  let total = 0;
  let consumed = 0;
  const inflate = new Inflate((chunk) => {
    total += chunk.length;
    if (total > limit) throw new PartTooLargeError(entry.name, limit);
    if (total > RATIO_AFTER && total > consumed * MAX_RATIO) throw new PartTooLargeError(entry.name, MAX_RATIO, 'ratio');
    onChunk(chunk);
  });
  // Small input slices keep each inflated chunk small (deflate expands at most ~1032:1).
  const STEP = 1 << 14;
  try {
    for (let i = start; i < end; i += STEP) {
      consumed += Math.min(STEP, end - i);
      inflate.push(buf.subarray(i, Math.min(end, i + STEP)), i + STEP >= end);
    }
    if (start === end) inflate.push(new Uint8Array(0), true);
  } catch (e) {
    // fflate's own errors carry a numeric code; anything else came from onChunk and goes on as it is.
    if (typeof (e as { code?: unknown })?.code === 'number') throw new ZipFormatError('inflate', entry.name, `${entry.name}: ${(e as Error).message}`);
    throw e;
  }
}
