import { describe, expect, it } from 'vitest';
import { MAX_SERVER_TEXT_CHARS, screenFailure, screenHumanUser, serverExcerpt } from '../../../src/shotgrid/server-text';

describe('screenFailure', () => {
  it('replaces every occurrence of every secret in every text field', () => {
    expect(screenFailure({ kind: 'http-error', status: 403, bodyExcerpt: 'you sent hunter22-planted then 493817 and again=hunter22-planted' }, ['hunter22-planted', '493817'])).toEqual({
      kind: 'http-error',
      status: 403,
      bodyExcerpt: 'you sent [redacted] then [redacted] and again=[redacted]',
    });
  });

  it('never masks the kind of a failure, even when a secret shares a fragment with it', () => {
    const failure = { kind: 'session-expired', serverMessage: 'The session has expired' } as const;
    expect(screenFailure(failure, ['planted-session-0123456789abcdef'])).toEqual(failure);
  });

  it('cuts a request echo out by its field names, even of a secret it was not told', () => {
    const screened = screenFailure({ kind: 'fault', code: 102, serverMessage: 'Bad login for {"user_login":"ana","user_password":"never-told-planted"}' }, []);
    expect(screened).toEqual({ kind: 'fault', code: 102, serverMessage: 'Bad login for {"user_login":"ana","user_password":"[redacted]"}' });
  });

  it('leaves numbers and absent secrets alone', () => {
    const failure = { kind: 'redirect', status: 302, location: '/login' } as const;
    expect(screenFailure(failure, [undefined, '302'])).toEqual(failure);
  });

  it('does not redact secrets too short to mean anything inside words', () => {
    expect(screenFailure({ kind: 'fault', code: 1, serverMessage: 'a bad request' }, ['a'])).toEqual({ kind: 'fault', code: 1, serverMessage: '[redacted] bad request' });
    expect(screenFailure({ kind: 'fault', code: 1, serverMessage: 'bad request' }, ['a'])).toEqual({ kind: 'fault', code: 1, serverMessage: 'bad request' });
  });

  it('removes escape sequences and control characters the server sent', () => {
    const screened = screenFailure({ kind: 'fault', code: 1, serverMessage: 'Bad\u001b[2J login\u001b]52;c;cGxhbnRlZA==\u0007 here\u0000' }, []);
    expect(screened).toEqual({ kind: 'fault', code: 1, serverMessage: 'Bad login here\ufffd' });
  });

  it('keeps a bounded excerpt of a huge server message', () => {
    const screened = screenFailure({ kind: 'fault', code: 1, serverMessage: 'x'.repeat(100_000) }, []);
    if (screened.kind !== 'fault') throw new Error('the kind changed');
    expect(screened.serverMessage.length).toBe(MAX_SERVER_TEXT_CHARS);
    expect(screened.serverMessage.endsWith('…')).toBe(true);
  });
});

describe('screenFailure on a page that echoes the request back', () => {
  const passphrase = 'p@ss "wörd" & <more>-planted';

  it.each([
    ['the JSON body it was sent', `{"user_password":${JSON.stringify(passphrase)}}`],
    ['the JSON body with \\u escapes', `{"pw":"${[...passphrase].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}"}`],
    ['a form or query string', `pw=${encodeURIComponent(passphrase)}`],
    ['a form with spaces as plus signs', `pw=${new URLSearchParams({ s: passphrase }).toString().slice(2)}`],
    ['HTML-escaped text', `<p>You sent p@ss &quot;w&ouml;rd&quot; &amp; &lt;more&gt;-planted</p>`],
    ['upper-cased', `YOU SENT ${passphrase.toUpperCase()}`],
    ['cut off', `You sent ${passphrase.slice(0, 12)}…`],
  ])('removes the secret as %s', (_, bodyExcerpt) => {
    const screened = screenFailure({ kind: 'http-error', status: 403, bodyExcerpt }, [passphrase]);
    if (screened.kind !== 'http-error') throw new Error('the kind changed');
    expect(screened.bodyExcerpt).toContain('[redacted]');
    expect(screened.bodyExcerpt.toLowerCase()).not.toMatch(/p(@|%40)ss|w(ö|%c3%b6|\\u00f6|&ouml;)rd/);
  });
});

describe('serverExcerpt', () => {
  it('is the same screening for a single text', () => {
    expect(serverExcerpt('\u001b[31mred\u001b[0m hunter22-planted', ['hunter22-planted'])).toBe('red [redacted]');
  });
});

describe('screenHumanUser', () => {
  const record = { id: 7, login: 'ana@studio.example', name: 'Ana Artist', email: 'ana@studio.example', status: 'act', permissionGroup: 'Artist' };

  it('keeps an ordinary record as it is', () => {
    expect(screenHumanUser(record, 'ana@studio.example', ['hunter22-planted'])).toEqual(record);
  });

  it('drops a value that shows a secret, in any spelling, and falls back to the given login', () => {
    const echoed = { ...record, login: 'HUNTER22-PLANTED', name: 'hunter22-planted', email: 'x&amp;hunter22-pl', permissionGroup: 'user_password=whatever' };
    expect(screenHumanUser(echoed, 'ana@studio.example', ['hunter22-planted'])).toEqual({
      id: 7, login: 'ana@studio.example', name: null, email: null, status: 'act', permissionGroup: null,
    });
  });

  it('removes control characters from kept values', () => {
    expect(screenHumanUser({ ...record, name: 'Ana\u001b[2J Artist' }, 'ana', []).name).toBe('Ana Artist');
  });
});
