/**
 * Expanding the paths given on the command line into workbook files, each counted once: the same file reached twice
 * (given twice, through a folder and by name, through a symbolic link) is checked once; Banli's own annotated copies
 * are skipped; symbolic links are followed, a link back to a folder being walked is not; FIFOs, devices and sockets are
 * reported as not-a-file and never opened.
 */
import { promises as fs, Stats, BigIntStats } from 'fs';
import * as path from 'path';
import { isAnnotatedName, isWorkbookName } from '../core';
import { ErrorInfo, systemMessage } from './errors';
import { isOtherSpreadsheetName, otherFormatMessage, otherFormatOf } from '../xlsx/formats';

export interface PathEntry {
  path: string;
  /** device:inode of the file, when it exists. */
  id?: string;
  /** Set when the path itself could not be used (missing, not a file, or a folder without workbooks). */
  problem?: ErrorInfo;
  /**
   * Given by name (not found in a folder): checked even when it is one of Banli's annotated copies — a copy the clerk
   * corrected and saved is a ledger again. Only folder walks skip copies (there they would be counted twice).
   */
  explicit?: boolean;
}

export type SkipReason = 'duplicate' | 'annotated-copy' | 'link-loop';

export interface SkippedPath {
  path: string;
  reason: SkipReason;
  /** For a duplicate: the path it was first reached by. */
  sameAs?: string;
  message: string;
}

export interface Inputs {
  entries: PathEntry[];
  skipped: SkippedPath[];
}

export { isAnnotatedName };

function idOf(st: BigIntStats): string {
  return `${st.dev}:${st.ino}`;
}

/** device:inode of a path after following links, or null when it cannot be reached. */
export async function identityOf(p: string): Promise<string | null> {
  try {
    return idOf(await fs.stat(p, { bigint: true }));
  } catch {
    return null;
  }
}

function kindText(st: Stats | BigIntStats): string {
  if (st.isFIFO()) return '命名管道（FIFO）';
  if (st.isSocket()) return '套接字';
  if (st.isCharacterDevice() || st.isBlockDevice()) return '设备文件';
  return '特殊文件';
}

export function notAFile(p: string, st: Stats | BigIntStats): ErrorInfo {
  return { code: 'not-a-file', message: `${p} 是${kindText(st)}，不是普通文件，办理助手不会打开它。请给出 .xlsx 工作簿。` };
}

function duplicateMessage(p: string, first: string, kind: '文件' | '文件夹'): string {
  return p === first ? `${kind} ${p} 重复给出，只检查一次。` : `${kind} ${p} 与 ${first} 是同一个${kind}，只检查一次。`;
}

class Expander {
  readonly entries: PathEntry[] = [];
  readonly skipped: SkippedPath[] = [];
  /** Files and folders already reached: device:inode → the path first used. */
  private readonly seen = new Map<string, string>();

  /** A path's stat after following links; a broken link or a loop becomes a problem entry. */
  private async statOrProblem(p: string): Promise<BigIntStats | ErrorInfo> {
    try {
      return await fs.stat(p, { bigint: true });
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      if (err.code === 'ENOENT') {
        const isLink = await fs.lstat(p).then((l) => l.isSymbolicLink(), () => false);
        return { code: 'not-found', message: isLink ? `${p} 是一个符号链接，但它指向的文件不存在。` : `找不到文件或文件夹：${p}` };
      }
      if (err.code === 'ELOOP') return { code: 'unreadable', message: systemMessage(err, p, 'read') };
      return { code: 'unreadable', message: systemMessage(err, p, 'read') };
    }
  }

  private skipAnnotated(p: string): void {
    this.skipped.push({ path: p, reason: 'annotated-copy', message: `${p} 是办理助手写出的标注副本，不作为台账检查。` });
  }

  /** A file reached: counted unless it was reached before. Annotated copies are skipped in folders only. */
  private addFile(p: string, st: BigIntStats, explicit = false): void {
    if (!explicit && isAnnotatedName(path.basename(p))) return this.skipAnnotated(p);
    const id = idOf(st);
    const first = this.seen.get(id);
    if (first !== undefined) {
      this.skipped.push({ path: p, reason: 'duplicate', sameAs: first, message: duplicateMessage(p, first, '文件') });
      // Reached in a folder first and then named: named, so checked even if it is a copy.
      if (explicit) for (const e of this.entries) if (e.id === id) e.explicit = true;
      return;
    }
    this.seen.set(id, p);
    this.entries.push({ path: p, id, ...(explicit ? { explicit } : {}) });
  }

  /**
   * A spreadsheet Banli does not read (.ods, .csv, .et, .xlsb, .numbers …) found in a folder: never opened, but named
   * as not read, with what to do — a unit's return sent as .ods must not silently drop out of the totals.
   */
  private addOther(p: string, id: string | undefined): void {
    const f = otherFormatOf(path.basename(p))!;
    if (id !== undefined) {
      const first = this.seen.get(id);
      if (first !== undefined) {
        this.skipped.push({ path: p, reason: 'duplicate', sameAs: first, message: duplicateMessage(p, first, '文件') });
        return;
      }
      this.seen.set(id, p);
    }
    this.entries.push({ path: p, ...(id !== undefined ? { id } : {}), problem: { code: f.code, message: otherFormatMessage(p, f) } });
  }

  async top(p: string): Promise<void> {
    const st = await this.statOrProblem(p);
    if (!('dev' in st)) {
      this.entries.push({ path: p, problem: st });
      return;
    }
    if (st.isDirectory()) {
      const before = this.entries.length;
      const id = idOf(st);
      const first = this.seen.get(id);
      if (first !== undefined) {
        this.skipped.push({ path: p, reason: 'duplicate', sameAs: first, message: duplicateMessage(p, first, '文件夹') });
        return;
      }
      this.seen.set(id, p);
      const skippedBefore = this.skipped.length;
      await this.walk(p, new Set([id]));
      if (this.entries.length === before && this.skipped.length === skippedBefore) {
        this.entries.push({ path: p, problem: { code: 'not-found', message: `文件夹 ${p} 里没有 .xlsx 工作簿。` } });
      }
    } else if (st.isFile()) this.addFile(p, st, true);
    else this.entries.push({ path: p, problem: notAFile(p, st) });
  }

  private async walk(dir: string, ancestors: Set<string>): Promise<void> {
    let list;
    try {
      list = await fs.readdir(dir, { withFileTypes: true });
    } catch (e) {
      this.entries.push({ path: dir, problem: { code: 'unreadable', message: systemMessage(e as NodeJS.ErrnoException, dir, 'list') } });
      return;
    }
    list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of list) {
      if (e.name.startsWith('.')) continue;
      const p = path.join(dir, e.name);
      const other = isOtherSpreadsheetName(e.name);
      // A plain file with another extension is never looked at further (not even stat'ed).
      if (!e.isDirectory() && !e.isSymbolicLink() && !isWorkbookName(e.name) && !other) continue;
      const st = await this.statOrProblem(p);
      if (!('dev' in st)) {
        if (isWorkbookName(e.name) || other) this.entries.push({ path: p, problem: st });
        continue;
      }
      if (other) {
        // A Numbers document can be a folder (a macOS package): a spreadsheet all the same.
        if (st.isDirectory() || st.isFile()) this.addOther(p, idOf(st));
        else this.entries.push({ path: p, problem: notAFile(p, st) });
        continue;
      }
      if (st.isDirectory()) {
        const id = idOf(st);
        if (ancestors.has(id)) {
          this.skipped.push({ path: p, reason: 'link-loop', message: `${p} 是指回上级文件夹的符号链接，已跳过（避免无限循环）。` });
          continue;
        }
        const first = this.seen.get(id);
        if (first !== undefined) {
          this.skipped.push({ path: p, reason: 'duplicate', sameAs: first, message: duplicateMessage(p, first, '文件夹') });
          continue;
        }
        this.seen.set(id, p);
        await this.walk(p, new Set([...ancestors, id]));
      } else if (!isWorkbookName(e.name)) continue;
      else if (st.isFile()) this.addFile(p, st);
      else this.entries.push({ path: p, problem: notAFile(p, st) });
    }
  }
}

/** Files as given (any extension: a wrong one is reported by the reader), folders searched recursively. */
export async function expandInputs(paths: string[]): Promise<Inputs> {
  const x = new Expander();
  for (const p of paths) await x.top(p);
  return { entries: x.entries, skipped: x.skipped };
}

/** The entries alone (for callers that do not report what was skipped). */
export async function expandPaths(paths: string[]): Promise<PathEntry[]> {
  return (await expandInputs(paths)).entries;
}

/** The device:inode identities of the inputs that exist (for the output checks). */
export function inputIds(entries: PathEntry[]): Set<string> {
  return new Set(entries.map((e) => e.id).filter((x): x is string => !!x));
}

