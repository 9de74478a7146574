import { describe, expect, it } from 'vitest';
import { findingForFailure } from '../../../src/diagnosis/finding-for-failure';
import type { FindingContext, SignedInFacts } from '../../../src/diagnosis/finding-context';
import { createNodeFetch } from '../../../src/net/node-fetch';
import { createShotgridClient } from '../../../src/shotgrid/create-shotgrid-client';
import type { Failure } from '../../../src/shotgrid/failure';
import { siteFromOrigin } from '../../../src/site/site-address';
import { approveAs } from '../../fixtures/app-session-approval';
import { finish, startSignIn } from '../../fixtures/browser-sign-in';
import { identitySite } from '../../fixtures/diagnosis/sites';
import { practiceSites } from '../../fixtures/practice-site';

const refused: Failure = { kind: 'auth-rejected', code: 102, serverMessage: 'Can\'t authenticate user.' };
const jane: SignedInFacts = { login: 'jdoe', name: 'Jane Doe', status: 'act', lockedUntil: null };
const now = new Date('2026-03-02T13:23:00Z');

function diagnose(extra: Partial<FindingContext>) {
  return findingForFailure(refused, { loginMethod: 'oxygen', site: identitySite, login: 'jdoe', now, ...extra });
}

describe('one cause per refused login', () => {
  it('names the right login when the typed one is not the signed-in person\'s', () => {
    const finding = diagnose({ login: 'jane.doe@studio.example', signedIn: jane });
    expect(finding).toMatchObject({ code: 'GP-AUTH-WRONG-LOGIN', title: 'Your login on this site is "jdoe"' });
    expect(finding.explanation).toContain('not "jane.doe@studio.example"');
    expect(finding.steps[0]?.text).toBe('Use "jdoe" as the login, with your legacy passphrase.');
  });

  it('says the account is inactive, or locked until when, instead of listing every cause', () => {
    expect(diagnose({ signedIn: { ...jane, status: 'dis' } }).code).toBe('GP-ACCOUNT-INACTIVE');
    const locked = diagnose({ signedIn: { ...jane, lockedUntil: '2026-03-02T14:05:00.000Z' } });
    expect(locked.code).toBe('GP-ACCOUNT-LOCKED');
    expect(locked.title).toMatch(/^The account is locked until \d\d:\d\d \(in 42 minutes\)$/);
    expect(diagnose({ signedIn: { ...jane, lockedUntil: '2026-03-02T13:00:00.000Z' } }).code).toBe('GP-AUTH-NO-PAT');
  });

  it('leaves only the passphrase and the token when the login is right, most likely first', () => {
    const finding = diagnose({ signedIn: jane, browserSignInOffered: true });
    expect(finding.code).toBe('GP-AUTH-NO-PAT');
    expect(finding.explanation).toContain('Jane Doe, legacy login "jdoe"');
    expect(finding.explanation).toMatch(/legacy passphrase is wrong or was never set, or no Personal Access Token is bound/);
    expect(finding.explanation).not.toContain('the login or passphrase may be wrong');
    expect(finding.steps[0]?.text).not.toContain('confirm in your browser');
  });

  it('offers browser sign-in as the first step when the site has it and the person has not used it', () => {
    expect(diagnose({ browserSignInOffered: true }).steps[0]?.text).toBe(
      `Let Gridpass find out which: confirm in your browser who you are on ${identitySite.host} (no passphrase is sent).`,
    );
    expect(diagnose({}).steps[0]?.text).not.toContain('confirm in your browser');
  });

  it('leaves script keys alone', () => {
    expect(diagnose({ credential: 'script-key', signedIn: jane, login: 'someone' }).code).toBe('GP-AUTH-BAD-SCRIPT-KEY');
  });
});

const sites = practiceSites();

describe('against the practice site', () => {
  it('turns the refusal of Jane\'s e-mail into GP-AUTH-WRONG-LOGIN naming jdoe', async () => {
    const site = await sites.start();
    const client = createShotgridClient({ fetch: createNodeFetch({}).fetch, userAgent: 'gridpass/test' });
    const typed = { login: 'jane.doe@studio.example', passphrase: 'cedar-lighthouse-36' };
    const verified = await client.verifyLogin(siteFromOrigin(site.url), typed);
    expect(verified.ok).toBe(false);
    const attempt = startSignIn(site.url);
    await approveAs(site.url, 'jdoe');
    const signedIn = await finish(attempt);
    if (!signedIn.ok || verified.ok) throw new Error('expected a refusal and a sign-in');
    const finding = findingForFailure(verified.failure, { loginMethod: 'oxygen', site: siteFromOrigin(site.url), login: typed.login, signedIn: signedIn.person });
    expect(finding).toMatchObject({ code: 'GP-AUTH-WRONG-LOGIN', title: 'Your login on this site is "jdoe"' });
  });
});
