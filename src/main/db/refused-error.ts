// The one error openDatabase throws for a file it will not touch. The file is never modified or
// deleted; `reason` lets the host word its dialog (or the CLI its exit message).

export type RefusalReason = 'not-a-database' | 'corrupt' | 'foreign' | 'newer' | 'migration-order';

export class DatabaseRefusedError extends Error {
  override readonly name = 'DatabaseRefusedError';
  readonly path: string;
  readonly reason: RefusalReason;

  constructor(path: string, reason: RefusalReason, detail: string, options?: ErrorOptions) {
    super(`Tierlab will not open ${path}: ${detail} The file was left untouched.`, options);
    this.path = path;
    this.reason = reason;
  }
}
