/** Office document settings as Office keeps them (values by name), recording what a pane writes. */
import { DocumentSettings } from '../../src/config/documentStore';

export function documentSettings(initial: Record<string, unknown> = {}): DocumentSettings & { data: Map<string, unknown>; writes: string[] } {
  const data = new Map(Object.entries(initial));
  const writes: string[] = [];
  return {
    data,
    writes,
    get: (n) => (data.has(n) ? data.get(n) : null),
    set: (n, v) => {
      writes.push(`set ${n}`);
      data.set(n, v);
    },
    remove: (n) => {
      writes.push(`remove ${n}`);
      data.delete(n);
    },
    saveAsync: (cb) => {
      writes.push('saveAsync');
      cb?.({ status: 'succeeded' });
    },
  };
}
