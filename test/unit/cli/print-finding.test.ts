import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../../src/diagnosis/check-result';
import { formatFinding } from '../../../src/cli/print-finding';
import { formatCheckLine } from '../../../src/cli/print-checks';
import { terminalStyle } from '../../../src/cli/terminal-style';

const plain = terminalStyle(false, {});

describe('formatFinding', () => {
  it('shows severity, title, code, explanation and numbered steps with their links spelled out', () => {
    const text = formatFinding({
      code: 'GP-NET-TIMEOUT',
      severity: 'error',
      title: 'The site did not answer in time',
      explanation: 'Why it matters.',
      steps: [{ text: 'First.' }, { text: 'Second.', link: { label: 'Status page', url: 'https://status.example' } }],
    }, plain);
    expect(text).toBe([
      'PROBLEM  The site did not answer in time  [GP-NET-TIMEOUT]',
      '  Why it matters.',
      '',
      '  What to do:',
      '    1. First.',
      '    2. Second.',
      '       Status page: https://status.example',
      '',
    ].join('\n'));
  });
});

describe('terminal style', () => {
  const result: CheckResult = { id: 'dns', name: 'DNS lookup', status: 'fail', summary: 'no such host', details: [], durationMs: 3, finding: null };

  it('says the status in words, so nothing depends on colour', () => {
    expect(formatCheckLine(result, plain)).toMatch(/^ {2}FAIL {2}DNS lookup +no such host$/);
    expect(formatCheckLine({ ...result, status: 'skipped', summary: 'no site' }, plain)).toMatch(/SKIP {2}DNS lookup +skipped: no site$/);
  });

  it('colours only a terminal, and never with NO_COLOR or TERM=dumb', () => {
    expect(formatCheckLine(result, terminalStyle(true, {}))).toContain('\u001b[31mFAIL');
    expect(formatCheckLine(result, terminalStyle(true, { NO_COLOR: '1' }))).not.toContain('\u001b[');
    expect(formatCheckLine(result, terminalStyle(true, { TERM: 'dumb' }))).not.toContain('\u001b[');
    expect(formatCheckLine(result, terminalStyle(false, {}))).not.toContain('\u001b[');
  });
});
