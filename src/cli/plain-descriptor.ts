/**
 * Whether a standard descriptor is a file or a pipe (or a socket, which is what Node gives a child
 * process's pipes), which the CLI reads and writes itself. A terminal, and every other device, keeps
 * Node's stream: raw mode for prompts, the width, colour.
 */
import { fstatSync } from 'node:fs';

export function isPlainDescriptor(fd: number): boolean {
  try {
    const stat = fstatSync(fd);
    return stat.isFile() || stat.isFIFO() || stat.isSocket();
  } catch {
    // A closed descriptor: Node's stream reports it in its own way.
    return false;
  }
}
