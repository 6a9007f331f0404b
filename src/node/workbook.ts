/** The file adapter: workbook files on disk into Grids (the reading itself is shared with the browser). */
import { promises as fs } from 'fs';
import * as path from 'path';
import { BanliError, Grid } from '../core';
import { ReadOptions, readWorkbookBuffer } from '../xlsx/read';

export { readWorkbook, readWorkbookBuffer } from '../xlsx/read';
export type { ReadOptions, ReadProgress, ReadLimits } from '../xlsx/read';

export async function readBytes(file: string): Promise<Buffer> {
  try {
    return await fs.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new BanliError('not-found', `找不到文件：${file}`);
    if (code === 'EISDIR') throw new BanliError('unreadable', `${file} 是文件夹，不是工作簿。`);
    throw new BanliError('unreadable', `无法读取 ${file}（${code ?? String(e)}）。`);
  }
}

export async function readWorkbookFile(file: string, options: ReadOptions = {}): Promise<Grid[]> {
  return readWorkbookBuffer(await readBytes(file), path.basename(file), options);
}
