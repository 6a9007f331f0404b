/** The file adapter: workbook files on disk into Grids (the reading itself is shared with the browser). */
import { constants, promises as fs } from 'fs';
import * as path from 'path';
import { BanliError, Grid } from '../core';
import { ReadOptions, readWorkbookBuffer } from '../xlsx/read';
import { cliError, translated } from './errors';
import { notAFile } from './files';

export { readWorkbook, readWorkbookBuffer } from '../xlsx/read';
export type { ReadOptions, ReadProgress, ReadLimits } from '../xlsx/read';

/**
 * The bytes of a file. Opened without blocking and checked to be a regular file first: a FIFO, device or socket is
 * `not-a-file` (a FIFO opened for reading would otherwise wait forever for a writer).
 */
export async function readBytes(file: string): Promise<Buffer> {
  let handle: fs.FileHandle | null = null;
  try {
    // Looked at before opening, so that a FIFO is never opened at all; the open itself does not block either, and
    // what was opened is looked at again (it may have been replaced in between).
    const before = await fs.stat(file);
    if (!before.isFile() && !before.isDirectory()) throw cliError('not-a-file', notAFile(file, before).message);
    handle = await fs.open(file, constants.O_RDONLY | constants.O_NONBLOCK);
    const st = await handle.stat();
    if (st.isDirectory()) throw new BanliError('unreadable', `${file} 是文件夹，不是工作簿。`);
    if (!st.isFile()) throw cliError('not-a-file', notAFile(file, st).message);
    return await handle.readFile();
  } catch (e) {
    throw translated(e, file, 'read');
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

export async function readWorkbookFile(file: string, options: ReadOptions = {}): Promise<Grid[]> {
  return readWorkbookBuffer(await readBytes(file), path.basename(file), options);
}
