import { describe, expect, it } from 'vitest';
import { SecretList, redactingIo } from '../../../src/cli/secret-list';
import { memoryIo } from '../../fixtures/cli-io';

describe('SecretList', () => {
  it('replaces each secret as typed, JSON-escaped and URL-encoded', () => {
    const secrets = new SecretList();
    secrets.add('p"a ss/w');
    expect(secrets.redact('raw p"a ss/w, json p\\"a ss/w, url p%22a%20ss%2Fw')).toBe('raw [redacted], json [redacted], url [redacted]');
  });

  it('replaces a short secret only where it stands alone', () => {
    const secrets = new SecretList();
    secrets.add('abc');
    expect(secrets.redact('abc in abcdef')).toBe('[redacted] in abcdef');
  });

  it('leaves ordinary sentences about passphrases alone', () => {
    const secrets = new SecretList();
    secrets.add('copper-lantern');
    expect(secrets.redact('No terminal to ask for the passphrase: pipe it in')).toBe('No terminal to ask for the passphrase: pipe it in');
  });

  it('ignores empty secrets and keeps each once', () => {
    const secrets = new SecretList();
    for (const secret of ['', '  ', null, undefined, 'one', 'one']) secrets.add(secret);
    expect(secrets.all()).toEqual(['one']);
  });

  it('redacts every write of the wrapped terminal, including secrets added later', () => {
    const secrets = new SecretList();
    const io = memoryIo();
    const redacting = redactingIo(io, secrets);
    secrets.add('later-secret');
    redacting.out('out later-secret');
    redacting.err('err later-secret');
    redacting.status('status later-secret');
    expect(io.stdout).toBe('out [redacted]\n');
    expect(io.stderr).toBe('err [redacted]\nstatus [redacted]');
  });
});
