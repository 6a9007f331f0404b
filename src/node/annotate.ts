/** Annotated copies on disk: where each goes (never over an input or a file Banli did not write), and writing it. */
import { promises as fs } from 'fs';
import * as path from 'path';
import { annotatedFileName, isBanliAnnotated } from '../xlsx/annotate';
import { identityOf } from './files';

/**
 * Where the copy of each input goes: DIR/<name>（已标注）.xlsx (.xlsm for a macro workbook), unique within the run.
 * A name already taken on disk is reused only by a copy Banli wrote earlier (it carries Banli's marker); an input or
 * any other file there is never replaced: the next free name is taken instead.
 */
export async function annotatedNames(inputs: string[], dir: string, inputIds: Set<string> = new Set()): Promise<string[]> {
  const used = new Set<string>();
  const out: string[] = [];
  for (const p of inputs) {
    for (let n = 1; ; n++) {
      const name = annotatedFileName(path.basename(p), n);
      const key = name.toLowerCase();
      if (used.has(key)) continue;
      const file = path.join(dir, name);
      if (await replaceable(file, inputIds)) {
        used.add(key);
        out.push(file);
        break;
      }
    }
  }
  return out;
}

/** Nothing there, or an annotated copy from an earlier run that is not also an input. */
async function replaceable(file: string, inputIds: Set<string>): Promise<boolean> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT';
  }
  if (!stat.isFile()) return false;
  const id = await identityOf(file);
  if (id && inputIds.has(id)) return false;
  try {
    return await isBanliAnnotated(await fs.readFile(file));
  } catch {
    return false;
  }
}
