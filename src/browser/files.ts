/**
 * The page's file side: one ledger engine (a Web Worker) for the whole page, the bundled sample, and downloads.
 * Nothing is sent anywhere: files are read and written in the page.
 */
import { Engine, PageFiles } from './types';
import { WorkerUnavailable, workerEngine } from './engine';
import type { ConfigFile } from '../core';
import { sampleBytes } from './sample';

let shared: Promise<Engine> | null = null;

/**
 * The ledger engine in a Web Worker; in the page's own thread where there is no Worker, or where the page may not
 * start one (a page opened from disk, as WPS opens its add-ins, may not load a worker script from its own folder:
 * Chromium refuses it at once), or where the worker's script then fails to load (the request is made again
 * in-thread). The same Session either way; in-thread, a large ledger holds the page while it is read.
 */
async function startEngine(): Promise<Engine> {
  if (typeof Worker === 'function') {
    try {
      return withFallback(workerEngine());
    } catch {
      // Refused: the in-thread engine below.
    }
  }
  return inThread();
}

const inThread = async (): Promise<Engine> => (await import('./inThread')).inThreadEngine();

/** The worker's engine, replaced by the in-thread one (given the settings in force) if the worker never runs. */
export function withFallback(first: Engine, fallback: () => Promise<Engine> = inThread): Engine {
  let current = first;
  let settings: ConfigFile | null = null;
  let replaced: Promise<Engine> | null = null;
  const replace = () =>
    (replaced ??= fallback().then(async (e) => {
      if (settings !== null) await e.configure(settings);
      current = e;
      return e;
    }));
  const run = <T>(f: (e: Engine) => Promise<T>): Promise<T> =>
    f(current).catch(async (err: unknown) => {
      if (!(err instanceof WorkerUnavailable)) throw err;
      return f(await replace());
    });
  return {
    open: (files, onProgress) => run((e) => e.open(files, onProgress)),
    check: (asOf, sheet, columns) => run((e) => e.check(asOf, sheet, columns)),
    row: (sheet, row, file) => run((e) => e.row(sheet, row, file)),
    annotated: (asOf, sheet, columns) => run((e) => e.annotated(asOf, sheet, columns)),
    circular: (options, asOf, sheet, columns) => run((e) => e.circular(options, asOf, sheet, columns)),
    configure: async (s) => {
      await run((e) => e.configure(s));
      settings = s;
    },
    cancel: () => current.cancel(),
  };
}

export function pageFiles(): PageFiles {
  return {
    engine: () => (shared ??= startEngine()),
    sample: sampleBytes,
    download,
  };
}

export function download(data: Uint8Array | Blob, name: string, type: string): void {
  const blob = data instanceof Blob ? data : new Blob([data as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
