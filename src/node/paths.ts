/**
 * The one place where every path of a command is resolved and checked before any work is done: inputs are expanded
 * and counted once; every output is compared with every input by identity (device and inode after following links,
 * not by spelling), must not be an existing workbook or document the user did not name as one, and its folder is
 * created and proved writable. A refusal is a Chinese BanliError (exit 2) naming the file and why.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { cliError, translated } from './errors';
import { Inputs, expandInputs, identityOf, inputIds } from './files';
import { Command, optionsFor } from './options';
import { prepareFolder } from './safeWrite';
import { annotatedNames } from './annotate';

/** Names of files Banli must never write anything else over. */
const OFFICE = ['.xlsx', '.xlsm', '.xls', '.docx'];

export interface PathPlan {
  inputs: Inputs;
  /** Output options as given (flag name → path as typed). */
  outputs: Record<string, string>;
  /** For --annotate: where each input's copy goes, in the order of inputs.entries. */
  annotatePaths?: Array<string | undefined>;
}

function ext(p: string): string {
  return path.extname(p).toLowerCase();
}

function refuse(message: string): never {
  throw cliError('output-conflict', `${message}为免覆盖，什么都没有写，也没有开始检查。`);
}

/**
 * Resolves and checks the paths of one command. `ledgers` are the positional paths (files or folders) to read.
 */
export async function preparePaths(command: Command, flags: Record<string, string | boolean>, ledgers: string[]): Promise<PathPlan> {
  const specs = optionsFor(command).filter((o) => o.path && typeof flags[o.name] === 'string');
  const inputs = await expandInputs(ledgers);
  // Every file that is read: the ledgers (and the files found in folders), and option inputs such as --units.
  const readIds = new Map<string, string>();
  for (const e of inputs.entries) if (e.id) readIds.set(e.id, e.path);
  for (const o of specs.filter((s) => s.path!.role === 'input')) {
    const p = flags[o.name] as string;
    const id = await identityOf(p);
    if (id) readIds.set(id, p);
  }
  const outputs: Record<string, string> = {};
  const written = new Map<string, string>();
  const folders: string[] = [];
  const flagOf = (name: string) => {
    const spec = specs.find((s) => s.name === name);
    return spec?.short ? `-${spec.short}` : `--${name}`;
  };
  for (const o of specs.filter((s) => s.path!.role !== 'input')) {
    const p = flags[o.name] as string;
    const role = o.path!;
    const flag = o.short ? `-${o.short}` : `--${o.name}`;
    outputs[o.name] = p;
    const example = role.example ?? `${role.what}.txt`;
    if (role.role === 'output-file') {
      if (/[\\/]$/.test(p) || ['', '.', '..'].includes(path.basename(p))) {
        throw cliError('cannot-write', `${flag} 给出的“${p}”是文件夹，不是文件名：请在后面加上文件名，例如 ${path.join(p, example)}。`);
      }
      if (role.mustEnd && !role.mustEnd.includes(ext(p))) {
        refuse(`${flag} 要写出${role.what}（${role.mustEnd.join('、')} 文件），而“${p}”不是这样的文件名。请写成 ${example} 这样的名字。`);
      }
      if (!role.mustEnd && OFFICE.includes(ext(p))) {
        refuse(`${flag} 要写出${role.what}，而“${p}”是 Excel 工作簿或 Word 文档的名字（是不是漏写了${role.what}的文件名，例如 ${example}？）。`);
      }
    }
    let st;
    try {
      st = await fs.stat(p);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw translated(e, p, 'write');
    }
    if (st) {
      const id = await identityOf(p);
      if (id && readIds.has(id)) {
        const input = readIds.get(id)!;
        refuse(`${flag} 给出的“${p}”${input === p ? '' : `与“${input}”是同一个文件，`}是要读取的输入文件，输出不能覆盖它。请给${role.what}换一个名字。`);
      }
      if (id && written.has(id)) refuse(`${flag} 与 ${flagOf(written.get(id)!)} 给出的是同一个文件“${p}”，请给它们不同的名字。`);
      if (id) written.set(id, o.name);
      if (role.role === 'output-file') {
        if (st.isDirectory()) {
          throw cliError('cannot-write', `${flag} 给出的“${p}”是一个文件夹，不能当作文件写入：请在后面加上文件名，例如 ${path.join(p, example)}。`);
        }
        if (!st.isFile()) refuse(`${flag} 给出的“${p}”不是普通文件（可能是管道或设备）。`);
      } else if (!st.isDirectory()) {
        refuse(`${flag} 需要一个文件夹，而“${p}”是一个文件。`);
      }
    }
    const key = path.resolve(p);
    const same = Object.entries(outputs).find(([k, v]) => k !== o.name && path.resolve(v) === key);
    if (same) refuse(`${flag} 与 ${flagOf(same[0])} 给出的是同一个文件“${p}”，请给它们不同的名字。`);
    folders.push(role.role === 'output-folder' ? p : path.dirname(path.resolve(p)));
  }
  // Only when every output is acceptable are folders created (a refused command leaves nothing behind).
  for (const dir of folders) await prepareFolder(dir);
  const plan: PathPlan = { inputs, outputs };
  if (typeof outputs.annotate === 'string') {
    const ids = new Set([...inputIds(inputs.entries), ...readIds.keys()]);
    const ok = inputs.entries.map((e) => !e.problem);
    const names = await annotatedNames(inputs.entries.map((e) => e.path), outputs.annotate, ids);
    plan.annotatePaths = names.map((n, i) => (ok[i] ? n : undefined));
  }
  return plan;
}
