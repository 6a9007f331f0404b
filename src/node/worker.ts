/** A worker thread that checks files for the batch: messages in, FileSummary out. */
import { parentPort } from 'worker_threads';
import { checkFile } from './check';
import type { Job } from './batch';

parentPort?.on('message', async (job: Job) => {
  const summary = await checkFile(job.path, job.options, { annotatePath: job.annotatePath });
  parentPort!.postMessage({ id: job.id, summary });
});
