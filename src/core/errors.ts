/** Errors a user can act on: a stable code and a message in Chinese. Never shown with a stack trace. */
export type ErrorCode =
  | 'not-found'
  | 'unreadable'
  | 'unsupported-format'
  | 'encrypted'
  | 'legacy-xls'
  | 'empty-workbook'
  | 'no-header'
  | 'bad-option';

export class BanliError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'BanliError';
  }
}

export function isBanliError(e: unknown): e is BanliError {
  return e instanceof BanliError;
}
