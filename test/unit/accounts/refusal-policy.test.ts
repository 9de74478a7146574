import { describe, expect, it } from 'vitest';
import { countsAsRefusal, decideAfter, lockoutThreshold, passphraseReach, refusalsLeft } from '../../../src/accounts/refusal-policy';
import type { Failure } from '../../../src/shotgrid/failure';

const refused: Failure = { kind: 'auth-rejected', code: 102, serverMessage: "Can't authenticate user 'ana'." };
const failed = (failure: Failure) => decideAfter({ kind: 'failed', failure });

describe('the refusal policy', () => {
  it('counts refused passphrases, refused 2FA codes and locked answers', () => {
    expect(countsAsRefusal(refused)).toBe(true);
    expect(countsAsRefusal({ kind: 'two-factor-rejected', serverMessage: 'Invalid argument for 2FA login' })).toBe(true);
    expect(countsAsRefusal({ kind: 'account-locked', serverMessage: 'locked' })).toBe(true);
  });

  it('counts any answer whose text names a lock, whatever its code', () => {
    expect(countsAsRefusal({ kind: 'fault', code: 999, serverMessage: 'Account is locked until 2026-01-01T10:00:00Z' })).toBe(true);
    expect(countsAsRefusal({ kind: 'account-inactive', detail: 'too many failed login attempts' })).toBe(true);
    expect(countsAsRefusal({ kind: 'fault', code: 999, serverMessage: 'Something else went wrong' })).toBe(false);
  });

  it('never counts what the site did not refuse', () => {
    for (const failure of [
      { kind: 'two-factor-required', serverMessage: 'Missing argument for 2FA login' },
      { kind: 'sso-only', serverMessage: 'not allowed for an SSO-enabled site' },
      { kind: 'timeout', afterMs: 15_000 },
      { kind: 'dns', host: 'nowhere.example' },
      { kind: 'maintenance', status: 503 },
    ] satisfies Failure[]) expect(countsAsRefusal(failure)).toBe(false);
  });

  it('pauses on refused, locked, SSO-only, expired, inactive, a code asked for and a missing secret', () => {
    for (const failure of [
      refused,
      { kind: 'account-locked', serverMessage: 'locked' },
      { kind: 'sso-only', serverMessage: '' },
      { kind: 'session-expired', serverMessage: '' },
      { kind: 'account-inactive', detail: 'inactive' },
      { kind: 'two-factor-required', serverMessage: '' },
    ] satisfies Failure[]) expect(failed(failure)).toMatchObject({ pauses: true, clears: false, unattended: 'paused', health: 'failing' });
    expect(decideAfter({ kind: 'secret-missing' })).toMatchObject({ counts: false, pauses: true, unattended: 'paused' });
  });

  it('lets only a verified login clear the count and the pause', () => {
    expect(decideAfter({ kind: 'verified' })).toMatchObject({ clears: true, pauses: false, counts: false, health: 'ok' });
    expect(failed({ kind: 'timeout', afterMs: 1 }).clears).toBe(false);
    expect(failed(refused).clears).toBe(false);
  });

  it('treats an answer that never came after the passphrase left as a possible refusal for scheduling', () => {
    for (const failure of [
      { kind: 'timeout', afterMs: 15_000 },
      { kind: 'reset' },
      { kind: 'http-error', status: 500, bodyExcerpt: '' },
      { kind: 'maintenance', status: 503 },
      { kind: 'html', status: 502, pageTitle: null },
    ] satisfies Failure[]) {
      expect(passphraseReach(failure)).toBe('unknown');
      expect(failed(failure)).toMatchObject({ counts: false, pauses: false, unattended: 'next-interval', health: 'attention' });
    }
  });

  it('lets a returning network re-check a login whose try never left this computer', () => {
    for (const failure of [
      { kind: 'dns', host: 'studio.example' },
      { kind: 'refused' },
      { kind: 'tls-untrusted', detail: '' },
      { kind: 'proxy', detail: '' },
    ] satisfies Failure[]) expect(failed(failure)).toMatchObject({ reach: 'not-sent', unattended: 'soon-on-event', pauses: false });
  });

  it('counts the refusals left before the lock from the one threshold', () => {
    expect(lockoutThreshold).toBe(10);
    expect(refusalsLeft(3)).toBe(lockoutThreshold - 3);
    expect(refusalsLeft(lockoutThreshold + 2)).toBe(0);
  });
});
