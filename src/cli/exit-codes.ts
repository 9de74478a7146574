/** The documented exit codes of `gridpass`. Scripts depend on them: never renumber. */
export const ExitCode = {
  /** Everything checked is fine. */
  ok: 0,
  /** A check ran and failed: the site, the login or this computer has a problem. */
  checkFailed: 1,
  /** The command was called wrongly; nothing was checked. */
  usage: 2,
  /** Gridpass itself failed: a bug or an unexpected state. */
  internal: 3,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** A mistake in how the command was called: printed with a pointer to --help, exit 2. */
export class UsageError extends Error {
  override readonly name: string = 'UsageError';
}

/**
 * The person gave up at a prompt (Ctrl-C, Ctrl-D). Exit 2 like a usage error, since nothing more was
 * tried, but with no pointer to --help: they called the command correctly.
 */
export class Cancelled extends UsageError {
  override readonly name = 'Cancelled';
}
