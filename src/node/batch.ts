/**
 * Checking many files: in worker threads where that is faster (several files, several cores), in input order
 * whatever order they finish in; a progress callback after each file.
 */
import { existsSync, statSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { AnalyseOptions } from '../core';
import { checkFile } from './check';
import { annotatedNames } from './annotate';
import { PathEntry } from './files';
import { FileSummary } from './summary';

export interface Job {
  id: number;
  path: string;
  options: AnalyseOptions;
  annotatePath?: string;
}

export interface BatchOptions {
  options: AnalyseOptions;
  annotateDir?: string;
  /** Worker threads; 0 or 1 checks in this thread; undefined chooses. */
  jobs?: number;
  onProgress?: (done: number, total: number, file: string) => void;
}

/** Only compiled code can run in a worker (tests running the TypeScript sources check inline). */
const WORKER = path.join(__dirname, 'worker.js');

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

export async function checkAll(entries: PathEntry[], b: BatchOptions): Promise<FileSummary[]> {
  const results: FileSummary[] = new Array(entries.length);
  const todo: Job[] = [];
  const names = b.annotateDir ? annotatedNames(entries.map((e) => e.path), b.annotateDir) : [];
  entries.forEach((e, id) => {
    if (e.problem) results[id] = { path: e.path, ok: false, error: e.problem };
    else todo.push({ id, path: e.path, options: b.options, annotatePath: names[id] });
  });
  let done = entries.length - todo.length;
  const finish = (job: Job, s: FileSummary) => {
    results[job.id] = s;
    b.onProgress?.(++done, entries.length, job.path);
  };
  const jobs = chooseJobs(todo.map((t) => t.path), b.jobs);
  if (jobs <= 1 || !existsSync(WORKER)) {
    for (const job of todo) finish(job, await checkFile(job.path, job.options, { annotatePath: job.annotatePath }));
    return results;
  }
  const queue = [...todo];
  await Promise.all(
    Array.from({ length: jobs }, async () => {
      let worker = new Worker(WORKER);
      try {
        for (let job = queue.shift(); job; job = queue.shift()) {
          const current = job;
          const summary = await new Promise<FileSummary>((resolve, reject) => {
            const onMessage = (m: { id: number; summary: FileSummary }) => {
              if (m.id !== current.id) return;
              worker.off('error', reject);
              resolve(m.summary);
            };
            worker.once('message', onMessage);
            worker.once('error', reject);
            worker.postMessage(current);
          }).catch(async (e): Promise<FileSummary> => {
            // The worker died (out of memory, say): report this file and carry on with a fresh one.
            await worker.terminate();
            worker = new Worker(WORKER);
            return { path: current.path, ok: false, error: { code: 'unreadable', message: `检查 ${current.path} 时出错：${String(e?.message ?? e)}` } };
          });
          finish(current, summary);
        }
      } finally {
        await worker.terminate();
      }
    }),
  );
  return results;
}
