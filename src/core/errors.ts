/** Errors a user can act on: a stable code and a message in Chinese. Never shown with a stack trace. */
export type ErrorCode =
  | 'not-found'
  | 'unreadable'
  | 'unsupported-format'
  | 'encrypted'
  | 'legacy-xls'
  | 'empty-workbook'
  | 'no-header'
  /** A header but not one item under it (a blank template, the wrong file or sheet). */
  | 'no-items'
  | 'bad-option'
  /** Past a reading limit (a part's inflated size, the number of cells): a damaged file or a zip bomb. */
  | 'too-large';

export class BanliError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /**
     * What a library or the system said (English, technical): never part of the message; the command line shows it
     * only with BANLI_DEBUG=1, for whoever maintains the tool.
     */
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'BanliError';
  }
}

export function isBanliError(e: unknown): e is BanliError {
  return e instanceof BanliError;
}
