/** The ledger worker, as webpack builds it next to the page (same origin, so the add-in's CSP allows it). */
export function makeWorker(): Worker {
  // @ts-expect-error -- import.meta exists in the bundle (webpack resolves the worker's URL), not under commonjs.
  return new Worker(new URL('./worker.ts', import.meta.url), { name: 'ledger' });
}
