import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../../src/cli/exit-codes';
import { endOnOutputFailure, outputFailureMessage } from '../../../src/cli/output-failure';

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`write ${code}`), { code });
}

/** Streams that record what was written to them, and an exit that records its code. */
function fakeProcess() {
  const written: string[] = [];
  const exits: number[] = [];
  const stdout = Object.assign(new EventEmitter(), { write: (text: string) => written.push(`out:${text}`) });
  const stderr = Object.assign(new EventEmitter(), { write: (text: string) => written.push(`err:${text}`) });
  const exit = (code?: number) => { exits.push(code ?? 0); };
  return { stdout, stderr, exit, written, exits };
}

describe('outputFailureMessage', () => {
  it('names the stream and the cause in one line', () => {
    expect(outputFailureMessage('standard output', errno('ENOSPC'))).toBe(
      'gridpass: could not write to standard output: the disk it goes to is full (ENOSPC). Nothing more was printed.',
    );
    expect(outputFailureMessage('standard output', errno('EPIPE'))).toContain('stopped (EPIPE)');
    expect(outputFailureMessage('standard output', errno('EWHATEVER'))).toContain('the write failed (EWHATEVER)');
    expect(outputFailureMessage('standard error', new Error('no code'))).not.toContain('\n');
  });
});

describe('endOnOutputFailure', () => {
  it('on a stdout failure says so once on stderr and exits 3', () => {
    const fake = fakeProcess();
    endOnOutputFailure(fake as unknown as NodeJS.Process);
    fake.stdout.emit('error', errno('EPIPE'));
    fake.stdout.emit('error', errno('EPIPE'));
    expect(fake.written).toEqual([`err:${outputFailureMessage('standard output', errno('EPIPE'))}\n`]);
    expect(fake.exits).toEqual([ExitCode.internal]);
  });

  it('on a stderr failure exits 3 without writing to stderr again', () => {
    const fake = fakeProcess();
    endOnOutputFailure(fake as unknown as NodeJS.Process);
    fake.stderr.emit('error', errno('ENOSPC'));
    expect(fake.written).toEqual([]);
    expect(fake.exits).toEqual([ExitCode.internal]);
  });
});
