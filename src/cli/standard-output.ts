/**
 * Standard output and error, written straight to their descriptors unless they are terminals.
 * Node makes a stream object for each on first use (for a pipe, a socket and its handle), which is
 * more work than the few lines a `gridpass` run prints (with standard input read the same way, half
 * a millisecond of a verify; Node's own socket code still makes stderr's when a connection closes,
 * so that one is often made anyway). A terminal keeps Node's stream, as does a descriptor that turns
 * out to be non-blocking (its starter opened it so) once it would block: from then on the stream
 * takes every write, in order, and waits for the reader.
 *
 * A write that fails (the reader went away, a full disk) ends the run through `onFailure`, with the
 * same words whichever way it was written.
 */
import { writeSync } from 'node:fs';
import { endOnOutputFailure } from './output-failure';
import { descriptorKind, type DescriptorKind } from './descriptor-kind';

interface StandardOutput {
  /** Whether the descriptor is a terminal (live progress and colour only then). */
  readonly terminal: boolean;
  write(text: string): void;
  /** Resolves once everything written has left the process (at once, unless a stream took part of it). */
  drained(): Promise<void>;
}

/** The two calls this needs, so a test can make a descriptor fill up or fail. */
export interface OutputDescriptor {
  readonly fd: 1 | 2;
  /** What the descriptor is (see descriptor-kind.ts): only a plain one is written to directly. */
  readonly kind: DescriptorKind;
  writeSync(fd: number, buffer: Uint8Array, offset: number, length: number): number;
  /** Node's stream for the descriptor, made on first call. */
  stream(): NodeJS.WritableStream;
}

function processDescriptor(fd: 1 | 2): OutputDescriptor {
  return { fd, kind: descriptorKind(fd), writeSync, stream: () => (fd === 1 ? process.stdout : process.stderr) };
}

export function standardOutput(descriptor: OutputDescriptor, onFailure: (error: unknown) => void): StandardOutput {
  let stream: NodeJS.WritableStream | null = null;
  const toStream = (text: string | Uint8Array): void => {
    if (stream === null) {
      stream = descriptor.stream();
      stream.on('error', onFailure);
    }
    stream.write(text);
  };
  return {
    terminal: descriptor.kind === 'terminal',
    write(text) {
      if (stream !== null || descriptor.kind !== 'plain') return toStream(text);
      const bytes = Buffer.from(text, 'utf8');
      let offset = 0;
      try {
        while (offset < bytes.length) offset += descriptor.writeSync(descriptor.fd, bytes, offset, bytes.length - offset);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') return onFailure(error);
        toStream(bytes.subarray(offset));
      }
    },
    drained() {
      const pending = stream;
      if (pending === null || !pending.writable) return Promise.resolve();
      return new Promise((resolve) => pending.write('', () => resolve()));
    },
  };
}

let streams: { out: StandardOutput; err: StandardOutput } | null = null;

/** This process's standard output and error, made once, on first use. */
export function standardStreams(): { out: StandardOutput; err: StandardOutput } {
  if (streams === null) {
    const fail = endOnOutputFailure((code) => process.exit(code), (text) => made.err.write(text));
    const made = { out: standardOutput(processDescriptor(1), fail('standard output')), err: standardOutput(processDescriptor(2), fail('standard error')) };
    streams = made;
  }
  return streams;
}
