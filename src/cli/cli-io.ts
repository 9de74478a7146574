/**
 * What a command may touch of the terminal. The real one wraps the process; tests pass their own so
 * they can read everything a command printed and feed it stdin.
 */
export interface CliIo {
  /** Writes to stdout; a missing final newline is added. */
  out(text: string): void;
  /** Writes to stderr; a missing final newline is added. */
  err(text: string): void;
  /** Writes to stderr as is: progress lines that a later write overwrites. */
  status(text: string): void;
  /** True when stdout is a terminal: live progress and colour only then. */
  isTty: boolean;
  /** The terminal's width when stdout is a terminal that says; null otherwise. */
  columns: number | null;
  /** True when stdin is a terminal: prompts are allowed. */
  stdinIsTty: boolean;
  /** All of standard input, read once: later calls give the same text. */
  readStdin(): Promise<string>;
  /** Asks without echoing what is typed; null when the person gave up (Ctrl-C, Ctrl-D). */
  promptSecret(question: string): Promise<string | null>;
  prompt(question: string): Promise<string | null>;
}
