/**
 * Checking many files: in worker threads where that is faster (several files, several cores), in input order
 * whatever order they finish in; a progress callback after each file.
 */
import { existsSync, statSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AnalyseOptions } from '../core';
import { JobResult, checkJob } from './check';
import { annotatedNames } from './annotate';
import { PathEntry, SkippedPath, inputIds } from './files';
import { FileSummary } from './summary';
import { writeFileAtomic } from './safeWrite';
import { errorInfo, rawText, withDetail } from './errors';

export interface Job {
  id: number;
  path: string;
  options: AnalyseOptions;
  annotate: boolean;
  /** Given by name: checked even if it is one of Banli's annotated copies. */
  explicit?: boolean;
}

export interface BatchOptions {
  options: AnalyseOptions;
  /** Where each entry's annotated copy goes (same order as the entries), decided before the batch starts. */
  annotatePaths?: Array<string | undefined>;
  /** Or a folder, the names chosen here. */
  annotateDir?: string;
  /** Worker threads; 0 or 1 checks in this thread; undefined chooses. */
  jobs?: number;
  onProgress?: (done: number, total: number, file: string) => void;
}

export interface BatchResult {
  /** One per file checked or that could not be checked, in input order. */
  results: FileSummary[];
  /** Files found to be Banli's own annotated copies by the marker in their package. */
  skipped: SkippedPath[];
}

/**
 * Only compiled code can run in a worker (tests running the TypeScript sources check inline). The one-file CLI
 * (lib/node/cli.bundle.js) starts the one-file worker beside it; tsc's lib/node/*.js start tsc's worker.
 */
const WORKER = path.join(__dirname, __filename.endsWith('.bundle.js') ? 'worker.bundle.js' : 'worker.js');

/** Worker threads pay about a tenth of a second each to start: worth it for two or more files of some size. */
export function chooseJobs(files: string[], requested?: number): number {
  if (requested !== undefined) return Math.max(1, Math.min(requested, files.length));
  if (files.length < 2 || !existsSync(WORKER)) return 1;
  const bytes = files.reduce((n, f) => {
    try {
      return n + statSync(f).size;
    } catch {
      return n;
    }
  }, 0);
  if (bytes < 512 * 1024) return 1;
  return Math.max(1, Math.min(os.cpus().length, files.length));
}

/** The annotated copy is written here, in the main thread, where an interrupted write is cleaned up. */
async function settle(r: JobResult, target: string | undefined): Promise<JobResult> {
  if (r.kind !== 'checked' || !r.summary.ok || !target) return r;
  if (r.annotateError) r.summary.annotated = { ok: false, error: r.annotateError };
  else if (r.annotatedBytes) {
    try {
      await writeFileAtomic(target, r.annotatedBytes);
      r.summary.annotated = { ok: true, path: target };
    } catch (e) {
      r.summary.annotated = { ok: false, error: errorInfo(e, target, 'write') };
    }
  }
  delete r.annotatedBytes;
  return r;
}

export async function runBatch(entries: PathEntry[], b: BatchOptions): Promise<BatchResult> {
  const slots: Array<JobResult | undefined> = new Array(entries.length);
  const todo: Job[] = [];
  const targets =
    b.annotatePaths ??
    (b.annotateDir ? await annotatedNames(entries.map((e) => e.path), b.annotateDir, inputIds(entries)) : []);
  entries.forEach((e, id) => {
    if (e.problem) slots[id] = { kind: 'checked', summary: { path: e.path, ok: false, error: e.problem } };
    else todo.push({ id, path: e.path, options: b.options, annotate: !!targets[id], explicit: e.explicit });
  });
  let done = entries.length - todo.length;
  const finish = async (job: Job, r: JobResult) => {
    slots[job.id] = await settle(r, targets[job.id]);
    b.onProgress?.(++done, entries.length, job.path);
  };
  const collect = (): BatchResult => ({
    results: slots.flatMap((s) => (s?.kind === 'checked' ? [s.summary] : [])),
    skipped: slots.flatMap((s) => (s?.kind === 'skipped' ? [s.skip] : [])),
  });
  const jobs = chooseJobs(todo.map((t) => t.path), b.jobs);
  if (jobs <= 1 || !existsSync(WORKER)) {
    for (const job of todo) await finish(job, await checkJob(job.path, job.options, job.annotate, job.explicit));
    return collect();
  }
  // Loaded only here: a check of one file (most runs) never pays for worker_threads at start-up.
  const { Worker } = await import('worker_threads');
  const queue = [...todo];
  await Promise.all(
    Array.from({ length: jobs }, async () => {
      let worker = new Worker(WORKER);
      try {
        for (let job = queue.shift(); job; job = queue.shift()) {
          const current = job;
          const result = await new Promise<JobResult>((resolve, reject) => {
            const onMessage = (m: { id: number; result: JobResult }) => {
              if (m.id !== current.id) return;
              worker.off('error', reject);
              resolve(m.result);
            };
            worker.once('message', onMessage);
            worker.once('error', reject);
            worker.postMessage(current);
          }).catch(async (e): Promise<JobResult> => {
            // The worker died (out of memory, say): report this file and carry on with a fresh one.
            await worker.terminate();
            worker = new Worker(WORKER);
            const message = withDetail(`检查 ${current.path} 时，检查它的工作线程意外停止了（文件可能太大，内存不够）。请关闭其他程序后用 --jobs 1 单独检查这个文件。`, rawText(e));
            return { kind: 'checked', summary: { path: current.path, ok: false, error: { code: 'unreadable', message } } };
          });
          await finish(current, result);
        }
      } finally {
        await worker.terminate();
      }
    }),
  );
  return collect();
}

/** The results alone, in input order. */
export async function checkAll(entries: PathEntry[], b: BatchOptions): Promise<FileSummary[]> {
  return (await runBatch(entries, b)).results;
}
