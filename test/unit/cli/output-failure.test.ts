import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../../src/cli/exit-codes';
import { endOnOutputFailure, outputFailureMessage } from '../../../src/cli/output-failure';

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`write ${code}`), { code });
}

/** What the failure handler wrote to stderr and the exit codes it asked for. */
function recorded(stderrFails = false) {
  const written: string[] = [];
  const exits: number[] = [];
  const fail = endOnOutputFailure((code) => exits.push(code), (text) => {
    if (stderrFails) throw errno('EPIPE');
    written.push(text);
  });
  return { fail, written, exits };
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
    const { fail, written, exits } = recorded();
    fail('standard output')(errno('EPIPE'));
    fail('standard output')(errno('EPIPE'));
    expect(written).toEqual([`${outputFailureMessage('standard output', errno('EPIPE'))}\n`]);
    expect(exits).toEqual([ExitCode.internal]);
  });

  it('on a stderr failure exits 3 without writing to stderr again', () => {
    const { fail, written, exits } = recorded();
    fail('standard error')(errno('ENOSPC'));
    expect(written).toEqual([]);
    expect(exits).toEqual([ExitCode.internal]);
  });

  it('still exits 3 when stderr is gone too', () => {
    const { fail, exits } = recorded(true);
    fail('standard output')(errno('EPIPE'));
    expect(exits).toEqual([ExitCode.internal]);
  });
});
