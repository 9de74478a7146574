import { describe, expect, it } from 'vitest';
import { visibleLength, wrapText } from '../../../src/cli/wrap-text';

const sentence = 'Gridpass stores passphrases only in the Secret Service keyring, and it could not be reached on this computer.';

function lines(text: string): string[] {
  return text.split('\n');
}

describe('wrapText', () => {
  it.each([60, 100])('keeps every line within %i columns and breaks only between words', (columns) => {
    const text = `  ${sentence} ${sentence}`;
    const wrapped = wrapText(text, columns);
    for (const line of lines(wrapped)) expect(visibleLength(line)).toBeLessThanOrEqual(columns);
    expect(wrapped.replace(/\n +/g, ' ')).toBe(text);
  });

  it('continues a numbered step under its text, not under its number', () => {
    const wrapped = wrapText(`    1. ${sentence}`, 40);
    const [first, ...rest] = lines(wrapped);
    expect(first).toMatch(/^ {4}1\. Gridpass/);
    for (const line of rest) expect(line).toMatch(/^ {7}\S/);
  });

  it('continues at a given hanging indent, keeping the spacing of aligned columns', () => {
    const wrapped = wrapText(`  FAIL  Keychain    ${sentence}`, 50, 20);
    const [first, ...rest] = lines(wrapped);
    expect(first?.startsWith('  FAIL  Keychain    Gridpass')).toBe(true);
    for (const line of rest) expect(line).toMatch(/^ {20}\S/);
  });

  it('leaves a word longer than the line whole', () => {
    const url = 'https://help.autodesk.com/view/SGSUB/ENU/?contextId=AR_ACCOUNT_SETTINGS_MIGRATED';
    expect(lines(wrapText(`       Autodesk help: ${url}`, 40))).toEqual(['       Autodesk help:', `       ${url}`]);
  });

  it('does not count colour sequences as columns', () => {
    const painted = `\u001b[31mPROBLEM\u001b[39m ${'word '.repeat(3)}end`;
    expect(wrapText(painted, 26)).toBe(painted);
    expect(visibleLength(painted)).toBe(26);
    expect(wrapText(painted, 25)).toBe(painted.replace(" end", "\nend"));
  });

  it('leaves short lines and blank lines as they are', () => {
    expect(wrapText('a\n\n  b  c', 80)).toBe('a\n\n  b  c');
  });
});
