/**
 * Every file Banli writes goes through here: written to a temporary file in the same folder, flushed to disk,
 * then renamed over the final name. An interrupted run leaves the complete file or nothing under the final name;
 * temporary files are removed when the run ends, fails, or is stopped with Ctrl+C (SIGINT) or SIGTERM.
 */
import { randomBytes } from 'crypto';
import { constants, promises as fs, unlinkSync } from 'fs';
import * as path from 'path';
import { translated } from './errors';

const live = new Set<string>();
let handlersInstalled = false;

function removeLive(): void {
  for (const tmp of live) {
    try {
      unlinkSync(tmp);
    } catch {
      // Already gone.
    }
  }
  live.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  removeLive();
  // Die of the same signal, as the shell expects (exit status 130 for Ctrl+C).
  process.removeListener('SIGINT', onSignal);
  process.removeListener('SIGTERM', onSignal);
  process.kill(process.pid, signal);
}

function installHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('exit', removeLive);
}

/** Temporary files not yet renamed or removed (for tests). */
export function pendingTemporaryFiles(): string[] {
  return [...live];
}

type Hook = (tmp: string, final: string) => Promise<void> | void;
let beforeRename: Hook | null = null;

/**
 * For tests only: runs between the flushed write and the rename (a test stops the process here to show that an
 * interrupted write leaves no file under the final name).
 */
export function setBeforeRenameHook(hook: Hook | null): void {
  beforeRename = hook;
}

/** A temporary name next to the final one: hidden (so a folder walk skips it) and unique. */
export function temporaryName(file: string): string {
  const base = path.basename(file).slice(0, 80);
  return path.join(path.dirname(file), `.${base}.${randomBytes(6).toString('hex')}.banli-tmp`);
}

/** Writes the file atomically; a system error becomes a Chinese BanliError naming the file. */
export async function writeFileAtomic(file: string, data: Uint8Array | string): Promise<void> {
  installHandlers();
  const tmp = temporaryName(file);
  live.add(tmp);
  let handle: fs.FileHandle | null = null;
  try {
    handle = await fs.open(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o666);
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = null;
    if (beforeRename) await beforeRename(tmp, file);
    await fs.rename(tmp, file);
    live.delete(tmp);
  } catch (e) {
    if (handle) await handle.close().catch(() => undefined);
    await fs.unlink(tmp).catch(() => undefined);
    live.delete(tmp);
    throw translated(e, file, 'write');
  }
  // The rename itself on disk (best effort: not every file system lets a folder be opened for sync).
  try {
    const dir = await fs.open(path.dirname(file), 'r');
    await dir.sync().catch(() => undefined);
    await dir.close();
  } catch {
    // Ignored.
  }
}

/**
 * mkdir -p one level at a time, so that the error is the real one (a recursive mkdir reports ENOENT for a read-only
 * file system) and names the folder that could not be made.
 */
async function makeFolders(dir: string): Promise<void> {
  const missing: string[] = [];
  for (let d = dir; ; d = path.dirname(d)) {
    let isDir: boolean;
    try {
      isDir = (await fs.stat(d)).isDirectory();
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw translated(e, d, 'create-folder');
      missing.unshift(d);
      if (path.dirname(d) === d) break;
      continue;
    }
    if (!isDir) throw translated(Object.assign(new Error('not a folder'), { code: d === dir ? 'EEXIST' : 'ENOTDIR' }), dir, 'create-folder');
    break;
  }
  for (const d of missing) {
    try {
      await fs.mkdir(d);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST' && (await fs.stat(d).then((s) => s.isDirectory(), () => false))) continue;
      throw translated(e, d, 'create-folder');
    }
  }
}

/**
 * Creates the folder (and its parents) and proves a file can be written in it, before any work is done.
 * Throws a Chinese BanliError naming the folder otherwise.
 */
export async function prepareFolder(dir: string): Promise<void> {
  await makeFolders(path.resolve(dir));
  const probe = temporaryName(path.join(dir, 'probe'));
  live.add(probe);
  try {
    const h = await fs.open(probe, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o666);
    await h.close();
  } catch (e) {
    throw translated(e, dir, 'write');
  } finally {
    await fs.unlink(probe).catch(() => undefined);
    live.delete(probe);
  }
}
