// The one error openDatabase throws for a file it will not touch, or a place where no database can be.
// The file is never modified or deleted; `reason` lets the host word its dialog (or the CLI its exit message).

export type RefusalReason =
  | 'not-a-database'
  | 'corrupt'
  | 'foreign'
  | 'newer'
  | 'migration-order'
  | 'migration-failed'
  /** The path is a folder or a device, not a file. */
  | 'not-a-file'
  /** There is no file, and none can be made there (a path under a file, a read-only folder). */
  | 'cannot-create'
  /** It can only be read, and reading it as it is needs a write first (migrations, WAL set-up). */
  | 'read-only';

/** Reasons about a place rather than a file: there is no file there to leave untouched. */
const NO_FILE: readonly RefusalReason[] = ['not-a-file', 'cannot-create'];

export class DatabaseRefusedError extends Error {
  override readonly name = 'DatabaseRefusedError';
  readonly path: string;
  readonly reason: RefusalReason;

  constructor(path: string, reason: RefusalReason, detail: string, options?: ErrorOptions) {
    const untouched = NO_FILE.includes(reason) ? '' : ' The file was left untouched.';
    const verb = reason === 'cannot-create' ? 'cannot create' : 'will not open';
    super(`Tierlab ${verb} ${path}: ${detail}${untouched}`, options);
    this.path = path;
    this.reason = reason;
  }
}
