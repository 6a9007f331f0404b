/** Arrows point inward: core imports nothing but core. */
import { readdirSync, readFileSync, statSync } from 'fs';
import * as path from 'path';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const CORE = path.join(__dirname, '../src/core');

test('src/core imports only relative modules inside src/core', () => {
  const bad: string[] = [];
  for (const f of files(CORE)) {
    const src = readFileSync(f, 'utf8');
    for (const m of src.matchAll(/(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)/g)) {
      const spec = m[1] ?? m[2];
      const resolved = spec.startsWith('.') ? path.resolve(path.dirname(f), spec) : spec;
      if (!resolved.startsWith(CORE)) bad.push(`${path.relative(CORE, f)} → ${spec}`);
    }
  }
  expect(bad).toEqual([]);
});

test('src/core uses no Office, DOM or Node globals', () => {
  const bad: string[] = [];
  for (const f of files(CORE)) {
    // Comments and string literals out: a global is code, not the word "document.xml" in a string.
    const src = readFileSync(f, 'utf8')
      .replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')
      .replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g, "''");
    for (const g of ['Office', 'Excel', 'Word', 'document', 'window', 'process', 'Buffer', 'require', 'localStorage', 'fetch']) {
      if (new RegExp(`(?<![\\w.$])${g}\\s*[.(\\[]`).test(src)) bad.push(`${path.relative(CORE, f)} uses ${g}`);
    }
  }
  expect(bad).toEqual([]);
});
