/**
 * The page's ledger engine: a Web Worker running Session, driven by messages. Without Worker (very old browsers)
 * the same Session runs in-thread (inThread.ts). cancel() ends the worker; the next request starts a fresh one.
 */
import { BanliError, ErrorCode } from '../core';
import { Engine, OpenedLedger, PageView, Progress, RowDetail } from './types';
import { makeWorker } from './makeWorker';
import type { Reply, Request } from './protocol';

type Pending = { resolve: (v: unknown) => void; reject: (e: unknown) => void; progress?: (p: Progress) => void };

export const CANCELLED = '已取消。';

/**
 * The worker never ran (its script could not be loaded: a page opened from disk, a blocked or missing file). The
 * requests it was given were copied, not handed over, so they can be made again elsewhere (files.ts: in-thread).
 */
export class WorkerUnavailable extends Error {
  constructor(why: string) {
    super(`后台处理没有启动（${why}）。`);
  }
}

export function workerEngine(): Engine {
  let worker: Worker | null = null;
  let id = 0;
  const pending = new Map<number, Pending>();
  // The settings last sent: a worker started again (after cancel or a crash) gets them first.
  let settings: unknown = null;

  // Whether the current worker has said anything yet: until it has, requests are copied to it, not handed over.
  let alive = false;
  const start = (): Worker => {
    const w = makeWorker();
    alive = false;
    w.onmessage = (e: MessageEvent<Reply>) => {
      if (worker === w) alive = true;
      const r = e.data;
      if ('ready' in r) return;
      const p = pending.get(r.id);
      if (!p) return;
      if ('progress' in r) return p.progress?.(r.progress as Progress);
      pending.delete(r.id);
      if (r.ok) p.resolve(r.value);
      else p.reject(new BanliError(r.code as ErrorCode, r.message));
    };
    w.onerror = (e) => {
      e.preventDefault();
      const why = e.message || '浏览器没有说明原因';
      const failure = alive || worker !== w ? new BanliError('unreadable', `后台处理中断了（${why}）。请刷新页面后重试。`) : new WorkerUnavailable(why);
      for (const p of pending.values()) p.reject(failure);
      pending.clear();
      w.terminate();
      if (worker === w) worker = null;
    };
    if (settings !== null) w.postMessage({ id: ++id, op: 'configure', args: [settings] } satisfies Request);
    return w;
  };

  const call = <T>(op: Request['op'], args: unknown[], transfer: Transferable[] = [], progress?: (p: Progress) => void): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      worker ??= start();
      const req: Request = { id: ++id, op, args };
      pending.set(req.id, { resolve: resolve as (v: unknown) => void, reject, progress });
      worker.postMessage(req, alive ? transfer : []);
    });

  // Started now: the worker parses its code while the clerk picks a file.
  worker = start();
  return {
    open: (files, onProgress) => call<OpenedLedger>('open', [files], [...new Set(files.map((f) => f.bytes.buffer as ArrayBuffer))], onProgress),
    check: (asOf, sheet, columns) => call<PageView>('check', [asOf, sheet, columns]),
    row: (sheet, row, file) => call<RowDetail>('row', [sheet, row, file]),
    annotated: (asOf, sheet, columns) => call<Uint8Array>('annotated', [asOf, sheet, columns]),
    circular: (options, asOf, sheet, columns) => call<Uint8Array>('circular', [options, asOf, sheet, columns]),
    configure: async (s) => {
      await call<void>('configure', [s]);
      settings = s;
    },
    cancel: () => {
      worker?.terminate();
      worker = null;
      for (const p of pending.values()) p.reject(new BanliError('not-found', CANCELLED));
      pending.clear();
    },
  };
}
