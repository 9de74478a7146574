import type { SecretList } from '../redaction/redact';
import { terminalSafeOutput } from '../text/terminal-safe';
import type { CliIo } from './cli-io';

/**
 * The terminal with every write passed through the run's redactor, so even a site that echoes a secret
 * back, or a bug, cannot put one on screen; and made terminal-safe, so no text from a server or a file
 * (a fault carrying `ESC[2J`, an OSC 52 clipboard write) reaches the terminal as a control sequence.
 * Only Gridpass's own colours and the progress line's redraw survive.
 */
export function redactingIo(io: CliIo, secrets: SecretList): CliIo {
  return {
    ...io,
    out: (text) => io.out(terminalSafeOutput(secrets.redact(text))),
    err: (text) => io.err(terminalSafeOutput(secrets.redact(text))),
    status: (text) => io.status(terminalSafeOutput(secrets.redact(text), true)),
  };
}
