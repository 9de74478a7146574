import { describe, expect, it } from 'vitest';
import { redactSecrets } from '../../../src/shotgrid/redact-secrets';

describe('redactSecrets', () => {
  it('replaces every occurrence of every secret in every text field', () => {
    expect(redactSecrets({ kind: 'http-error', status: 403, bodyExcerpt: 'user_password=hunter22&auth_token=493817&again=hunter22' }, ['hunter22', '493817'])).toEqual({
      kind: 'http-error',
      status: 403,
      bodyExcerpt: 'user_password=[redacted]&auth_token=[redacted]&again=[redacted]',
    });
  });

  it('leaves numbers and absent secrets alone', () => {
    const failure = { kind: 'redirect', status: 302, location: '/login' } as const;
    expect(redactSecrets(failure, [undefined, '302'])).toEqual(failure);
  });

  it('does not redact secrets too short to mean anything', () => {
    expect(redactSecrets({ kind: 'fault', code: 1, serverMessage: 'a bad request' }, ['a'])).toEqual({ kind: 'fault', code: 1, serverMessage: 'a bad request' });
  });
});

describe('redactSecrets on a page that echoes the request back', () => {
  const passphrase = 'p@ss "word" & <more>';

  it.each([
    ['the JSON body it was sent', `{"user_password":${JSON.stringify(passphrase)}}`],
    ['a form or query string', `user_password=${encodeURIComponent(passphrase)}`],
    ['a form with spaces as plus signs', `user_password=${new URLSearchParams({ s: passphrase }).toString().slice(2)}`],
    ['HTML-escaped text', `<p>You sent p@ss &quot;word&quot; &amp; &lt;more&gt;</p>`],
  ])('removes the secret as %s', (_, bodyExcerpt) => {
    const redacted = redactSecrets({ kind: 'http-error', status: 403, bodyExcerpt }, [passphrase]);
    if (redacted.kind !== 'http-error') throw new Error('the kind changed');
    expect(redacted.bodyExcerpt).toContain('[redacted]');
    expect(redacted.bodyExcerpt).not.toMatch(/p(@|%40)ss/);
  });
});
