/** The WPS bundle's polyfills, in a fresh JavaScript realm with the newer APIs taken away. */
import * as vm from 'vm';
import { POLYFILLED, installPolyfills } from '../../src/wps/polyfills';

function oldRealm(): Record<string, unknown> {
  const g = vm.createContext({ crypto: { getRandomValues: (a: Uint8Array) => a.map((_, i) => (i * 37 + 11) & 0xff) } });
  vm.runInContext(
    `delete Object.fromEntries; delete Object.hasOwn; delete String.prototype.matchAll; delete String.prototype.replaceAll;
     delete Array.prototype.flat; delete Array.prototype.flatMap; delete Array.prototype.at; delete this.WeakRef;`,
    g,
  );
  return g as Record<string, unknown>;
}

/** The realm's own global object (its builtins live there, not on the sandbox object). */
const inner = (g: Record<string, unknown>) => vm.runInContext('this', g) as Record<string, unknown>;

test('each missing API is added and behaves like the real one', () => {
  const g = oldRealm();
  expect(vm.runInContext('typeof String.prototype.matchAll + typeof WeakRef + typeof Object.fromEntries', g)).toBe('undefinedundefinedundefined');
  installPolyfills(inner(g));
  const r = (code: string) => vm.runInContext(code, g);
  expect(r('Object.fromEntries([["a", 1], ["b", 2]]).b')).toBe(2);
  expect(r('Object.hasOwn({x: 1}, "x") && !Object.hasOwn({}, "toString")')).toBe(true);
  expect(r('[..."a{x}b{y}".matchAll(/\\{(\\w)\\}/g)].map(m => m[1] + m.index).join()')).toBe('x1,y5');
  expect(r('"a-b-c".replaceAll("-", "+")')).toBe('a+b+c');
  expect(r('JSON.stringify([[1, [2]], 3].flat())')).toBe('[1,[2],3]');
  expect(r('JSON.stringify([1, 2].flatMap(x => [x, x * 10]))')).toBe('[1,10,2,20]');
  expect(r('[1, 2, 3].at(-1)')).toBe(3);
  expect(r('(() => { const o = {}; return new WeakRef(o).deref() === o; })()')).toBe(true);
  expect(r('globalThis === this')).toBe(true);
  expect(r('crypto.randomUUID()')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  // Polyfilled methods are not enumerable (for…in over arrays stays clean).
  expect(r('(() => { const k = []; for (const x in [1]) k.push(x); return k.join(); })()')).toBe('0');
  expect(Object.keys(POLYFILLED)).toHaveLength(10);
});

test('an API the engine has is left alone', () => {
  const native = String.prototype.replaceAll;
  installPolyfills(globalThis as unknown as Record<string, unknown>);
  expect(String.prototype.replaceAll).toBe(native);
});
