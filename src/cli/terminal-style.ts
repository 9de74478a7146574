/**
 * Colour for people at a terminal, plain text for everything else. Colour only ever repeats what the
 * words already say (PASS, FAIL...), so nothing is lost without it.
 */
export interface TerminalStyle {
  readonly ansi: boolean;
  ok(text: string): string;
  warn(text: string): string;
  bad(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

/** Colour only on a terminal, and never when `NO_COLOR` is set to anything (https://no-color.org). */
export function terminalStyle(isTty: boolean, env: Readonly<Record<string, string | undefined>>): TerminalStyle {
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  const ansi = isTty && !noColor && env.TERM !== 'dumb';
  const paint = (open: number, close: number) => (text: string) => (ansi ? `\u001b[${open}m${text}\u001b[${close}m` : text);
  return {
    ansi,
    ok: paint(32, 39),
    warn: paint(33, 39),
    bad: paint(31, 39),
    dim: paint(2, 22),
    bold: paint(1, 22),
  };
}
