import { describe, expect, it } from 'vitest';
import {
  compareSecretRefs,
  decodeAccountName,
  encodeAccountName,
  secretRefProblem,
  type SecretRef,
} from '../../../src/vault/secret-ref';

describe('keychain account names', () => {
  it('are kind:host:login, readable for an ordinary login', () => {
    expect(encodeAccountName({ kind: 'passphrase', host: 'studio.shotgrid.autodesk.com', login: 'jane.doe' })).toBe(
      'passphrase:studio.shotgrid.autodesk.com:jane.doe',
    );
  });

  it('escape % and : so a port or an odd login still splits back into three parts', () => {
    const ref: SecretRef = { kind: 'pat', host: '127.0.0.1:8443', login: 'a:b%3Ac' };
    const name = encodeAccountName(ref);
    expect(name).toBe('pat:127.0.0.1%3A8443:a%3Ab%253Ac');
    expect(decodeAccountName(name)).toEqual(ref);
  });

  it('name a session token session:host:login, the name tools look it up by', () => {
    const ref: SecretRef = { kind: 'session', host: 'studio.shotgrid.autodesk.com', login: 'jane.doe' };
    expect(encodeAccountName(ref)).toBe('session:studio.shotgrid.autodesk.com:jane.doe');
    expect(decodeAccountName('session:studio.shotgrid.autodesk.com:jane.doe')).toEqual(ref);
  });

  it('write the host lower-case', () => {
    expect(encodeAccountName({ kind: 'script-key', host: 'Studio.Example.COM', login: 'Ingest' })).toBe(
      'script-key:studio.example.com:Ingest',
    );
  });

  it.each([
    ['', 'empty'],
    ['passphrase:host', 'two parts'],
    ['passphrase:host:login:extra', 'four parts'],
    ['password:host:login', 'an unknown kind'],
    ['passphrase::login', 'an empty host'],
    ['passphrase:host:', 'an empty login'],
    ['passphrase:Host:login', 'an upper-case host (not the canonical spelling)'],
    ['passphrase:host:a%3ab', 'a lower-case escape (not the canonical spelling)'],
    ['passphrase:host:tab\there', 'a control character'],
  ])('do not decode %j (%s): it is not an entry Gridpass wrote', (name) => {
    expect(decodeAccountName(name)).toBeNull();
  });

  it('sort by host, then login, then passphrase before token before script key', () => {
    const refs: SecretRef[] = [
      { kind: 'pat', host: 'b.example.com', login: 'amy' },
      { kind: 'script-key', host: 'a.example.com', login: 'zed' },
      { kind: 'passphrase', host: 'b.example.com', login: 'amy' },
      { kind: 'passphrase', host: 'a.example.com', login: 'zed' },
      { kind: 'passphrase', host: 'a.example.com', login: 'bob' },
    ];
    expect([...refs].sort(compareSecretRefs).map(encodeAccountName)).toEqual([
      'passphrase:a.example.com:bob',
      'passphrase:a.example.com:zed',
      'script-key:a.example.com:zed',
      'passphrase:b.example.com:amy',
      'pat:b.example.com:amy',
    ]);
  });

  it('refuse refs that cannot name an entry, saying why', () => {
    expect(secretRefProblem({ kind: 'passphrase', host: '', login: 'jo' })).toMatch(/host/);
    expect(secretRefProblem({ kind: 'passphrase', host: 'a.com', login: 'x'.repeat(257) })).toMatch(/login/);
    expect(secretRefProblem({ kind: 'passphrase', host: 'a.com', login: 'jo' })).toBeNull();
  });
});
