const ansiSequence = /\u001b\[[0-9;]*m/g;

/** How many columns text takes on screen: colour sequences take none. */
export function visibleLength(text: string): number {
  return [...text.replace(ansiSequence, '')].length;
}

/** A line's indent plus a list marker ("1. ", "- "), so wrapped lines of a step line up under its text. */
const hangingPrefix = /^\s*(?:\d+\.\s+|[-*]\s+)?/;

/**
 * Wraps every line of `text` to `columns` on word boundaries, never inside a word: a word longer than
 * the line (a link, a long host name) is left whole on a line of its own. A wrapped line continues at
 * the line's own indent, or at `hangingIndent` when given (a column of check names, for example).
 */
export function wrapText(text: string, columns: number, hangingIndent?: number): string {
  return text.split('\n').map((line) => wrapLine(line, columns, hangingIndent)).join('\n');
}

function wrapLine(line: string, columns: number, hangingIndent: number | undefined): string {
  if (visibleLength(line) <= columns) return line;
  const indent = ' '.repeat(hangingIndent ?? visibleLength(hangingPrefix.exec(line)?.[0] ?? ''));
  // Each piece is a word with the blanks before it, so spacing inside a line (aligned columns) survives.
  const pieces = line.match(/ *[^ ]+/g) ?? [];
  const lines: string[] = [];
  let current = '';
  for (const piece of pieces) {
    if (current === '' || visibleLength(current + piece) <= columns) {
      current += piece;
      continue;
    }
    lines.push(current);
    current = indent + piece.trimStart();
  }
  lines.push(current);
  return lines.join('\n');
}
