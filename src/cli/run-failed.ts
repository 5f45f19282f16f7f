// A run the command started ended without finishing (failed, cancelled): the command prints the run's
// one-line reason and exits 1, since it is neither a usage mistake (2) nor a bug (a stack).
export class RunFailedError extends Error {
  override readonly name = 'RunFailedError';
}
