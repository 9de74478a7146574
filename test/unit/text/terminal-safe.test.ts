import { describe, expect, it } from 'vitest';
import { terminalSafe, terminalSafeOutput } from '../../../src/text/terminal-safe';

const ESC = '\u001b';

describe('terminalSafe', () => {
  it.each([
    ['a screen clear (CSI)', `a${ESC}[2Jb`, 'ab'],
    ['a colour (SGR)', `${ESC}[31mred${ESC}[0m`, 'red'],
    ['a clipboard write (OSC 52, BEL-terminated)', `a${ESC}]52;c;cGxhbnRlZA==\u0007b`, 'ab'],
    ['a title change (OSC, ST-terminated)', `a${ESC}]0;owned${ESC}\\b`, 'ab'],
    ['an unterminated OSC', `a${ESC}]52;c;cGxhbnRlZA==`, 'a'],
    ['8-bit CSI and OSC', `a\u009b2Jb\u009d52;c;x\u009cc`, 'abc'],
    ['a device control string', `a${ESC}Pq#0;2;0;0;0${ESC}\\b`, 'ab'],
    ['a bare ESC pair', `a${ESC}cb`, 'ab'],
    ['bidirectional overrides', 'a\u202eevil\u202cb', 'aevilb'],
  ])('removes %s', (_what, input, expected) => {
    expect(terminalSafe(input)).toBe(expected);
  });

  it('shows other control characters visibly and folds line breaks into spaces', () => {
    expect(terminalSafe('a\u0000b\u0007c\u007fd\r\ne\tf')).toBe('a\ufffdb\ufffdc\ufffdd  e f');
  });

  it('keeps line breaks when asked', () => {
    expect(terminalSafe('one\r\ntwo\nthree\rfour', { keepLineBreaks: true })).toBe('one\ntwo\nthree four');
  });
});

describe('terminalSafeOutput', () => {
  it('keeps Gridpass\'s own colours and line clearing, removes everything foreign', () => {
    const own = `${ESC}[32mPASS${ESC}[39m`;
    expect(terminalSafeOutput(`${own} ${ESC}]52;c;eA==\u0007${ESC}[2Jx\u0000`)).toBe(`${own} x\ufffd`);
  });

  it('keeps a carriage return only where asked (the progress line)', () => {
    expect(terminalSafeOutput(`\r${ESC}[2Kchecking`, true)).toBe(`\r${ESC}[2Kchecking`);
    expect(terminalSafeOutput('a\rb')).toBe('a\ufffdb');
  });
});
