import { describe, expect, it } from 'vitest';
import { containsSecret, createRedactor, FRAGMENT_LENGTH, redactDeep, redactReport, SecretList } from '../../../src/redaction/redact';
import { plantedSecret } from '../../fixtures/plant-secret';

const passphrase = 'Tr0ub4dor&3 "quoted" @home/100%';
const pat = 'pat-7c1e9b0d-5a2f-4f0e-9d1b-secretvalue';
const code = '493817';

describe('createRedactor', () => {
  const redact = createRedactor([passphrase, pat, code, undefined, null, '']);

  it.each([
    ['as is', passphrase],
    ['URL-encoded', encodeURIComponent(passphrase)],
    ['form-encoded', new URLSearchParams({ p: passphrase }).toString().slice(2)],
    ['JSON-escaped', JSON.stringify(passphrase).slice(1, -1)],
    ['JSON-escaped twice', JSON.stringify(JSON.stringify(passphrase).slice(1, -1)).slice(1, -1)],
    ['HTML-escaped', 'Tr0ub4dor&amp;3 &quot;quoted&quot; @home/100%'],
  ])('removes a planted passphrase written %s', (_how, written) => {
    const text = redact(`before ${written} after`);
    expect(text).toBe('before [redacted] after');
  });

  it('removes every occurrence of every secret', () => {
    const text = redact(`${pat} and ${pat}; code ${code}, ${passphrase}`);
    expect(text).not.toContain(pat);
    expect(text).not.toContain(code);
    expect(text).not.toContain('Tr0ub4dor');
    expect(text.match(/\[redacted\]/g)).toHaveLength(4);
  });

  it.each([
    ['upper-cased', passphrase.toUpperCase()],
    ['lower-cased', passphrase.toLowerCase()],
    ['\\u-escaped', [...passphrase].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')],
    ['HTML numeric entities', [...passphrase].map((c) => `&#${c.charCodeAt(0)};`).join('')],
    ['URL-encoded and upper-cased', encodeURIComponent(passphrase).toUpperCase()],
    ['HTML-escaped inside JSON', JSON.stringify('Tr0ub4dor&amp;3 &quot;quoted&quot; @home/100%').slice(1, -1)],
  ])('removes a planted passphrase written %s', (_how, written) => {
    const text = redact(`before ${written} after`);
    expect(text).toBe('before [redacted] after');
  });

  it('removes any fragment of a secret as long as FRAGMENT_LENGTH from server text, such as an echo cut off', () => {
    const redact = createRedactor([pat], { fragments: true });
    for (let start = 0; start + FRAGMENT_LENGTH <= pat.length; start++) {
      const fragment = pat.slice(start, start + FRAGMENT_LENGTH);
      expect(redact(`echo: ${fragment}…`)).toBe('echo: [redacted]…');
    }
    expect(redact(`echo: ${pat.slice(0, FRAGMENT_LENGTH - 1)}…`)).toBe(`echo: ${pat.slice(0, FRAGMENT_LENGTH - 1)}…`);
  });

  it('masks only whole secrets in Gridpass\'s own texts, so a finding code sharing letters with a key survives', () => {
    const key = plantedSecret('script-key');
    expect(createRedactor([key])(`GP-AUTH-BAD-SCRIPT-KEY for ${key}`)).toBe('GP-AUTH-BAD-SCRIPT-KEY for [redacted]');
    expect(createRedactor([key], { fragments: true })('GP-AUTH-BAD-SCRIPT-KEY')).toBe('GP-AUTH-BA[redacted]');
  });

  it('handles a passphrase far longer than any regular expression allows, without building one from it', () => {
    const huge = `(${'planted-[x]*+?'.repeat(4_000)}`;
    expect(huge.length).toBeGreaterThan(32_768);
    const text = createRedactor([huge], { fragments: true })(`{"pw":"${huge}"} and ${huge.slice(10_000, 10_020)}`);
    expect(text).toBe('{"pw":"[redacted]"} and [redacted]');
  });

  it('redacts a short secret only where it stands alone', () => {
    const short = createRedactor(['abc']);
    expect(short('pass abc, not abcdef or xabc')).toBe('pass [redacted], not abcdef or xabc');
  });

  it('leaves ordinary text alone', () => {
    const text = 'Login verified as ana@studio.example (Ana Artist) at https://mystudio.shotgrid.autodesk.com in 21 ms';
    expect(redact(text)).toBe(text);
  });
});

describe('pattern redaction, with no secret known', () => {
  const redact = createRedactor([]);

  it.each([
    ['API3 JSON', '{"user_login":"ana","user_password":"hunter2-unknown","auth_token":"123456"}', ['hunter2-unknown', '123456'], 'ana'],
    ['escaped JSON', '{\\"script_key\\":\\"abc123def456\\"}', ['abc123def456'], 'script_key'],
    ['script key JSON', '{"script_name":"pipeline","script_key":"k3y-Value"}', ['k3y-Value'], 'pipeline'],
    ['session JSON', '{"session_token":"dd638be7aa","reject_if_expired":true}', ['dd638be7aa'], 'reject_if_expired'],
    ['form body', 'grant_type=password&username=ana&password=hunter2x&auth_token=654321', ['hunter2x', '654321'], 'username=ana'],
    ['query string', '/api?session_token=sess-abc-987&x=1', ['sess-abc-987'], 'x=1'],
    ['log line', 'user_password: s3cr3t-log other: fine', ['s3cr3t-log'], 'other: fine'],
    ['cookie', 'Cookie: _session_id=0af3c9e1b2; theme=dark', ['0af3c9e1b2'], 'theme=dark'],
    ['bearer header', 'Authorization: Bearer abc.def-ghi_jkl', ['abc.def-ghi_jkl'], 'Authorization'],
    ['basic header', 'Authorization: Basic YW5hOmh1bnRlcjI=', ['YW5hOmh1bnRlcjI='], 'Authorization'],
    ['JWT', 'token eyJhbGciOiJIUzI1NiJ9.eyJ1c2VyIjp7ImlkIjo0Mn19.c2lnbmF0dXJl here', ['eyJhbGciOiJIUzI1NiJ9', 'c2lnbmF0dXJl'], 'here'],
    ['proxy URL', 'proxy http://jo:pr0xy@pass@proxy.corp:3128/ used', ['jo:', 'pr0xy'], 'proxy.corp:3128'],
    ['site URL', 'https://ana:pw-in-url@mystudio.shotgrid.autodesk.com/api3/json', ['pw-in-url', 'ana:'], 'mystudio.shotgrid.autodesk.com/api3/json'],
  ])('redacts %s', (_what, input, gone, kept) => {
    const text = redact(input);
    for (const secret of gone) expect(text).not.toContain(secret);
    expect(text).toContain(kept);
    expect(text).toContain('[redacted]');
  });

  it('does not redact twice', () => {
    expect(redact(redact('password=abc123xyz'))).toBe('password=[redacted]');
  });
});

describe('request echoes', () => {
  const redact = createRedactor([]);

  it.each([
    ['API3 JSON', '{"user_login":"ana","user_password":"unknown-planted"}', '{"user_login":"ana","user_password":"[redacted]"}'],
    ['JSON with an escaped quote inside', '{"user_password":"a\\"b-planted","x":1}', '{"user_password":"[redacted]","x":1}'],
    ['upper-cased JSON', '{"USER_PASSWORD":"UNKNOWN-PLANTED"}', '{"USER_PASSWORD":"[redacted]"}'],
    ['HTML-escaped JSON', '{&quot;script_key&quot;:&quot;unknown-planted&quot;}', '{&quot;script_key&quot;:&quot;[redacted]&quot;}'],
    ['URL-encoded JSON', '%7B%22auth_token%22%3A%22123456%22%7D', '%7B%22auth_token%22%3A%22[redacted]%22%7D'],
    ['cut-off JSON', 'You sent {"client_secret":"unknown-plan…', 'You sent {"client_secret":"[redacted]'],
    ['a form', 'login=ana&password=unknown-planted&x=1', 'login=ana&password=[redacted]&x=1'],
  ])('cuts out the value of a credential field in %s', (_what, input, expected) => {
    expect(redact(input)).toBe(expected);
  });

  it('leaves sentences that merely mention passwords alone', () => {
    const text = 'This site checks your studio network (LDAP) password: use the password you sign in with.';
    expect(redact(text)).toBe(text);
  });
});

describe('containsSecret', () => {
  it('sees a secret or a fragment of one in any spelling', () => {
    expect(containsSecret('Ana Artist', [passphrase])).toBe(false);
    expect(containsSecret('TR0UB4DOR&amp;3', [passphrase])).toBe(true);
    expect(containsSecret('user_password=x', [])).toBe(true);
  });
});

describe('SecretList', () => {
  it('replaces each secret as typed, JSON-escaped and URL-encoded', () => {
    const secrets = new SecretList();
    secrets.add('p"a ss/w');
    expect(secrets.redact('raw p"a ss/w, json p\\"a ss/w, url p%22a%20ss%2Fw')).toBe('raw [redacted], json [redacted], url [redacted]');
  });

  it('leaves ordinary sentences about passphrases alone', () => {
    const secrets = new SecretList();
    secrets.add('copper-lantern');
    expect(secrets.redact('No terminal to ask for the passphrase: pipe it in')).toBe('No terminal to ask for the passphrase: pipe it in');
  });

  it('ignores empty secrets and keeps each once, the newest MAX_SECRETS', () => {
    const secrets = new SecretList();
    for (const secret of ['', '  ', null, undefined, 'one', 'one']) secrets.add(secret);
    expect(secrets.all()).toEqual(['one']);
    for (let n = 0; n < SecretList.MAX_SECRETS; n++) secrets.add(`secret-${n}`);
    expect(secrets.all()).toHaveLength(SecretList.MAX_SECRETS);
    expect(secrets.all()).not.toContain('one');
  });
});

describe('redactReport', () => {
  it('applies planted secrets and patterns in one final pass', () => {
    expect(redactReport(`pass ${pat} password=x1y2z3`, [pat])).toBe('pass [redacted] password=[redacted]');
  });
});

describe('redactDeep', () => {
  it('redacts every string in nested data and keeps the shape', () => {
    const data = { a: [`x ${pat}`, 3, null], b: { c: pat, d: true } };
    expect(redactDeep(data, createRedactor([pat]))).toEqual({ a: ['x [redacted]', 3, null], b: { c: '[redacted]', d: true } });
  });
});
