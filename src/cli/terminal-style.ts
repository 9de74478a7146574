/**
 * Colour for people at a terminal, plain text for everything else, and the width text is wrapped to.
 * Colour only ever repeats what the words already say (PASS, FAIL...), so nothing is lost without it.
 */
export interface TerminalStyle {
  readonly ansi: boolean;
  /** A terminal that can redraw a line: progress spinners and timings only then. */
  readonly live: boolean;
  /** Columns to wrap prose at. */
  readonly columns: number;
  ok(text: string): string;
  warn(text: string): string;
  bad(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

/** Below this a wrapped line would hold a word or two; a width this small is a mistake, not a terminal. */
const minColumns = 20;
const unknownColumns = 80;

/**
 * Colour only on a terminal, and never when `NO_COLOR` is set to anything (https://no-color.org).
 * Width: `COLUMNS` when set (as shells and scripts do), else the terminal's own width, else 80.
 */
export function terminalStyle(isTty: boolean, env: Readonly<Record<string, string | undefined>>, ttyColumns: number | null = null): TerminalStyle {
  const fromEnv = Number(env.COLUMNS);
  const columns = Number.isInteger(fromEnv) && fromEnv >= minColumns ? fromEnv : ttyColumns !== null && ttyColumns >= minColumns ? ttyColumns : unknownColumns;
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  const live = isTty && env.TERM !== 'dumb';
  const ansi = live && !noColor;
  const paint = (open: number, close: number) => (text: string) => (ansi ? `\u001b[${open}m${text}\u001b[${close}m` : text);
  return {
    ansi,
    live,
    columns,
    ok: paint(32, 39),
    warn: paint(33, 39),
    bad: paint(31, 39),
    dim: paint(2, 22),
    bold: paint(1, 22),
  };
}
