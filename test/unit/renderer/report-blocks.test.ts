import { describe, expect, it } from 'vitest';
import { inlines, reportBlocks } from '../../../renderer/diagnose/report-blocks';

describe('reportBlocks', () => {
  it('reads the headings, lists and checks table the report writes', () => {
    const blocks = reportBlocks([
      '# Gridpass support report', '', '**Problem found: Login refused** (`GP-AUTH-NO-PAT`)', '',
      '- Login: jane', '- Site: https://x.example', '', '## What to do', '',
      '1. Set a passphrase [Autodesk help](https://help.autodesk.com/x)', '2. Try again', '',
      '| Check | Status |', '| --- | --- |', '| Login | FAIL |', '| A \\| B | PASS |',
    ].join('\n'));
    expect(blocks.map((block) => block.kind)).toEqual(['heading', 'paragraph', 'list', 'heading', 'list', 'table']);
    expect(blocks[1]).toEqual({ kind: 'paragraph', content: [{ kind: 'strong', text: 'Problem found: Login refused' }, { kind: 'text', text: ' (' }, { kind: 'code', text: 'GP-AUTH-NO-PAT' }, { kind: 'text', text: ')' }] });
    expect(blocks[4]).toMatchObject({ ordered: true, items: [[{ text: 'Set a passphrase ' }, { kind: 'link', label: 'Autodesk help', url: 'https://help.autodesk.com/x' }], [{ text: 'Try again' }]] });
    expect(blocks[5]).toMatchObject({ header: [[{ text: 'Check' }], [{ text: 'Status' }]], rows: [[[{ text: 'Login' }], [{ text: 'FAIL' }]], [[{ text: 'A | B' }], [{ text: 'PASS' }]]] });
  });

  it('keeps escaped Markdown characters as text, and never makes a link of anything but http(s)', () => {
    expect(inlines('\\*\\*not bold\\*\\* \\`x\\` \\<b\\>')).toEqual([{ kind: 'text', text: '**not bold** `x` <b>' }]);
    expect(inlines('[click](javascript:alert(1))')).toEqual([{ kind: 'text', text: '[click](javascript:alert(1))' }]);
  });
});
