/**
 * Text from a server or a file, made safe to print on a terminal or keep: escape sequences (CSI such as
 * `ESC[2J`, OSC such as the clipboard-writing `ESC]52;…`, DCS, APC and the 8-bit C1 forms) are removed
 * whole, any other C0 or C1 control character is shown as U+FFFD, and the invisible bidirectional
 * overrides that can make text read differently from what it is are dropped.
 */

/** ESC [ … final byte; ESC ] / P / X / ^ / _ … up to BEL or ST (or the end); any other ESC pair. */
const ESCAPE_SEQUENCE =
  /\u001b\[[0-?]*[ -/]*[@-~]?|\u009b[0-?]*[ -/]*[@-~]?|(?:\u001b[\]PX^_]|[\u0090\u0098\u009d\u009e\u009f])[\s\S]*?(?:\u0007|\u001b\\|\u009c|$)|\u001b[\s\S]?/g;
const CONTROL_EXCEPT_LINE_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

interface TerminalSafeOptions {
  /** Keep `\n` (and `\r\n` as `\n`); otherwise every line break and tab becomes a space. */
  keepLineBreaks?: boolean;
}

export function terminalSafe(text: string, options: TerminalSafeOptions = {}): string {
  const withoutSequences = text.replace(ESCAPE_SEQUENCE, '').replace(BIDI_CONTROLS, '');
  const lines = options.keepLineBreaks === true
    ? withoutSequences.replace(/\r\n/g, '\n').replace(/\t/g, ' ')
    : withoutSequences.replace(/[\t\r\n\u2028\u2029]/g, ' ');
  return lines.replace(/\r/g, ' ').replace(CONTROL_EXCEPT_LINE_BREAKS, '\ufffd');
}

/** Gridpass's own colours (SGR) and line clearing on a terminal; everything else is foreign. */
const OWN_SEQUENCE = /\u001b\[(?:[0-9;]*m|2K)/g;

/**
 * The last pass before the CLI writes to a terminal: Gridpass's own styling survives, every foreign
 * control character is neutralised. `\r` is kept for the progress line, which redraws itself.
 */
export function terminalSafeOutput(text: string, keepCarriageReturn = false): string {
  let safe = '';
  let at = 0;
  for (const own of text.matchAll(OWN_SEQUENCE)) {
    safe += safeOutputPart(text.slice(at, own.index), keepCarriageReturn) + own[0];
    at = own.index + own[0].length;
  }
  return safe + safeOutputPart(text.slice(at), keepCarriageReturn);
}

function safeOutputPart(text: string, keepCarriageReturn: boolean): string {
  const withoutSequences = text.replace(ESCAPE_SEQUENCE, '').replace(BIDI_CONTROLS, '');
  const visible = withoutSequences.replace(CONTROL_EXCEPT_LINE_BREAKS, '\ufffd');
  return keepCarriageReturn ? visible : visible.replace(/\r(?!\n)/g, '\ufffd');
}
