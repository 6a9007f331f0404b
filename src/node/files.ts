/** Expanding the paths given on the command line into workbook files. */
import { promises as fs } from 'fs';
import * as path from 'path';

export interface PathEntry {
  path: string;
  /** Set when the path itself could not be used (missing, or a folder without workbooks). */
  problem?: { code: 'not-found' | 'unreadable'; message: string };
}

function isWorkbookName(name: string): boolean {
  return /\.(xlsx|xlsm|xls)$/i.test(name) && !name.startsWith('~$') && !name.startsWith('.~');
}

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) await walk(p, out);
    else if (e.isFile() && isWorkbookName(e.name)) out.push(p);
  }
}

/** Files as given (any extension: a wrong one is reported by the reader), folders searched recursively. */
export async function expandPaths(paths: string[]): Promise<PathEntry[]> {
  const out: PathEntry[] = [];
  for (const p of paths) {
    let stat;
    try {
      stat = await fs.stat(p);
    } catch {
      out.push({ path: p, problem: { code: 'not-found', message: `找不到文件或文件夹：${p}` } });
      continue;
    }
    if (stat.isDirectory()) {
      const found: string[] = [];
      await walk(p, found);
      if (found.length === 0) {
        out.push({ path: p, problem: { code: 'not-found', message: `文件夹 ${p} 里没有 .xlsx 工作簿。` } });
      }
      for (const f of found) out.push({ path: f });
    } else out.push({ path: p });
  }
  return out;
}
