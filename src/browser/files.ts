/**
 * The page's file side: one ledger engine (a Web Worker) for the whole page, the bundled sample, and downloads.
 * Nothing is sent anywhere: files are read and written in the page.
 */
import { Engine, PageFiles } from './types';
import { workerEngine } from './engine';
import { sampleBytes } from './sample';

let shared: Engine | null = null;

export function pageFiles(): PageFiles {
  return {
    engine: async () => (shared ??= typeof Worker === 'function' ? workerEngine() : (await import('./inThread')).inThreadEngine()),
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
