/**
 * What a standard descriptor is, for reading and writing it: a terminal keeps Node's stream (raw mode
 * for prompts, the width, colour); a file, a pipe (or a socket, which is what Node gives a child
 * process's pipes) or another device (`/dev/null`, `/dev/full`) is read and written by the CLI itself.
 */
import { fstatSync } from 'node:fs';

export type DescriptorKind = 'terminal' | 'plain' | 'closed';

export function descriptorKind(fd: number): DescriptorKind {
  let stat;
  try {
    stat = fstatSync(fd);
  } catch {
    // Node's stream reports a closed descriptor in its own way.
    return 'closed';
  }
  // Only a character device can be a terminal. Node's tty module (which loads its net module) is
  // loaded for one only, not by every start of the launcher and the CLI.
  return stat.isCharacterDevice() && process.getBuiltinModule('node:tty').isatty(fd) ? 'terminal' : 'plain';
}
