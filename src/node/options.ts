/**
 * Every command-line option in one table: which commands take it, whether it takes a value, and — for a path — what
 * role the path plays (read, or written as a file or into a folder). The path checks in paths.ts are driven by this
 * table, so a new option that names a file is checked like the others by adding one row.
 */
import { ArgSpec } from './args';

export type Command = 'check' | 'report' | 'demo';

export interface PathRole {
  /** input: read; output-file: written (atomically); output-folder: files are written into it. */
  role: 'input' | 'output-file' | 'output-folder';
  /** What the file is, for messages (“HTML 报告”). */
  what: string;
  /** A file name to suggest in messages (“报告.html”). */
  example?: string;
  /** An output file's name must end with one of these (case-insensitive). */
  mustEnd?: string[];
}

export interface OptionSpec {
  name: string;
  /** A one-letter form (`-o`). */
  short?: string;
  /** Takes a value (`--as-of 2021-07-19`); otherwise a switch. */
  value: boolean;
  commands: Command[];
  path?: PathRole;
}

const CHECK_REPORT: Command[] = ['check', 'report'];

export const OPTIONS: OptionSpec[] = [
  { name: 'json', value: false, commands: ['check'] },
  { name: 'as-of', value: true, commands: CHECK_REPORT },
  { name: 'units', value: true, commands: CHECK_REPORT, path: { role: 'input', what: '承办单位名单' } },
  { name: 'form-version', value: true, commands: CHECK_REPORT },
  { name: 'sheet', value: true, commands: CHECK_REPORT },
  { name: 'max-findings', value: true, commands: ['check'] },
  { name: 'html', value: true, commands: ['check'], path: { role: 'output-file', what: 'HTML 报告', example: '报告.html' } },
  { name: 'annotate', value: true, commands: ['check'], path: { role: 'output-folder', what: '标注副本' } },
  { name: 'jobs', value: true, commands: ['check'] },
  { name: 'output', short: 'o', value: true, commands: ['report'], path: { role: 'output-file', what: '通报', example: '通报.docx', mustEnd: ['.docx'] } },
  { name: 'flat-opc', value: true, commands: ['report'], path: { role: 'output-file', what: 'Flat OPC 包', example: '通报.xml' } },
  { name: 'prose', value: true, commands: ['report'], path: { role: 'input', what: '文字替换文件' } },
  ...[
    'year', 'doc-number', 'date', 'title', 'mark', 'issuing-body', 'addressees', 'copy-to', 'printing-office', 'print-date',
    'reception-deadline', 'praised', 'sections',
  ].map((name): OptionSpec => ({ name, value: true, commands: ['report'] })),
];

/** Adds options (for modules that extend a command); a name already in the table is replaced. */
export function addOptions(specs: OptionSpec[]): void {
  for (const s of specs) {
    const i = OPTIONS.findIndex((o) => o.name === s.name);
    if (i >= 0) OPTIONS[i] = s;
    else OPTIONS.push(s);
  }
}

export function optionsFor(command: Command): OptionSpec[] {
  return OPTIONS.filter((o) => o.commands.includes(command));
}

/** The parser's view of a command's options. */
export function argSpec(command: Command): ArgSpec {
  const opts = optionsFor(command);
  return {
    booleans: opts.filter((o) => !o.value).map((o) => o.name),
    values: opts.filter((o) => o.value).map((o) => o.name),
    short: Object.fromEntries(opts.filter((o) => o.short).map((o) => [o.short!, o.name])),
    valueNames: Object.fromEntries(
      opts
        .filter((o) => o.path)
        .map((o) => [o.name, { what: o.path!.role === 'output-folder' ? '文件夹名' : '文件名', ...(o.path!.example ? { example: o.path!.example } : {}) }]),
    ),
  };
}
