/**
 * The ledger worker in dist/banli.html: its code is inlined in the page (a page opened from disk may not load a
 * worker script from file://), and started from a blob: URL. No request is made.
 */
import source from 'banli-worker-source';

let url: string | null = null;

export function makeWorker(): Worker {
  url ??= URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  return new Worker(url, { name: 'ledger' });
}
