import { describe, expect, it } from 'vitest';
import { createRedactor, redactDeep, redactReport } from '../../../src/diagnosis/redact';

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
