import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { standardOutput, type OutputDescriptor } from '../../../src/cli/standard-output';

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`write ${code}`), { code });
}

/**
 * A descriptor that takes at most `chunk` bytes per write and `room` bytes in all before it would block
 * (or fails with `failWith`), and Node's stream for it, which records what it was given.
 */
function descriptor(options: { kind: OutputDescriptor['kind']; chunk?: number; room?: number; failWith?: string }) {
  const direct: string[] = [];
  const streamed: string[] = [];
  const callbacks: Array<() => void> = [];
  let room = options.room ?? Infinity;
  const stream = Object.assign(new EventEmitter(), {
    writable: true,
    write(text: string | Uint8Array, done?: () => void) {
      streamed.push(Buffer.from(text).toString('utf8'));
      if (done) callbacks.push(done);
      return true;
    },
  });
  let streamsMade = 0;
  const fd: OutputDescriptor = {
    fd: 1,
    kind: options.kind,
    writeSync(_fd, buffer, offset, length) {
      if (options.failWith) throw errno(options.failWith);
      if (room === 0) throw errno('EAGAIN');
      const taken = Math.min(length, options.chunk ?? length, room);
      room -= taken;
      direct.push(Buffer.from(buffer.subarray(offset, offset + taken)).toString('utf8'));
      return taken;
    },
    stream: () => {
      streamsMade += 1;
      return stream as unknown as NodeJS.WritableStream;
    },
  };
  return { fd, direct, streamed, stream, callbacks, streamsMade: () => streamsMade };
}

describe('standard output written to a file or a pipe', () => {
  it('writes every byte to the descriptor itself, however few each write takes, and makes no stream', async () => {
    const target = descriptor({ kind: 'plain', chunk: 3 });
    const failures: unknown[] = [];
    const out = standardOutput(target.fd, (error) => failures.push(error));
    out.write('Maya Okafor, caf\u00e9\n');
    expect(target.direct.join('')).toBe('Maya Okafor, caf\u00e9\n');
    expect({ streams: target.streamsMade(), failures }).toEqual({ streams: 0, failures: [] });
    await expect(out.drained()).resolves.toBeUndefined();
  });

  it('hands the rest to the stream once the descriptor would block, and every later write too, in order', () => {
    const target = descriptor({ kind: 'plain', room: 5 });
    const out = standardOutput(target.fd, () => undefined);
    out.write('first line\n');
    out.write('second\n');
    expect({ direct: target.direct.join(''), streamed: target.streamed }).toEqual({ direct: 'first', streamed: [' line\n', 'second\n'] });
    expect(target.streamsMade()).toBe(1);
  });

  it('ends the run through onFailure when a write fails, and gives nothing to a stream', () => {
    const target = descriptor({ kind: 'plain', failWith: 'EPIPE' });
    const failures: unknown[] = [];
    standardOutput(target.fd, (error) => failures.push(error)).write('lost\n');
    expect(failures).toEqual([expect.objectContaining({ code: 'EPIPE' })]);
    expect(target.streamsMade()).toBe(0);
  });
});

describe('standard output to a terminal or a device', () => {
  it("goes through Node's stream, whose failures end the run, and is drained once the stream has written", async () => {
    const target = descriptor({ kind: 'terminal' });
    const failures: unknown[] = [];
    const out = standardOutput(target.fd, (error) => failures.push(error));
    out.write('to the terminal\n');
    expect({ direct: target.direct, streamed: target.streamed }).toEqual({ direct: [], streamed: ['to the terminal\n'] });
    target.stream.emit('error', errno('EIO'));
    expect(failures).toEqual([expect.objectContaining({ code: 'EIO' })]);

    let drained = false;
    const draining = out.drained().then(() => { drained = true; });
    await Promise.resolve();
    expect(drained).toBe(false);
    for (const done of target.callbacks) done();
    await draining;
    expect(drained).toBe(true);
  });
});
