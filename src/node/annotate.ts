/** Annotated copies on disk: where each goes, and writing it (never over the input). */
import { promises as fs } from 'fs';
import * as path from 'path';
import { Analysis, BanliError } from '../core';
import { annotateBuffer } from '../xlsx/annotate';

export async function annotateWorkbook(buf: Uint8Array, a: Analysis, input: string, outFile: string): Promise<string> {
  if (path.resolve(outFile) === path.resolve(input)) throw new BanliError('bad-option', '标注副本不能覆盖原文件，请换一个文件夹。');
  const out = await annotateBuffer(buf, a);
  await fs.mkdir(path.dirname(outFile), { recursive: true });
  await fs.writeFile(outFile, out);
  return outFile;
}

/** Where the copy of each input goes: DIR/<name>（已标注）.xlsx, made unique within one run. */
export function annotatedNames(inputs: string[], dir: string): string[] {
  const used = new Set<string>();
  return inputs.map((p) => {
    const base = path.basename(p).replace(/\.(xlsx|xlsm)$/i, '');
    let name = `${base}（已标注）.xlsx`;
    for (let n = 2; used.has(name); n++) name = `${base}（已标注${n}）.xlsx`;
    used.add(name);
    return path.join(dir, name);
  });
}
