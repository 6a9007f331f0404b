/** A small argument parser: --flag, --flag value, --flag=value, positionals. Unknown flags are errors. */
import { BanliError } from '../core';

export interface ArgSpec {
  booleans: string[];
  values: string[];
  /** One-letter forms: `o` → `output` lets `-o FILE` stand for `--output FILE`. */
  short?: Record<string, string>;
  /** What an option's value is, for the message when it is missing (“文件名”, with an example such as 通报.docx). */
  valueNames?: Record<string, { what: string; example?: string }>;
}

export interface ParsedArgs {
  flags: Record<string, string | boolean>;
  positionals: string[];
}

export function parseArgs(argv: string[], spec: ArgSpec): ParsedArgs {
  const flags: Record<string, string | boolean> = {};
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const s = /^-([A-Za-z])$/.exec(argv[i]);
    const shortForm = s && spec.short?.[s[1]] ? argv[i] : null;
    const a = shortForm ? `--${spec.short![s![1]]}` : argv[i];
    if (a === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = a.slice(2, eq < 0 ? undefined : eq);
      if (spec.booleans.includes(name)) {
        if (eq >= 0) throw new BanliError('bad-option', `选项 --${name} 不带值。`);
        flags[name] = true;
      } else if (spec.values.includes(name)) {
        const v = eq >= 0 ? a.slice(eq + 1) : argv[++i];
        if (v === undefined || (eq < 0 && v.startsWith('--'))) {
          const value = spec.valueNames?.[name];
          const flag = shortForm ? `${shortForm}（--${name}）` : `选项 --${name} `;
          const example = value?.example ? `，例如 ${shortForm ?? `--${name}`} ${value.example}` : '';
          throw new BanliError('bad-option', `${flag}需要一个${value?.what ?? '值'}${example}。`);
        }
        flags[name] = v;
      } else {
        throw new BanliError('bad-option', `不认识的选项：${a}。用 banli --help 查看用法。`);
      }
    } else positionals.push(a);
  }
  return { flags, positionals };
}
