/** A worker thread that checks files for the batch: jobs in, results out (the annotated copy's bytes moved, not copied). */
import { parentPort } from 'worker_threads';
import { checkJob } from './check';
import type { Job } from './batch';

parentPort?.on('message', async (job: Job) => {
  const result = await checkJob(job.path, job.options, job.annotate, job.explicit);
  const bytes = result.kind === 'checked' ? result.annotatedBytes : undefined;
  // Moved only when the bytes own their whole buffer (never a shared pool).
  const transfer = bytes && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? [bytes.buffer as ArrayBuffer] : [];
  parentPort!.postMessage({ id: job.id, result }, transfer);
});
