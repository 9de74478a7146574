import { describe, expect, it } from 'vitest';
import { describeLoginProblem, parseLoginInput } from '../../../src/shotgrid/login-input';

describe('a ShotGrid login as typed', () => {
  it.each([
    ['jane@studio.com', 'jane@studio.com'],
    ['  jane@studio.com \n', 'jane@studio.com'],
    ['mkowalski', 'mkowalski'],
  ])('accepts %j as %j', (raw, login) => {
    expect(parseLoginInput(raw)).toEqual({ ok: true, login });
  });

  it.each([
    ['   ', 'empty'],
    ['jane@studio.com copper-lantern-42', 'space'],
    ['https://mystudio.shotgrid.autodesk.com', 'web-address'],
    ['jane\tdoe', 'control-character'],
    ['x'.repeat(257), 'too-long'],
  ])('refuses %j (%s)', (raw, problem) => {
    expect(parseLoginInput(raw)).toEqual({ ok: false, problem });
  });

  it('never repeats what was typed when it says what is wrong', () => {
    const typed = 'jane@studio.com copper-lantern-42';
    const parsed = parseLoginInput(typed);
    if (parsed.ok) throw new Error('expected a refusal');
    expect(describeLoginProblem(parsed.problem)).not.toContain('copper-lantern-42');
  });
});
