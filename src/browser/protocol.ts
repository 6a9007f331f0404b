/** Messages between the page and its ledger worker. */
import type { Session } from './session';

export type Op = 'open' | 'check' | 'row' | 'annotated' | 'circular' | 'configure';
export interface Request {
  id: number;
  op: Op;
  args: unknown[];
}
export type Reply =
  /** The worker's first message, once its code runs (id 0: no request has it). */
  | { id: 0; ready: true }
  | { id: number; progress: unknown }
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; code: string; message: string };

/** Runs one request against a session; the worker and the in-thread fallback share it. */
export async function handle(session: Session, req: Request, progress: (p: unknown) => void): Promise<unknown> {
  const a = req.args as never[];
  switch (req.op) {
    case 'open':
      return session.open(a[0], progress);
    case 'check':
      return session.check(a[0], a[1], a[2]);
    case 'row':
      return session.row(a[0], a[1], a[2]);
    case 'annotated':
      return session.annotated(a[0], a[1], a[2]);
    case 'circular':
      return session.circular(a[0], a[1], a[2], a[3]);
    case 'configure':
      return session.configure(a[0]);
  }
}
