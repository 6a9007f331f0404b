/** The ledger engine in the page's own thread: for browsers without Web Workers, and for tests. */
import { CircularOptions } from '../core';
import { Engine, OpenedLedger, PageView, Progress, RowDetail } from './types';
import { Request, handle } from './protocol';
import { Session } from './session';

/** The engine in-thread: the tests' and the fallback's. */
export function inThreadEngine(): Engine {
  let session = new Session();
  let settings: unknown = null;
  let id = 0;
  const call = <T>(op: Request['op'], args: unknown[], progress?: (p: Progress) => void): Promise<T> =>
    handle(session, { id: ++id, op, args }, (p) => progress?.(p as Progress)) as Promise<T>;
  return {
    open: (files, onProgress) => call<OpenedLedger>('open', [files], onProgress),
    check: (asOf, sheet, columns) => call<PageView>('check', [asOf, sheet, columns]),
    row: (sheet, row, file) => call<RowDetail>('row', [sheet, row, file]),
    annotated: (asOf, sheet, columns) => call<Uint8Array>('annotated', [asOf, sheet, columns]),
    circular: (options: CircularOptions, asOf, sheet, columns) => call<Uint8Array>('circular', [options, asOf, sheet, columns]),
    configure: async (s) => {
      await call<void>('configure', [s]);
      settings = s;
    },
    cancel: () => {
      session = new Session();
      if (settings !== null) void handle(session, { id: ++id, op: 'configure', args: [settings] }, () => undefined);
    },
  };
}

