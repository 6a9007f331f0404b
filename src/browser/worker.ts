/// <reference lib="webworker" />
/**
 * The ledger worker: reading and checking off the page's main thread, so a large ledger never freezes the page.
 * It keeps the workbook; only results go back (bytes of downloads are transferred, not copied).
 */
import { isBanliError } from '../core';
import { Reply, Request, handle } from './protocol';
import { Session } from './session';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const session = new Session();

scope.onmessage = (e: MessageEvent<Request>) => {
  const req = e.data;
  const post = (r: Reply, transfer: Transferable[] = []) => scope.postMessage(r, transfer);
  // Progress at most every 100 ms: the page re-renders on each one.
  let last = 0;
  const progress = (p: unknown) => {
    const now = Date.now();
    if (now - last < 100) return;
    last = now;
    post({ id: req.id, progress: p });
  };
  handle(session, req, progress).then(
    (value) => post({ id: req.id, ok: true, value }, value instanceof Uint8Array ? [value.buffer] : []),
    (err: unknown) => {
      if (isBanliError(err)) return post({ id: req.id, ok: false, code: err.code, message: err.message });
      // The program's own English stays in the console for whoever maintains it; the clerk reads what to do.
      console.error(err);
      post({ id: req.id, ok: false, code: 'internal', message: '处理时出现意外错误，文件没有被改动。请重新打开台账再试；仍然出现时，请把台账和这句话发给维护人员。' });
    },
  );
};

// Running: the page may now hand bytes over instead of copying them (a worker that never gets here is replaced).
scope.postMessage({ id: 0, ready: true } satisfies Reply);
