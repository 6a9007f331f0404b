/**
 * The page's file side: one ledger engine (a Web Worker) for the whole page, the bundled sample, and downloads.
 * Nothing is sent anywhere: files are read and written in the page.
 */
import { Engine, PageFiles } from './types';
import { workerEngine } from './engine';
import { sampleBytes } from './sample';

let shared: Promise<Engine> | null = null;

/**
 * The ledger engine in a Web Worker; in the page's own thread where there is no Worker, or where the page may not
 * start one (a page opened from disk, as WPS opens its add-ins, may not load a worker script from its own folder:
 * Chromium refuses it at once). The same Session either way; in-thread, a large ledger holds the page while it is read.
 */
async function startEngine(): Promise<Engine> {
  if (typeof Worker === 'function') {
    try {
      return workerEngine();
    } catch {
      // Refused: the in-thread engine below.
    }
  }
  return (await import('./inThread')).inThreadEngine();
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
