/**
 * The page's engine where a worker cannot run: refused at once (a page opened from disk), or created but its script
 * never loading. Requests go to a worker copied (not handed over) until it has said it runs, so the in-thread engine
 * can take them again, with the settings already given; a worker that ran and then failed is reported, not replaced.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import type { Request } from '../../src/browser/protocol';

/** A worker as a browser makes it when its script cannot be loaded (or, with `ready`, one that runs but answers nothing). */
class FakeWorker {
  static made: FakeWorker[] = [];
  static ready = false;
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onerror: ((e: { preventDefault(): void; message?: string }) => void) | null = null;
  posted: Array<{ op: Request['op']; transferred: number }> = [];
  constructor() {
    FakeWorker.made.push(this);
    setTimeout(() => {
      if (FakeWorker.ready) this.onmessage?.({ data: { id: 0, ready: true } });
    }, 0);
  }
  postMessage(req: Request, transfer: unknown[] = []) {
    this.posted.push({ op: req.op, transferred: transfer.length });
    // The script failed to load: the browser says so once, after the page's first messages.
    setTimeout(() => this.onerror?.({ preventDefault: () => undefined }), 5);
  }
  terminate() {}
}

jest.mock('../../src/browser/makeWorker', () => ({ makeWorker: () => new FakeWorker() }));

const SAMPLE = path.join(__dirname, '../../samples/ledger-2021.xlsx');
const sample = () => ({ name: 'ledger-2021.xlsx', bytes: new Uint8Array(readFileSync(SAMPLE)) });

beforeEach(() => {
  FakeWorker.made = [];
  FakeWorker.ready = false;
  (globalThis as unknown as { Worker: unknown }).Worker = FakeWorker;
});

test('a worker whose script never loads: the sample (copied to it, not handed over) is opened and checked in-thread', async () => {
  const { pageFiles } = await import('../../src/browser/files');
  const engine = await pageFiles().engine();
  const opened = await engine.open([sample()]);
  expect(opened.name).toBe('ledger-2021.xlsx');
  const view = await engine.check('2021-07-19');
  if (!view.ok) throw new Error(view.message);
  expect(view.totalsLines.join('')).toContain('超期未答复 6 件');
  // The worker was given the file, but nothing was handed over: the bytes stayed in the page for the retry.
  expect(FakeWorker.made[0].posted).toEqual([{ op: 'open', transferred: 0 }]);
  await engine.configure({ deadlineMonths: { 市人大建议: 5 } });
  const again = await engine.check('2021-07-19');
  expect(again.ok && again.totalsLines.join('')).toContain('超期未答复 0 件');
});

test('the engine taking over is given the settings in force first', async () => {
  const { WorkerUnavailable } = await import('../../src/browser/engine');
  const { withFallback } = await import('../../src/browser/files');
  const calls: string[] = [];
  const engine = (name: string, fails: boolean) =>
    ({
      configure: async (s: unknown) => void calls.push(`${name} configure ${JSON.stringify(s)}`),
      check: async () => {
        calls.push(`${name} check`);
        if (fails) throw new WorkerUnavailable('没有加载');
        return { ok: true } as never;
      },
      cancel: () => undefined,
    }) as unknown as import('../../src/browser/types').Engine;
  const e = withFallback(engine('worker', true), async () => engine('in-thread', false));
  await e.configure({ dueSoonDays: 20 });
  await e.check('2021-07-19');
  await e.check('2021-07-20');
  expect(calls).toEqual(['worker configure {"dueSoonDays":20}', 'worker check', 'in-thread configure {"dueSoonDays":20}', 'in-thread check', 'in-thread check']);
});

test('a worker that ran and then failed: the request fails with the message, nothing is retried elsewhere', async () => {
  FakeWorker.ready = true;
  const { workerEngine } = await import('../../src/browser/engine');
  const { withFallback } = await import('../../src/browser/files');
  let fallbacks = 0;
  const engine = withFallback(workerEngine(), async () => {
    fallbacks++;
    throw new Error('not used');
  });
  await new Promise((r) => setTimeout(r, 1));
  await expect(engine.check('2021-07-19')).rejects.toThrow(/^后台处理中断了（浏览器没有说明原因）。请刷新页面后重试。$/);
  expect(fallbacks).toBe(0);
});

test('a page that may not start a worker at all (refused at once): the engine runs in-thread', async () => {
  (globalThis as unknown as { Worker: unknown }).Worker = function refused() {
    throw new Error("Failed to construct 'Worker': Script cannot be accessed from origin 'null'.");
  };
  jest.resetModules();
  jest.doMock('../../src/browser/makeWorker', () => ({
    makeWorker: () => new (globalThis as unknown as { Worker: new () => unknown }).Worker(),
  }));
  const { pageFiles } = await import('../../src/browser/files');
  const engine = await pageFiles().engine();
  const opened = await engine.open([sample()]);
  expect(opened.name).toBe('ledger-2021.xlsx');
});
