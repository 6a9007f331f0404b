/**
 * What the embedded browser of older WPS builds lacks and the pane (or a library in it) calls. Loaded first by the
 * WPS entry; each is added only when missing. tests/wps/bundle.test.ts checks the built bundle against this list.
 */

type Anyish = Record<string, unknown>;

/**
 * The floor is Chromium 64 (ES2017 syntax after transpiling; the core's regular expressions use lookbehind, 62+).
 * Beyond that, what the pane or its libraries call without checking first, with the Chromium version that added it.
 */
export const POLYFILLED = {
  'crypto.randomUUID': 92,
  'Object.fromEntries': 73,
  'String.prototype.matchAll': 73,
  'String.prototype.replaceAll': 85,
  'Array.prototype.flat': 69,
  'Array.prototype.flatMap': 69,
  'Array.prototype.at': 92,
  'Object.hasOwn': 93,
  globalThis: 71,
  /** Fluent UI's focus management (tabster, keyborg): a strong reference where the engine has none. */
  WeakRef: 84,
} as const;

function define(target: object, name: string, value: unknown): void {
  if ((target as Anyish)[name] !== undefined) return;
  Object.defineProperty(target, name, { value, writable: true, configurable: true, enumerable: false });
}

function hex(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += (bytes[i] + 0x100).toString(16).slice(1);
  return s;
}

export function installPolyfills(g: Anyish = (typeof self !== 'undefined' ? self : window) as unknown as Anyish): void {
  define(g, 'globalThis', g);
  define(
    g,
    'WeakRef',
    class StrongRef<T extends object> {
      constructor(private readonly target: T) {}
      deref(): T {
        return this.target;
      }
    },
  );
  const c = g.crypto as (Crypto & { randomUUID?: () => string }) | undefined;
  if (c && typeof c.getRandomValues === 'function' && typeof c.randomUUID !== 'function') {
    define(c, 'randomUUID', () => {
      const b = c.getRandomValues(new Uint8Array(16));
      b[6] = (b[6] & 0x0f) | 0x40;
      b[8] = (b[8] & 0x3f) | 0x80;
      const h = hex(b);
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
    });
  }
  const O = g.Object as ObjectConstructor;
  define(O, 'fromEntries', (entries: Iterable<[PropertyKey, unknown]>) => {
    const o: Record<PropertyKey, unknown> = {};
    for (const [k, v] of entries) o[k] = v;
    return o;
  });
  define(O, 'hasOwn', (o: object, k: PropertyKey) => Object.prototype.hasOwnProperty.call(o, k));
  const A = (g.Array as ArrayConstructor).prototype as unknown as Anyish;
  function flat(this: unknown[], depth = 1): unknown[] {
    const out: unknown[] = [];
    const walk = (xs: unknown[], d: number) => {
      for (const x of xs) if (Array.isArray(x) && d > 0) walk(x, d - 1);
      else out.push(x);
    };
    walk(this, depth);
    return out;
  }
  define(A, 'flat', flat);
  define(A, 'flatMap', function (this: unknown[], fn: (x: unknown, i: number, a: unknown[]) => unknown, thisArg?: unknown) {
    return flat.call(this.map(fn, thisArg), 1);
  });
  define(A, 'at', function (this: unknown[], i: number) {
    const n = Math.trunc(i) || 0;
    return this[n < 0 ? this.length + n : n];
  });
  const S = (g.String as StringConstructor).prototype as unknown as Anyish;
  define(S, 'matchAll', function* (this: string, re: RegExp) {
    const r = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
    let m: RegExpExecArray | null;
    while ((m = r.exec(this)) !== null) {
      yield m;
      if (m[0] === '') r.lastIndex++;
    }
  });
  define(S, 'replaceAll', function (this: string, search: string | RegExp, replacement: string) {
    if (search instanceof RegExp) return this.replace(search, replacement);
    return this.split(search).join(replacement);
  });
}
