/**
 * Every script the build emits parses at the language level of the oldest engine Office runs panes in (EdgeHTML 18:
 * ES2017 — no object spread, optional catch binding, `?.`, `??`, `??=`, class fields or static blocks, no regular
 * expression lookbehind or named groups). acorn rejects all of those at ecmaVersion 2017.
 */
import { readFileSync, readdirSync } from 'fs';
import * as path from 'path';
import * as acorn from 'acorn';
import { buildPane } from '../helpers/build';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the build's own CommonJS settings
const { ECMA_VERSION } = require('../../webpack.common.js') as { ECMA_VERSION: acorn.ecmaVersion };
let dist: string;

beforeAll(() => {
  dist = buildPane('syntax');
}, 600000);

function scripts(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'office-js' ? [] : scripts(p); // Microsoft's own files: tested in officejs.test.ts
    return e.name.endsWith('.js') ? [p] : [];
  });
}

test('the acorn check itself rejects what EdgeHTML 18 cannot parse', () => {
  for (const code of ['a ??= b', 'class A { static { f() } }', 'const o = { ...p }', 'try { f() } catch { g() }', 'a?.b', '/(?<!x)y/']) {
    expect(() => acorn.parse(code, { ecmaVersion: ECMA_VERSION, sourceType: 'script' })).toThrow();
  }
  expect(() => acorn.parse('async function f() { await g(); for (const x of y) {} }', { ecmaVersion: ECMA_VERSION })).not.toThrow();
});

test(`every emitted script parses at ES${ECMA_VERSION}`, () => {
  const files = scripts(dist);
  expect(files.map((f) => path.basename(f))).toEqual(expect.arrayContaining(['taskpane.js', 'legacy.js']));
  expect(files.length).toBeGreaterThanOrEqual(4); // the pane, the first script, the file side's lazy chunks
  const failures: string[] = [];
  for (const file of files) {
    const code = readFileSync(file, 'utf8');
    try {
      acorn.parse(code, { ecmaVersion: ECMA_VERSION, sourceType: 'script' });
    } catch (e) {
      const pos = (e as { pos?: number }).pos ?? 0;
      failures.push(`${path.relative(dist, file)}: ${(e as Error).message} near ${JSON.stringify(code.slice(Math.max(0, pos - 60), pos + 60))}`);
    }
  }
  expect(failures).toEqual([]);
});

test('legacy.js stays ES5 (it must run on Internet Explorer to say what to do)', () => {
  expect(() => acorn.parse(readFileSync(path.join(dist, 'legacy.js'), 'utf8'), { ecmaVersion: 5, sourceType: 'script' })).not.toThrow();
});
